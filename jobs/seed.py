"""The demo data set as a background job: `manage.py seed_demo --scale national --background --owner <username>`
queues it, a worker runs it (reference data, the ordinary demo data, then the national figures) with its rows
written and to write on the job's page."""

import io

from django.core.management import call_command
from django.db import transaction

from jobs.models import JobKind, JobPhase
from jobs.runner import job_task, start
from registry import national
from registry.management.commands.load_reference import app_modules


def seed_demo(stdout, scale="demo", factor=1.0, stream=None, report=None):
    """Reference data, then the demo data, then (for scale "national") the national figures times `factor`; returns
    {registry: rows created} of the national part. Each step is idempotent and one transaction: run again after a
    failure, it completes what is missing."""
    call_command("load_reference", stdout=stdout)
    with transaction.atomic():
        for module in app_modules("demo"):
            module.seed(stdout)
    if scale != "national":
        return {}
    return national.seed(stdout, factor=factor, stream=stream, report=report)


@job_task
def seed_national(job, progress):
    def report(done, total):
        if done == 0:
            progress.start(JobPhase.WRITING, total)
        else:
            progress.advance(done)

    progress.start(JobPhase.DEMO, None)
    quiet = io.StringIO()
    made = seed_demo(quiet, scale="national", factor=job.params["factor"], stream=quiet, report=report)
    percent = round(job.params["factor"] * 100, 3)
    percent = int(percent) if percent.is_integer() else percent
    return {"rows": sum(made.values()), "factor": job.params["factor"], "percent": percent}


def start_national_seed(owner, factor, language=None):
    return start(owner, JobKind.NATIONAL_SEED, seed_national, language=language, factor=factor)
