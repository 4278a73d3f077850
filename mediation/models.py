"""Mediation: the regional mediation offices and the Ethnomediation Institute, their mediators, and the confidential
dispute cases with their notes.

Offices are bodies (multi-table children of assembly.Body). The tables keep the names they had when mediation lived in
the councils app (`db_table`), so no data moved. Who may read what is declared on each model (`access`, see
mediation.access).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, Visibility
from assembly.models import Body, BodyKind, Level, Person
from mediation.access import OfficeOnly
from registry.fields import link, optional_link
from registry.languages import LanguageListField
from registry.models import NAME_FIELDS, RegistryModel, RegistryQuerySet


class MediationOfficeQuerySet(RegistryQuerySet):
    def with_mediator_count(self):
        return self.annotate(
            mediator_count=Count(
                "mediators", filter=Q(mediators__active=True, mediators__archived_at__isnull=True), distinct=True
            )
        )


class MediationOffice(Body):
    """A regional mediation office (one per region), or the Ethnomediation Institute at republican level."""

    search_fields = NAME_FIELDS

    address = models.CharField(_("address of the office"), max_length=255, blank=True)
    phone = models.CharField(_("office phone"), max_length=40, blank=True)

    objects = MediationOfficeQuerySet.as_manager()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path="region")

    class Meta:
        db_table = "councils_mediationoffice"
        ordering = ["level", "region_id", "name_en"]
        verbose_name = _("mediation office")
        verbose_name_plural = _("mediation offices")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.kind:
            self.kind = BodyKind.MEDIATION_OFFICE

    @property
    def is_institute(self):
        return self.level == Level.REPUBLICAN

    def clean(self):
        super().clean()
        errors = {}
        if self.kind != BodyKind.MEDIATION_OFFICE:
            errors["kind"] = _("A mediation office has the kind “mediation office”.")
        if self.level == Level.REGIONAL and self.region_id:
            others = MediationOffice.objects.active().filter(region_id=self.region_id, level=Level.REGIONAL)
            if others.exclude(pk=self.pk).exists():
                errors["region"] = _("This region already has its mediation office.")
        if self.level in (Level.DISTRICT, Level.LOCAL):
            errors["level"] = _("Mediation offices are regional, or republican for the Ethnomediation Institute.")
        if errors:
            raise ValidationError(errors)


class Mediator(RegistryModel):
    """A certified mediator of an office; `user` lets them sign in to the portal and handle their office's cases."""

    search_fields = ("person__surname", "person__given_name", "person__name_kk", "person__name_ru", "person__name_en")

    person = link(Person, _("person"), "mediator_posts")
    office = link(MediationOffice, _("mediation office"), "mediators")
    user = optional_link(
        settings.AUTH_USER_MODEL,
        _("portal user"),
        "mediator",
        field=models.OneToOneField,
        help_text=_("The account the mediator signs in with (role: mediator)."),
    )
    certified_on = models.DateField(_("certified on"), null=True, blank=True)
    languages = LanguageListField(_("languages"))
    is_head = models.BooleanField(_("head of the office"), default=False)
    active = models.BooleanField(_("active"), default=True)

    access = OfficeOnly(visibility=Visibility.CONFIDENTIAL, region_path="office__region", office_path="office")

    class Meta:
        db_table = "councils_mediator"
        ordering = ["office_id", "-is_head", "person__surname", "person__given_name"]
        verbose_name = _("mediator")
        verbose_name_plural = _("mediators")
        constraints = [models.UniqueConstraint(fields=["person", "office"], name="mediator_unique_person_per_office")]

    def __str__(self):
        return f"{self.person} ({self.office})"

    def clean(self):
        super().clean()
        from accounts.models import Role as UserRole

        if self.user_id and self.user.role != UserRole.MEDIATOR:
            raise ValidationError({"user": _("Bind an account whose role is “mediator”.")})
        if self.certified_on and self.certified_on > timezone.localdate():
            raise ValidationError({"certified_on": _("The certification date cannot be in the future.")})


class CaseCategory(models.TextChoices):
    FAMILY = "family", _("family")
    NEIGHBOURS = "neighbours", _("neighbours")
    PROPERTY = "land_property", _("land and property")
    LABOUR = "labour", _("labour")
    INTERETHNIC = "interethnic", _("interethnic")
    RELIGIOUS = "religious", _("religious")
    OTHER = "other", _("other")


class CaseStatus(models.TextChoices):
    RECEIVED = "received", _("received")
    IN_MEDIATION = "in_mediation", _("in mediation")
    AGREEMENT = "agreement", _("agreement reached")
    NO_AGREEMENT = "no_agreement", _("no agreement")
    REFERRED_TO_COURT = "referred_to_court", _("referred to court")
    WITHDRAWN = "withdrawn", _("withdrawn")


OPEN_STATUSES = (CaseStatus.RECEIVED, CaseStatus.IN_MEDIATION)
TRANSITIONS = {
    CaseStatus.RECEIVED: (CaseStatus.IN_MEDIATION, CaseStatus.WITHDRAWN),
    CaseStatus.IN_MEDIATION: (
        CaseStatus.AGREEMENT,
        CaseStatus.NO_AGREEMENT,
        CaseStatus.REFERRED_TO_COURT,
        CaseStatus.WITHDRAWN,
    ),
}


