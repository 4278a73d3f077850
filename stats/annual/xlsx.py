"""The annual report as an XLSX workbook: one sheet per section, named in the report's language.

Each sheet: the report's title, then each table with its title, a bold header row, its rows and a bold totals row;
numbers as numbers with grouping, dates as dates, percentages as percentages; the first table's header frozen.
"""

import datetime
import io

from django.utils import translation
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from stats.annual.html import report_title
from stats.annual.report import DATE, NUMBER, PERCENT, Withheld

DATE_FORMATS = {"en": "D MMM YYYY"}  # Kazakh and Russian write dates as 31.12.2025
NUMBER_FORMAT = "#,##0"
PERCENT_FORMAT = "0%"
HEADER_FILL = PatternFill("solid", fgColor="DDE6EE")
TOTAL_BORDER = Border(top=Side(style="thin"))
WIDEST = 60
FORBIDDEN = set("[]:*?/\\")


def sheet_name(title, taken):
    name = "".join(ch for ch in str(title) if ch not in FORBIDDEN)[:31].strip()
    base, n = name, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def xlsx_bytes(report):
    with translation.override(report.language):
        workbook = build_workbook(report)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def build_workbook(report):
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = report_title(report)
    workbook.properties.language = report.language
    date_format = DATE_FORMATS.get(report.language, "DD.MM.YYYY")
    taken = set()
    for section in report.sections:
        sheet = workbook.create_sheet(sheet_name(section.sheet, taken))
        sheet.append([report_title(report)])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([str(section.title)])
        sheet["A2"].font = Font(bold=True)
        widths = {}
        frozen = None
        for table in section.tables:
            sheet.append([])
            sheet.append([str(table.title)])
            sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, italic=True)
            sheet.append(table.headers)
            header_row = sheet.max_row
            frozen = frozen or header_row + 1
            for cell in sheet[header_row]:
                cell.font = Font(bold=True)
                cell.fill = HEADER_FILL
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            lines = [(row, False) for row in table.rows]
            if table.total is not None:
                lines.append((table.total, True))
            for values, is_total in lines:
                sheet.append([_value(value) for value in values])
                for column, cell in zip(table.columns, sheet[sheet.max_row], strict=False):
                    _style(cell, column, date_format)
                    if is_total:
                        cell.font = Font(bold=True)
                        cell.border = TOTAL_BORDER
            if not table.rows:
                sheet.append([str(translation.gettext("Nothing to count."))])
            for index, column in enumerate(table.columns, start=1):
                longest = max(
                    [_width_of(column.header, header=True), *(_width_of(row[index - 1]) for row, _t in lines)]
                )
                widths[index] = max(widths.get(index, 8), min(longest, 40 if column.wide else WIDEST))
        for note in section.notes:
            sheet.append([])
            sheet.append([str(note)])
        for index, width in widths.items():
            sheet.column_dimensions[get_column_letter(index)].width = width + 2
        if frozen:
            sheet.freeze_panes = sheet.cell(row=frozen, column=2)
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
    return workbook


def _value(value):
    if isinstance(value, Withheld):
        return str(value)
    if value is None or isinstance(value, int | float | datetime.date):
        return value
    return str(value)


def _style(cell, column, date_format):
    if isinstance(cell.value, str) and column.kind in (NUMBER, PERCENT):
        cell.alignment = Alignment(horizontal="right")  # a withheld count
    elif column.kind == NUMBER:
        cell.number_format = NUMBER_FORMAT
    elif column.kind == PERCENT:
        cell.number_format = PERCENT_FORMAT
    elif column.kind == DATE:
        cell.number_format = date_format
    elif column.wide:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _width_of(value, header=False):
    if value is None:
        return 0
    if isinstance(value, datetime.date):
        return 12
    if isinstance(value, int | float) and not isinstance(value, bool):
        return len(f"{value:,}") + 1
    text = str(value)
    # A header wraps over two lines at most.
    return (len(text) + 1) // 2 + 1 if header and len(text) > 24 else len(text)
