"""A job: long work run by a background worker (Django's Tasks API) on someone's behalf, with its progress, its
result or every error, who started it and when. The task backend's own record says whether the task ran; the job
says what it did, in words for the person who started it, whatever backend runs it."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class JobKind(models.TextChoices):
    EVENT_CHECK = "event_check", _("Check of an events spreadsheet")
    EVENT_UPLOAD = "event_upload", _("Import of an events spreadsheet")
    ANNUAL_REPORT = "annual_report", _("Annual report")
    OPEN_DATA = "open_data", _("Publication of the open-data archive")
    NATIONAL_SEED = "national_seed", _("National demo data set")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting for a worker")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class JobPhase(models.TextChoices):
    CHECKING = "checking", _("Checking rows")
    WRITING = "writing", _("Writing rows")
    TABLES = "tables", _("Writing tables")
    SECTIONS = "sections", _("Computing sections")
    DEMO = "demo", _("Loading the reference and demo data")


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=32, choices=JobKind.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="jobs", verbose_name=_("started by")
    )
    language = models.CharField(_("language"), max_length=8, default=settings.LANGUAGE_CODE)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    task_id = models.CharField(_("task id"), max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED)
    phase = models.CharField(_("phase"), max_length=16, choices=JobPhase.choices, blank=True)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), null=True, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    message = models.TextField(_("message"), blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    created_at = models.DateTimeField(_("started"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(_("running since"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last progress"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def finished(self):
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self):
        if not self.total:
            return 0
        return min(100, round(100 * self.done / self.total))
