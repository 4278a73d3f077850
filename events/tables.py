"""Reading an uploaded CSV or XLSX file of events into rows keyed by the template's columns, within limits that
keep one file from exhausting the server. A file is taken whole or not at all: any part that cannot be read raises
UploadError, naming the row where it can."""

import codecs
import csv
import datetime
import decimal
import io
import re
import zipfile

from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.models import DESCRIPTIVE_FIELDS, REPORTED_FIELDS, Event

# Columns of the template, in order; the first few are all a quick report needs.
COLUMNS = (*REPORTED_FIELDS, *DESCRIPTIVE_FIELDS)
REQUIRED = ("title", "kind", "start_date")
EXAMPLE = {
    "title": "Наурыз мейрамы — достық кеші",
    "kind": "festival",
    "status": "held",
    "start_date": "2025-03-21",
    "end_date": "",
    "region": "KZ-10",
    "district": "Semey",
    "venue": "Семей, Достық үйі",
    "organizer": "",
    "programme": "",
    "participants_count": "350",
    "volunteers_count": "25",
    "beneficiaries_count": "",
    "funds_raised_kzt": "",
    "languages": "kk, ru",
    "description": "",
    "press_links": "",
    "is_public": "yes",
}
MAX_ROWS = 50_000
# The template's example row starts its title with this word, in the language of the template; the importer skips a
# row so marked in any of the three languages, so a template filled in under the example imports as it is.
EXAMPLE_MARK = gettext_lazy("Example:")


def column_label(column):
    """A column of the template as people read it, in the active language: "Participants" for
    `participants_count`; an error of the row as a whole ("row") reads "Row"."""
    if column in COLUMNS:
        return capfirst(Event._meta.get_field(column).verbose_name)
    if column == "row":
        return _("The row as a whole")
    return column


def header_cell(column):
    """A column's header in the template: its name in the active language with the code the importer reads, e.g.
    "Участники (participants_count)"."""
    return f"{column_label(column)} ({column})"


def example_row():
    """The example row of the template in the active language: its title marked as the example, the kind, status,
    region and district by their names (the importer reads names in every language as well as codes), the date as
    DD.MM.YYYY."""
    from events.models import EventKind, EventStatus
    from regions.models import District, Region

    values = dict(EXAMPLE)
    values["title"] = f"{EXAMPLE_MARK} {EXAMPLE['title']}"
    values["kind"] = str(EventKind(EXAMPLE["kind"]).label)
    values["status"] = str(EventStatus(EXAMPLE["status"]).label)
    values["start_date"] = datetime.date.fromisoformat(EXAMPLE["start_date"]).strftime("%d.%m.%Y")
    region = Region.objects.filter(pk=EXAMPLE["region"]).first()
    if region is not None:
        values["region"] = region.name
        district = District.objects.filter(region=region, name_en=EXAMPLE["district"]).first()
        values["district"] = district.name if district is not None else EXAMPLE["district"]
    values["is_public"] = _("yes")
    return [values[column] for column in COLUMNS]


def _in_every_language(function):
    values = set()
    for language in settings.RECORD_LANGUAGES:
        with translation.override(language):
            values.add(function())
    return values


def _header_lookup():
    """Every way a header may name a column, lower-cased: the code, and its name in each language."""
    lookup = {column: column for column in COLUMNS}
    for language in settings.RECORD_LANGUAGES:
        with translation.override(language):
            for column in COLUMNS:
                lookup.setdefault(str(column_label(column)).strip().lower(), column)
    return lookup


def _column_of(cell, lookup):
    """The column a header cell names: "Участники (participants_count)" (the template's), "participants_count"
    (the older template's, written with spaces or capitals too) or the name alone ("Участники"). Unknown text is
    returned as written, for the error that lists it."""
    text = str(cell or "").strip()
    code = re.search(r"\(\s*([A-Za-z_ ]+?)\s*\)\s*$", text)
    if code and code.group(1).lower().replace(" ", "_") in COLUMNS:
        return code.group(1).lower().replace(" ", "_")
    return lookup.get(text.lower().replace(" ", "_")) or lookup.get(text.lower()) or text[:100]


