"""The page of a background job: its progress while it runs (a <progress> bar that a reload or a small script
keeps current), then its result or every error. Only the person who started it and the secretariat see it."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from accounts import access
from events.tables import column_label
from jobs.models import Job, JobKind, JobStatus
from jobs.runner import notice_death
from portal.events.checks import CheckedFile, waiting_file

# Seconds between two looks at a running job (the page's script, or the browser's refresh without it).
POLL_SECONDS = 2


def visible_jobs(user):
    if access.is_secretariat(user):
        return Job.objects.all()
    return Job.objects.filter(owner=user)


class JobView(LoginRequiredMixin, DetailView):
    template_name = "portal/job.html"
    context_object_name = "job"

    def get_object(self, queryset=None):
        # Someone else's job is "not found", as a job that does not exist: its id tells nothing.
        return notice_death(get_object_or_404(visible_jobs(self.request.user).select_related("owner"), **self.kwargs))

    def get_context_data(self, **kwargs):
        job = self.object
        is_check = job.kind == JobKind.EVENT_CHECK
        if is_check and job.status == JobStatus.DONE:
            kwargs.update(report=CheckedFile.of(job), file_waiting=waiting_file(job) is not None)
        return super().get_context_data(
            poll_seconds=POLL_SECONDS,
            is_check=is_check,
            is_upload=job.kind == JobKind.EVENT_UPLOAD,
            is_open_data=job.kind == JobKind.OPEN_DATA,
            is_annual=job.kind == JobKind.ANNUAL_REPORT,
            # Each error names its column as people read it, in the page's language ("Participants").
            job_errors=[{**error, "column": column_label(error.get("column") or "")} for error in job.errors or []],
            is_seed=job.kind == JobKind.NATIONAL_SEED,
            **kwargs,
        )
