"""Public mediation figures, computed so that no single case can be made out from them (protection itself:
registry.disclosure).

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
"""

from collections import defaultdict

from django.db.models import Count
from django.db.models.functions import ExtractYear

from assembly.models import BodyKind
from mediation.models import OPEN_STATUSES, CaseCategory, CaseStatus, MediationCase, MediationOffice
from registry.disclosure import cell, protect

THRESHOLD = 5
OPEN = "open"
OUTCOMES = [OPEN, *(status.value for status in CaseStatus if status not in OPEN_STATUSES)]


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
                    **cell(values[key], key, primary, hidden),
                }
            )
    return rows
