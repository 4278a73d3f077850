"""Aggregate figures the public may read, computed so that no single case or home can be made out from them.

Mediation cases: for every year, one tree of tables — the national total, each office's total (the 20 regions and
the Ethnomediation Institute), and each office's total broken down by category and, separately, by outcome. Every
cell of the full grid is published, zeros included, so an empty cell looks like a small one.
1. Primary suppression: a count below THRESHOLD (0–4) is withheld and shown as "<5".
2. Complementary suppression: each published total equals the sum of its parts; wherever exactly one member of such
   an equation is withheld it could be computed back, so the smallest published part (or else the total) is
   withheld as well, and so on until no equation has exactly one withheld member. Because the equations form a
   tree (an office total links its category breakdown, its outcome breakdown and the national total, and nothing
   else), no withheld count can then be obtained from the published ones by any combination of the equations.
3. Bounds: a "<5" cell is known to lie between 0 and 4. If the withheld parts of an equation must add up to exactly
   4 × their number, each of them would have to be 4, so one more part is withheld.
No other sums are published (no totals over several years, no region × category × outcome cube), and the filters
only pick rows of the same tables, so two requests cannot be subtracted from each other to isolate a case.

Mothers' homes: per region, the number of homes is public; their places and residents only as a regional sum, and
only where the region has at least HOME_THRESHOLD homes (otherwise a home's own figure would show); complementary
suppression against the national sum as above.
"""

from collections import defaultdict

from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from assembly.models import BodyKind
from councils.models import (
    OPEN_STATUSES,
    CaseCategory,
    CaseStatus,
    Council,
    HomeStatus,
    MediationCase,
    MediationOffice,
    MothersHome,
    held_on,
)

THRESHOLD = 5
HOME_THRESHOLD = 3
SMALL = "<5"
WITHHELD = "withheld"
OPEN = "open"
OUTCOMES = [OPEN, *(status.value for status in CaseStatus if status not in OPEN_STATUSES)]
OUTCOME_LABELS = {OPEN: _("open (received or in mediation)"), **{s.value: s.label for s in CaseStatus}}


def protect(values, relations, primary, eligible=None, band=None):
    """The keys to withhold so that none of them follows from the published values.

    values: {key: number}; relations: [(total_key, [part_keys])], each meaning total = sum(parts); primary: the keys
    withheld by the threshold; eligible(key): whether a key may serve as a complementary cell (one whose value is
    known otherwise may not); band: the largest value a primary cell may hold (adds the bounds check of step 3).
    """
    hidden = set(primary)
    eligible = eligible or (lambda key: True)
    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            hidden_parts = [key for key in parts if key in hidden]
            members_hidden = len(hidden_parts) + (total in hidden)
            exposed = members_hidden == 1
            only_small = bool(hidden_parts) and all(key in primary for key in hidden_parts)
            if not exposed and band is not None and total not in hidden and only_small:
                residual = values[total] - sum(values[key] for key in parts if key not in hidden)
                exposed = residual == band * len(hidden_parts)
            if not exposed:
                continue
            candidates = sorted(
                (key for key in parts if key not in hidden and eligible(key)), key=lambda key: (values[key], str(key))
            )
            if candidates:
                hidden.add(candidates[0])
            elif total not in hidden:
                hidden.add(total)
            else:
                continue
            changed = True
    return hidden


def _cell(value, key, primary, hidden):
    if key in primary:
        return {"count": None, "display": SMALL}
    if key in hidden:
        return {"count": None, "display": WITHHELD}
    return {"count": value, "display": str(value)}


def mediation_statistics():
    """Rows of the public mediation statistics (see the module's docstring), newest year first."""
    offices = list(
        MediationOffice.objects.active()
        .filter(kind=BodyKind.MEDIATION_OFFICE)
        .values_list("region_id", flat=True)
        .order_by("region_id")
    )
    counts = list(
        MediationCase.objects.active()
        .annotate(year=ExtractYear("received_on"))
        .values("office__region_id", "year", "category", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    # Every office's row, including offices without cases and any office archived since: a missing part would
    # let a reader subtract it from the national total.
    regions = set(offices) | {row["office__region_id"] for row in counts}
    scopes = sorted(regions, key=lambda region: (region is None, region or ""))
    grid = defaultdict(int)
    years = set()
    for row in counts:
        region, year = row["office__region_id"], row["year"]
        outcome = OPEN if row["status"] in OPEN_STATUSES else row["status"]
        years.add(year)
        grid[("total", year, region, "")] += row["n"]
        grid[("category", year, region, row["category"])] += row["n"]
        grid[("outcome", year, region, outcome)] += row["n"]
        grid[("national", year, None, "")] += row["n"]

    rows = []
    for year in sorted(years, reverse=True):
        values, relations = {}, []
        national = ("national", year, None, "")
        values[national] = grid[national]
        office_totals = []
        for region in scopes:
            total = ("total", year, region, "")
            values[total] = grid[total]
            office_totals.append(total)
            for dimension, codes in (("category", CaseCategory.values), ("outcome", OUTCOMES)):
                parts = [(dimension, year, region, code) for code in codes]
                for part in parts:
                    values[part] = grid[part]
                relations.append((total, parts))
        relations.append((national, office_totals))
        primary = {key for key, value in values.items() if value < THRESHOLD}
        hidden = protect(values, relations, primary, band=THRESHOLD - 1)
        for key in [national, *(key for key in values if key != national)]:
            dimension, _year, region, code = key
            scope = "national" if dimension == "national" else ("region" if region else "institute")
            rows.append(
                {
                    "year": year,
                    "scope": scope,
                    "region": region,
                    "dimension": "total" if dimension == "national" else dimension,
                    "value": code,
                    **_cell(values[key], key, primary, hidden),
                }
            )
    return rows


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
