"""Bulk upload of events: template, preview with every row's errors, all-or-nothing import."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook, load_workbook

from events.importer import EventImport
from events.models import Event, Verification
from events.tables import COLUMNS, read_table
from tests.eventkit import assembly_of, make_event, make_programme
from tests.jobkit import checked, run_jobs

pytestmark = pytest.mark.django_db

ROLES = ["admin", "secretariat", "coord-kz-10", "coord-kz-75", "mediator-kz-10", "reader", None]
WRITERS = {"admin", "secretariat", "coord-kz-10", "coord-kz-75"}


def csv_file(rows, name="events.csv", delimiter=","):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, delimiter=delimiter)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8"), content_type="text/csv")


def row(**values):
    base = {"title": "Достық кеші", "kind": "creative_evening", "start_date": "2025-02-10", "participants_count": "80"}
    base.update(values)
    return base


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "url", ["/portal/events/upload/", "/portal/events/template.csv", "/portal/events/template.xlsx"]
)
def test_who_may_upload(role, url, browser):
    response = browser(role).get(url)
    if role is None:
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if role in WRITERS else 403)


def test_templates_have_the_columns(browser):
    client = browser("coord-kz-10")
    text = client.get("/portal/events/template.csv").content.decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert [cell.rsplit("(", 1)[1].rstrip(")") for cell in header] == list(COLUMNS)
    assert header[COLUMNS.index("participants_count")] == "Participants (participants_count)"
    workbook = load_workbook(io.BytesIO(client.get("/portal/events/template.xlsx").content))
    assert [cell.value for cell in workbook["events"][1]] == header
    codes = {(row[0], row[1]) for row in workbook["codes"].iter_rows(min_row=2, values_only=True)}
    assert ("Kind (kind)", "charity") in codes and ("Region (region)", "KZ-10") in codes
    assert ("District or city (district)", "Semey") in codes
    assert browser("coord-kz-10").get("/portal/events/template.pdf").status_code == 404


def russian(client):
    client.cookies["django_language"] = "ru"
    return client


def test_the_template_in_russian_names_each_column_with_its_code_and_gives_an_example(browser):
    client = russian(browser("coord-kz-10"))
    rows = list(csv.reader(io.StringIO(client.get("/portal/events/template.csv").content.decode("utf-8-sig"))))
    header, example = rows
    assert header[:4] == ["Название (title)", "Вид (kind)", "Статус (status)", "Дата начала (start_date)"]
    assert "Участники (participants_count)" in header
    values = dict(zip(COLUMNS, example, strict=True))
    assert values["title"].startswith("Пример: ")
    assert (values["kind"], values["status"], values["start_date"]) == ("фестиваль", "проведено", "21.03.2025")
    assert values["region"] == "область Абай"


def test_the_xlsx_template_offers_drop_down_lists_for_kind_status_district_and_programme(browser):
    make_programme(code="jomart", name_ru="Жомарт", start_date=None, end_date=None)
    client = russian(browser("coord-kz-10"))
    workbook = load_workbook(io.BytesIO(client.get("/portal/events/template.xlsx").content))
    sheet, lists = workbook["events"], workbook["lists"]
    assert sheet["K1"].value == "Участники (participants_count)"
    assert sheet["A2"].value.startswith("Пример: ")
    letters = {column: "ABCDEFGHIJKLMNOPQR"[COLUMNS.index(column)] for column in COLUMNS}
    offered = {}
    for validation in sheet.data_validations.dataValidation:
        assert validation.type == "list"
        (cells,) = str(validation.sqref).split()
        sheet_name, cell_range = validation.formula1.split("!")
        assert sheet_name.strip("'") == "lists"
        names = [cell.value for row in lists[cell_range.replace("$", "")] for cell in row]
        offered[cells[0]] = names
        assert cells.startswith(f"{cells[0]}2:")
    assert set(offered) == {letters[column] for column in ("kind", "status", "district", "programme")}
    assert "фестиваль" in offered[letters["kind"]] and "проведено" in offered[letters["status"]]
    assert "Семей" in offered[letters["district"]] and offered[letters["programme"]] == ["Жомарт"]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_template_filled_in_under_its_example_imports_without_the_example(browser, kind):
    client = russian(browser("coord-kz-10"))
    template = client.get(f"/portal/events/template.{kind}").content
    if kind == "csv":
        text = template.decode("utf-8-sig") + "Вечер дружбы,творческий вечер,,10.02.2025,,,,,,,1200,,,,,,,\n"
        upload = SimpleUploadedFile("events.csv", text.encode("utf-8"))
    else:
        workbook = load_workbook(io.BytesIO(template))
        workbook["events"].append(["Вечер дружбы", "творческий вечер", None, "10.02.2025", *[None] * 6, 1200])
        buffer = io.BytesIO()
        workbook.save(buffer)
        upload = SimpleUploadedFile("events.xlsx", buffer.getvalue())
    preview = checked(client, upload)
    report = preview.context["report"]
    assert report.ok and report.count == 1, (kind, report.error_rows)
    assert [row["row"] for row in report.sample] == [3]
    assert "1\xa0200" in preview.content.decode()  # the participants, grouped as Russian writes numbers


def test_a_file_with_a_second_header_row_of_codes_is_read(users):
    text = "Название (title),Вид (kind),Дата начала (start_date)\ntitle,kind,start_date\nКеш,forum,2025-02-10\n"
    records = read_table(io.BytesIO(text.encode()), "events.csv")
    assert records == [(3, {"title": "Кеш", "kind": "forum", "start_date": "2025-02-10"})]


def test_upload_errors_name_the_column_in_the_users_language(browser):
    client = russian(browser("coord-kz-10"))
    preview = checked(client, csv_file([row(participants_count="много"), row(title="", start_date="2025-02-11")]))
    page = preview.content.decode()
    assert "Участники: " in page and "Название: " in page
    assert "participants_count:" not in page and "<code>title</code>" not in page


def test_preview_lists_every_rows_errors_and_imports_nothing(browser):
    rows = [
        row(),
        row(title="", start_date="2025-02-11"),
        row(end_date="2025-02-01", start_date="2025-02-12", title="Шахмат"),
        row(funds_raised_kzt="100.5", title="Жәрмеңке", start_date="2025-02-13"),
        row(participants_count="-4", title="Турнир", start_date="2025-02-14"),
        row(region="KZ-75", title="Алматы", start_date="2025-02-15"),
        row(kind="party", title="Той", start_date="2025-02-16"),
        row(district="Kordai District", title="Кордай", start_date="2025-02-17"),
        row(start_date="31.02.2025", title="Қате күн"),
    ]
    response = checked(browser("coord-kz-10"), csv_file(rows))
    assert response.status_code == 200
    report = response.context["report"]
    errors = {item.number: item.errors for item in report.error_rows}
    assert set(errors) == {3, 4, 5, 6, 7, 8, 9, 10}
    assert "title" in errors[3]
    assert "before it starts" in errors[4]["end_date"]
    assert "whole tenge" in errors[5]["funds_raised_kzt"]
    assert "negative" in errors[6]["participants_count"]
    assert "own region" in errors[7]["region"]
    assert "kind" in errors[8]
    assert "district" in errors[9]
    assert "start_date" in errors[10]
    page = response.content.decode()
    assert "8 rows have errors" in page
    assert 'name="confirm"' not in page
    # Even a forced confirmation imports nothing while rows are wrong.
    client = browser("coord-kz-10")
    checked(client, csv_file(rows))
    client.post("/portal/events/upload/", {"confirm": "1"})
    run_jobs()
    assert not Event.objects.exists()


def test_a_good_file_imports_every_row_with_history(users, browser):
    programme = make_programme(code="jomart", start_date=None, end_date=None)
    assembly_of("KZ-10")
    rows = [
        row(
            title=f"Қайырымдылық акциясы {n}",
            start_date=f"2025-01-{n + 1:02d}",
            kind="Charity event",
            funds_raised_kzt="81 272",
            beneficiaries_count="15",
            programme="jomart",
            district="Semey",
            languages="kk; ru",
            press_links="https://example.kz/a https://example.kz/b",
            is_public="yes",
        )
        for n in range(20)
    ]
    client = browser("coord-kz-10")
    preview = checked(client, csv_file(rows, delimiter=";"))
    assert preview.context["report"].ok
    assert "Import all 20 events" in preview.content.decode()
    done = client.post("/portal/events/upload/", {"confirm": "1"})
    run_jobs()
    assert done.status_code == 302
    events = Event.objects.order_by("start_date")
    assert events.count() == 20
    first = events.first()
    assert first.region_id == "KZ-10"
    assert first.kind == "charity"
    assert first.funds_raised_kzt == 81272
    assert first.programme == programme
    assert first.district.name_en == "Semey"
    assert first.organizer == assembly_of("KZ-10")
    assert first.languages == ["kk", "ru"]
    assert first.press_links == ["https://example.kz/a", "https://example.kz/b"]
    assert first.verification == Verification.SUBMITTED
    assert first.source == "upload"
    assert first.logged_by == users["coord-kz-10"]
    assert first.history.get().history_user == users["coord-kz-10"]
    # The file was used once: confirming again imports nothing more.
    client.post("/portal/events/upload/", {"confirm": "1"})
    run_jobs()
    assert Event.objects.count() == 20


def test_xlsx_upload(browser):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))
    sheet.append(
        [
            "Наурыз",
            "festival",
            "held",
            datetime.datetime(2025, 3, 21),
            None,
            "KZ-75",
            None,
            "Медеу",
            None,
            None,
            1200,
            40,
            None,
            2600718.0,
            "kk,ru",
            None,
            None,
            None,
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("events.xlsx", buffer.getvalue())
    client = browser("secretariat")
    preview = checked(client, upload)
    assert preview.context["report"].ok, [item.errors for item in preview.context["report"].error_rows]
    client.post("/portal/events/upload/", {"confirm": "1"})
    run_jobs()
    event = Event.objects.get()
    assert (event.region_id, event.participants_count, event.funds_raised_kzt) == ("KZ-75", 1200, 2600718)
    assert event.verification == Verification.VERIFIED  # the secretariat's own entries


def test_duplicates_need_confirmation(browser):
    make_event(title="Достық кеші", start_date=datetime.date(2025, 2, 10))
    rows = [row(), row(title="Шахмат турнирі"), row(title="Шахмат турнирі!")]
    client = browser("coord-kz-10")
    preview = checked(client, csv_file(rows))
    report = preview.context["report"]
    assert report.ok
    assert [item.number for item in report.duplicate_rows] == [2, 4]
    client.post("/portal/events/upload/", {"confirm": "1"})
    run_jobs()
    assert Event.objects.count() == 1
    checked(client, csv_file(rows))
    client.post("/portal/events/upload/", {"confirm": "1", "confirm_duplicates": "1"})
    run_jobs()
    assert Event.objects.count() == 4


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "events.csv", "empty"),
        (b"title,colour\nA,red\n", "events.csv", "Unknown column"),
        (b"title,kind\nA,forum\n", "events.csv", "lacks the column"),
        (b"title,kind,start_date\n", "events.csv", "no events"),
        (b"not a workbook", "events.xlsx", "not a readable XLSX"),
        (b"x", "events.pdf", ".csv or .xlsx"),
    ],
)
def test_unreadable_files_are_explained(content, name, message, browser):
    response = checked(browser("coord-kz-10"), SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert message in response.content.decode()


def test_checking_does_not_query_per_row(users):
    assembly_of("KZ-10")

    def queries(count):
        records = read_table(
            csv_file([row(title=f"Event {n}", start_date="2025-02-10") for n in range(count)]), "x.csv"
        )
        with CaptureQueriesContext(connection) as captured:
            EventImport(users["coord-kz-10"]).check(records)
        return len(captured)

    assert queries(3) == queries(60)


def test_cp1251_csv_from_excel_is_read(browser):
    text = "title;kind;start_date\nВечер дружбы;forum;21.03.2025\n"
    upload = SimpleUploadedFile("events.csv", text.encode("cp1251"))
    client = browser("coord-kz-10")
    assert checked(client, upload).context["report"].ok
    client.post("/portal/events/upload/", {"confirm": "1"})
    run_jobs()
    assert Event.objects.get().title == "Вечер дружбы"


def test_unconfirmed_uploads_are_removed_after_a_day(tmp_path, settings):
    import os
    import time

    from portal.events.files import STALE_UPLOAD_SECONDS, upload_dir

    settings.PRIVATE_UPLOAD_DIR = str(tmp_path)
    directory = tmp_path / "event-uploads"
    directory.mkdir()
    stale, fresh = directory / "1-old.csv", directory / "1-new.csv"
    stale.write_text("title\n")
    fresh.write_text("title\n")
    long_ago = time.time() - STALE_UPLOAD_SECONDS - 60
    os.utime(stale, (long_ago, long_ago))
    assert upload_dir() == directory
    assert not stale.exists()
    assert fresh.exists()
