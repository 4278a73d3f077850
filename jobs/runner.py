"""Starting jobs and running them: `start(owner, kind, task, **params)` records the job and enqueues its task;
`@job_task` makes `function(job, progress)` a task that records the job's life: running, done with its result,
or failed with a readable message and every error."""

import functools
import logging

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jobs.models import Job, JobStatus
from jobs.progress import Progress
from registry.middleware import current_request_id

try:  # Django 6 has the Tasks API built in; before it, the django-tasks backport provides the same API.
    from django.tasks import TaskResultStatus, default_task_backend, task
except ImportError:
    from django_tasks import TaskResultStatus, default_task_backend, task

logger = logging.getLogger(__name__)


class JobFailed(Exception):
    """A job that cannot do its work, with a message for the person who started it and, for a file, every row's
    errors ({"row", "column", "message"})."""

    def __init__(self, message, errors=()):
        super().__init__(message)
        self.message = str(message)
        self.errors = list(errors)


def start(owner, kind, task_, language=None, **params):
    """Record a job for `owner` and enqueue `task_` for it; returns the job. Call it outside a transaction (as a
    view is): a worker of another process must find the job committed."""
    job = Job.objects.create(
        owner=owner,
        kind=kind,
        params={**params, "request_id": current_request_id.get()},
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
    )
    job.task_id = str(task_.enqueue(str(job.pk)).id)
    job.save(update_fields=["task_id"])
    return job


def job_task(function):
    """Make `function(job, progress)` the task of a job: it returns the result (a dict for the page), or raises
    JobFailed; any other exception fails the job with a readable message and is raised again for the backend's
    own record. The job's language is the language of the request that started it."""

    @functools.wraps(function)
    def run(job_id):
        job = Job.objects.get(pk=job_id)
        if job.finished:
            return None
        Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, started_at=timezone.now())
        job.status = JobStatus.RUNNING
        request_token = current_request_id.set(job.params.get("request_id", ""))
        with translation.override(job.language), Progress(job) as progress:
            try:
                result = function(job, progress)
            except JobFailed as failure:
                finish(job, JobStatus.FAILED, message=failure.message, errors=failure.errors)
                return {"failed": failure.message}
            except BaseException as error:
                logger.exception("Job %s (%s) failed", job.pk, job.kind)
                finish(job, JobStatus.FAILED, message=unexpected_failure_message(error))
                raise
            finally:
                current_request_id.reset(request_token)
        finish(job, JobStatus.DONE, result=result or {})
        return result

    return task()(run)


def unexpected_failure_message(error):
    if isinstance(error, (KeyboardInterrupt, SystemExit)):
        return _("The worker was stopped while running this job.")
    return _("The job stopped on an unexpected error (%(error)s).") % {"error": type(error).__name__}


def finish(job, status, result=None, message="", errors=()):
    job.status, job.finished_at, job.heartbeat_at = status, timezone.now(), timezone.now()
    job.result, job.message, job.errors = result or {}, message, list(errors)
    if status == JobStatus.DONE and job.total is not None:
        job.done = job.total
    job.save(
        update_fields=["status", "finished_at", "heartbeat_at", "result", "message", "errors", "phase", "done", "total"]
    )


def notice_death(job):
    """A job whose task failed outside our code, or whose worker stopped reporting progress (killed), is failed.
    Its work was one transaction, rolled back when its connection died: nothing of it was kept."""
    if job.finished:
        return job
    with translation.override(job.language):
        message = _death_message(job)
        if message is not None:
            finish(job, JobStatus.FAILED, message=message)
    return job


def _death_message(job):
    message = None
    if job.status == JobStatus.RUNNING:
        last_sign = job.heartbeat_at or job.started_at or job.created_at
        if timezone.now() - last_sign > settings.JOBS_STALE_AFTER:
            message = _("The worker running this job stopped answering.")
    if message is None and job.task_id and default_task_backend.supports_get_result:
        try:
            outcome = default_task_backend.get_result(job.task_id)
        except Exception:  # the task's record was pruned or is unreadable: the job's own status stands
            outcome = None
        if outcome is not None and outcome.status == TaskResultStatus.FAILED:
            message = _("The worker could not run this job.")
    return message
