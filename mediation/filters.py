"""The filters of the mediation registries: one FilterSet per list, used by the API and by the portal's pages alike,
so a parameter means the same thing (and has the same name) in both."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mediation.models import MediationCase, Mediator
from registry.api.filters import RegistryFilterSet, lookups
from registry.languages import SPOKEN_LANGUAGE_CHOICES


class LanguageFilterSet(RegistryFilterSet):
    language = django_filters.ChoiceFilter(
        choices=SPOKEN_LANGUAGE_CHOICES, method="filter_language", label=_("Language")
    )

    def filter_language(self, queryset, name, value):
        return queryset.filter(
            Q(languages=value)
            | Q(languages__startswith=f"{value},")
            | Q(languages__endswith=f",{value}")
            | Q(languages__contains=f",{value},")
        )


class MediatorFilterSet(LanguageFilterSet):
    region = django_filters.CharFilter(field_name="office__region", label=_("Region of the office (ISO code)"))

    class Meta:
        model = Mediator
        fields = lookups("office", "is_head", "active")


class MediationCaseFilterSet(LanguageFilterSet):
    region = django_filters.CharFilter(field_name="office__region", label=_("Region of the office (ISO code)"))
    received_after = django_filters.DateFilter(field_name="received_on", lookup_expr="gte")
    received_before = django_filters.DateFilter(field_name="received_on", lookup_expr="lte")
    # A plain number, not a choice among all mediators: an unknown id must answer like a known one (no results),
    # so the filter tells nothing about mediators the user may not see.
    mediators = django_filters.NumberFilter(field_name="mediators", label=_("Assigned mediator (id)"))

    class Meta:
        model = MediationCase
        fields = lookups("office", "status", "category")
