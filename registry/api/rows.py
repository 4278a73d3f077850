"""Reading a page without building model instances: a serializer's output made from `.values()` rows.

A `RowPlan` reads a registry serializer's declared fields once and turns each readable field into a column (or a
few columns) to select and a function that gives the field's value from a row. The plan keeps the serializer's
exact output: plain model fields still go through the DRF field's own `to_representation`, and only the wrappers
around it (attribute lookups, per-field dispatch, model instances) are skipped. A serializer the plan cannot read
(a nested serializer, a method field, a property) keeps DRF's ordinary path, so nothing is guessed.

A serializer may describe a property in `Meta.row_fields = {"verified": (("verification",), function)}`: the
columns it needs and a function of their values.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from rest_framework import ISO_8601, relations, serializers
from rest_framework import fields as drf_fields
from rest_framework.settings import api_settings

from accounts import access
from accounts.access import AccessRule
from registry.api.serializers import LocalizedTextField, RegistrySerializer, TranslatedTextField
from registry.kazakh_latin import reads_latin, transliterate
from registry.models import reading_order

LANGUAGE_CODES = list(settings.RECORD_LANGUAGES)
IDENTITY_FIELDS = (drf_fields.CharField, drf_fields.IntegerField, drf_fields.ChoiceField, drf_fields.ReadOnlyField)


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


def _iso_datetimes(field):
    output = getattr(field, "format", drf_fields.empty)
    if output is drf_fields.empty:
        output = api_settings.DATETIME_FORMAT
    return settings.USE_TZ and output == ISO_8601 and getattr(field, "timezone", None) is None


def _iso(value):
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def translated_from(row, prefix, order):
    for code in order:
        value = row[f"{prefix}_{code}"]
        if value:
            return transliterate(value) if order.latin and code == "kk" else value
    return ""


class RowPlan:
    """Columns to select and, per output key, how to make the value from a row."""

    def __init__(self, serializer_class):
        self.serializer_class = serializer_class
        meta = serializer_class.Meta
        self.model = meta.model
        if serializer_class.to_representation is not RegistrySerializer.to_representation:
            raise Unreadable("the serializer writes its rows itself")
        self.confidential = tuple(getattr(self.model, "confidential_fields", ()))
        rule = access.rule_for(self.model)
        if self.confidential and type(rule).sees_confidential_fields is not AccessRule.sees_confidential_fields:
            raise Unreadable("the registry decides on confidential fields row by row")
        self.rule = rule
        self.region_column = None
        if self.confidential and rule.region_path:
            self.region_column = "pk" if rule.region_path == "pk" else self._column(rule.region_path)
        self.columns = {"pk"} | ({self.region_column} if self.region_column else set())
        self.steps = []
        fields = serializer_class().fields
        row_fields = getattr(meta, "row_fields", {})
        for name, field in fields.items():
            if field.write_only:
                continue
            if name in row_fields:
                needed, function = row_fields[name]
                self.columns.update(needed)
                self.steps.append((name, _custom(needed, function)))
                continue
            self.steps.append((name, self._step(name, field)))

    def _column(self, path):
        """A lookup path to a `.values()` column: foreign keys end in their `_id` column."""
        *hops, last = path.split("__")
        model = self.model
        for hop in hops:
            model = model._meta.get_field(hop).related_model
        field = model._meta.get_field(last)
        if field.is_relation and (field.many_to_one or field.one_to_one):
            return "__".join([*hops, field.attname])
        return path

    def _step(self, name, field):
        model = self.model
        if isinstance(field, LocalizedTextField):
            columns = [f"{field.base}_{code}" for code in LANGUAGE_CODES]
            self.columns.update(columns)
            base = field.base
            return lambda row, order: translated_from(row, base, order)
        if isinstance(field, TranslatedTextField):
            columns = {code: f"{field.base}_{code}" for code in LANGUAGE_CODES}
            self.columns.update(columns.values())
            return lambda row, order: {code: row[column] or "" for code, column in columns.items()}
        if isinstance(field, serializers.SerializerMethodField):
            if name == "archived" and type(field.parent).get_archived is RegistrySerializer.get_archived:
                self.columns.add("archived_at")
                return lambda row, order: row["archived_at"] is not None
            raise Unreadable(f"{name} is a method field")
        if isinstance(field, serializers.BaseSerializer | relations.ManyRelatedField | serializers.ListSerializer):
            raise Unreadable(f"{name} is nested")
        source = field.source_attrs
        if len(source) == 2 and not isinstance(field, relations.RelatedField):
            related = _model_field(model, source[0])
            if related is not None and related.many_to_one and _is_translated(related.related_model, source[1]):
                prefix = f"{source[0]}__{source[1]}"
                columns = [f"{prefix}_{code}" for code in LANGUAGE_CODES]
                self.columns.update(columns)
                default = field.default if field.default is not drf_fields.empty else None
                key = columns[0]
                return lambda row, order: default if row[key] is None else translated_from(row, prefix, order)
            raise Unreadable(f"{name} follows {field.source}")
        if len(source) != 1:
            raise Unreadable(f"{name} has the source {field.source}")
        model_field = _model_field(model, source[0])
        if model_field is None or model_field.many_to_many or model_field.one_to_many:
            raise Unreadable(f"{name} is not a column")
        if isinstance(field, relations.PrimaryKeyRelatedField):
            if model_field.remote_field.field_name != model_field.related_model._meta.pk.name:
                raise Unreadable(f"{name} points at a field other than the primary key")
            column = model_field.attname
            self.columns.add(column)
            return lambda row, order: row[column]
        if isinstance(field, relations.SlugRelatedField):
            column = f"{model_field.name}__{field.slug_field}"
            self.columns.add(column)
            return lambda row, order: row[column]
        if model_field.is_relation:
            raise Unreadable(f"{name} is a relation shown as {type(field).__name__}")
        column = "pk" if model_field.primary_key else model_field.attname
        self.columns.add(column)
        if type(field) in IDENTITY_FIELDS:
            return lambda row, order: row[column]
        if type(field) is drf_fields.DateTimeField and _iso_datetimes(field):
            # DRF's own steps (to the current time zone, ISO 8601, "Z" for UTC) without its per-value lookups.
            return lambda row, order: None if row[column] is None else _iso(row[column].astimezone(order.tz))
        represent = field.to_representation
        return lambda row, order: None if row[column] is None else represent(row[column])

    def values(self, queryset):
        """The queryset's rows as dicts of the plan's columns (still lazy: paginate or slice it)."""
        return queryset.values(*self.columns)

    def build(self, values, request):
        """The serialized rows of `values` (rows of `self.values()`), as the serializer would give them."""
        order = language_order()
        hide = self.confidential_check(request)
        out = []
        steps = self.steps
        for row in values:
            item = {name: step(row, order) for name, step in steps}
            if hide is not None and hide(row):
                for field in self.confidential:
                    item.pop(field, None)
            out.append(item)
        return out

    def confidential_check(self, request):
        """Once per request: None when the reader sees every row's confidential fields, else a test per row."""
        if not self.confidential:
            return None
        user = getattr(request, "user", None)
        if access.is_secretariat(user):
            return None
        if not access.is_coordinator(user) or self.region_column is None:
            return lambda row: True
        region, column = user.region_id, self.region_column
        return lambda row: row[column] != region


def _custom(needed, function):
    return lambda row, order: function(*(row[column] for column in needed))


def _model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:  # a property or a method
        return None


def _is_translated(model, name):
    names = {field.name for field in model._meta.get_fields() if isinstance(field, models.Field)}
    return all(f"{name}_{code}" in names for code in LANGUAGE_CODES)


_PLANS = {}


def plan_for(serializer_class):
    """The serializer's plan, made once per process; None when it cannot be read from rows."""
    if serializer_class not in _PLANS:
        try:
            _PLANS[serializer_class] = RowPlan(serializer_class)
        except Unreadable:
            _PLANS[serializer_class] = None
    return _PLANS[serializer_class]