class MediationCase(RegistryModel):
    """A dispute brought to a mediation office. Confidential: only the office's mediators and the secretariat."""

    search_fields = ("reference_number", "outcome_summary")
    # The case's own facts, in the order the import-export file and the API list them.
    own_fields = (
        "reference_number",
        "office",
        "received_on",
        "category",
        "parties_count",
        "languages",
        "mediators",
        "status",
    )

    reference_number = models.CharField(
        _("reference number"),
        max_length=40,
        unique=True,
        blank=True,
        editable=False,
        help_text=_(
            "Given when the case is opened: the office's code, the year received and a number, e.g. KZ-10-2026-0001."
        ),
    )
    office = link(MediationOffice, _("mediation office"), "cases")
    received_on = models.DateField(_("received on"), default=datetime.date.today)
    category = models.CharField(_("category"), max_length=20, choices=CaseCategory.choices, db_index=True)
    parties_count = models.PositiveSmallIntegerField(
        _("number of parties"), default=2, validators=[MinValueValidator(2)]
    )
    languages = LanguageListField(_("languages"))
    mediators = models.ManyToManyField(Mediator, verbose_name=_("assigned mediators"), blank=True, related_name="cases")
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.RECEIVED, db_index=True
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    outcome_summary = models.TextField(_("outcome summary"), blank=True)

    access = OfficeOnly(
        visibility=Visibility.CONFIDENTIAL, region_path="office__region", office_path="office", mediators_write=True
    )
    _history_m2m_fields = ["mediators"]

    class Meta:
        db_table = "councils_mediationcase"
        ordering = ["-received_on", "-id"]
        verbose_name = _("mediation case")
        verbose_name_plural = _("mediation cases")
        indexes = [models.Index(fields=["office", "status", "received_on"])]

    def __str__(self):
        return self.reference_number or str(_("new case"))

    def allowed_next_statuses(self):
        return list(TRANSITIONS.get(self.status, ()))

    def stored_status(self):
        if self.pk is None:
            return None
        return type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()

    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()
        before = self.stored_status()
        if before is None and self._state.adding and self.status != CaseStatus.RECEIVED:
            errors["status"] = _("A new case starts as “received”.")
        elif before is not None and before != self.status and self.status not in TRANSITIONS.get(before, ()):
            allowed = ", ".join(str(CaseStatus(code).label) for code in TRANSITIONS.get(before, ())) or "—"
            errors["status"] = _("A case cannot move from “%(from)s” to “%(to)s”. Allowed next: %(allowed)s.") % {
                "from": CaseStatus(before).label,
                "to": CaseStatus(self.status).label,
                "allowed": allowed,
            }
        if self.received_on and self.received_on > today:
            errors["received_on"] = _("The date received cannot be in the future.")
        if self.status in OPEN_STATUSES and self.closed_on:
            errors["closed_on"] = _("An open case has no closing date.")
        if self.status not in OPEN_STATUSES and not self.closed_on:
            errors["closed_on"] = _("Give the closing date when the case is closed.")
        if self.closed_on and self.received_on and self.closed_on < self.received_on:
            errors["closed_on"] = _("A case cannot close before it was received.")
        if self.closed_on and self.closed_on > today:
            errors["closed_on"] = _("The closing date cannot be in the future.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.reference_number or not self._state.adding:
            super().save(*args, **kwargs)
            return
        # The number is the server's, never the user's: the office's row is locked while the next number of its
        # year is taken, and a number already used elsewhere (say, one imported long ago) is skipped silently, so a
        # collision never tells anyone about another office's cases.
        for attempt in range(REFERENCE_ATTEMPTS):
            with transaction.atomic():
                MediationOffice.objects.select_for_update().filter(pk=self.office_id).values_list("pk").first()
                self.reference_number = self.next_reference_number()
                try:
                    with transaction.atomic():
                        super().save(*args, **kwargs)
                    return
                except IntegrityError:
                    taken = MediationCase._base_manager.filter(reference_number=self.reference_number).exists()
                    self.reference_number = ""
                    if not taken or attempt == REFERENCE_ATTEMPTS - 1:
                        raise

    def reference_prefix(self):
        office = MediationOffice.objects.only("region_id", "level").get(pk=self.office_id)
        code = office.region_id or ("EMI" if office.is_institute else f"MO{office.pk}")
        received = self.received_on if isinstance(self.received_on, datetime.date) else timezone.localdate()
        return f"{code}-{received.year}-"

    def next_reference_number(self):
        """The office's next number for the year the case was received: `<office code>-<year>-<number>`."""
        prefix = self.reference_prefix()
        used = MediationCase._base_manager.filter(
            office_id=self.office_id, reference_number__startswith=prefix
        ).values_list("reference_number", flat=True)
        tails = (reference.removeprefix(prefix) for reference in used)
        number = max((int(tail) for tail in tails if tail.isdigit() and len(tail) < 9), default=0) + 1
        while MediationCase._base_manager.filter(reference_number=f"{prefix}{number:04d}").exists():
            number += 1
        return f"{prefix}{number:04d}"


REFERENCE_ATTEMPTS = 5


class CaseNote(RegistryModel):
    """A dated note on a case by the mediator who wrote it."""

    search_fields = ("case__reference_number", "text")

    case = link(MediationCase, _("case"), "notes")
    written_on = models.DateField(_("date"), default=datetime.date.today)
    author = optional_link(settings.AUTH_USER_MODEL, _("author"), "case_notes")
    text = models.TextField(_("note"))

    access = OfficeOnly(
        visibility=Visibility.CONFIDENTIAL,
        region_path="case__office__region",
        office_path="case__office",
        mediators_write=True,
    )

    class Meta:
        db_table = "councils_casenote"
        ordering = ["written_on", "id"]
        verbose_name = _("case note")
        verbose_name_plural = _("case notes")

    def __str__(self):
        return f"{self.case} · {self.written_on}"

    def clean(self):
        super().clean()
        if self.written_on and self.written_on > timezone.localdate():
            raise ValidationError({"written_on": _("A note cannot be dated in the future.")})
