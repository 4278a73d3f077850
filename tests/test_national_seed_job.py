"""The national seed as a background job: queued by `seed_demo --background --owner`, run by the real database
worker with its progress on the job's page, failed whole with a message that says to start it again."""

import io
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from assembly.models import Membership
from events.models import Event
from jobs.models import Job, JobKind, JobPhase, JobStatus
from registry import national
from tests.conftest import web_client
from tests.jobkit import run_jobs

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

FACTOR = 0.005


def signed_in(username):
    """A web client for `username` as the database has them now (the demo seed resets the demo users' passwords,
    which ends their earlier sessions)."""
    return web_client(get_user_model().objects.get(username=username))


def queue(owner="secretariat", **options):
    out = io.StringIO()
    call_command("seed_demo", scale="national", factor=FACTOR, background=True, owner=owner, stdout=out, **options)
    return out.getvalue()


def test_the_command_queues_a_job_that_the_worker_runs_with_its_progress_to_the_total(users):
    printed = queue(language="en")
    job = Job.objects.get()
    assert (job.kind, job.owner.username, job.status, job.params["factor"]) == (
        JobKind.NATIONAL_SEED,
        "secretariat",
        JobStatus.QUEUED,
        FACTOR,
    )
    assert f"/portal/jobs/{job.pk}/" in printed
    assert not Event.objects.filter(description=national.NATIONAL_MARK).exists()
    assert not Event.objects.exists()  # nothing is seeded before a worker takes the job

    reported = []
    original = national.Progress.step

    def step(progress, *args):
        original(progress, *args)
        reported.append(Job.objects.values_list("done", "total").get(pk=job.pk))

    with mock.patch.object(national.Progress, "step", step):
        run_jobs()

    job.refresh_from_db()
    assert (job.status, job.phase, job.message) == (JobStatus.DONE, JobPhase.WRITING, "")
    assert job.total == job.done == job.result["rows"] > 300
    # The total was known before the first row was written, and the bar moved while the rows were written.
    assert reported and {total for _done, total in reported} == {job.total}
    for year in national.YEARS:
        assert Event.objects.filter(start_date__year=year).count() >= 75  # the demo events count towards the figure
    assert Event.objects.filter(description__startswith=national.NATIONAL_MARK).count() > 100
    assert Membership.objects.filter(note=national.NATIONAL_MARK).exists()
    page = signed_in("secretariat").get(f"/portal/jobs/{job.pk}/").content.decode()
    assert "National demo data set" in page and "Done" in page
    assert f"{job.total:,} rows of demo data created, at 0.5% of the national figures." in page
    assert "running it again creates only what is missing" in page
    assert signed_in("admin").get(f"/portal/jobs/{job.pk}/").status_code == 200
    assert signed_in("coord-kz-10").get(f"/portal/jobs/{job.pk}/").status_code == 404


def test_a_failure_keeps_none_of_the_national_rows_and_a_second_job_completes_them(users):
    queue(language="en")
    with mock.patch("events.national.EventPart.run", side_effect=RuntimeError("disk full")):
        run_jobs()
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED
    assert "unexpected error (RuntimeError)" in job.message
    assert not Event.objects.filter(description__startswith=national.NATIONAL_MARK).exists()
    page = signed_in("secretariat").get(f"/portal/jobs/{job.pk}/").content.decode()
    assert "Nothing of the national figures was kept" in page
    assert "start it again and it creates only what is missing" in page

    queue()
    run_jobs()
    again = Job.objects.order_by("-created_at").first()
    assert (again.status, again.done) == (JobStatus.DONE, again.total)
    assert Event.objects.filter(description__startswith=national.NATIONAL_MARK).count() > 100


def test_an_unknown_owner_is_refused_naming_the_option(users):
    with pytest.raises(CommandError, match=r"--owner 'nobody': no active user has this username"):
        queue(owner="nobody")
    with pytest.raises(CommandError, match=r"--background needs --owner <username>"):
        queue(owner=None)
    assert not Job.objects.exists()
