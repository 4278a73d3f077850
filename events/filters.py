"""The events list's filters: one FilterSet used by the API and by the portal's events page alike, so a parameter
means the same thing (and has the same name) in both."""

import django_filters
from django.utils.translation import gettext_lazy

from events.models import Event, Verification
from registry.api.filters import RANGE, DatedFilterSet, lookups


class EventFilterSet(DatedFilterSet):
    verified = django_filters.ChoiceFilter(
        choices=[(value, value) for value in ("true", "false", "1", "0")],
        method="filter_verified",
        label=gettext_lazy("Verified by the secretariat (true/false)"),
    )

    class Meta:
        model = Event
        fields = lookups(
            "region",
            "district",
            "status",
            "programme",
            "organizer",
            "verification",
            "is_public",
            "source",
            kind=["exact", "in"],
            start_date=["exact", *RANGE],
            end_date=RANGE,
        )

    def filter_verified(self, queryset, name, value):
        if value in ("true", "1"):
            return queryset.filter(verification=Verification.VERIFIED)
        return queryset.exclude(verification=Verification.VERIFIED)
