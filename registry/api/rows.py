"""Reading a page without building model instances: a serializer's output made from `.values()` rows.

A `RowPlan` reads a registry serializer's declared fields once and turns each readable field into a column (or a
few columns) to select and a function that gives the field's value from a row. The plan keeps the serializer's
exact output: plain model fields still go through the DRF field's own `to_representation`, and only the wrappers
around it (attribute lookups, per-field dispatch, model instances) are skipped. A serializer the plan cannot read
(a nested serializer, a method field, a property) keeps DRF's ordinary path, so nothing is guessed.

A serializer describes in `Meta.row_fields` what the plan cannot find out by itself (registry/api/row_fields.py).

`Meta.readers_of = {"leader": Membership}` shows a field only to those who may read that other registry, in both
paths (RegistrySerializer.to_representation and the plan), decided once per request here.
"""

import inspect

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import F
from django.db.models.functions import Cast
from rest_framework import fields as drf_fields
from rest_framework import relations, serializers
from rest_framework.settings import api_settings

from accounts import access
from accounts.access import AccessRule
from registry.api.row_fields import Computed, Related, RowField
from registry.api.row_values import (
    IDENTITY_FIELDS,
    LANGUAGE_CODES,
    Unreadable,
    _big_as_text,
    _column_step,
    _date,
    _datetime,
    _inline,
    _iso_datetimes,
    _iso_format,
    _json,
    _texts,
    _texts_of_texts,
    language_order,
    translated_from,
)
from registry.api.serializers import LocalizedTextField, NameOf, RegistrySerializer, TranslatedTextField
from registry.models import TranslatedText

OWNER = "_row_owner"
JSON_TEXT = "_json_"


class Reader:
    """One model's `.values()` columns and the steps that make output values from its rows."""

    def __init__(self, model):
        self.model = model
        self.columns = {"pk"}
        self.expressions = {}  # alias: expression, for columns read otherwise than as the model field
        self.fetches = {}

    def step_for(self, name, spec):
        """The step `(row, order) -> value` for `spec`: a DRF field, a column's name, a RowField or a pair of
        columns and a function of their values."""
        if isinstance(spec, RowField):
            return spec.step(self)
        if isinstance(spec, tuple):
            return Computed(*spec).step(self)
        if isinstance(spec, str):
            self.columns.add(spec)
            return lambda row, order: row[spec]
        return self._step(name, spec)

    def serializer_steps(self, serializer_class):
        """(name, step) for each field the serializer reads, in its order."""
        row_fields = getattr(serializer_class.Meta, "row_fields", {})
        steps = []
        for name, field in serializer_class().fields.items():
            if not field.write_only:
                steps.append((name, self.step_for(name, row_fields.get(name, field))))
        return steps

    def fetch(self, relation, where):
        """The page's rows of a to-many relation (one query however many fields read them)."""
        key = f"\x00{relation}:{sorted(where.items())}"
        if key not in self.fetches:
            self.fetches[key] = Fetch(self.model, relation, where, key)
        return self.fetches[key]

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
        if isinstance(field, NameOf):
            related = _model_field(model, field.relation)
            if related is None or not related.many_to_one or not _named(related.related_model):
                raise Unreadable(f"{name} names a record whose name is not a translated text")
            prefix = f"{field.relation}__name"
            self.columns.update(f"{prefix}_{code}" for code in LANGUAGE_CODES)
            return lambda row, order: translated_from(row, prefix, order)
        if isinstance(field, serializers.SerializerMethodField):
            if name == "archived" and type(field.parent).get_archived is RegistrySerializer.get_archived:
                self.columns.add("archived_at")
                return _inline(lambda row, order: row["archived_at"] is not None, "row['archived_at'] is not None")
            raise Unreadable(f"{name} is a method field")
        if isinstance(field, relations.ManyRelatedField):
            child = field.child_relation
            if (
                len(field.source_attrs) == 1
                and type(child) is relations.PrimaryKeyRelatedField
                and child.pk_field is None
                and _model_field(model, field.source) is not None
            ):
                return Related(field.source, "pk").step(self)
            raise Unreadable(f"{name} is a list of {type(child).__name__}")
        if isinstance(field, serializers.BaseSerializer | serializers.ListSerializer):
            raise Unreadable(f"{name} is nested")
        source = field.source_attrs
        if len(source) == 2 and not isinstance(field, relations.RelatedField):
            related = _model_field(model, source[0])
            if (
                related is not None
                and related.many_to_one
                and _is_translated(related.related_model, source[1])
                # a property of that name (a person's name falling back to the full name) decides more than columns
                and not isinstance(getattr(related.related_model, source[1], None), property)
            ):
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
            return _column_step(column)
        if isinstance(field, relations.SlugRelatedField):
            column = f"{model_field.name}__{field.slug_field}"
            self.columns.add(column)
            return _column_step(column)
        if model_field.is_relation:
            raise Unreadable(f"{name} is a relation shown as {type(field).__name__}")
        column = "pk" if model_field.primary_key else model_field.attname
        self.columns.add(column)
        if (
            type(field) in IDENTITY_FIELDS
            or (type(field) is drf_fields.BooleanField and isinstance(model_field, models.BooleanField))
            or (type(field) is drf_fields.BigIntegerField and not _big_as_text(field))
        ):
            return _column_step(column)
        if type(field) is drf_fields.DateTimeField and _iso_datetimes(field):
            # DRF's own steps (to the current time zone, ISO 8601, "Z" for UTC) without its per-value lookups.
            return _inline(lambda row, order: _datetime(row[column], order.tz), f"_datetime(row[{column!r}], order.tz)")
        if type(field) is drf_fields.DateField and _iso_format(field, api_settings.DATE_FORMAT):
            return _inline(lambda row, order: _date(row[column]), f"_date(row[{column!r}])")
        represent = field.to_representation
        if type(field) is drf_fields.ListField and _texts_of_texts(field.child):
            # A list of texts is its own representation (a text child gives a text back); anything else goes to DRF.
            if isinstance(model_field, models.JSONField) and model_field.decoder is None:
                # The JSON text parsed by orjson rather than the field's json.loads.
                alias = f"{JSON_TEXT}{column}"
                self.columns.discard(column)
                self.expressions[alias] = Cast(column, models.TextField())
                return lambda row, order: _texts(_json(row[alias]), represent)
            return lambda row, order: _texts(row[column], represent)
        return lambda row, order: None if row[column] is None else represent(row[column])


