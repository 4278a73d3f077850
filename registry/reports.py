"""Admin exports for a report: the file a person opens in a spreadsheet and reads.

Every registry's import/export resource (registry.admin.RegistryResource and its subclasses) writes codes: the
region as `KZ-10`, a choice as `regional`, a language list as `kk,ru`, a linked record by its key. That file is the
one to edit and import back. `for_report(resource)` derives from it a second, export-only resource with the same
rows for people: headers are the fields' verbose names, values are names in the reader's language (regions,
districts, ethnic groups, linked records, choices, languages), the three language columns of a text become one in
the reader's language, dates are dates, yes/no is written out, and the XLSX sheet is named after the registry.
"""

import datetime
import re

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import fields

from registry.languages import LanguageListField, language_names
from registry.models import translated
from registry.ordering import natural_key

LANGUAGE_SUFFIXES = ("_kk", "_ru", "_en")
_LANGUAGE_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def _base_label(field):
    """ "name (Kazakh)" → "name", in the active language: the header of a text's one column."""
    return capfirst(_LANGUAGE_NOTE.sub("", str(field.verbose_name)))


def _label(field):
    return capfirst(str(field.verbose_name))


base_label = lazy(_base_label, str)
label = lazy(_label, str)


class ReportColumn(fields.Field):
    """One column of a report: `read(instance, native)` gives the cell (`native`: a spreadsheet cell that keeps
    numbers and dates as such, rather than text)."""

    def __init__(self, attribute, column_name, read):
        super().__init__(attribute=attribute, column_name=column_name, readonly=True)
        self.read = read

    def export(self, instance, **kwargs):
        return self.read(instance, kwargs.get("force_native_type", False))


def _as_date(value, native):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.replace(tzinfo=None) if native else formats.date_format(value, "SHORT_DATETIME_FORMAT")
    return value if native else formats.date_format(value, "SHORT_DATE_FORMAT")


def _yes_no(value):
    if value is None:
        return ""
    return gettext("yes") if value else gettext("no")


def reader(model_field):
    """How a report shows `model_field`'s value: a name, a choice's label, a date, a number or the text."""
    name = model_field.name
    if model_field.many_to_many:
        return lambda obj, native: ", ".join(
            sorted((str(linked) for linked in getattr(obj, name).all()), key=natural_key)
        )
    if model_field.is_relation:
        return lambda obj, native: "" if getattr(obj, name) is None else str(getattr(obj, name))
    if isinstance(model_field, LanguageListField):
        return lambda obj, native: language_names(getattr(obj, name))
    if model_field.choices:
        return lambda obj, native: str(getattr(obj, f"get_{name}_display")()) if getattr(obj, name) else ""
    if isinstance(model_field, models.BooleanField):
        return lambda obj, native: _yes_no(getattr(obj, name))
    if isinstance(model_field, models.DateField):  # DateTimeField too
        return lambda obj, native: _as_date(getattr(obj, name), native)
    return lambda obj, native: "" if getattr(obj, name) is None else getattr(obj, name)


def report_columns(resource_class):
    """{key: ReportColumn} in the codes resource's column order."""
    model = resource_class._meta.model
    codes = resource_class()
    names = [field.attribute for field in codes.get_export_fields() if field.attribute]
    columns = {}
    for code_field in codes.get_export_fields():
        attribute = code_field.attribute
        if not attribute or "__" in attribute:
            continue
        base = attribute[:-3]
        if attribute.endswith(LANGUAGE_SUFFIXES) and all(base + suffix in names for suffix in LANGUAGE_SUFFIXES):
            if base in columns:
                continue
            first = model._meta.get_field(f"{base}_kk")
            columns[base] = ReportColumn(
                f"{base}_kk", base_label(first), lambda obj, native, base=base: translated(obj, base)
            )
            continue
        try:
            model_field = model._meta.get_field(attribute)
        except FieldDoesNotExist:
            columns[attribute] = ReportColumn(
                attribute, code_field.column_name, lambda obj, native, field=code_field: field.export(obj)
            )
            continue
        columns[attribute] = ReportColumn(attribute, label(model_field), reader(model_field))
    return columns


def sheet_title(model):
    """The registry's name as an XLSX sheet may carry it (31 characters, none of []:*?/\\)."""
    title = "".join(ch for ch in str(capfirst(model._meta.verbose_name_plural)) if ch not in "[]:*?/\\")
    return title[:31]


class ReportMixin:
    """The export-only, for-people side of a registry resource (see the module's description)."""

    for_report = True

    @classmethod
    def get_display_name(cls):
        return _("For a report: names in your language")

    def import_data(self, *args, **kwargs):
        raise NotImplementedError("A report is not imported: import the file exported for re-import (codes).")

    def after_export(self, queryset, dataset, **kwargs):
        super().after_export(queryset, dataset, **kwargs)
        dataset.title = sheet_title(self._meta.model)


def for_report(resource_class):
    """The report resource derived from the codes resource `resource_class` (cached on it)."""
    cached = resource_class.__dict__.get("_report_resource")
    if cached is not None:
        return cached
    report = type(f"{resource_class.__name__}ForReport", (ReportMixin, resource_class), {})
    columns = report_columns(resource_class)
    report.fields = dict(columns)
    meta = type(resource_class._meta)()
    meta.__dict__.update(resource_class._meta.__dict__)
    meta.fields = tuple(columns)
    meta.export_order = tuple(columns)
    report._meta = meta
    resource_class._report_resource = report
    return report
