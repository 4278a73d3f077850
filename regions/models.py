from django.core.validators import RegexValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, Visibility
from registry.collation import sort_key
from registry.fields import link
from registry.models import NamedRegistryModel, TranslatedText


class RegionKind(models.TextChoices):
    REGION = "region", _("region (oblys)")
    CITY = "city", _("city of republican significance")


class Region(NamedRegistryModel):
    """One of the 20 top-level units; its ISO 3166-2 code is its identity everywhere (`KZ-10`)."""

    search_fields = ("iso_code", "kato", "name_kk", "name_ru", "name_en", "centre_kk", "centre_ru", "centre_en")

    iso_code = models.CharField(
        _("ISO 3166-2 code"),
        max_length=6,
        primary_key=True,
        validators=[RegexValidator(r"^KZ-\d{2}$", _("Use the form KZ-NN, for example KZ-10."))],
    )
    kato = models.CharField(
        _("KATO code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^\d{2}$", _("The region's KATO code has two digits."))],
    )
    kind = models.CharField(_("kind"), max_length=10, choices=RegionKind.choices)
    centre_kk = models.CharField(_("administrative centre (Kazakh)"), max_length=100, blank=True)
    centre_ru = models.CharField(_("administrative centre (Russian)"), max_length=100, blank=True)
    centre_en = models.CharField(_("administrative centre (English)"), max_length=100)
    established_on = models.DateField(_("established on"), null=True, blank=True)

    centre = TranslatedText()
    translated_fields = ("name", "centre")
    access = AccessRule(visibility=Visibility.PUBLIC, region_path="pk")

    class Meta:
        ordering = ["iso_code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def natural_key(self):
        return (self.iso_code,)

    @property
    def sort_name(self):
        """The name without the word for "region" or "city", as people look it up: "область Абай" under А."""
        words = [word for word in self.name.split() if word.lower() not in KIND_WORDS]
        return " ".join(words) or self.name


# The words that say what kind of unit a region is, in its names in three languages.
KIND_WORDS = {"облысы", "қаласы", "область", "город", "region", "city"}


def alphabetical(regions, language=None):
    """`regions` in the alphabetical order of their names in `language` (the active one by default); of two with
    the same name, the shorter full name first ("Almaty" before "Almaty Region")."""
    language = language or translation.get_language()
    return sorted(regions, key=lambda region: (sort_key(region.sort_name, language), sort_key(region.name, language)))


class DistrictKind(models.TextChoices):
    DISTRICT = "district", _("district (audan)")
    CITY = "city", _("city of regional significance")
    CITY_DISTRICT = "city_district", _("district of a city")


class District(NamedRegistryModel):
    """A district-level place of a region: a rural district, a city of regional significance, a city's district."""

    search_fields = ("kato", "name_kk", "name_ru", "name_en")

    region = link(Region, _("region"), "districts")
    kind = models.CharField(_("kind"), max_length=20, choices=DistrictKind.choices, default=DistrictKind.DISTRICT)
    kato = models.CharField(
        _("KATO code"),
        max_length=9,
        unique=True,
        null=True,
        blank=True,
        validators=[RegexValidator(r"^\d{4,9}$", _("A KATO code has four to nine digits."))],
    )
    centre_en = models.CharField(_("administrative centre (English)"), max_length=100, blank=True)
    is_region_centre = models.BooleanField(_("administrative centre of the region"), default=False)

    access = AccessRule(visibility=Visibility.PUBLIC, region_path="region")

    class Meta:
        ordering = ["region_id", "name_en"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        constraints = [
            models.UniqueConstraint(fields=["region", "name_en"], name="district_unique_english_name_per_region"),
        ]
