"""The languages the Assembly's work is done in: the state language, Russian, English and the languages of the larger
communities. One catalogue for events, mediation and media outlets."""

from django.utils.translation import gettext_lazy as _

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