class UploadError(Exception):
    """The file as a whole cannot be read."""


# Limits that keep one file from exhausting the server: its size on disk, the size of an XLSX's unpacked parts, the
# number of rows (blank ones count: a sheet can declare a million of them) and of columns, and the length of a cell.
MAX_COLUMNS = 64
MAX_CELL_CHARS = 10_000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


def max_upload_bytes():
    return getattr(settings, "EVENT_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)


def read_table(handle, filename):
    """The file's rows as (row number, dict keyed by the template's column names); the header is matched
    case-insensitively. Raises UploadError, naming the row where it can, when any part of the file cannot be read:
    a file is taken whole or not at all."""
    name = (filename or "").lower()
    size = getattr(handle, "size", None)
    if size is not None and size > max_upload_bytes():
        raise UploadError(too_large_message())
    if name.endswith(".xlsx"):
        table = _read_xlsx(handle)
    elif name.endswith(".csv") or name.endswith(".txt"):
        table = _read_csv(handle)
    else:
        raise UploadError(_("Upload a .csv or .xlsx file."))
    try:
        return _records(table)
    finally:
        table.close()


def too_large_message():
    return _("The file is larger than %(size)d MB; split it into smaller files.") % {
        "size": max(1, max_upload_bytes() // (1024 * 1024))
    }


def _records(table):
    header = next(table, None)
    if not header or not any(_filled(cell) for cell in header):
        raise UploadError(_("The file is empty."))
    if len(header) > MAX_COLUMNS and any(_filled(cell) for cell in header[MAX_COLUMNS:]):
        raise UploadError(_("The first row has more than %(count)d columns.") % {"count": MAX_COLUMNS})
    header = list(header[:MAX_COLUMNS])
    while header and not _filled(header[-1]):
        header.pop()
    lookup = _header_lookup()
    columns = [_column_of(cell, lookup) for cell in header]
    unknown = [column for column in columns if column and column not in COLUMNS]
    if unknown:
        raise UploadError(
            _("Unknown column(s): %(columns)s. Use the template's columns: %(expected)s.")
            % {"columns": ", ".join(unknown), "expected": ", ".join(header_cell(column) for column in COLUMNS)}
        )
    repeated = sorted({column for column in columns if column and columns.count(column) > 1})
    if repeated:
        raise UploadError(_("Column(s) given twice: %(columns)s.") % {"columns": ", ".join(repeated)})
    missing = [column for column in REQUIRED if column not in columns]
    if missing:
        raise UploadError(
            _("The file lacks the column(s): %(columns)s.")
            % {"columns": ", ".join(header_cell(column) for column in missing)}
        )
    marks = tuple(str(mark).lower() for mark in _in_every_language(lambda: str(EXAMPLE_MARK)))
    title_index = columns.index("title")
    records = []
    for number, cells in enumerate(table, start=2):
        if number - 1 > MAX_ROWS:
            raise UploadError(_("At most %(count)d rows per file; split it.") % {"count": MAX_ROWS})
        if not any(_filled(cell) for cell in cells):
            continue  # blank lines are skipped, but counted above
        if number == 2 and [_column_of(cell, lookup) if _filled(cell) else "" for cell in cells[: len(columns)]] == [
            column if column in COLUMNS else "" for column in columns
        ]:
            continue  # a second header row, of the codes alone
        title = cells[title_index] if title_index < len(cells) else None
        if isinstance(title, str) and title.strip().lower().startswith(marks):
            continue  # the template's example
        if any(_filled(cell) for cell in cells[len(columns) :]):
            raise UploadError(
                _("Row %(row)d has values in columns without a header; give every column a header.") % {"row": number}
            )
        values = {}
        for index, column in enumerate(columns):
            cell = cells[index] if index < len(cells) else None
            if not column:
                if _filled(cell):
                    raise UploadError(
                        _("Row %(row)d has a value in a column without a header; give every column a header.")
                        % {"row": number}
                    )
                continue
            values[column] = _cell_value(cell, number, column)
        records.append((number, values))
    if not records:
        raise UploadError(_("The file has a header but no events."))
    return records


def _filled(cell):
    return cell is not None and cell != "" and (not isinstance(cell, str) or bool(cell.strip()))


_CELL_TYPES = (str, int, float, bool, datetime.date, datetime.time, datetime.timedelta, decimal.Decimal)


def _cell_value(cell, number, column):
    """A cell as the importer's parsers take it; text that no database can store, or too long to be a value of any
    column, refuses the whole file with the row and column named."""
    if cell is None:
        return None
    if not isinstance(cell, _CELL_TYPES):
        cell = str(cell)
    if isinstance(cell, str):
        if len(cell) > MAX_CELL_CHARS:
            raise UploadError(
                _("Row %(row)d, column %(column)s: the text is longer than %(count)d characters.")
                % {"row": number, "column": column_label(column), "count": MAX_CELL_CHARS}
            )
        if "\x00" in cell:
            raise UploadError(
                _("Row %(row)d, column %(column)s: the text contains a NUL character; the file is damaged.")
                % {"row": number, "column": column_label(column)}
            )
    return cell


class _Table:
    """Rows of a file, read one at a time; close() frees the file."""

    def __init__(self, rows, close=None):
        self._rows = iter(rows)
        self._close = close

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._rows)

    def close(self):
        if self._close is not None:
            self._close()


BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(raw):
    """The text of a CSV: UTF-8 (with or without a byte-order mark), UTF-16 or UTF-32 with a mark (Excel's "Unicode
    text"), or Windows-1251 (a spreadsheet saved as CSV on a Russian-language Windows)."""
    for mark, encoding in BOMS:
        if raw.startswith(mark):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                break
    else:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        try:
            text = raw.decode("cp1251")
        except UnicodeDecodeError:
            text = None
        if text is not None and not _looks_binary(text):
            return text
    raise UploadError(_("The file's text encoding is not readable; save it as CSV UTF-8."))


def _looks_binary(text):
    return any(char in text for char in "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f")


def _read_csv(handle):
    raw = handle.read(max_upload_bytes() + 1)
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    if len(raw) > max_upload_bytes():
        raise UploadError(too_large_message())
    text = _decode(raw)
    if "\x00" in text:
        raise UploadError(_("The file contains NUL characters; it is not a text file. Save it as CSV UTF-8."))
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count) if first_line else ","
    if not first_line.count(delimiter):
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def rows():
        try:
            yield from reader
        except csv.Error as error:
            raise UploadError(
                _("Line %(line)d cannot be read as CSV (%(reason)s).") % {"line": reader.line_num, "reason": error}
            ) from None

    return _Table(rows())


