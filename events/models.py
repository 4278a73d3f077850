"""Events of the Assembly's network and the programmes they belong to.

A coordinator logs an event of their region; it is "submitted" until the secretariat verifies it or returns it with
a comment. Official figures count verified events; dashboards may show both.
"""

import difflib
import functools
import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, Visibility, is_secretariat
from registry.languages import SPOKEN_LANGUAGES
from registry.models import NamedRegistryModel, RegistryModel, RegistryQuerySet, TranslatedText


class EventKind(models.TextChoices):
    FORUM = "forum", _("forum")
    FESTIVAL = "festival", _("festival")
    SPORTS = "sports", _("sports event")
    THEATRE = "theatre", _("theatre performance")
    CREATIVE_EVENING = "creative_evening", _("creative evening")
    EXPEDITION = "expedition", _("expedition")
    YOUTH_CAMP = "youth_camp", _("youth camp")
    ROUND_TABLE = "round_table", _("round table")
    CHARITY = "charity", _("charity event")
    VOLUNTEER_ACTION = "volunteer_action", _("volunteer action")
    TRAINING = "training", _("training or seminar")
    EXHIBITION = "exhibition", _("exhibition")
    OTHER = "other", _("other")


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")


class Verification(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted for verification")
    VERIFIED = "verified", _("verified")
    RETURNED = "returned", _("returned for correction")


class Source(models.TextChoices):
    PORTAL = "portal", _("portal form")
    UPLOAD = "upload", _("spreadsheet upload")
    API = "api", _("API")
    ADMIN = "admin", _("admin")
    DEMO = "demo", _("demo data")


EVENT_LANGUAGES = SPOKEN_LANGUAGES

# What a coordinator reports about an event, in the order forms, spreadsheets and exports show it.
REPORTED_FIELDS = (
    "title",
    "kind",
    "status",
    "start_date",
    "end_date",
    "region",
    "district",
    "venue",
    "organizer",
    "programme",
    "participants_count",
    "volunteers_count",
    "beneficiaries_count",
    "funds_raised_kzt",
)
DESCRIPTIVE_FIELDS = ("languages", "description", "press_links", "is_public")


@functools.lru_cache(maxsize=65536)
def normalized_title(title):
    """A title reduced for comparison: lower case, letters and digits only, quotes and punctuation dropped."""
    text = unicodedata.normalize("NFKC", title or "").casefold()
    return " ".join(re.findall(r"\w+", text))


@functools.lru_cache(maxsize=65536)
def _numbers(normalized):
    return tuple(re.findall(r"\d+", normalized))


def titles_look_alike(first, second, threshold=0.8):
    """Same title give or take punctuation, case and small typos. Titles whose numbers differ ("Charity action
    No. 3" and "No. 4", "Forum 2024" and "Forum 2025") are different events."""
    a, b = normalized_title(first), normalized_title(second)
    if not a or not b:
        return False
    if a == b:
        return True
    if _numbers(a) != _numbers(b):
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    return (
        matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold
    )


class ProgrammeQuerySet(RegistryQuerySet):
    def with_progress(self):
        """Annotate each programme with its events' totals: `verified_*` (official) and `all_*` (every event not
        cancelled or archived). One query, however many programmes."""
        counted = Q(events__archived_at__isnull=True) & ~Q(events__status=EventStatus.CANCELLED)
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


class Programme(NamedRegistryModel):
    """A programme or project with a period, an owner and targets; its progress is computed from its events."""

    code = models.SlugField(
        _("code"), max_length=60, unique=True, help_text=_("A short stable identifier, e.g. heart-to-heart-2024.")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    owner = models.ForeignKey(
        "assembly.Body",
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programmes",
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programmes",
        help_text=_("Empty for a national programme."),
    )
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
    access = AccessRule(visibility=Visibility.PUBLIC, region_path="region", coordinator_writes=True)

    class Meta:
        ordering = ["-start_date", "code"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The programme cannot end before it starts.")
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


class EventAccess(AccessRule):
    """Signed-in roles read every event; the public reads verified public events only."""

    def public_rows(self, queryset):
        return queryset.filter(verification=Verification.VERIFIED, is_public=True)

    def can_verify(self, user):
        return is_secretariat(user)


class EventQuerySet(RegistryQuerySet):
    def counted(self):
        """Events that count in figures: not archived, not cancelled."""
        return self.filter(archived_at__isnull=True).exclude(status=EventStatus.CANCELLED)

    def verified(self):
        return self.filter(verification=Verification.VERIFIED)

    def public_calendar(self):
        return self.filter(archived_at__isnull=True, verification=Verification.VERIFIED, is_public=True)


COUNT_FIELDS = ("participants_count", "volunteers_count", "beneficiaries_count", "funds_raised_kzt")


class Event(RegistryModel):
    """One event, as logged by a coordinator (or the secretariat) and verified by the secretariat."""

    title = models.CharField(_("title"), max_length=300, help_text=_("In the language it was announced in."))
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.HELD)
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(_("end date"), blank=True, help_text=_("Leave empty for a one-day event."))
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="events"
    )
    district = models.ForeignKey(
        "regions.District",
        verbose_name=_("district or city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    organizer = models.ForeignKey(
        "assembly.Body",
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organised_events",
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    participants_count = models.IntegerField(_("participants"), null=True, blank=True)
    volunteers_count = models.IntegerField(_("volunteers"), null=True, blank=True)
    beneficiaries_count = models.IntegerField(_("people helped"), null=True, blank=True)
    funds_raised_kzt = models.BigIntegerField(
        _("funds raised, tenge"), null=True, blank=True, help_text=_("Whole tenge, no tiyn.")
    )
    languages = models.JSONField(_("languages used"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    press_links = models.JSONField(_("press coverage links"), default=list, blank=True)
    is_public = models.BooleanField(
        _("show in the public calendar"), default=True, help_text=_("Once verified, the public sees it.")
    )
    verification = models.CharField(
        _("verification"),
        max_length=20,
        choices=Verification.choices,
        default=Verification.SUBMITTED,
        db_index=True,
    )
    return_comment = models.TextField(_("secretariat's comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("logged by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    source = models.CharField(_("logged through"), max_length=10, choices=Source.choices, default=Source.PORTAL)

    display_title = TranslatedText()
    objects = EventQuerySet.as_manager()
    access = EventAccess(visibility=Visibility.PUBLIC, region_path="region", coordinator_writes=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["region", "start_date"]),
            models.Index(fields=["verification", "region"]),
            models.Index(fields=["programme", "verification"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_it_starts",
                violation_error_message=_("The event cannot end before it starts."),
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{field}__gte": 0}),
                    name=f"event_{field}_not_negative",
                    violation_error_message=_("Counts and funds cannot be negative."),
                )
                for field in COUNT_FIELDS
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.start_date:%Y-%m-%d})" if self.start_date else self.title

    # Titles in other languages are optional; the one as written is always there.
    @property
    def title_in_language(self):
        return self.display_title or self.title

    @property
    def verified(self):
        return self.verification == Verification.VERIFIED

    @property
    def last_day(self):
        return self.end_date or self.start_date

    def save(self, *args, **kwargs):
        if self.end_date is None:
            self.end_date = self.start_date
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _(
                "The event cannot end before it starts: the end date is earlier than the start date."
            )
        for field in COUNT_FIELDS:
            value = getattr(self, field)
            if value is not None and value < 0:
                errors[field] = _("Cannot be negative; enter 0 or leave it empty if unknown.")
        if self.status == EventStatus.HELD and self.start_date and self.start_date > timezone.localdate():
            errors["status"] = _(
                "An event that starts in the future cannot be marked as held; mark it as planned or correct the date."
            )
        if self.district_id and self.region_id and self.district.region_id != self.region_id:
            errors["district"] = _("This district or city is not in the event's region.")
        if self.organizer_id and self._changed("organizer_id") and self.organizer.archived_at is not None:
            errors["organizer"] = _("This organiser is archived; choose an active body.")
        if self.programme_id:
            errors.update(self._programme_errors())
        unknown = [code for code in self.languages or [] if code not in EVENT_LANGUAGES]
        if not isinstance(self.languages, list) or unknown:
            errors["languages"] = _("Unknown language code(s): %(codes)s.") % {"codes": ", ".join(map(str, unknown))}
        if not isinstance(self.press_links, list):
            errors["press_links"] = _("Give a list of links.")
        else:
            validate_url = URLValidator(schemes=["http", "https"])
            for link in self.press_links:
                try:
                    validate_url(link)
                except ValidationError:
                    errors["press_links"] = _("Not a web address: %(link)s") % {"link": link}
                    break
        if errors:
            raise ValidationError(errors)

    def _programme_errors(self):
        programme = self.programme
        if self._changed("programme_id") and programme.archived_at is not None:
            return {"programme": _("This programme is archived; choose an active one.")}
        if programme.region_id and self.region_id and programme.region_id != self.region_id:
            return {"programme": _("This programme belongs to another region.")}
        outside = self.start_date and (
            (programme.start_date and self.start_date < programme.start_date)
            or (programme.end_date and self.start_date > programme.end_date)
        )
        if outside:
            return {
                "programme": _("The event's date is outside the programme's period (%(start)s – %(end)s).")
                % {"start": programme.start_date or "…", "end": programme.end_date or "…"}
            }
        return {}

    def _changed(self, attname):
        """Whether `attname` differs from the stored row (always true for a new event)."""
        if self._state.adding or not self.pk:
            return True
        stored = Event.objects.filter(pk=self.pk).values_list(attname, flat=True).first()
        return stored != getattr(self, attname)

    # -- duplicates ---------------------------------------------------------------------------------------
    def likely_duplicates(self):
        """Active events of the same region starting the same day with a similar title."""
        if not (self.region_id and self.start_date and self.title):
            return []
        candidates = Event.objects.active().filter(region_id=self.region_id, start_date=self.start_date)
        if self.pk:
            candidates = candidates.exclude(pk=self.pk)
        return [
            event
            for event in candidates.only("id", "title", "start_date")
            if titles_look_alike(event.title, self.title)
        ]

    # -- verification -------------------------------------------------------------------------------------
    def submit(self):
        if self.verification not in (Verification.DRAFT, Verification.RETURNED):
            raise ValidationError(
                {
                    "verification": _("Only a draft or a returned event can be submitted; this one is %(state)s.")
                    % {"state": self.get_verification_display()}
                }
            )
        self.verification = Verification.SUBMITTED
        self.submitted_at = timezone.now()
        self.save()

    def verify(self, user):
        if self.verification not in (Verification.SUBMITTED, Verification.RETURNED):
            raise ValidationError(
                {
                    "verification": _("Only a submitted event can be verified; this one is %(state)s.")
                    % {"state": self.get_verification_display()}
                }
            )
        self.verification = Verification.VERIFIED
        self.verified_at = timezone.now()
        self.verified_by = user
        self.return_comment = ""
        self.save()

    def return_for_correction(self, user, comment):
        comment = (comment or "").strip()
        if not comment:
            raise ValidationError({"comment": _("Say what the coordinator should correct.")})
        if self.verification not in (Verification.SUBMITTED, Verification.VERIFIED):
            raise ValidationError(
                {
                    "verification": _("Only a submitted or verified event can be returned; this one is %(state)s.")
                    % {"state": self.get_verification_display()}
                }
            )
        self.verification = Verification.RETURNED
        self.return_comment = comment
        self.verified_at = None
        self.verified_by = None
        self.save()

    def start_verification(self, user, draft=False):
        """The state of a newly logged event: the secretariat's own entries are verified at once; a coordinator's
        are submitted to the secretariat (or kept as a draft until they submit it)."""
        self.logged_by = user if user is not None and user.is_authenticated else None
        now = timezone.now()
        if draft:
            self.verification = Verification.DRAFT
        elif is_secretariat(user):
            self.verification = Verification.VERIFIED
            self.submitted_at = self.verified_at = now
            self.verified_by = user
        else:
            self.verification = Verification.SUBMITTED
            self.submitted_at = now

    def after_edit_by(self, user):
        """The verification state after `user` changed the event: a coordinator's edit of a returned or verified
        event goes back to the secretariat; the secretariat's own edits keep the state."""
        if is_secretariat(user):
            return
        if self.verification in (Verification.RETURNED, Verification.VERIFIED):
            self.verification = Verification.SUBMITTED
            self.submitted_at = timezone.now()
            self.verified_at = None
            self.verified_by = None
