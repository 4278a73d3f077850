import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.filters import SearchFilter

from accounts import access
from registry import search
from registry.models import RegistryModel, in_force

RANGE = ["gte", "lte"]


def lookups(*exact, **others):
    """A filterset's `fields`: each name of `exact` matched exactly, each of `others` by its own lookups (`RANGE`:
    a pair of parameters, `name__gte` and `name__lte`)."""
    return {**{name: ["exact"] for name in exact}, **others}


class YearFilter(django_filters.NumberFilter):
    """A calendar year, a whole number from 1 to 9999 (the years a date can have): anything else is a 400 naming the
    parameter, never a date the database cannot be asked about."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 9999)
        super().__init__(*args, **kwargs)


class RegistryFilterSet(django_filters.FilterSet):
    """Filters every registry list has: incremental sync and archived records."""

    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", label=_("Changed at or after (ISO 8601 date-time)")
    )
    archived = django_filters.ChoiceFilter(
        label=_("Archived records: exclude (default), include, or only"),
        choices=[("exclude", "exclude"), ("include", "include"), ("only", "only")],
        method="filter_archived",
        empty_label=None,
    )

    def filter_archived(self, queryset, name, value):
        # The default (no parameter) is applied by the viewset; this handles the explicit choices.
        if value == "only":
            return queryset.filter(archived_at__isnull=False)
        if value == "exclude":
            return queryset.filter(archived_at__isnull=True)
        return queryset


class DatedFilterSet(RegistryFilterSet):
    """For registries with `start_date`/`end_date`: `?active_on=YYYY-MM-DD` answers "which held on that day"."""

    period_fields = ("start_date", "end_date")
    active_on = django_filters.DateFilter(method="filter_active_on", label=_("In force on this date (YYYY-MM-DD)"))

    def filter_active_on(self, queryset, name, value):
        start, end = self.period_fields
        return queryset.filter(in_force(value, start=start, end=end))


class RegistryFilterBackend(DjangoFilterBackend):
    """Builds each viewset's filterset on RegistryFilterSet, so `filterset_fields` alone gives the common filters.

    The filterset class is made once per viewset, not per request. A request that names none of the filterset's
    filters skips building the filterset and its form (most of a cursor page's overhead otherwise): no filter
    narrows anything on an empty value, so the list is the same. A filterset that filters without being asked
    (its own `qs` or `filter_queryset`, or a required filter) is always built.
    """

    _auto_classes = {}

    def get_filterset_class(self, view, queryset=None):
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is None and queryset is not None and issubclass(queryset.model, RegistryModel):
            key = (type(view), queryset.model)
            if key not in self._auto_classes:
                self._auto_classes[key] = auto_filterset(view, queryset.model)
            return self._auto_classes[key]
        return super().get_filterset_class(view, queryset)

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None or not asks_filters(filterset_class, request.query_params):
            return queryset
        return super().filter_queryset(request, queryset, view)


def auto_filterset(view, registry_model):
    """The filterset of a viewset that declares only `filterset_fields` (on its `filterset_base`)."""
    base = getattr(view, "filterset_base", RegistryFilterSet)
    filterset_fields = getattr(view, "filterset_fields", None)

    class AutoFilterSet(base):
        class Meta:
            model = registry_model
            fields = filterset_fields or []

    return AutoFilterSet


_FILTER_NAMES = {}


def asks_filters(filterset_class, params):
    """Whether a request with these query parameters needs the filterset: one names a filter (or a part of one, as
    `…_min`, `…_after`), or the filterset filters on its own."""
    if filterset_class not in _FILTER_NAMES:
        always = (
            filterset_class.qs is not django_filters.FilterSet.qs
            or filterset_class.filter_queryset is not django_filters.FilterSet.filter_queryset
            or any(f.extra.get("required") for f in filterset_class.base_filters.values())
        )
        _FILTER_NAMES[filterset_class] = None if always else tuple(filterset_class.base_filters)
    names = _FILTER_NAMES[filterset_class]
    return names is None or any(param.startswith(name) for param in params for name in names)


class RegistrySearchFilter(SearchFilter):
    """`?search=` over a viewset's `search_fields` (the model's by default), its confidential ones for the
    secretariat only: searching by an e-mail or phone must not reveal, by a match, whose contact it is."""

    def get_search_fields(self, view, request):
        model = view.get_queryset().model
        fields = tuple(super().get_search_fields(view, request) or ())
        return search.compact(model, access.searchable_fields(request.user, model, fields))


class SearchFieldsFilter(django_filters.CharFilter):
    """`search` as a filter, for pages: rows where any of `fields` contains the term, as the API's `?search=` does."""

    def __init__(self, fields, **kwargs):
        self.search_fields = tuple(fields)
        kwargs.setdefault("label", _("Search"))
        super().__init__(**kwargs)

    def filter(self, qs, value):
        term = (value or "").strip()
        if not term:
            return qs
        matches = Q()
        for name in search.compact(qs.model, self.search_fields):
            matches |= Q(**{f"{name}__icontains": term})
        rows = qs.filter(matches)
        # a term matching several related rows (an association's ethnic groups) must not repeat the row
        return rows.distinct() if any("__" in name for name in self.search_fields) else rows


class PageFilters:
    """Mixin that makes an API FilterSet drive a page's filter form: the same filters under the same parameter names,
    of which only `page_fields` are shown (in that order) and applied. An invalid value is left out, not an error."""

    page_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters = {name: self.filters[name] for name in self.page_fields}
        for page_filter in self.filters.values():
            if isinstance(page_filter, django_filters.ChoiceFilter) and page_filter.extra.get("empty_label", 1):
                page_filter.extra["empty_label"] = _("all")
