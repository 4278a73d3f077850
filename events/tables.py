"""Reading an uploaded CSV or XLSX file of events into rows keyed by the template's columns, within limits that
keep one file from exhausting the server. A file is taken whole or not at all: any part that cannot be read raises
UploadError, naming the row where it can."""

import codecs
import csv
import datetime
import decimal
import io
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

from events.models import DESCRIPTIVE_FIELDS, REPORTED_FIELDS

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
    columns = [str(cell or "").strip().lower().replace(" ", "_")[:100] for cell in header]
    unknown = [column for column in columns if column and column not in COLUMNS]
    if unknown:
        raise UploadError(
            _("Unknown column(s): %(columns)s. Use the template's columns: %(expected)s.")
            % {"columns": ", ".join(unknown), "expected": ", ".join(COLUMNS)}
        )
    repeated = sorted({column for column in columns if column and columns.count(column) > 1})
    if repeated:
        raise UploadError(_("Column(s) given twice: %(columns)s.") % {"columns": ", ".join(repeated)})
    missing = [column for column in REQUIRED if column not in columns]
    if missing:
        raise UploadError(_("The file lacks the column(s): %(columns)s.") % {"columns": ", ".join(missing)})
    records = []
    for number, cells in enumerate(table, start=2):
        if number - 1 > MAX_ROWS:
            raise UploadError(_("At most %(count)d rows per file; split it.") % {"count": MAX_ROWS})
        if not any(_filled(cell) for cell in cells):
            continue  # blank lines are skipped, but counted above
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
                % {"row": number, "column": column, "count": MAX_CELL_CHARS}
            )
        if "\x00" in cell:
            raise UploadError(
                _("Row %(row)d, column %(column)s: the text contains a NUL character; the file is damaged.")
                % {"row": number, "column": column}
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
