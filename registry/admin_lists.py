"""The admin's list filters and columns shared by every registry: the archive filter, choice filters listing only
the values in use, and columns of a translated name, an annotated figure or a linked record's natural key."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from registry.models import translated
from registry.ordering import LocalNaturalName


class OptionsListFilter(admin.SimpleListFilter):
    """A list filter of a few options, each narrowing the list its own way: `options` maps each option's value to
    its label and a function of the queryset; no option chosen, the whole list."""

    options = {}

    def lookups(self, request, model_admin):
        return [(value, label) for value, (label, _narrow) in self.options.items()]

    def queryset(self, request, queryset):
        if self.value() in self.options:
            return self.options[self.value()][1](queryset)
        return queryset


class ArchivedListFilter(admin.SimpleListFilter):
    title = _("archive")
    parameter_name = "archived"

    def lookups(self, request, model_admin):
        return [("archived", _("Archived only")), ("all", _("Active and archived"))]

    def queryset(self, request, queryset):
        if self.value() == "archived":
            return queryset.filter(archived_at__isnull=False)
        if self.value() == "all":
            return queryset
        return queryset.filter(archived_at__isnull=True)

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Active only"),
        }
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


class UsedChoicesFilter(admin.ChoicesFieldListFilter):
    """A filter by a choice field (a status, a kind) listing only the values the registry's records have, each label
    once: "действует" is both a House's `operating` and an association's `active`, and one link selects both."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.lookup_kwarg = f"{field_path}__in"
        self.lookup_val = params.get(self.lookup_kwarg)
        used = set(model_admin.get_queryset(request).order_by().values_list(field_path, flat=True).distinct())
        grouped = {}
        for value, label in field.flatchoices:
            if value in used:
                grouped.setdefault(str(label), []).append(str(value))
        self.grouped = list(grouped.items())

    def expected_parameters(self):
        return [self.lookup_kwarg, self.lookup_kwarg_isnull]

    def has_output(self):
        return len(self.grouped) > 1

    def get_facet_counts(self, pk_attname, filtered_qs):
        return {
            f"{index}__c": models.Count(pk_attname, filter=models.Q((self.lookup_kwarg, values)))
            for index, (_label, values) in enumerate(self.grouped)
        }

    def choices(self, changelist):
        counts = self.get_facet_queryset(changelist) if changelist.add_facets else None
        chosen = ",".join(self.lookup_val) if isinstance(self.lookup_val, list) else self.lookup_val
        yield {
            "selected": not chosen,
            "query_string": changelist.get_query_string(remove=[self.lookup_kwarg, self.lookup_kwarg_isnull]),
            "display": _("All"),
        }
        for index, (label, values) in enumerate(self.grouped):
            joined = ",".join(values)
            yield {
                "selected": chosen == joined,
                "query_string": changelist.get_query_string({self.lookup_kwarg: joined}, [self.lookup_kwarg_isnull]),
                "display": f"{label} ({counts[f'{index}__c']})" if counts is not None else label,
            }


def choice_filters(model, list_filter):
    """`list_filter` with each plain choice field filtered by UsedChoicesFilter."""
    chosen = []
    for item in list_filter:
        if isinstance(item, str) and "__" not in item:
            try:
                field = model._meta.get_field(item)
            except Exception:  # a filter on something else than a field of the model
                field = None
            if field is not None and field.choices and not field.is_relation:
                item = (item, UsedChoicesFilter)
        chosen.append(item)
    return chosen


def translated_column(base, description):
    """A list column of a three-language text (`name`, `title`) in the reader's language, sorted as people read
    numbers (registry.ordering)."""

    @admin.display(description=description, ordering=LocalNaturalName(base))
    def column(obj):
        return translated(obj, base)

    return column


NAME = translated_column("name", _("name"))


def annotated_column(attribute, description):
    """A list column showing `attribute`, a figure the admin's `get_queryset` annotates, and sorting by it."""

    @admin.display(description=description, ordering=attribute)
    def column(model_admin, obj):
        return getattr(obj, attribute)

    return column


def key_column(attribute, model, field="pk", column=None):
    """An import/export column holding the linked record's natural key (`field` of `model`) rather than its id."""
    return fields.Field(
        attribute=attribute, column_name=column or attribute, widget=widgets.ForeignKeyWidget(model, field)
    )
