"""Reading the values people type or paste (portal, API, spreadsheets) into an event's fields, with messages a
coordinator understands. One set of rules for every way an event comes in."""

import datetime
import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.models import EVENT_LANGUAGES, EventKind, EventStatus
from registry import numbers

# The largest amount a record may carry: a thousand trillion tenge, far above any real figure, inside a bigint.
MAX_TENGE = 10**15


class InputError(ValueError):
    """A value that cannot be read; str(error) is the message for the person who typed it."""


def parse_whole_tenge(value):
    """Funds in whole tenge: 2600718, "2 600 718", "2600718.00" are fine; "1500.50" (tiyn) is refused."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = value.strip().replace("₸", "").removesuffix("тг").removesuffix("KZT")
        if value.count(",") == 1 and "." not in value:
            value = value.replace(",", ".")  # a decimal comma, as typed in kk/ru
    try:
        return numbers.parse_integer(value, minimum=0, maximum=MAX_TENGE)
    except numbers.NumberError as error:
        if error.code == "fraction":
            raise InputError(
                _("Funds are counted in whole tenge: drop the tiyn (the part after the decimal point).")
            ) from None
        if error.code == "negative":
            raise InputError(_("Funds raised cannot be negative.")) from None
        if error.code == "invalid":
            raise InputError(_("Enter an amount in tenge, for example 150000.")) from None
        raise InputError(str(error)) from None


def parse_count(value):
    """A head count: a whole number, 0 or more; empty means unknown."""
    try:
        return numbers.parse_integer(value, minimum=0, maximum=numbers.INT_MAX)
    except numbers.NumberError as error:
        raise InputError(str(error)) from None


DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d.%m.%y")


def parse_date(value):
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise InputError(_("Not a date: %(value)s. Use YYYY-MM-DD or DD.MM.YYYY.") % {"value": text})


_LOOKUPS = {}


def _choice_lookup(choices):
    """Codes and labels in every language, lower-cased, to the code (built once per set of choices: a choices class
    is its own key, so a file of 50,000 rows does not list the choices 50,000 times)."""
    key = choices if isinstance(choices, type) else tuple(code for code, _label in choices)
    if key not in _LOOKUPS:
        _LOOKUPS[key] = _build_lookup(choices.choices if isinstance(choices, type) else choices)
    return _LOOKUPS[key]


def _build_lookup(choices):
    from django.utils import translation

    lookup = {}
    for code, label in choices:
        lookup[code.lower()] = code
        for language in ("kk", "ru", "en"):
            with translation.override(language):
                lookup[str(label).strip().lower()] = code
    return lookup


def parse_choice(value, choices, what):
    text = str(value or "").strip().lower().replace("-", "_")
    if not text:
        raise InputError(_("Required."))
    lookup = _choice_lookup(choices)
    if text in lookup:
        return lookup[text]
    text = text.replace("_", " ")
    if text in lookup:
        return lookup[text]
    codes = ", ".join(code for code, _label in (choices.choices if isinstance(choices, type) else choices))
    raise InputError(
        _("Unknown %(what)s “%(value)s”; use one of: %(codes)s.") % {"what": what, "value": value, "codes": codes}
    )


def parse_kind(value):
    return parse_choice(value, EventKind, gettext_lazy("kind"))


def parse_status(value):
    if value is None or str(value).strip() == "":
        return None
    return parse_choice(value, EventStatus, gettext_lazy("status"))


def parse_languages(value):
    """ "kk, ru" or "kk;ru" or a list: known language codes."""
    if value is None or value == "":
        return []
    items = value if isinstance(value, list | tuple) else re.split(r"[,;\s]+", str(value))
    codes = []
    for item in items:
        code = str(item).strip().lower()
        if not code:
            continue
        if code not in EVENT_LANGUAGES:
            raise InputError(
                _("Unknown language code “%(code)s”; use codes such as kk, ru, uz, ug, de, ko.") % {"code": item}
            )
        if code not in codes:
            codes.append(code)
    return codes


def parse_links(value):
    if value is None or value == "":
        return []
    items = value if isinstance(value, list | tuple) else re.split(r"[\s;,]+", str(value))
    return [str(item).strip() for item in items if str(item).strip()]


def parse_bool(value, default=True):
    if value is None or str(value).strip() == "":
        return default
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "y", "иә", "ия", "да", "+"}:
        return True
    if text in {"0", "false", "no", "n", "жоқ", "нет", "-"}:
        return False
    raise InputError(_("Answer yes or no."))
