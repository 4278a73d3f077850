"""The event: one activity of the network, logged by a coordinator and verified by the secretariat."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, Visibility, is_secretariat
from events import lifecycle
from events.lifecycle import Action
from events.models.choices import (
    EVENT_LANGUAGES,
    EventKind,
    EventStatus,
    Source,
    Verification,
)
from events.models.programmes import Programme
from registry.dates import window_errors
from registry.fields import link, optional_link
from registry.kazakh_latin import in_reader_script, record_language
from registry.models import Period, PeriodQuerySet, RegistryModel
from registry.search import SearchText

# Built once: a file of 50,000 events would otherwise build (and compile) it 50,000 times.
VALIDATE_PRESS_LINK = URLValidator(schemes=["http", "https"])


class EventAccess(AccessRule):
    """Signed-in roles read every event; the public reads verified public events only."""

    def public_rows(self, queryset):
        return queryset.filter(verification=Verification.VERIFIED, is_public=True)

    def can_verify(self, user):
        return is_secretariat(user)


class EventQuerySet(PeriodQuerySet):
    def counted(self):
        """Events that count in figures: not archived, not cancelled."""
        return self.filter(archived_at__isnull=True).exclude(status=EventStatus.CANCELLED)

    def verified(self):
        return self.filter(verification=Verification.VERIFIED)

    def public_calendar(self):
        return self.filter(archived_at__isnull=True, verification=Verification.VERIFIED, is_public=True)


COUNT_FIELDS = ("participants_count", "volunteers_count", "beneficiaries_count", "funds_raised_kzt")


class Event(Period, RegistryModel):
    """One event, as logged by a coordinator (or the secretariat) and verified by the secretariat."""

    confidential_fields = ("logged_by", "verified_by", "return_comment")
    search_fields = ("title", "title_kk", "title_ru", "title_en", "venue", "description")

    title = models.CharField(_("title"), max_length=300, help_text=_("In the language it was announced in."))
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.HELD)
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(_("end date"), blank=True, help_text=_("Leave empty for a one-day event."))
    region = link("regions.Region", _("region"), "events")
    district = optional_link("regions.District", _("district or city"), "events")
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    organizer = optional_link("assembly.Body", _("organiser"), "organised_events")
    programme = optional_link(Programme, _("programme"), "events")
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
    verified_by = optional_link(settings.AUTH_USER_MODEL, _("verified by"), "+", on_delete=models.SET_NULL)
    logged_by = optional_link(settings.AUTH_USER_MODEL, _("logged by"), "+", on_delete=models.SET_NULL)
    source = models.CharField(_("logged through"), max_length=10, choices=Source.choices, default=Source.PORTAL)
    # The key the coordinator's phone gave this event when it was first saved there (docs/portal.md, offline use):
    # a retry with the same key answers with this event instead of logging it twice.
    client_key = models.UUIDField(_("key given on the phone"), null=True, blank=True, unique=True, editable=False)

    objects = EventQuerySet.as_manager()
    end_before_start_message = _("The event cannot end before it starts: the end date is earlier than the start date.")
    access = EventAccess(visibility=Visibility.PUBLIC, region_path="region", coordinator_writes=True)
    search_text = SearchText(*search_fields)

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["region", "start_date"]),
            models.Index(fields=["verification", "region"]),
            models.Index(fields=["programme", "verification"]),
            # Upcoming events (the front page, the calendar) start from the events not yet over.
            models.Index(fields=["end_date"], name="event_end_date"),
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
        if not self.start_date:
            return self.title
        return f"{self.title} ({formats.date_format(self.start_date, 'SHORT_DATE_FORMAT')})"

    @property
    def display_title(self):
        """The title in the reader's language; the title as announced when nobody translated it."""
        language = record_language()
        return in_reader_script(getattr(self, f"title_{language}", ""), language) or self.title

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
        errors.update(window_errors(self, ("start_date", "end_date")))
        for field in COUNT_FIELDS:
            value = getattr(self, field)
            if value is not None and value < 0:
                errors[field] = _("Cannot be negative; enter 0 or leave it empty if unknown.")
        if (
            self.status == EventStatus.HELD
            and self.start_date
            and "start_date" not in errors
            and self.start_date > timezone.localdate()
        ):
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
            for link in self.press_links:
                try:
                    VALIDATE_PRESS_LINK(link)
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

    # -- life cycle (the rules are in events.lifecycle) ------------------------------------------------------
    def likely_duplicates(self):
        """Active events of the same region starting the same day with a similar title, when this event is new or
        its title, date or region is being changed."""
        return lifecycle.likely_duplicates(self)

    def next_verification(self, user, action):
        """The stage (verification state, archived or not) `action` by `user` brings the event to, without
        changing it; raises PermissionDenied or ValidationError when the rules refuse it."""
        return lifecycle.decide(lifecycle.role_of(user, self), lifecycle.stage_of(self), action)

    def transition(self, user, action, comment="", save=True):
        """Take `action` (an events.lifecycle.Action) as `user`: the rules decide the next state, this sets it with
        its dates, who verified and the secretariat's comment, and saves unless `save` is false (a form or an
        import saving the event itself). Archive and restore always save."""
        if action == Action.ARCHIVE:
            return self.archive(user)
        if action == Action.RESTORE:
            return self.restore(user)
        self._enter(user, action, comment)
        if save:
            self.save_by(user)

    def archive(self, user=None):
        self._enter(user, Action.ARCHIVE)
        super().archive(user)

    def restore(self, user=None):
        self._enter(user, Action.RESTORE)
        super().restore(user)

    def _enter(self, user, action, comment=""):
        if action == Action.RETURN:
            comment = (comment or "").strip()
            if not comment:
                raise ValidationError({"comment": _("Say what the coordinator should correct.")})
        current = lifecycle.stage_of(self)
        target = self.next_verification(user, action)
        signed_in = user if user is not None and user.is_authenticated else None
        now = timezone.now()
        if current == lifecycle.NEW:
            self.logged_by = signed_in
        if target.verification == current.verification:
            return
        self.verification = target.verification
        if target.verification == Verification.VERIFIED:
            self.submitted_at = self.submitted_at or now
            self.verified_at, self.verified_by, self.return_comment = now, signed_in, ""
            return
        self.verified_at = self.verified_by = None
        if target.verification == Verification.SUBMITTED:
            self.submitted_at = now
        elif target.verification == Verification.RETURNED:
            self.return_comment = comment
