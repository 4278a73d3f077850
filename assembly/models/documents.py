"""Strategic documents: the laws, concepts and doctrines the Assembly works under."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, Visibility
from assembly.models.bodies import Body
from registry.fields import optional_link
from registry.models import NamedRegistryModel, Period


class StrategicDocumentKind(models.TextChoices):
    LAW = "law", _("law")
    CONCEPT = "concept", _("concept")
    DOCTRINE = "doctrine", _("doctrine")
    DECREE = "decree", _("decree")
    PROGRAMME = "programme", _("programme or plan")
    OTHER = "other", _("other")


class StrategicDocument(Period, NamedRegistryModel):
    """A law, concept or doctrine, with its number, date and period of validity."""

    search_fields = ("name_kk", "name_ru", "name_en", "number")

    kind = models.CharField(_("kind"), max_length=20, choices=StrategicDocumentKind.choices, db_index=True)
    number = models.CharField(_("number"), max_length=50, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_year = models.PositiveSmallIntegerField(
        _("year adopted"), null=True, blank=True, validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    start_date = models.DateField(_("in force from"), null=True, blank=True)
    end_date = models.DateField(_("in force until"), null=True, blank=True)
    adopted_by = optional_link(Body, _("adopted by"), "+")
    url = models.URLField(_("link"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)

    access = AccessRule(visibility=Visibility.PUBLIC, region_path=None)

    class Meta:
        ordering = ["-adopted_year", "name_en"]
        verbose_name = _("strategic document")
        verbose_name_plural = _("strategic documents")
        constraints = [
            models.UniqueConstraint(fields=["kind", "name_en"], name="strategic_document_unique_name"),
        ]

    def clean(self):
        super().clean()
        if self.adopted_on and self.adopted_year and self.adopted_year != self.adopted_on.year:
            raise ValidationError({"adopted_year": _("The year must match the date of adoption.")})

    def save(self, *args, **kwargs):
        if self.adopted_on:
            self.adopted_year = self.adopted_on.year
        super().save(*args, **kwargs)
