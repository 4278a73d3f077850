"""The annual report as a printable HTML page (A4, a page break before each section), numbers and dates written
as the report's language writes them."""

import datetime

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from stats.annual.report import DATE, NUMBER, PERCENT, Withheld, long_date

STYLESHEET = "css/annual-report.css"


def report_title(report):
    title = _("Annual report of the Assembly of the People of Kazakhstan, %(year)s") % {"year": report.year}
    if report.region is not None:
        title = f"{title}: {report.region.name}"
    return title


def display(value, kind):
    """A cell as the reader's language writes it (numbers grouped, dates in words); empty for no value."""
    if value is None:
        return ""
    if isinstance(value, Withheld):
        return str(value)
    if kind == PERCENT:
        return f"{formats.number_format(round(value * 100), 0, use_l10n=True, force_grouping=True)}\u00a0%"
    if kind == NUMBER:
        return formats.number_format(value, 0, use_l10n=True, force_grouping=True)
    if kind == DATE or isinstance(value, datetime.date):
        return long_date(value)
    return str(value)


def _cells(values, columns):
    return [
        {"text": display(value, column.kind), "numeric": column.kind in (NUMBER, PERCENT), "wide": column.wide}
        for value, column in zip(values, columns, strict=True)
    ]


def context(report):
    """What the templates show: every table's rows already written out in the report's language."""
    with translation.override(report.language):
        sections = []
        for section in report.sections:
            tables = [
                {
                    "title": str(table.title),
                    "headers": [{"text": str(c.header), "numeric": c.kind in (NUMBER, PERCENT)} for c in table.columns],
                    "rows": [_cells(row, table.columns) for row in table.rows],
                    "total": _cells(table.total, table.columns) if table.total else None,
                }
                for table in section.tables
            ]
            notes = [str(note) for note in section.notes]
            sections.append({"slug": section.slug, "title": str(section.title), "tables": tables, "notes": notes})
        return {
            "title": report_title(report),
            "year": report.year,
            "region": report.region,
            "language": report.language,
            "sections": sections,
            "generated": long_date(timezone.localtime(report.generated_at).date()),
            "reference_date": long_date(report.scope.reference_date),
        }


def html_page(report):
    """The whole report as one self-contained HTML document (its stylesheet inline), for a file or the printer."""
    with open(finders.find(STYLESHEET), encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    with translation.override(report.language):
        return render_to_string("stats/annual_report_page.html", {"report": context(report), "css": css})
