"""What the front page and the region pages say the Assembly does, computed from the registries at request time.

Only verified public events count (`events.stats.published`, the same rule as the statistics pages), associations
only while listed (registered, active or suspended), Houses only while operating. Nothing is cached, so a record
verified, archived or closed a moment ago changes the figures on the next request; each figure is one aggregate
query over indexed columns (see docs/screens.md).
"""

from dataclasses import dataclass, field

from django.db.models import Count, Sum
from django.utils import timezone

from assembly.models import LISTED_ASSOCIATION_STATUSES, BodyStatus, EthnoculturalAssociation, HouseOfFriendship
from events import stats
from events.models import Event


@dataclass
class Figures:
    events: int = 0
    participants: int = 0
    associations: int = 0
    houses: int = 0
    year: int = field(default_factory=lambda: timezone.localdate().year)


def events_of_year(year):
    return stats.published(Event.objects).filter(start_date__year=year)


def listed_associations():
    return EthnoculturalAssociation.objects.active().filter(status__in=LISTED_ASSOCIATION_STATUSES)


def operating_houses():
    return HouseOfFriendship.objects.active().filter(status=BodyStatus.OPERATING)


def totals(region=None, year=None):
    """The figures of the whole country, or of one region: events of `year` (this year by default) and their
    participants, listed associations, operating Houses of Friendship."""
    year = year or timezone.localdate().year
    events, associations, houses = events_of_year(year), listed_associations(), operating_houses()
    if region is not None:
        events, associations, houses = (rows.filter(region=region) for rows in (events, associations, houses))
    event_totals = events.order_by().aggregate(events=Count("id"), participants=Sum("participants_count"))
    return Figures(
        events=event_totals["events"],
        participants=event_totals["participants"] or 0,
        associations=associations.count(),
        houses=houses.count(),
        year=year,
    )


def by_region(year=None):
    """{iso_code: Figures} for every region with anything to count (three grouped queries)."""
    year = year or timezone.localdate().year
    result = {}

    def figures(code):
        return result.setdefault(code, Figures(year=year))

    rows = events_of_year(year).order_by().values("region_id")
    for row in rows.annotate(events=Count("id"), participants=Sum("participants_count")):
        figures(row["region_id"]).events = row["events"]
        figures(row["region_id"]).participants = row["participants"] or 0
    for name, queryset in (("associations", listed_associations()), ("houses", operating_houses())):
        for code, total in queryset.order_by().values_list("region_id").annotate(total=Count("pk")):
            if code is not None:
                setattr(figures(code), name, total)
    return result
