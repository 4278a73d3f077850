"""The events list's filters: one FilterSet used by the API and by the portal's events page alike, so a parameter
means the same thing (and has the same name) in both."""

import django_filters
from django.utils.translation import gettext_lazy

from events.models import Event, Verification
from registry.api.filters import DatedFilterSet


class EventFilterSet(DatedFilterSet):
    verified = django_filters.ChoiceFilter(
        choices=[(value, value) for value in ("true", "false", "1", "0")],
        method="filter_verified",
        label=gettext_lazy("Verified by the secretariat (true/false)"),
    )

    class Meta:
        model = Event
        fields = {
            "region": ["exact"],
            "district": ["exact"],
            "kind": ["exact", "in"],
            "status": ["exact"],
            "programme": ["exact"],
            "organizer": ["exact"],
            "verification": ["exact"],
            "is_public": ["exact"],
            "source": ["exact"],
            "start_date": ["exact", "gte", "lte"],
            "end_date": ["gte", "lte"],
        }

    def filter_verified(self, queryset, name, value):
        if value in ("true", "1"):
            return queryset.filter(verification=Verification.VERIFIED)
        return queryset.exclude(verification=Verification.VERIFIED)
