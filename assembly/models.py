"""Bodies, people and the posts they hold (Popolo-style): the shared core of the Assembly's registries.

Every organisation of the Assembly's world is a Body: the Assembly itself, regional assemblies, councils,
associations, Houses of Friendship. Specialised registries extend it by multi-table inheritance, so a membership
or an event's organiser can point at any of them. People hold posts only through dated memberships.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, Visibility
from registry.models import NamedRegistryModel, RegistryModel, TranslatedText


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
    PLANNED = "planned", _("planned")
    ACTIVE = "active", _("active")
    SUSPENDED = "suspended", _("suspended")
    REORGANISED = "reorganised", _("reorganised")
    DISSOLVED = "dissolved", _("dissolved")


class Body(NamedRegistryModel):
    """An organisation: founded, renamed, merged and replaced as data, never as code."""

    kind = models.CharField(_("kind"), max_length=40, choices=BodyKind.choices, db_index=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.REPUBLICAN)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
    )
    district = models.ForeignKey(
        "regions.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("successor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        help_text=_("The body that took over when this one was reorganised."),
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

    class Meta:
        ordering = ["kind", "name_en"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        indexes = [models.Index(fields=["region", "kind"])]

    def clean(self):
        super().clean()
        errors = {}
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


class Person(RegistryModel):
    """A person. Contact details are confidential; the public biography is not."""

    surname = models.CharField(_("surname"), max_length=100)
    given_name = models.CharField(_("given name"), max_length=100)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    name_kk = models.CharField(_("full name (Kazakh)"), max_length=255, blank=True)
    name_ru = models.CharField(_("full name (Russian)"), max_length=255, blank=True)
    name_en = models.CharField(_("full name (English)"), max_length=255, blank=True)
    biography_kk = models.TextField(_("biography (Kazakh)"), blank=True)
    biography_ru = models.TextField(_("biography (Russian)"), blank=True)
    biography_en = models.TextField(_("biography (English)"), blank=True)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="persons",
        help_text=_("Where the person lives and works; decides who may see the contacts."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("postal address"), max_length=255, blank=True)

    biography = TranslatedText()
    access = AccessRule(visibility=Visibility.INTERNAL, region_path="region")
    contact_fields = ("email", "phone", "address")

    class Meta:
        ordering = ["surname", "given_name", "patronymic"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        indexes = [models.Index(fields=["surname", "given_name"])]

    @property
    def full_name(self):
        return " ".join(part for part in (self.surname, self.given_name, self.patronymic) if part)

    @property
    def name(self):
        from registry.models import translated

        return translated(self, "name") or self.full_name

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    CHAIRMAN = "chairman", _("Chairman")
    HONORARY_CHAIRMAN = "honorary_chairman", _("Honorary Chairman")
    DEPUTY_CHAIRMAN = "deputy_chairman", _("Deputy Chairman")
    HEAD_OF_SECRETARIAT = "head_of_secretariat", _("Head of the Secretariat")
    REGIONAL_CHAIR = "regional_chair", _("chair of a regional assembly (akim)")
    COUNCIL_MEMBER = "council_member", _("member of the Council of the Assembly")
    MAZHILIS_DEPUTY = "mazhilis_deputy", _("Mazhilis deputy elected by the Assembly")
    SENATOR = "senator", _("Senator recommended by the Assembly")
    KURULTAI_MEMBER = "kurultai_member", _("member of the National Kurultai")
    AMBASSADOR = "ambassador", _("Ambassador of Friendship")
    LEADER = "leader", _("leader")
    CHAIR = "chair", _("chair")
    DEPUTY = "deputy", _("deputy chair")
    SECRETARY = "secretary", _("secretary")
    MEMBER = "member", _("member")
    EXPERT = "expert", _("expert")


class EndReason(models.TextChoices):
    TERM_ENDED = "term_ended", _("term ended")
    ROTATION = "rotation", _("rotation")
    RESIGNED = "resigned", _("resigned")
    DISMISSED = "dismissed", _("dismissed")
    ELECTED_ELSEWHERE = "elected_elsewhere", _("moved to another post")
    BODY_REORGANISED = "body_reorganised", _("the body was reorganised")
    DIED = "died", _("died")
    OTHER = "other", _("other")


class Membership(RegistryModel):
    """A person holding a role in a body from one date to another."""

    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="memberships")
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("role"), max_length=40, choices=Role.choices, db_index=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_reason = models.CharField(_("end reason"), max_length=30, choices=EndReason.choices, blank=True)
    appointed_by = models.CharField(
        _("appointed or recommended by"),
        max_length=255,
        blank=True,
        help_text=_("The decree, session or body that appointed, elected or recommended the person."),
    )
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2, for Ambassadors of Friendship.")
    )
    note = models.TextField(_("note"), blank=True)

    access = AccessRule(visibility=Visibility.INTERNAL, region_path="body__region")

    class Meta:
        ordering = ["-start_date", "id"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        indexes = [models.Index(fields=["body", "role", "start_date"])]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()}, {self.body}"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.end_reason and not self.end_date:
            raise ValidationError({"end_reason": _("Give the end date together with the end reason.")})
