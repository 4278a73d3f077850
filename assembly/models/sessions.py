"""Sessions of the Assembly, their agendas and documents, and the awards presented at them."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, Visibility
from assembly.models.people import PERSON_NAME_FIELDS, Person
from assembly.roman import to_roman
from registry.fields import link, optional_link
from registry.models import NamedRegistryModel, Period, RegistryModel, TranslatedText, through


class Session(Period, RegistryModel):
    """A session of the Assembly: its supreme body, numbered in Roman numerals."""

    translated_fields = ("theme",)
    search_fields = ("city", "venue", "theme_kk", "theme_ru", "theme_en")

    # Sessions are numbered in Roman numerals, which stop at 3999.
    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(3999)]
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    chair = optional_link(Person, _("chair"), "sessions")
    theme_kk = models.CharField(_("theme (Kazakh)"), max_length=500, blank=True)
    theme_ru = models.CharField(_("theme (Russian)"), max_length=500, blank=True)
    theme_en = models.CharField(_("theme (English)"), max_length=500, blank=True)
    dates_verified = models.BooleanField(
        _("dates verified"), default=False, help_text=_("The dates are confirmed by more than one source.")
    )
    note = models.TextField(_("note"), blank=True)

    theme = TranslatedText()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path=None)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    @property
    def roman(self):
        return to_roman(self.number) if self.number else ""

    def __str__(self):
        return _("Session %(roman)s (%(date)s)") % {"roman": self.roman, "date": self.start_date}


class AgendaItem(RegistryModel):
    """One item of a session's agenda, in order."""

    search_fields = ("title_kk", "title_ru", "title_en")

    session = link(Session, _("session"), "agenda_items")
    position = models.PositiveSmallIntegerField(_("position"), validators=[MinValueValidator(1)])
    title_kk = models.CharField(_("title (Kazakh)"), max_length=500, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=500, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=500)
    speaker = optional_link(Person, _("speaker"), "+")

    title = TranslatedText()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path=None)

    class Meta:
        ordering = ["session_id", "position"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "position"],
                name="agenda_item_unique_position",
                violation_error_message=_("The session already has an agenda item at this position."),
            )
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"


class SessionDocumentKind(models.TextChoices):
    RESOLUTION = "resolution", _("resolution")
    TRANSCRIPT = "transcript", _("transcript")
    SPEECH = "speech", _("speech")
    PRESS_RELEASE = "press_release", _("press release")
    MEDIA = "media", _("photos or video")
    OTHER = "other", _("other")


class SessionDocument(RegistryModel):
    """A document of a session or a link to it."""

    search_fields = ("title_kk", "title_ru", "title_en", "url")

    session = link(Session, _("session"), "documents")
    kind = models.CharField(
        _("kind"), max_length=20, choices=SessionDocumentKind.choices, default=SessionDocumentKind.OTHER
    )
    title_kk = models.CharField(_("title (Kazakh)"), max_length=500, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=500, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=500)
    url = models.URLField(_("link"), max_length=500, blank=True)

    title = TranslatedText()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path=None)

    class Meta:
        ordering = ["session_id", "kind", "title_en"]
        verbose_name = _("session document")
        verbose_name_plural = _("session documents")

    def __str__(self):
        return self.title


class Award(NamedRegistryModel):
    """A state or Assembly award, such as the “El Birligi” Order."""

    description_kk = models.TextField(_("description (Kazakh)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    description = TranslatedText()
    access = AccessRule(visibility=Visibility.PUBLIC, region_path=None)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        constraints = [models.UniqueConstraint(fields=["name_en"], name="award_unique_english_name")]


class AwardPresentation(RegistryModel):
    """An award presented to a person, usually at a session."""

    search_fields = (*through("person", PERSON_NAME_FIELDS), *through("award"))

    award = link(Award, _("award"), "presentations")
    person = link(Person, _("person"), "awards")
    session = optional_link(Session, _("session"), "awards")
    awarded_on = models.DateField(_("awarded on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    access = AccessRule(visibility=Visibility.INTERNAL, region_path=None)

    class Meta:
        ordering = ["-awarded_on", "id"]
        verbose_name = _("award presented")
        verbose_name_plural = _("awards presented")

    def __str__(self):
        return f"{self.award} — {self.person}"

    def save(self, *args, **kwargs):
        if self.session_id and not self.awarded_on:
            self.awarded_on = self.session.start_date
        super().save(*args, **kwargs)
