"""The languages the Assembly's work is done in: the state language, Russian, English and the languages of the larger
communities. One catalogue for events, mediation and media outlets, and the field that stores a list of them."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from import_export import widgets

SPOKEN_LANGUAGES = {
    "kk": _("Kazakh"),
    "ru": _("Russian"),
    "en": _("English"),
    "uz": _("Uzbek"),
    "ug": _("Uyghur"),
    "uk": _("Ukrainian"),
    "de": _("German"),
    "ko": _("Korean"),
    "tt": _("Tatar"),
    "az": _("Azerbaijani"),
    "tr": _("Turkish"),
    "be": _("Belarusian"),
    "pl": _("Polish"),
    "dng": _("Dungan"),
    "ky": _("Kyrgyz"),
    "tg": _("Tajik"),
    "ka": _("Georgian"),
    "hy": _("Armenian"),
    "other": _("other language"),
}
SPOKEN_LANGUAGE_CHOICES = list(SPOKEN_LANGUAGES.items())
LANGUAGE_CODES = set(SPOKEN_LANGUAGES)


def language_names(codes):
    """`["kk", "ru"]` as "Kazakh, Russian" in the active language."""
    return ", ".join(str(SPOKEN_LANGUAGES.get(code, code)) for code in codes or [])


class LanguageListField(models.CharField):
    """A list of spoken-language codes, stored as `kk,ru`; forms show check boxes, the API a JSON list."""

    description = _("list of language codes")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        # Like a choice field's get_FOO_display: the names a person reads, in the active language.
        setattr(cls, f"get_{name}_display", lambda record: language_names(getattr(record, name)))

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
            choices=SPOKEN_LANGUAGE_CHOICES,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


class LanguagesWidget(widgets.Widget):
    """A LanguageListField in a spreadsheet cell (import and export) as `kk,ru`."""

    def clean(self, value, row=None, **kwargs):
        return [code.strip() for code in str(value or "").split(",") if code.strip()]

    def render(self, value, obj=None, **kwargs):
        return ",".join(value or [])
