"""The values a row plan (registry.api.rows) gives: the request's language order, and how a row's stored values
become the serializer's output (ISO dates and times, texts, JSON, translated texts) without building DRF fields'
wrappers around them."""

import orjson
from django.conf import settings
from django.utils import timezone
from rest_framework import ISO_8601
from rest_framework import fields as drf_fields
from rest_framework.settings import api_settings

from registry.kazakh_latin import reads_latin, transliterate
from registry.models import reading_order

LANGUAGE_CODES = list(settings.RECORD_LANGUAGES)
IDENTITY_FIELDS = (drf_fields.CharField, drf_fields.IntegerField, drf_fields.ChoiceField, drf_fields.ReadOnlyField)
TEXT_FIELDS = (drf_fields.CharField, drf_fields.ChoiceField, drf_fields.URLField, drf_fields.EmailField)


class Unreadable(Exception):
    """The serializer has a field a plan cannot read from rows."""


class Order(list):
    """The request's language order for translated texts, carrying its time zone for date-times and whether the
    Kazakh texts are read in the Latin script."""

    tz = None
    latin = False


def language_order():
    order = Order(reading_order())
    order.tz = timezone.get_current_timezone() if settings.USE_TZ else None
    order.latin = reads_latin()
    return order


def _iso_format(field, default):
    output = getattr(field, "format", drf_fields.empty)
    if output is drf_fields.empty:
        output = default
    return isinstance(output, str) and output.lower() == ISO_8601


def _iso_datetimes(field):
    return (
        settings.USE_TZ
        and _iso_format(field, api_settings.DATETIME_FORMAT)
        and getattr(field, "timezone", None) is None
    )


def _datetime(value, tz):
    return None if value is None else _iso(value.astimezone(tz))


def _date(value):
    return None if value is None else value.isoformat()


def _texts(values, represent):
    if values is None:
        return None
    if type(values) is list and all(type(value) is str for value in values):
        return values
    return represent(values)


def _texts_of_texts(child):
    """Whether a list field's child gives each text back as it is (a choice only when every choice is a text)."""
    if type(child) not in TEXT_FIELDS:
        return False
    choices = getattr(child, "choice_strings_to_values", None)
    return choices is None or all(type(key) is str and key == value for key, value in choices.items())


def _big_as_text(field):
    return getattr(field, "coerce_to_string", getattr(api_settings, "COERCE_BIGINT_TO_STRING", False))


def _json(text):
    if text is None:
        return None
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return text  # as the JSON field gives a text it cannot decode


def _inline(step, expression):
    """A step that a compiled row function (`RowPlan.row_function`) writes as `expression` instead of a call."""
    step.inline = expression
    return step


def _column_step(column):
    return _inline(lambda row, order: row[column], f"row[{column!r}]")


def _iso(value):
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def translated_from(row, prefix, order):
    for code in order:
        value = row[f"{prefix}_{code}"]
        if value:
            return transliterate(value) if order.latin and code == "kk" else value
    return ""