class Fetch(Reader):
    """The rows of a to-many relation for a page, in the related model's ordering, grouped by the page's row."""

    def __init__(self, owner, relation, where, key):
        field = _model_field(owner, relation)
        if field is None or not (field.many_to_many or field.one_to_many):
            raise Unreadable(f"{relation} is not a to-many relation")
        super().__init__(field.related_model)
        # The lookup from the related model back to the page's rows.
        self.back = field.field.name if isinstance(field, models.ForeignObjectRel) else field.related_query_name()
        self.where = dict(where)
        self.key = key
        ordering = list(self.model._meta.ordering or ())
        self.ordering = [*ordering, "pk"] if not {"pk", "id", "-pk", "-id"} & set(ordering) else ordering

    def fetch(self, relation, where):
        raise Unreadable(f"{relation} is a to-many relation inside another")

    def attach(self, rows, ids):
        """Put each row's related rows (a list, maybe empty) under the fetch's key."""
        related = (
            self.model._default_manager.filter(**{f"{self.back}__in": ids}, **self.where)
            .order_by(*self.ordering)
            .values(*self.columns, **self.expressions, **{OWNER: F(self.back)})
        )
        groups = {}
        for item in related:
            groups.setdefault(item[OWNER], []).append(item)
        key = self.key
        for row in rows:
            row[key] = groups.get(row["pk"], ())


class RowPlan(Reader):
    """Columns to select and, per output key, how to make the value from a row."""

    def __init__(self, serializer_class):
        super().__init__(serializer_class.Meta.model)
        self.serializer_class = serializer_class
        meta = serializer_class.Meta
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
            self.columns.add(self.region_column)
        self.readers_of = dict(getattr(meta, "readers_of", {}))
        self._compiled = {}
        self.steps = [
            (name, step, getattr(step, "fetch", None)) for name, step in self.serializer_steps(serializer_class)
        ]

    def values(self, queryset):
        """The queryset's rows as dicts of the plan's columns (still lazy: paginate or slice it)."""
        return queryset.values(*self.columns, **self.expressions)

    def build(self, values, request):
        """The serialized rows of `values` (rows of `self.values()`), as the serializer would give them."""
        order = language_order()
        hide = self.confidential_check(request)
        steps = self.steps
        if self.readers_of:
            user = getattr(request, "user", None)
            hidden = {name for name, model in self.readers_of.items() if not access.can_read_model(user, model)}
            steps = [entry for entry in steps if entry[0] not in hidden]
        rows = values if isinstance(values, list) else list(values)
        fetches = {id(fetch): fetch for _name, _step, fetch in steps if fetch is not None}
        if fetches and rows:
            ids = [row["pk"] for row in rows]
            for fetch in fetches.values():
                fetch.attach(rows, ids)
        make = self.row_function([(name, step) for name, step, _fetch in steps])
        out = []
        for row in rows:
            item = make(row, order)
            if hide is not None and hide(row):
                for field in self.confidential:
                    item.pop(field, None)
            out.append(item)
        return out

    def row_function(self, steps):
        """One function `(row, order) -> dict` for these steps, compiled once per plan and set of shown fields: a
        plain column is read in place and every other step is called, so a row costs one call, not one per field.
        The source is made only from the serializer's field names and the model's column names."""
        key = tuple(name for name, _step in steps)
        if key not in self._compiled:
            namespace = {"_datetime": _datetime, "_date": _date}
            parts = []
            for index, (name, step) in enumerate(steps):
                expression = getattr(step, "inline", None)
                if expression is None:
                    namespace[f"step_{index}"] = step
                    expression = f"step_{index}(row, order)"
                parts.append(f"{name!r}: {expression}")
            source = "def row_function(row, order):\n    return {" + ", ".join(parts) + "}\n"
            exec(compile(source, f"<rows of {self.serializer_class.__name__}>", "exec"), namespace)
            self._compiled[key] = namespace["row_function"]
        return self._compiled[key]

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


def _named(model):
    """Whether the model's `name` is its three-language name (registry.models.TranslatedText)."""
    return isinstance(inspect.getattr_static(model, "name", None), TranslatedText)


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
