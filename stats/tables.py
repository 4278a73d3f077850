"""The public statistics tables: computed at request time from the registries, never typed in.

Every table is a list of rows with a human label and figures; the page, its chart, the CSV and the XLSX download are
all drawn from the same `Table`, so they cannot disagree.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import formats, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from assembly.models import LISTED_ASSOCIATION_STATUSES, AssociationStatus, EthnicGroup, EthnoculturalAssociation
from events import stats
from events.models import Event, EventKind
from regions.models import Region
from regions.models import alphabetical as alphabetical_regions
from registry.collation import sort_key

LISTED_STATUSES = LISTED_ASSOCIATION_STATUSES


def alphabetical(text):
    """The alphabetical order of `text` in the page's language (registry.collation)."""
    return sort_key(text, translation.get_language())


EVENT_COLUMNS = (
    ("events", _("Events")),
    ("participants", _("Participants")),
    ("volunteers", _("Volunteers")),
    ("beneficiaries", _("People helped")),
    ("funds", _("Funds raised, tenge")),
)
ASSOCIATION_COLUMNS = (
    ("associations", _("Associations")),
    ("active", _("of them active")),
)


@dataclass
class Table:
    slug: str
    title: str
    label_header: str
    columns: tuple
    rows: list = field(default_factory=list)
    # Whether the column sums mean something: an association of several ethnic groups counts under each of them.
    summable: bool = True

    @property
    def headers(self):
        return [str(self.label_header), *(str(header) for _key, header in self.columns)]

    @property
    def keys(self):
        return [key for key, _header in self.columns]

    @property
    def chart_key(self):
        return self.columns[0][0]

    @property
    def chart_header(self):
        return self.columns[0][1]

    def values(self, row):
        return [row[key] for key in self.keys]

    @property
    def display_rows(self):
        return [{"label": row["label"], "figures": self.values(row)} for row in self.rows]

    @property
    def totals(self):
        return [sum(row[key] for row in self.rows) for key in self.keys] if self.summable else None

    def lines(self):
        """Header, rows and the total as plain lists: what CSV and XLSX write."""
        lines = [self.headers, *([row["label"], *self.values(row)] for row in self.rows)]
        if self.summable:
            lines.append([str(_("Total")), *self.totals])
        return lines


def _zero(keys):
    return {key: 0 for key, _header in keys}


# The stages of verification the secretariat sees side by side; the public sees the first only. Each stage's
# figures sit under the column key plus its suffix ("participants", "participants_awaiting", "participants_draft").
EVENT_STAGES = (
    ("", _("verified"), stats.published),
    ("_awaiting", _("awaiting verification"), stats.awaiting_verification),
    ("_draft", _("drafts"), stats.drafts),
)


def event_columns(with_unverified=False):
    """The public columns; with the figures awaiting verification and the drafts beside each, for the secretariat."""
    if not with_unverified:
        return EVENT_COLUMNS
    return tuple(
        (f"{key}{suffix}", format_lazy("{} · {}", header, stage))
        for key, header in EVENT_COLUMNS
        for suffix, stage, _select in EVENT_STAGES
    )


def _staged(row, suffix):
    return {f"{key}{suffix}": value for key, value in row.items() if key in dict(EVENT_COLUMNS)}


def event_tables(year, region=None, with_unverified=False):
    """Events of `year` (optionally of one region) by region, by month and by kind: verified figures, and with
    `with_unverified` (the secretariat's view) those awaiting verification and the drafts beside them."""
    regions = _regions(region)
    by_region, by_month, by_kind = {}, {}, {}
    for suffix, _stage, select in EVENT_STAGES if with_unverified else EVENT_STAGES[:1]:
        events = select(Event.objects).filter(start_date__year=year)
        if region is not None:
            events = events.filter(region=region)
        for found, key in ((by_region, "region"), (by_month, "month"), (by_kind, "kind")):
            for row in stats.grouped(events, key):
                found.setdefault(row[key], {}).update(_staged(row, suffix))
    columns = event_columns(with_unverified)
    zero = _zero(columns)
    region_rows = [{**zero, **by_region.get(r.pk, {}), "label": r.name, "key": r.pk} for r in regions]
    month_rows = []
    for month in range(1, 13):
        first = datetime.date(year, month, 1)
        key = first.strftime("%Y-%m")
        month_rows.append({**zero, **by_month.get(key, {}), "label": formats.date_format(first, "F"), "key": key})
    kind_rows = [
        {**zero, **by_kind.get(kind, {}), "label": str(label), "key": kind} for kind, label in EventKind.choices
    ]
    kind_rows.sort(key=lambda row: (-row["events"], alphabetical(row["label"])))
    return [
        Table("events-by-region", _("Events by region"), _("Region"), columns, region_rows),
        Table("events-by-month", _("Events by month"), _("Month"), columns, month_rows),
        Table("events-by-kind", _("Events by kind"), _("Kind of event"), columns, kind_rows),
    ]


def association_tables(region=None):
    """Associations listed in the public registry today, by region and by ethnic group."""
    listed = EthnoculturalAssociation.objects.active().filter(status__in=LISTED_STATUSES)
    regions = _regions(region)
    if region is not None:
        listed = listed.filter(region=region)
    figures = {
        "associations": Count("pk", distinct=True),
        "active": Count("pk", filter=Q(status=AssociationStatus.ACTIVE), distinct=True),
    }
    zero = _zero(ASSOCIATION_COLUMNS)
    by_region = {row["region_id"]: row for row in listed.order_by().values("region_id").annotate(**figures)}
    region_rows = [{**zero, **_figures(by_region.get(r.pk)), "label": r.name, "key": r.pk} for r in regions]
    if region is None and None in by_region:
        region_rows.append({**zero, **_figures(by_region[None]), "label": str(_("Republican level")), "key": ""})

    by_group = {
        row["ethnic_groups"]: row
        for row in listed.order_by().filter(ethnic_groups__isnull=False).values("ethnic_groups").annotate(**figures)
    }
    groups = EthnicGroup.objects.active().filter(pk__in=by_group)
    group_rows = [{**zero, **_figures(by_group[g.pk]), "label": g.name, "key": str(g.pk)} for g in groups]
    group_rows.sort(key=lambda row: (-row["associations"], alphabetical(row["label"])))
    return [
        Table("associations-by-region", _("Associations by region"), _("Region"), ASSOCIATION_COLUMNS, region_rows),
        Table(
            "associations-by-ethnic-group",
            _("Associations by ethnic group"),
            _("Ethnic group"),
            ASSOCIATION_COLUMNS,
            group_rows,
            summable=False,
        ),
    ]


def _figures(row):
    return {key: row[key] for key, _header in ASSOCIATION_COLUMNS} if row else {}


def _regions(region):
    """The active regions (or the one chosen) in the alphabetical order of their names in the page's language."""
    regions = Region.objects.active() if region is None else Region.objects.filter(pk=region.pk)
    return alphabetical_regions(regions)
