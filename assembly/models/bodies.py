"""Bodies: every organisation of the Assembly's world, its former names and its identifiers.

The Assembly itself, regional assemblies, councils, associations and Houses of Friendship are all a Body.
Specialised registries extend it by multi-table inheritance, so a membership or an event's organiser can point
at any of them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, Visibility
from assembly.validators import validate_bin
from registry.fields import link, optional_link
from registry.models import NAME_FIELDS, NamedRegistryModel, Period, RegistryModel, TranslatedText, through


class BodyKind(models.TextChoices):
    NATIONAL_ASSEMBLY = "national_assembly", _("national Assembly")
    REGIONAL_ASSEMBLY = "regional_assembly", _("regional assembly")
    COUNCIL_OF_ASSEMBLY = "council_of_assembly", _("Council of the Assembly")
    SECRETARIAT = "secretariat", _("Secretariat")
    PUBLIC_ACCORD = "public_accord", _("Public Accord institution")
    PARLIAMENTARY_GROUP = "parliamentary_group", _("inter-chamber parliamentary group")
    KURULTAI = "kurultai", _("National Kurultai")
    PARLIAMENT_CHAMBER = "parliament_chamber", _("chamber of Parliament")
    ETHNOCULTURAL_ASSOCIATION = "ethnocultural_association", _("ethnocultural association")
    PUBLIC_ASSOCIATION = "public_association", _("public association")
    HOUSE_OF_FRIENDSHIP = "house_of_friendship", _("House of Friendship")
    COUNCIL_OF_MOTHERS = "council_of_mothers", _("Council of Mothers")
    COUNCIL_OF_ELDERS = "council_of_elders", _("Council of Elders")
    YOUTH_ASSEMBLY = "youth_assembly", _("Assembly of Youth or one of its wings")
    EXPERT_COUNCIL = "expert_council", _("Scientific-Expert Council")
    UNIVERSITY_DEPARTMENT = "university_department", _("university department of the Assembly")
    JOURNALISTS_CLUB = "journalists_club", _("Journalists' Club")
    MEDIATION_OFFICE = "mediation_office", _("mediation office")
    STATE_BODY = "state_body", _("state body")
    OTHER = "other", _("other")


class Level(models.TextChoices):
    REPUBLICAN = "republican", _("republican")
    REGIONAL = "regional", _("regional")
    DISTRICT = "district", _("district")
    LOCAL = "local", _("local")


class BodyStatus(models.TextChoices):
    """Every status a body can have; each kind of body allows its own subset (`Body.allowed_statuses`)."""

    PLANNED = "planned", _("planned")
    UNDER_CONSTRUCTION = "under_construction", _("under construction")
    REGISTERED = "registered", _("registered")
    ACTIVE = "active", _("active")
    OPERATING = "operating", _("operating")
    SUSPENDED = "suspended", _("suspended")
    REORGANISED = "reorganised", _("reorganised")
    LIQUIDATED = "liquidated", _("liquidated")
    CLOSED = "closed", _("closed")
    DISSOLVED = "dissolved", _("dissolved")


ASSEMBLY_KINDS = (BodyKind.NATIONAL_ASSEMBLY, BodyKind.REGIONAL_ASSEMBLY)


class Body(NamedRegistryModel):
    """An organisation: founded, renamed, merged and replaced as data, never as code."""

    translated_fields = ("name", "description")
    search_fields = (*NAME_FIELDS, *through("former_names"))

    kind = models.CharField(_("kind"), max_length=40, choices=BodyKind.choices, db_index=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.REPUBLICAN)
    region = optional_link("regions.Region", _("region"), "bodies")
    district = optional_link("regions.District", _("district"), "bodies")
    parent = optional_link("self", _("parent body"), "children")
    successor = optional_link(
        "self", _("successor"), "predecessors", help_text=_("The body that took over when this one was reorganised.")
    )
    status = models.CharField(_("status"), max_length=20, choices=BodyStatus.choices, default=BodyStatus.ACTIVE)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    dissolved_on = models.DateField(_("dissolved on"), null=True, blank=True)
    description_kk = models.TextField(_("description (Kazakh)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    website = models.URLField(_("website"), blank=True)

    description = TranslatedText()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path="region")
    # Where a body stands in the hierarchy: its level, region and district, and the body above it.
    place_fields = ("level", "region", "district", "parent")
    # A specialised registry (a multi-table child) fixes its kind, its statuses and the roles of its members.
    body_kind = None
    member_roles = None  # None: any role
    allowed_statuses = (
        BodyStatus.PLANNED,
        BodyStatus.ACTIVE,
        BodyStatus.SUSPENDED,
        BodyStatus.REORGANISED,
        BodyStatus.DISSOLVED,
    )

    class Meta:
        ordering = ["kind", "name_en"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        indexes = [models.Index(fields=["region", "kind"])]
        constraints = [
            models.UniqueConstraint(
                fields=["region"],
                condition=Q(kind="regional_assembly"),
                name="one_regional_assembly_per_region",
                violation_error_message=_("This region already has its regional assembly."),
            ),
        ]

    @classmethod
    def specialised_kinds(cls):
        """Kinds kept by a specialised registry of their own (associations, Houses of Friendship)."""
        return {child.body_kind: child for child in Body.__subclasses__() if getattr(child, "body_kind", None)}

    def name_on(self, day):
        """The body's name as it was on `day`: a dated former name, or its current name."""
        for former in self.former_names.all():
            if (former.start_date is None or former.start_date <= day) and (
                former.end_date is None or day <= former.end_date
            ):
                return former
        return self

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.body_kind and not self.kind:
            self.kind = self.body_kind

    def normalise(self):
        """Values derived from others; applied both when validating and when saving."""
        if self.body_kind:
            self.kind = self.body_kind

    def save(self, *args, **kwargs):
        self.normalise()
        super().save(*args, **kwargs)

    def clean(self):
        self.normalise()
        super().clean()
        errors = {}
        if not self.body_kind and self.kind in self.specialised_kinds():
            registry = self.specialised_kinds()[self.kind]._meta.verbose_name_plural
            errors["kind"] = _("Keep bodies of this kind in the registry of %(registry)s.") % {"registry": registry}
        if self.status and self.status not in self.allowed_statuses:
            allowed = ", ".join(str(BodyStatus(status).label) for status in self.allowed_statuses)
            errors["status"] = _("Choose one of: %(allowed)s.") % {"allowed": allowed}
        if self.kind == BodyKind.REGIONAL_ASSEMBLY and not self.region_id:
            errors["region"] = _("A regional assembly needs its region.")
        if self.founded_on and self.dissolved_on and self.dissolved_on < self.founded_on:
            errors["dissolved_on"] = _("A body cannot be dissolved before it was founded.")
        if self.district_id and self.region_id and self.district.region_id != self.region_id:
            errors["district"] = _("The district must lie in the body's region.")
        if self.level in (Level.REGIONAL, Level.DISTRICT, Level.LOCAL) and not self.region_id:
            errors["region"] = _("A regional, district or local body needs its region.")
        if self.parent_id and self.pk and self.parent_id == self.pk:
            errors["parent"] = _("A body cannot be its own parent.")
        if self.successor_id and self.pk and self.successor_id == self.pk:
            errors["successor"] = _("A body cannot succeed itself.")
        if errors:
            raise ValidationError(errors)


