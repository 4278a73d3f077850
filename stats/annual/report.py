"""The shape of the annual report: a scope (year, region), sections of tables, cells that may be withheld.

The builders in the sibling modules fill it from the registries; `stats.annual.xlsx` and `stats.annual.html` write
it out. Both read the same `Report`, so the workbook and the printable page cannot disagree.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

TEXT, NUMBER, DATE, PERCENT = "text", "number", "date", "percent"


@dataclass(frozen=True)
class Scope:
    """What a report covers: a calendar year and optionally one region (a `regions.Region`)."""

    year: int
    region: object = None

    @property
    def first_day(self):
        return datetime.date(self.year, 1, 1)

    @property
    def last_day(self):
        return datetime.date(self.year, 12, 31)

    @property
    def reference_date(self):
        """The day states are read on (members of councils, overdue instructions): the year's last day, or today
        for the current year."""
        return min(self.last_day, timezone.localdate())

    def in_region(self, queryset, path="region"):
        return queryset if self.region is None else queryset.filter(**{path: self.region.pk})


@dataclass(frozen=True)
class Withheld:
    """A protected count: published as "<5" (below the threshold) or "withheld" (so that no other cell gives a
    protected one away), never as a number."""

    small: bool

    def __str__(self):
        return "<5" if self.small else str(_("withheld"))


@dataclass
class Column:
    header: str
    kind: str = TEXT
    wide: bool = False  # a long text (an instruction's wording): wrapped in the workbook


@dataclass
class Table:
    title: str
    columns: list
    rows: list = field(default_factory=list)
    total: list | None = None  # the totals row, first cell its label
    note: str = ""

    @property
    def headers(self):
        return [str(column.header) for column in self.columns]


@dataclass
class Section:
    slug: str
    title: str
    sheet: str  # the workbook's sheet: at most 31 characters in every language
    tables: list
    notes: list = field(default_factory=list)


@dataclass
class Report:
    scope: Scope
    language: str
    sections: list
    generated_at: datetime.datetime

    @property
    def year(self):
        return self.scope.year

    @property
    def region(self):
        return self.scope.region

    def section(self, slug):
        return next(section for section in self.sections if section.slug == slug)


def long_date(day):
    """A date as the active language writes it in a sentence."""
    return formats.date_format(day, "DATE_FORMAT", use_l10n=True)


def total_of(label, rows, columns, skip=()):
    """The totals row of `rows`: the label, then the sum of each number column (not of `skip`), blank elsewhere."""
    total = [str(label)]
    for index, column in enumerate(columns[1:], start=1):
        if column.kind == NUMBER and index not in skip:
            total.append(sum(row[index] or 0 for row in rows))
        else:
            total.append(None)
    return total
