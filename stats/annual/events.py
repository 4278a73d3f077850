"""Sections of the annual report drawn from events: events by region and kind, programmes against their targets.

An event counts when the secretariat has verified it, it is not cancelled and not archived, and it started in the
year (in the chosen region). Unlike the public statistics, events kept out of the public calendar count too: the
report is the secretariat's.
"""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventKind, EventStatus, Programme, Verification
from events.models.programmes import METRIC_LABELS, PROGRESS_SUMS, TARGETS
from events.stats import grouped
from stats.annual.report import DATE, NUMBER, PERCENT, Column, Section, Table, total_of
from stats.tables import EVENT_COLUMNS, alphabetical

FIGURES = EVENT_COLUMNS  # the columns of the public statistics: events, participants, volunteers, helped, funds


def counted_events(scope):
    """The verified, counted events that started in the scope's year and region."""
    events = Event.objects.counted().verified().filter(start_date__year=scope.year)
    return scope.in_region(events)


def regions_of(scope):
    from regions.models import Region

    regions = Region.objects.active() if scope.region is None else Region.objects.filter(pk=scope.region.pk)
    return sorted(regions, key=lambda region: alphabetical(region.name))


def events_section(scope):
    events = counted_events(scope)
    columns = [Column(_("Region")), *(Column(header, NUMBER) for _key, header in FIGURES)]
    by_region = {row["region"]: row for row in grouped(events, "region")}
    rows = [[region.name, *_figures(by_region.get(region.pk))] for region in regions_of(scope)]
    region_table = Table(_("Events by region"), columns, rows, total_of(_("Total"), rows, columns))

    columns = [Column(_("Kind of event")), *(Column(header, NUMBER) for _key, header in FIGURES)]
    by_kind = {row["kind"]: row for row in grouped(events, "kind")}
    rows = [[str(label), *_figures(by_kind.get(kind))] for kind, label in EventKind.choices]
    kind_table = Table(_("Events by kind"), columns, rows, total_of(_("Total"), rows, columns))

    cross = {(row["region"], row["kind"]): row["events"] for row in grouped(events, "region", "kind")}
    kinds = [(kind, label) for kind, label in EventKind.choices if any(key[1] == kind for key in cross)]
    columns = [Column(_("Region")), *(Column(label, NUMBER) for _kind, label in kinds), Column(_("Total"), NUMBER)]
    rows = []
    for region in regions_of(scope):
        counts = [cross.get((region.pk, kind), 0) for kind, _label in kinds]
        rows.append([region.name, *counts, sum(counts)])
    cross_table = Table(_("Events by region and kind"), columns, rows, total_of(_("Total"), rows, columns))
    return Section(
        "events",
        _("Events"),
        _("Events"),
        [region_table, kind_table, cross_table],
        [_("Events verified by the secretariat, not cancelled, that started in the year; figures as reported.")],
    )


def _figures(row):
    return [(row or {}).get(key, 0) for key, _header in FIGURES]


def programmes_section(scope):
    programmes = (
        Programme.objects.active()
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=scope.last_day))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=scope.first_day))
        .select_related("region")
    )
    if scope.region is not None:
        programmes = programmes.filter(Q(region=scope.region) | Q(region__isnull=True))
    counted = (
        Q(events__archived_at__isnull=True, events__verification=Verification.VERIFIED)
        & ~Q(events__status=EventStatus.CANCELLED)
        & Q(events__start_date__lte=scope.last_day)
    )
    if scope.region is not None:
        counted &= Q(events__region=scope.region)
    in_year = Q(events__start_date__gte=scope.first_day)
    annotations = {}
    for metric in TARGETS:
        field = PROGRESS_SUMS.get(metric)
        for prefix, condition in (("year", counted & in_year), ("total", counted)):
            annotations[f"{prefix}_{metric}"] = (
                Count("events", filter=condition) if field is None else Sum(f"events__{field}", filter=condition)
            )
    columns = [
        Column(_("Programme")),
        Column(_("Region")),
        Column(_("Start date"), DATE),
        Column(_("End date"), DATE),
        Column(_("Figure")),
        Column(_("Target"), NUMBER),
        Column(_("In the year"), NUMBER),
        Column(_("Since the start, to the year's end"), NUMBER),
        Column(_("Share of the target"), PERCENT),
    ]
    rows = []
    for programme in sorted(programmes.annotate(**annotations), key=lambda p: alphabetical(p.name)):
        for metric, target_field in TARGETS.items():
            target = getattr(programme, target_field)
            if not target:
                continue
            achieved = getattr(programme, f"total_{metric}") or 0
            rows.append(
                [
                    programme.name,
                    programme.region.name if programme.region else str(_("national")),
                    programme.start_date,
                    programme.end_date,
                    str(METRIC_LABELS[metric]),
                    target,
                    getattr(programme, f"year_{metric}") or 0,
                    achieved,
                    achieved / target,
                ]
            )
    notes = [_("Only verified events count towards a target; a programme without targets is not listed.")]
    if scope.region is not None:
        notes.append(_("A national programme shows only this region's events against its national target."))
    table = Table(_("Programmes against their targets"), columns, rows)
    return Section("programmes", _("Programmes against their targets"), _("Programmes"), [table], notes)
