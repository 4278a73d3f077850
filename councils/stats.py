"""Aggregate figures of the councils and mothers' homes the public may read.

Mothers' homes: per region, the number of homes is public; their places and residents only as a regional sum, and
only where the region has at least HOME_THRESHOLD homes (otherwise a home's own figure would show); complementary
suppression against the national sum (registry.disclosure).
"""

from django.db.models import Count, Sum

from councils.models import Council, HomeStatus, MothersHome, held_on
from registry.disclosure import WITHHELD, protect

HOME_THRESHOLD = 3


def mothers_home_statistics():
    """Per region: homes (open or temporarily closed), and their places and residents where that hides each home."""
    from regions.models import Region

    sums = {
        row["region_id"]: row
        for row in MothersHome.objects.active()
        .filter(status__in=[HomeStatus.OPEN, HomeStatus.SUSPENDED])
        .values("region_id")
        .annotate(homes=Count("id"), capacity=Sum("capacity"), occupancy=Sum("occupancy"))
        .order_by()
    }
    regions = list(Region.objects.active().order_by("iso_code").values_list("iso_code", flat=True))
    homes = {region: sums.get(region, {}).get("homes", 0) for region in regions}
    national = "national"
    values = {**homes, national: sum(homes.values())}
    primary = {key for key, count in values.items() if 0 < count < HOME_THRESHOLD}
    hidden = protect(values, [(national, regions)], primary, eligible=lambda key: values[key] > 0)
    rows = []
    for region in [*regions, None]:
        key = region or national
        count = values[key]
        figures = sums.get(region, {}) if region else _national_sums(sums)
        withheld = key in hidden
        rows.append(
            {
                "scope": "region" if region else "national",
                "region": region,
                "homes": count,
                "capacity": None if withheld else (figures.get("capacity") or 0),
                "occupancy": None if withheld else (figures.get("occupancy") or 0),
                "display": WITHHELD if withheld else "",
            }
        )
    return rows


def _national_sums(sums):
    return {
        "capacity": sum(row["capacity"] or 0 for row in sums.values()),
        "occupancy": sum(row["occupancy"] or 0 for row in sums.values()),
    }


def council_statistics(on=None):
    """Per region and kind: councils, members on their rosters (derived), and declared headcounts, marked so."""
    rows = (
        Council.objects.active()
        .values("region_id", "kind")
        .annotate(
            councils=Count("pk", distinct=True),
            members_on_roster=Count("memberships__person", filter=held_on(on, prefix="memberships__"), distinct=True),
        )
        .order_by("region_id", "kind")
    )
    declared = {
        (row["region_id"], row["kind"]): row
        for row in Council.objects.active()
        .filter(declared_headcount__isnull=False)
        .values("region_id", "kind")
        .annotate(declared_headcount=Sum("declared_headcount"), councils_declaring=Count("pk"))
        .order_by()
    }
    result = []
    for row in rows:
        extra = declared.get((row["region_id"], row["kind"]), {})
        result.append(
            {
                "region": row["region_id"],
                "scope": "region" if row["region_id"] else "republican",
                "kind": row["kind"],
                "councils": row["councils"],
                "members_on_roster": row["members_on_roster"],
                "declared_headcount": extra.get("declared_headcount", 0),
                "councils_declaring_headcount": extra.get("councils_declaring", 0),
            }
        )
    return result