class BodyName(Period, RegistryModel):
    """A former name of a body and the period it was used."""

    translated_fields = ("name",)
    search_fields = NAME_FIELDS

    body = link(Body, _("body"), "former_names")
    name_kk = models.CharField(_("name (Kazakh)"), max_length=255, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=255, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=255)
    start_date = models.DateField(_("valid from"), null=True, blank=True)
    end_date = models.DateField(_("valid until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    name = TranslatedText()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path="body__region")

    class Meta:
        ordering = ["body_id", "start_date"]
        verbose_name = _("former name")
        verbose_name_plural = _("former names")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()


class IdentifierScheme(models.TextChoices):
    BIN = "bin", _("BIN (business identification number)")
    KATO = "kato", _("KATO code")
    REGISTRATION = "registration", _("registration certificate number")
    WEBSITE = "website", _("website")
    OTHER = "other", _("other")


class Identifier(RegistryModel):
    """An identifier of a body, as a (scheme, value) pair; a BIN is checked digit by digit."""

    search_fields = ("value",)

    body = link(Body, _("body"), "identifiers")
    scheme = models.CharField(_("scheme"), max_length=20, choices=IdentifierScheme.choices)
    value = models.CharField(_("value"), max_length=255)

    access = AccessRule(visibility=Visibility.PUBLIC, region_path="body__region")

    class Meta:
        ordering = ["body_id", "scheme"]
        verbose_name = _("identifier")
        verbose_name_plural = _("identifiers")
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "value"],
                name="identifier_unique_per_scheme",
                violation_error_message=_("Another body already has this identifier."),
            )
        ]

    def __str__(self):
        return f"{self.get_scheme_display()}: {self.value}"

    def clean(self):
        super().clean()
        self.value = (self.value or "").strip()
        if self.scheme == IdentifierScheme.BIN:
            try:
                validate_bin(self.value)
            except ValidationError as error:
                raise ValidationError({"value": error.messages}) from error
