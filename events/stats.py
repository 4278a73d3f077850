"""Figures from events, computed in the database: totals and breakdowns by month, kind and region."""

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from events.models.choices import Verification

FIGURES = {
    "participants": "participants_count",
    "volunteers": "volunteers_count",
    "beneficiaries": "beneficiaries_count",
    "funds": "funds_raised_kzt",
}


def _aggregates():
    return {"events": Count("id"), **{name: Sum(field) for name, field in FIGURES.items()}}


def _clean(row):
    return {key: (0 if value is None else value) for key, value in row.items()}


def totals(queryset):
    """{"events", "participants", "volunteers", "beneficiaries", "funds"} of the events in `queryset`."""
    return _clean(queryset.order_by().aggregate(**_aggregates()))


def grouped(queryset, *keys):
    """Totals per value of `keys` ("month", "kind", "region"), ordered by the keys."""
    queryset = queryset.order_by()
    if "month" in keys:
        queryset = queryset.annotate(month=TruncMonth("start_date"))
    columns = ["region_id" if key == "region" else key for key in keys]
    rows = queryset.values(*columns).annotate(**_aggregates()).order_by(*columns)
    result = []
    for row in rows:
        row = _clean(row)
        if "region_id" in row:
            row["region"] = row.pop("region_id")
        if row.get("month"):
            row["month"] = row["month"].strftime("%Y-%m")
        result.append(row)
    return result


def bars(rows, key, value="events", labels=None):
    """Rows for a bar chart: label, value and width in percent of the largest value."""
    peak = max((row[value] for row in rows), default=0) or 1
    return [
        {
            "key": row[key],
            "label": (labels or {}).get(row[key], row[key]),
            "value": row[value],
            "width": round(100 * row[value] / peak, 1),
        }
        for row in rows
    ]


def published(queryset):
    """The events that public figures count: not archived, not cancelled, verified and shown to the public."""
    return queryset.counted().verified().filter(is_public=True)


def awaiting_verification(queryset):
    """The events the public figures will count once verified: submitted, or returned to be corrected."""
    return queryset.counted().filter(is_public=True, verification__in=(Verification.SUBMITTED, Verification.RETURNED))


def drafts(queryset):
    """The events still being written by their coordinators."""
    return queryset.counted().filter(is_public=True, verification=Verification.DRAFT)
