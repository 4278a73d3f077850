"""Reading the annual report back as a reader gets it: the tables of an XLSX sheet (openpyxl) and of the HTML page
(the standard library's parser), and the localised numbers of the page."""

import datetime
import io
from html.parser import HTMLParser

from openpyxl import load_workbook


def workbook(data):
    return load_workbook(io.BytesIO(data))


def sheet_tables(sheet, titles):
    """{title: {"headers", "rows", "total"}} of the tables titled `titles` on `sheet`: the row after a title holds
    the headers, the rows follow until an empty row; a bold first cell marks the totals row."""
    lines = list(sheet.iter_rows())
    tables = {}
    for index, line in enumerate(lines):
        title = line[0].value
        if index < 2:  # the report's and the section's titles
            continue
        if title not in titles or title in tables:
            continue
        headers = [cell.value for cell in lines[index + 1] if cell.value is not None]
        rows, total = [], None
        for row in lines[index + 2 :]:
            values = [_plain(cell.value) for cell in row[: len(headers)]]
            if all(value is None for value in values):
                break
            if row[0].font.bold:
                total = values
            else:
                rows.append(values)
        tables[title] = {"headers": headers, "rows": rows, "total": total, "cells": lines[index + 2 :]}
    return tables


def _plain(value):
    return value.date() if isinstance(value, datetime.datetime) else value


class ReportParser(HTMLParser):
    """The report's tables on an HTML page, by the title above each: headers, rows and total as texts."""

    def __init__(self):
        super().__init__()
        self.tables, self.sheet_titles, self._title, self._text, self._row, self._part = {}, [], None, None, None, None

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3", "th", "td"):
            self._text = ""
        if tag == "tr":
            self._row = []
        if tag in ("thead", "tbody", "tfoot"):
            self._part = tag

    def handle_data(self, data):
        if self._text is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "h2":
            self.sheet_titles.append(self._text.strip())
        if tag == "h3":
            self._title = self._text.strip()
            self.tables[self._title] = {"headers": [], "rows": [], "total": None}
        if tag in ("th", "td") and self._row is not None:
            self._row.append(self._text.strip())
        if tag in ("h2", "h3", "th", "td"):
            self._text = None
        if tag == "tr" and self._title:
            table = self.tables[self._title]
            if self._part == "thead":
                table["headers"] = self._row
            elif self._part == "tfoot":
                table["total"] = self._row
            else:
                table["rows"].append(self._row)
            self._row = None


def html_tables(html):
    parser = ReportParser()
    parser.feed(html)
    return parser


def number(text):
    """A number as the page writes it (grouped with a space, a no-break space or a comma) back to an int."""
    return int(text.replace("\xa0", "").replace(" ", "").replace(",", "").removesuffix("%"))
