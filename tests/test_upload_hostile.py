"""The event upload against hostile files built here: bombs, wrong types, encodings, formulas. Each is refused whole
with a message naming the row or column, or read entirely; never a server error, never a partial import."""

import codecs
import datetime
import io
import os
import re
import stat
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook

from events import tables
from events.importer import EventImport
from events.models import Event
from events.tables import MAX_ROWS, UploadError, read_table
from tests.jobkit import checked, run_jobs

GOOD = ["Достық кеші", "creative_evening", "held", "2025-02-10"]
HEADER = ["title", "kind", "status", "start_date"]


def workbook_bytes(rows):
    workbook = Workbook()
    sheet = workbook.active
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rewrite_part(content, part, change):
    """The XLSX `content` with one of its XML parts passed through `change(text) -> text`."""
    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member.filename)
            if member.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            target.writestr(member.filename, data)
    return output.getvalue()


SHEET = "xl/worksheets/sheet1.xml"


def declared_dimension(content, ref):
    return rewrite_part(content, SHEET, lambda text: re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{ref}"', text))


def extra_row(content, xml_row):
    return rewrite_part(content, SHEET, lambda text: text.replace("</sheetData>", xml_row + "</sheetData>"))


def read(content, name):
    return read_table(SimpleUploadedFile(name, content), name)


def refusal(content, name):
    with pytest.raises(UploadError) as refused:
        read(content, name)
    return str(refused.value)


# -- XLSX: sizes declared and real ----------------------------------------------------------------------------------
def test_a_sheet_declaring_a_huge_size_is_read_by_its_real_rows_in_no_time():
    content = declared_dimension(workbook_bytes([HEADER, GOOD]), "A1:XFD1048576")
    assert len(content) < 10_000
    started = time.monotonic()
    records = read(content, "events.xlsx")
    assert time.monotonic() - started < 2
    assert [number for number, _values in records] == [2]


def test_a_row_a_million_lines_down_is_refused_at_the_row_limit_counting_blank_rows():
    content = extra_row(
        workbook_bytes([HEADER, GOOD]), '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    )
    started = time.monotonic()
    message = refusal(content, "events.xlsx")
    assert time.monotonic() - started < 10
    assert f"At most {MAX_ROWS} rows" in message


def test_a_cell_in_the_last_column_of_the_header_does_not_build_a_row_of_sixteen_thousand_cells():
    content = extra_row(workbook_bytes([]), '<row r="1"><c r="XFD1" t="inlineStr"><is><t>title</t></is></c></row>')
    started = time.monotonic()
    assert "more than 64 columns" in refusal(content, "events.xlsx")
    assert time.monotonic() - started < 2


def test_a_header_wider_than_the_template_allows_is_refused():
    content = workbook_bytes([[*HEADER, *([None] * 70), "title"], GOOD])
    assert "more than 64 columns" in refusal(content, "events.xlsx")


def test_rows_beyond_the_declared_dimension_are_all_read():
    rows = [HEADER] + [[f"Event {n}", "forum", "held", "2025-02-10"] for n in range(10)]
    content = declared_dimension(workbook_bytes(rows), "A1:D2")
    assert len(read(content, "events.xlsx")) == 10


def test_a_value_outside_the_header_refuses_the_file_naming_the_row():
    content = workbook_bytes([HEADER, GOOD, [*GOOD, "stray"]])
    assert "Row 3" in refusal(content, "events.xlsx")


def test_a_workbook_without_a_sheet_is_refused():
    content = rewrite_part(
        workbook_bytes([HEADER, GOOD]),
        "xl/workbook.xml",
        lambda text: re.sub(r"<sheets>.*</sheets>", "<sheets/>", text),
    )
    message = refusal(content, "events.xlsx")
    assert "no sheet" in message or "not a readable XLSX" in message


def test_a_zip_bomb_is_refused_before_it_is_unpacked(monkeypatch):
    monkeypatch.setattr(tables, "MAX_UNPACKED_BYTES", 100_000)
    content = rewrite_part(workbook_bytes([HEADER, GOOD]), SHEET, lambda text: text + " " * 200_000)
    assert len(content) < 20_000
    assert "larger than" in refusal(content, "events.xlsx")


@pytest.mark.parametrize(
    "content",
    [b"not a workbook", b"PK\x03\x04broken", workbook_bytes([HEADER, GOOD])[:600]],
    ids=["text", "broken-zip", "truncated"],
)
def test_damaged_workbooks_are_refused(content):
    assert "XLSX" in refusal(content, "events.xlsx")


def test_a_damaged_sheet_part_is_refused_whole_not_read_in_part():
    content = rewrite_part(
        workbook_bytes([HEADER, GOOD, GOOD]), SHEET, lambda text: text.replace("</sheetData>", "<row r='9'><c")
    )
    message = refusal(content, "events.xlsx")
    assert "cannot be read to its end" in message or "not a readable XLSX" in message


# -- CSV: encodings, sizes, control characters ------------------------------------------------------------------------
def csv_bytes(lines, encoding="utf-8", delimiter=","):
    return "\n".join(delimiter.join(line) for line in lines).encode(encoding)


def test_a_utf16_file_as_excel_saves_unicode_text_is_read():
    content = codecs.BOM_UTF16_LE + csv_bytes([HEADER, GOOD], "utf-16-le", "\t")
    [(number, values)] = read(content, "events.txt")
    assert (number, values["title"], values["start_date"]) == (2, "Достық кеші", "2025-02-10")


def test_utf16_without_a_mark_is_refused_as_not_text():
    assert "save it as CSV UTF-8" in refusal(csv_bytes([HEADER, GOOD], "utf-16-le"), "events.csv")


def test_bytes_that_no_encoding_reads_are_refused_with_advice():
    content = csv_bytes([HEADER]) + b"\n\x98\x98,forum,held,2025-02-10"
    assert "save it as CSV UTF-8" in refusal(content, "events.csv")


def test_a_nul_character_refuses_the_file():
    content = csv_bytes([HEADER, ["Той\x00", "forum", "held", "2025-02-10"]])
    assert "NUL" in refusal(content, "events.csv")


def test_a_nul_character_in_a_cell_names_the_row_and_column():
    with pytest.raises(UploadError) as refused:
        tables._cell_value("a\x00b", 7, "venue")
    assert "Row 7, column Venue" in str(refused.value)


def test_a_cell_of_140_thousand_characters_is_refused_naming_the_row():
    content = csv_bytes([HEADER, ["x" * 140_000, "forum", "held", "2025-02-10"]])
    message = refusal(content, "events.csv")
    assert "2" in message and ("longer than" in message or "cannot be read as CSV" in message)
    content = csv_bytes([HEADER, GOOD, ["x" * 20_000, "forum", "held", "2025-02-10"]])
    assert "Row 3, column Title" in refusal(content, "events.csv")


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.EVENT_UPLOAD_MAX_BYTES = 1000
    content = csv_bytes([HEADER] + [GOOD] * 100)
    assert "larger than" in refusal(content, "events.csv")


def test_fifty_thousand_and_one_rows_are_refused_even_blank():
    content = csv_bytes([HEADER, GOOD]) + b"\n" + b",,,\n" * MAX_ROWS
    assert f"At most {MAX_ROWS} rows" in refusal(content, "events.csv")


# -- values of the wrong type or size: row errors, named, nothing imported ------------------------------------------
@pytest.mark.django_db
def test_badly_typed_and_oversized_values_are_row_errors_naming_the_column(users):
    values = [
        ("participants_count", "9" * 5000),
        ("participants_count", True),
        ("participants_count", 1e300),
        ("volunteers_count", "1E300000"),
        ("funds_raised_kzt", "1E10000000"),
        ("funds_raised_kzt", 2**63),
        ("funds_raised_kzt", "9223372036854775808"),
        ("start_date", datetime.time(10, 30)),
        ("start_date", "9999-12-31"),
        ("start_date", "1900-01-01"),
        ("end_date", datetime.datetime(2999, 1, 1)),
        ("kind", datetime.datetime(2025, 1, 1)),
        ("is_public", 3.5),
        ("languages", 42),
        ("organizer", "²"),
        ("title", "x" * 301),
        ("press_links", "javascript:alert(1)"),
    ]
    workbook = [[*HEADER, *sorted({column for column, _value in values} - set(HEADER))]]
    for column, value in values:
        cells = dict(zip(HEADER, GOOD, strict=True)) | {"title": f"Event {len(workbook)}", column: value}
        workbook.append([cells.get(name) for name in workbook[0]])
    started = time.monotonic()
    records = read(workbook_bytes(workbook), "events.xlsx")
    report = EventImport(users["coord-kz-10"]).check(records)
    assert time.monotonic() - started < 10
    assert len(report.rows) == len(values)
    for row, (column, _value) in zip(report.rows, values, strict=True):
        assert column in row.errors, (row.number, column, row.errors)
    with pytest.raises(UploadError):
        EventImport(users["coord-kz-10"]).save(report)
    assert not Event.objects.exists()


# -- through the portal: every hostile file gets a page, never a 500, and nothing is imported ------------------------
HOSTILE = {
    "far-row.xlsx": extra_row(
        workbook_bytes([HEADER, GOOD]), '<row r="900000"><c r="A900000" t="inlineStr"><is><t>x</t></is></c></row>'
    ),
    "no-sheet.xlsx": rewrite_part(
        workbook_bytes([HEADER, GOOD]),
        "xl/workbook.xml",
        lambda text: re.sub(r"<sheets>.*</sheets>", "<sheets/>", text),
    ),
    "truncated.xlsx": workbook_bytes([HEADER, GOOD])[:700],
    "formulas.xlsx": workbook_bytes([HEADER, ['=HYPERLINK("http://evil.example","x")', "forum", "held", "=TODAY()"]]),
    "long-cell.csv": csv_bytes([HEADER, ["x" * 140_000, "forum", "held", "2025-02-10"]]),
    "digits.csv": csv_bytes([[*HEADER, "participants_count"], [*GOOD, "9" * 5000]]),
    "exponent.csv": csv_bytes([[*HEADER, "funds_raised_kzt"], [*GOOD, "1E300000"]]),
    "cp-garbage.csv": b"title,kind,start_date\n\x98\xff\x00,forum,2025-01-01\n",
    "utf16-no-bom.csv": csv_bytes([HEADER, GOOD], "utf-16-le"),
    "nul.csv": csv_bytes([HEADER, ["a\x00", "forum", "held", "2025-02-10"]]),
    "far-future.csv": csv_bytes([HEADER, ["Той", "forum", "planned", "9999-12-31"]]),
}


@pytest.mark.django_db
def test_hostile_files_through_the_portal_are_answered_and_import_nothing(users):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users["coord-kz-10"])
    for name, content in HOSTILE.items():
        response = checked(client, SimpleUploadedFile(name, content))
        assert response.status_code == 200, name
        page = response.content.decode()
        report = response.context.get("report")
        # Refused with the reason: row errors in the check's report, or the failed check's message on its job page.
        assert (report is not None and not report.ok) or 'class="error" role="alert"' in page, name
        confirmed = client.post("/portal/events/upload/", {"confirm": "1"})
        run_jobs()
        assert confirmed.status_code == 302, name
    assert not Event.objects.exists()
    # A sheet declaring a million rows and sixteen thousand columns holds one event: that event is imported.
    bomb = declared_dimension(workbook_bytes([HEADER, GOOD]), "A1:XFD1048576")
    assert checked(client, SimpleUploadedFile("bomb.xlsx", bomb)).context["report"].ok
    client.post("/portal/events/upload/", {"confirm": "1"})
    run_jobs()
    assert list(Event.objects.values_list("title", flat=True)) == [GOOD[0]]


@pytest.mark.django_db
def test_a_body_over_the_limit_is_refused_before_it_is_read(users, settings):
    settings.EVENT_UPLOAD_MAX_BYTES = 10_000
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users["coord-kz-10"])
    content = csv_bytes([HEADER] + [GOOD] * 20_000)
    response = client.post("/portal/events/upload/", {"file": SimpleUploadedFile("big.csv", content)})
    assert response.status_code == 413
    assert "larger than" in response.content.decode()


@pytest.mark.django_db
def test_a_waiting_upload_is_private_and_removed_after_import(users, settings, tmp_path):
    settings.PRIVATE_UPLOAD_DIR = str(tmp_path / "private")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users["coord-kz-10"])
    content = csv_bytes([HEADER, GOOD])
    assert checked(client, SimpleUploadedFile("ok.csv", content)).context["report"].ok
    directory = tmp_path / "private" / "event-uploads"
    [waiting] = list(directory.iterdir())
    assert stat.S_IMODE(os.stat(directory).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(waiting).st_mode) == 0o600
    client.post("/portal/events/upload/", {"confirm": "1"})
    run_jobs()
    assert Event.objects.count() == 1
    assert not list(directory.iterdir())
