"""Councils of Mothers and Elders, the youth and expert wings, mothers' homes, and mediation casework.

Councils and mediation offices are bodies (multi-table children of assembly.Body), so their chairs and members are
ordinary dated memberships (assembly.Membership) and an event can name them as organisers. Who may read what is
declared on each model (`access`, see councils.access).
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, Visibility
from assembly.models import Body, BodyKind, Level, Person, Role
from councils.access import OfficeOnly, OwnRegionOnly
from registry.languages import SPOKEN_LANGUAGE_CHOICES
from registry.models import NamedRegistryModel, RegistryModel, RegistryQuerySet, TranslatedText

COUNCIL_KINDS = (
    BodyKind.COUNCIL_OF_MOTHERS,
    BodyKind.COUNCIL_OF_ELDERS,
    BodyKind.YOUTH_ASSEMBLY,
    BodyKind.EXPERT_COUNCIL,
    BodyKind.UNIVERSITY_DEPARTMENT,
    BodyKind.JOURNALISTS_CLUB,
)
COUNCIL_KIND_CHOICES = [(kind.value, kind.label) for kind in COUNCIL_KINDS]
COUNCIL_ROLES = (Role.CHAIR, Role.DEPUTY, Role.SECRETARY, Role.MEMBER, Role.EXPERT)
COUNCIL_ROLE_CHOICES = [(role.value, role.label) for role in COUNCIL_ROLES]
LEVEL_RANK = {Level.REPUBLICAN: 0, Level.REGIONAL: 1, Level.DISTRICT: 2, Level.LOCAL: 3}

LANGUAGE_CHOICES = SPOKEN_LANGUAGE_CHOICES
LANGUAGE_CODES = {code for code, _label in LANGUAGE_CHOICES}


class LanguageListField(models.CharField):
    """A list of language codes, stored as `kk,ru`; forms show check boxes, the API a JSON list."""

    description = _("list of language codes")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value in (None, ""):
            return []
        if isinstance(value, list | tuple):
            return list(value)
        return [code for code in str(value).split(",") if code]

    def get_prep_value(self, value):
        if value is None:
            return ""
        if isinstance(value, list | tuple):
            return ",".join(dict.fromkeys(value))
        return str(value)

    def value_to_string(self, obj):
        return ",".join(self.value_from_object(obj) or [])

    def validate(self, value, model_instance):
        unknown = [code for code in value or [] if code not in LANGUAGE_CODES]
        if unknown:
            raise ValidationError(
                _("Unknown language code(s): %(codes)s."), code="invalid", params={"codes": ", ".join(unknown)}
            )
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def run_validators(self, value):
        return  # the stored text's length follows from the known codes

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=LANGUAGE_CHOICES,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


def held_on(on=None, prefix=""):
    """Memberships (or rows under `prefix`) that are active registry records and in force on the day `on`."""
    on = on or timezone.localdate()
    return (
        Q(**{f"{prefix}archived_at__isnull": True})
        & (Q(**{f"{prefix}start_date__lte": on}) | Q(**{f"{prefix}start_date__isnull": True}))
        & (Q(**{f"{prefix}end_date__gte": on}) | Q(**{f"{prefix}end_date__isnull": True}))
    )


# ---------------------------------------------------------------------------------------------------------------
# Councils
# ---------------------------------------------------------------------------------------------------------------
class YouthWing(models.TextChoices):
    STUDENT_ASSEMBLY = "student_assembly", _("Student Assembly")
    YOUNG_SCIENTISTS_CLUB = "young_scientists_club", _("Young Scientists' Club")
    NEW_WAVE = "new_wave", _("“New Wave” (Zhaña Tolqyn)")


class CouncilQuerySet(RegistryQuerySet):
    def with_member_count(self, on=None):
        """`member_count`: the people holding an active membership on the day `on` (today by default)."""
        return self.annotate(
            member_count=Count("memberships__person", filter=held_on(on, prefix="memberships__"), distinct=True)
        )


class Council(Body):
    """A council of the Assembly's network at republican, regional, district or local level.

    Its chair and members are dated memberships (roles chair, deputy chair, secretary, member, expert); the member
    count is derived from them. Where a roster is not kept, `declared_headcount` carries the figure the council
    reports, and every interface marks it as declared.
    """

    wing = models.CharField(
        _("wing"),
        max_length=30,
        choices=YouthWing.choices,
        blank=True,
        help_text=_("For the Assembly of Youth: which of its wings this is, if any."),
    )
    university_kk = models.CharField(_("university (Kazakh)"), max_length=255, blank=True)
    university_ru = models.CharField(_("university (Russian)"), max_length=255, blank=True)
    university_en = models.CharField(_("university (English)"), max_length=255, blank=True)
    declared_headcount = models.PositiveIntegerField(
        _("declared headcount"),
        null=True,
        blank=True,
        help_text=_("Only where the roster is not kept here: the number of members the council reports."),
    )

    university = TranslatedText()
    member_roles = COUNCIL_ROLES
    objects = CouncilQuerySet.as_manager()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path="region", coordinator_writes=True)

    class Meta:
        ordering = ["kind", "region_id", "name_en"]
        verbose_name = _("council")
        verbose_name_plural = _("councils")

    @property
    def headcount_declared(self):
        return self.declared_headcount is not None

    def clean(self):
        super().clean()
        errors = {}
        if self.kind not in COUNCIL_KINDS:
            errors["kind"] = _("Choose one of the kinds of council.")
        if self.wing and self.kind != BodyKind.YOUTH_ASSEMBLY:
            errors["wing"] = _("Only the Assembly of Youth has wings.")
        has_university = any((self.university_kk, self.university_ru, self.university_en))
        if self.kind == BodyKind.UNIVERSITY_DEPARTMENT and not has_university:
            errors["university_en"] = _("Name the university the department belongs to.")
        if has_university and self.kind != BodyKind.UNIVERSITY_DEPARTMENT:
            errors["university_en"] = _("Only a university department names a university.")
        if self.level == Level.DISTRICT and not self.district_id:
            errors["district"] = _("A district council needs its district.")
        if self.parent_id and "parent" not in errors:
            parent = Council.objects.filter(pk=self.parent_id).only("level").first()
            if parent is None:
                errors["parent"] = _("The parent must be a council.")
            elif LEVEL_RANK.get(parent.level, 0) > LEVEL_RANK.get(self.level, 0):
                errors["parent"] = _("The parent council cannot be of a lower level than this one.")
            elif self.pk and self._is_ancestor_of(parent):
                errors["parent"] = _("A council cannot sit under one of its own sub-councils.")
        if errors:
            raise ValidationError(errors)

    def _is_ancestor_of(self, council):
        seen = set()
        body = council
        while body is not None and body.pk not in seen:
            if body.pk == self.pk:
                return True
            seen.add(body.pk)
            body = Body.objects.filter(pk=body.parent_id).only("parent_id").first() if body.parent_id else None
        return False


# ---------------------------------------------------------------------------------------------------------------
# Mothers' homes
# ---------------------------------------------------------------------------------------------------------------
class HomeStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    OPEN = "open", _("open")
    SUSPENDED = "suspended", _("temporarily closed")
    CLOSED = "closed", _("closed")


class MothersHome(NamedRegistryModel):
    """A shelter where a woman in hardship stays with her child, under a Council of Mothers' patronage.

    By design only the home's figures are kept: nothing about the women and children who live there.
    """

    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="mothers_homes"
    )
    district = models.ForeignKey(
        "regions.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mothers_homes",
    )
    patron_council = models.ForeignKey(
        Council,
        verbose_name=_("patron council"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mothers_homes",
        limit_choices_to={"kind": BodyKind.COUNCIL_OF_MOTHERS},
    )
    capacity = models.PositiveIntegerField(_("capacity (places)"), validators=[MinValueValidator(1)])
    occupancy = models.PositiveIntegerField(
        _("current occupancy"), default=0, help_text=_("A number only; no resident is recorded.")
    )
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=HomeStatus.choices, default=HomeStatus.OPEN)
    note = models.TextField(_("note"), blank=True)

    access = OwnRegionOnly(visibility=Visibility.CONFIDENTIAL, region_path="region", coordinator_writes=True)

    class Meta:
        ordering = ["region_id", "name_en"]
        verbose_name = _("mothers' home")
        verbose_name_plural = _("mothers' homes")
        constraints = [
            models.CheckConstraint(
                condition=Q(occupancy__lte=models.F("capacity")), name="mothers_home_occupancy_within_capacity"
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.capacity is not None and self.occupancy is not None and self.occupancy > self.capacity:
            errors["occupancy"] = _("The occupancy cannot exceed the capacity.")
        if self.status in (HomeStatus.PLANNED, HomeStatus.CLOSED) and self.occupancy:
            errors["occupancy"] = _("A planned or closed home has no residents.")
        if self.district_id and self.region_id and self.district.region_id != self.region_id:
            errors["district"] = _("The district must lie in the home's region.")
        if self.patron_council_id:
            patron = Council.objects.filter(pk=self.patron_council_id).only("kind").first()
            if patron is None or patron.kind != BodyKind.COUNCIL_OF_MOTHERS:
                errors["patron_council"] = _("The patron must be a Council of Mothers.")
        if errors:
            raise ValidationError(errors)


# ---------------------------------------------------------------------------------------------------------------
# Mediation
# ---------------------------------------------------------------------------------------------------------------
class MediationOfficeQuerySet(RegistryQuerySet):
    def with_mediator_count(self):
        return self.annotate(
            mediator_count=Count(
                "mediators", filter=Q(mediators__active=True, mediators__archived_at__isnull=True), distinct=True
            )
        )


class MediationOffice(Body):
    """A regional mediation office (one per region), or the Ethnomediation Institute at republican level."""

    address = models.CharField(_("address of the office"), max_length=255, blank=True)
    phone = models.CharField(_("office phone"), max_length=40, blank=True)

    objects = MediationOfficeQuerySet.as_manager()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path="region")

    class Meta:
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

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="mediator_posts"
    )
    office = models.ForeignKey(
        MediationOffice, verbose_name=_("mediation office"), on_delete=models.PROTECT, related_name="mediators"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal user"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mediator",
        help_text=_("The account the mediator signs in with (role: mediator)."),
    )
    certified_on = models.DateField(_("certified on"), null=True, blank=True)
    languages = LanguageListField(_("languages"))
    is_head = models.BooleanField(_("head of the office"), default=False)
    active = models.BooleanField(_("active"), default=True)

    access = OfficeOnly(visibility=Visibility.CONFIDENTIAL, region_path="office__region", office_path="office")

    class Meta:
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

    reference_number = models.CharField(
        _("reference number"),
        max_length=40,
        unique=True,
        blank=True,
        help_text=_("Left empty, it is given as REGION/YEAR/NUMBER."),
    )
    office = models.ForeignKey(
        MediationOffice, verbose_name=_("mediation office"), on_delete=models.PROTECT, related_name="cases"
    )
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
        ordering = ["-received_on", "-id"]
        verbose_name = _("mediation case")
        verbose_name_plural = _("mediation cases")
        indexes = [models.Index(fields=["office", "status", "received_on"])]

    def __str__(self):
        return self.reference_number or str(_("new case"))

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

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
        if not self.reference_number:
            self.reference_number = self.next_reference_number()
        super().save(*args, **kwargs)

    def next_reference_number(self):
        office = MediationOffice.objects.only("region_id").get(pk=self.office_id)
        year = (self.received_on or timezone.localdate()).year
        prefix = f"{office.region_id or 'EMI'}/{year}/"
        taken = MediationCase.objects.filter(reference_number__startswith=prefix).count()
        number = taken + 1
        while MediationCase.objects.filter(reference_number=f"{prefix}{number:04d}").exists():
            number += 1
        return f"{prefix}{number:04d}"


class CaseNote(RegistryModel):
    """A dated note on a case by the mediator who wrote it."""

    case = models.ForeignKey(MediationCase, verbose_name=_("case"), on_delete=models.PROTECT, related_name="notes")
    written_on = models.DateField(_("date"), default=datetime.date.today)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="case_notes",
    )
    text = models.TextField(_("note"))

    access = OfficeOnly(
        visibility=Visibility.CONFIDENTIAL,
        region_path="case__office__region",
        office_path="case__office",
        mediators_write=True,
    )

    class Meta:
        ordering = ["written_on", "id"]
        verbose_name = _("case note")
        verbose_name_plural = _("case notes")

    def __str__(self):
        return f"{self.case} · {self.written_on}"

    def clean(self):
        super().clean()
        if self.written_on and self.written_on > timezone.localdate():
            raise ValidationError({"written_on": _("A note cannot be dated in the future.")})