def _read_xlsx(handle):
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(handle) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise UploadError(_("The file is not a readable XLSX workbook.")) from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise UploadError(too_large_message())
    handle.seek(0)
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or mislabelled file
        raise UploadError(_("The file is not a readable XLSX workbook.")) from error
    if not workbook.worksheets:
        workbook.close()
        raise UploadError(_("The workbook has no sheet."))
    sheet = workbook.worksheets[0]
    # Read every row the sheet holds, not the size it declares: a declared size can be far smaller than the
    # contents (rows would be lost) or absurdly larger (billions of empty cells would be built).
    if not hasattr(sheet, "reset_dimensions"):
        workbook.close()
        raise UploadError(_("The first sheet of the workbook is a chart, not a table."))
    sheet.reset_dimensions()

    def rows():
        try:
            # One row, at most as wide as a sheet can be (16,384 cells), so a far-right header cell is seen.
            header = next(sheet.iter_rows(max_row=1, values_only=True), ())
            yield header
            width = min(len(header), MAX_COLUMNS) + 1  # one beyond the header, to notice values without a header
            yield from sheet.iter_rows(min_row=2, max_col=width, values_only=True)
        except UploadError:
            raise
        except Exception as error:  # a damaged sheet part: refuse the file rather than import part of it
            raise UploadError(_("The workbook cannot be read to its end; save it again and retry.")) from error

    return _Table(rows(), workbook.close)
