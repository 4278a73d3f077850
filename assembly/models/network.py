"""The ethnocultural network: ethnic groups, their associations and what they run, Houses of Friendship."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, Visibility
from assembly.models.bodies import Body, BodyKind, BodyStatus, Level
from assembly.validators import validate_bin
from registry.fields import link, optional_link
from registry.languages import SPOKEN_LANGUAGES
from registry.models import NAME_FIELDS, NamedRegistryModel, Period, through


class EthnicGroup(NamedRegistryModel):
    """An ethnic group of Kazakhstan, with its 2021 census population where known."""

    census_2021_count = models.PositiveIntegerField(_("population, census 2021"), null=True, blank=True)
    census_2021_percent = models.DecimalField(
        _("share of population, census 2021, %"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    census_2021_rank = models.PositiveSmallIntegerField(_("rank, census 2021"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    access = AccessRule(visibility=Visibility.PUBLIC, region_path=None)

    class Meta:
        ordering = ["census_2021_rank", "name_en"]
        verbose_name = _("ethnic group")
        verbose_name_plural = _("ethnic groups")
        constraints = [models.UniqueConstraint(fields=["name_en"], name="ethnic_group_unique_english_name")]


class HouseKind(models.TextChoices):
    REPUBLICAN = "republican", _("republican")
    REGIONAL = "regional", _("regional")
    CITY = "city", _("city")
    DISTRICT = "district", _("district")
    ASSEMBLY_CENTRE = "assembly_centre", _("district Assembly centre")


HOUSE_LEVELS = {
    HouseKind.REPUBLICAN: Level.REPUBLICAN,
    HouseKind.REGIONAL: Level.REGIONAL,
    HouseKind.CITY: Level.LOCAL,
    HouseKind.DISTRICT: Level.DISTRICT,
    HouseKind.ASSEMBLY_CENTRE: Level.DISTRICT,
}


class HouseStatus(models.TextChoices):
    PLANNED = BodyStatus.PLANNED.value, BodyStatus.PLANNED.label
    UNDER_CONSTRUCTION = BodyStatus.UNDER_CONSTRUCTION.value, BodyStatus.UNDER_CONSTRUCTION.label
    OPERATING = BodyStatus.OPERATING.value, BodyStatus.OPERATING.label
    CLOSED = BodyStatus.CLOSED.value, BodyStatus.CLOSED.label


class HouseOfFriendship(Body):
    """A House of Friendship (or a district Assembly centre): where associations of a region meet and work."""

    search_fields = ("name_kk", "name_ru", "name_en", "address")

    house_kind = models.CharField(_("kind of House"), max_length=20, choices=HouseKind.choices, db_index=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("capacity (seats)"), null=True, blank=True)
    on_tourist_route = models.BooleanField(_("on a tourist route"), default=False)

    # The House's own facts, in the order the import-export file, the portal's form and the API list them.
    own_fields = ("address", "status", "opened_on", "dissolved_on", "capacity", "on_tourist_route")
    body_kind = BodyKind.HOUSE_OF_FRIENDSHIP
    allowed_statuses = tuple(BodyStatus(value) for value in HouseStatus.values)
    access = AccessRule(visibility=Visibility.PUBLIC, region_path="region", coordinator_writes=True)

    class Meta:
        ordering = ["region_id", "house_kind", "name_en"]
        verbose_name = _("House of Friendship")
        verbose_name_plural = _("Houses of Friendship")

    def normalise(self):
        super().normalise()
        if self.house_kind:
            self.level = HOUSE_LEVELS[HouseKind(self.house_kind)]
        if not self.status or self.status == BodyStatus.ACTIVE:
            self.status = BodyStatus.OPERATING if self.opened_on else BodyStatus.PLANNED

    def clean(self):
        super().clean()
        errors = {}
        if self.house_kind != HouseKind.REPUBLICAN and not self.region_id:
            errors["region"] = _("A regional, city or district House needs its region.")
        planned = self.status in (BodyStatus.PLANNED, BodyStatus.UNDER_CONSTRUCTION)
        if planned and self.opened_on and self.opened_on <= timezone.localdate():
            errors["opened_on"] = _("A planned House has no past opening date; set its status to operating.")
        if self.status == BodyStatus.CLOSED and not self.dissolved_on:
            errors["dissolved_on"] = _("Give the date the House closed.")
        if errors:
            raise ValidationError(errors)


class AssociationStatus(models.TextChoices):
    REGISTERED = BodyStatus.REGISTERED.value, BodyStatus.REGISTERED.label
    ACTIVE = BodyStatus.ACTIVE.value, BodyStatus.ACTIVE.label
    SUSPENDED = BodyStatus.SUSPENDED.value, BodyStatus.SUSPENDED.label
    LIQUIDATED = BodyStatus.LIQUIDATED.value, BodyStatus.LIQUIDATED.label


# Listed in the public directory and counted in public figures: registered, active or suspended (not liquidated).
LISTED_ASSOCIATION_STATUSES = (AssociationStatus.REGISTERED, AssociationStatus.ACTIVE, AssociationStatus.SUSPENDED)


class EthnoculturalAssociation(Body):
    """An ethnocultural association of one or more ethnic groups. Its contacts are confidential."""

    search_fields = (*NAME_FIELDS, "bin", *through("ethnic_groups"), "email", "phone")
    # The association's standing, in the order the portal's form and the API list it.
    own_fields = ("status", "status_since", "founded_on", "registered_on", "dissolved_on", "bin")

    ethnic_groups = models.ManyToManyField(
        EthnicGroup, verbose_name=_("ethnic groups"), related_name="associations", blank=True
    )
    host_house = optional_link(HouseOfFriendship, _("host House of Friendship"), "hosted_associations")
    bin = models.CharField(_("BIN"), max_length=12, blank=True, validators=[validate_bin])
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    status_since = models.DateField(_("status since"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("postal address"), max_length=255, blank=True)

    body_kind = BodyKind.ETHNOCULTURAL_ASSOCIATION
    allowed_statuses = tuple(BodyStatus(value) for value in AssociationStatus.values)
    access = AccessRule(visibility=Visibility.PUBLIC, region_path="region", coordinator_writes=True)
    confidential_fields = ("email", "phone", "address")
    _history_m2m_fields = ["ethnic_groups"]

    class Meta:
        ordering = ["region_id", "name_en"]
        verbose_name = _("ethnocultural association")
        verbose_name_plural = _("ethnocultural associations")
        constraints = [
            models.UniqueConstraint(
                fields=["bin"],
                condition=~Q(bin=""),
                name="association_unique_bin",
                violation_error_message=_("Another association already has this BIN."),
            )
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.level == Level.LOCAL:
            errors["level"] = _("An association is republican, regional or district.")
        if self.status == BodyStatus.LIQUIDATED and not self.dissolved_on:
            errors["dissolved_on"] = _("Give the date of liquidation.")
        if self.registered_on and self.founded_on and self.registered_on < self.founded_on:
            errors["registered_on"] = _("An association cannot be registered before it was founded.")
        if self.host_house_id and self.region_id and self.host_house.region_id not in (None, self.region_id):
            errors["host_house"] = _("The host House must be in the association's region.")
        if errors:
            raise ValidationError(errors)


class ActivityKind(models.TextChoices):
    LANGUAGE_SCHOOL = "language_school", _("language school")
    MEDIA_OUTLET = "media_outlet", _("media outlet")
    THEATRE = "theatre", _("theatre")
    COLLECTION = "collection", _("collection (dance, song, folk art)")
    YOUTH_WING = "youth_wing", _("youth wing")
    OTHER = "other", _("other")


class AssociationActivity(Period, NamedRegistryModel):
    """What an association runs: a Sunday language school, a newspaper, a theatre, a folk collection, a youth wing."""

    association = link(EthnoculturalAssociation, _("association"), "activities")
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices, db_index=True)
    language = models.CharField(
        _("language"),
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^[a-z]{2,3}$", _("Use an ISO 639 language code such as ug, ko or de."))],
        help_text=_("ISO 639 code of the language it works in; required for media outlets."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    access = AccessRule(visibility=Visibility.PUBLIC, region_path="association__region", coordinator_writes=True)

    class Meta:
        ordering = ["association_id", "kind", "name_en"]
        verbose_name = _("association activity")
        verbose_name_plural = _("association activities")

    @property
    def language_name(self):
        """The language's name for people (the catalogue's, in the reader's language); the code if it has none."""
        return SPOKEN_LANGUAGES.get(self.language, self.language)

    def clean(self):
        super().clean()
        if self.kind == ActivityKind.MEDIA_OUTLET and not self.language:
            raise ValidationError({"language": _("Give the language a media outlet publishes in.")})
