import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.filters import SearchFilter

from accounts import access
from registry.models import RegistryModel, in_force


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
    """Builds each viewset's filterset on RegistryFilterSet, so `filterset_fields` alone gives the common filters."""

    def get_filterset_class(self, view, queryset=None):
        filterset_class = getattr(view, "filterset_class", None)
        filterset_fields = getattr(view, "filterset_fields", None)
        if filterset_class is None and queryset is not None and issubclass(queryset.model, RegistryModel):
            base = getattr(view, "filterset_base", RegistryFilterSet)

            class AutoFilterSet(base):
                class Meta:
                    model = queryset.model
                    fields = filterset_fields or []

            return AutoFilterSet
        return super().get_filterset_class(view, queryset)


class RegistrySearchFilter(SearchFilter):
    """`?search=` over a viewset's `search_fields` (the model's by default), its confidential ones for the
    secretariat only: searching by an e-mail or phone must not reveal, by a match, whose contact it is."""

    def get_search_fields(self, view, request):
        fields = tuple(super().get_search_fields(view, request) or ())
        return access.searchable_fields(request.user, view.get_queryset().model, fields)


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
        for name in self.search_fields:
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
