"""Programmes and projects with targets; their progress is computed from their events."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, Visibility
from events.models.choices import EventStatus, Verification
from registry.dates import window_errors
from registry.fields import optional_link
from registry.models import NamedRegistryModel, Period, PeriodQuerySet, TranslatedText


class ProgrammeQuerySet(PeriodQuerySet):
    def with_progress(self, public=False):
        """Annotate each programme with its events' totals: `verified_*` (official) and `all_*` (every event not
        cancelled or archived). One query, however many programmes. `public`: count only what the public may read,
        verified public events, in both."""
        counted = Q(events__archived_at__isnull=True) & ~Q(events__status=EventStatus.CANCELLED)
        if public:
            counted &= Q(events__verification=Verification.VERIFIED, events__is_public=True)
        verified = counted & Q(events__verification=Verification.VERIFIED)
        annotations = {}
        for prefix, condition in (("all", counted), ("verified", verified)):
            annotations[f"{prefix}_events"] = Count("events", filter=condition)
            for metric, field in PROGRESS_SUMS.items():
                annotations[f"{prefix}_{metric}"] = Sum(f"events__{field}", filter=condition)
        return self.annotate(**annotations)


PROGRESS_SUMS = {
    "participants": "participants_count",
    "volunteers": "volunteers_count",
    "beneficiaries": "beneficiaries_count",
    "funds": "funds_raised_kzt",
}
TARGETS = {
    "events": "target_events",
    "participants": "target_participants",
    "volunteers": "target_volunteers",
    "beneficiaries": "target_beneficiaries",
    "funds": "target_funds_kzt",
}


class Programme(Period, NamedRegistryModel):
    """A programme or project with a period, an owner and targets; its progress is computed from its events."""

    translated_fields = ("name", "description")
    search_fields = ("code", "name_kk", "name_ru", "name_en")

    code = models.SlugField(
        _("code"), max_length=60, unique=True, help_text=_("A short stable identifier, e.g. heart-to-heart-2024.")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    owner = optional_link("assembly.Body", _("owner"), "programmes")
    region = optional_link("regions.Region", _("region"), "programmes", help_text=_("Empty for a national programme."))
    description_kk = models.TextField(_("description (Kazakh)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    target_events = models.PositiveIntegerField(_("target: events"), null=True, blank=True)
    target_participants = models.PositiveIntegerField(_("target: participants"), null=True, blank=True)
    target_volunteers = models.PositiveIntegerField(_("target: volunteers"), null=True, blank=True)
    target_beneficiaries = models.PositiveIntegerField(_("target: people helped"), null=True, blank=True)
    target_funds_kzt = models.PositiveBigIntegerField(_("target: funds raised, tenge"), null=True, blank=True)

    description = TranslatedText()
    objects = ProgrammeQuerySet.as_manager()
    end_before_start_message = _("The programme cannot end before it starts.")
    access = AccessRule(visibility=Visibility.PUBLIC, region_path="region", coordinator_writes=True)

    class Meta:
        ordering = ["-start_date", "code"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def clean(self):
        super().clean()
        errors = {}
        errors.update(window_errors(self, ("start_date", "end_date")))
        if self.owner_id and self.region_id and self.owner.region_id not in (None, self.region_id):
            errors["owner"] = _("A regional programme's owner must be a body of the same region.")
        if errors:
            raise ValidationError(errors)

    def progress(self):
        """{"verified": {...}, "all": {...}, "targets": {...}} with per-metric totals and percentages."""
        if not hasattr(self, "all_events"):
            annotated = Programme.objects.with_progress().get(pk=self.pk)
            for name in ("all", "verified"):
                for metric in ("events", *PROGRESS_SUMS):
                    setattr(self, f"{name}_{metric}", getattr(annotated, f"{name}_{metric}"))
        result = {"targets": {metric: getattr(self, field) for metric, field in TARGETS.items()}}
        for name in ("verified", "all"):
            result[name] = {metric: getattr(self, f"{name}_{metric}") or 0 for metric in TARGETS}
        return result

    def progress_rows(self):
        """One row per metric that has a target: the target, the verified and all figures, and percentages."""
        progress = self.progress()
        rows = []
        for metric, target in progress["targets"].items():
            if not target:
                continue
            verified, everything = progress["verified"][metric], progress["all"][metric]
            rows.append(
                {
                    "metric": metric,
                    "label": METRIC_LABELS[metric],
                    "target": target,
                    "verified": verified,
                    "all": everything,
                    "verified_percent": round(100 * verified / target),
                    "all_percent": round(100 * everything / target),
                    "verified_width": min(100, round(100 * verified / target)),
                    "all_width": min(100, round(100 * everything / target)),
                }
            )
        return rows


METRIC_LABELS = {
    "events": _("events"),
    "participants": _("participants"),
    "volunteers": _("volunteers"),
    "beneficiaries": _("people helped"),
    "funds": _("funds raised, tenge"),
}
