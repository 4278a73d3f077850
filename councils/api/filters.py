"""The councils' filters: one FilterSet for the API and the portal's councils page, and the roster's filters."""

import django_filters
from django.utils.translation import gettext_lazy as _

from assembly.models import Membership
from councils.models import COUNCIL_KIND_CHOICES, COUNCIL_ROLE_CHOICES, Council, held_on
from registry.api.filters import DatedFilterSet, lookups


class CouncilFilterSet(DatedFilterSet):
    period_fields = ("founded_on", "dissolved_on")
    kind = django_filters.ChoiceFilter(choices=COUNCIL_KIND_CHOICES, label=_("Kind"))
    declared = django_filters.BooleanFilter(
        field_name="declared_headcount",
        lookup_expr="isnull",
        exclude=True,
        label=_("Councils with (true) or without (false) a declared headcount"),
    )

    class Meta:
        model = Council
        fields = lookups(*Council.place_fields, "status", "wing")


class RosterFilterSet(django_filters.FilterSet):
    role = django_filters.ChoiceFilter(choices=COUNCIL_ROLE_CHOICES, label=_("Role"))
    archived = django_filters.ChoiceFilter(
        choices=[("exclude", "exclude"), ("include", "include"), ("only", "only")],
        method="filter_archived",
        label=_("Archived memberships: left out unless `include` (with the others) or `only`"),
    )
    active_on = django_filters.DateFilter(method="filter_active_on", label=_("Members on this date (YYYY-MM-DD)"))

    class Meta:
        model = Membership
        fields = ["role"]

    def filter_active_on(self, queryset, name, value):
        return queryset.filter(held_on(value))

    @property
    def qs(self):
        queryset = super().qs
        if not self.form.cleaned_data.get("archived"):
            queryset = queryset.filter(archived_at__isnull=True)
        return queryset

    def filter_archived(self, queryset, name, value):
        if value == "include":
            return queryset
        return queryset.filter(archived_at__isnull=value != "only")
