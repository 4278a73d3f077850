"""Bad input gets a 400 naming what is wrong, at once, through the API, the portal and the feeds: numbers too long
or too large, dates outside 1990–2100, forged cursors, deeply nested JSON, NUL characters, ids no database holds.
Files people open in a spreadsheet never carry a live formula, and a resource's CSV columns never vary."""

import csv
import datetime
import io
import time

import pytest
from django.test import Client
from django.utils import timezone

from events.models import Event
from registry.cells import neutralise
from registry.numbers import NumberError, bounded_id, parse_integer
from tests.eventkit import make_event

HUGE = "9" * 30


def event_payload(**fields):
    payload = {"title": "Достық кеші", "kind": "forum", "status": "held", "start_date": "2025-03-01", "region": "KZ-10"}
    payload.update(fields)
    return payload


# -- numbers ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text", ["1E300000", "1E10000000", "9" * 5000, "1e99", "0x10", "1_000", "٣", "²", "NaN", "inf"]
)
def test_the_number_parser_refuses_at_once_what_it_would_take_long_to_compute(text):
    started = time.monotonic()
    with pytest.raises(NumberError):
        parse_integer(text, maximum=2**63 - 1)
    assert time.monotonic() - started < 0.05


def test_the_number_parser_reads_what_people_type():
    assert parse_integer("1 200") == 1200
    assert parse_integer("1200.00") == 1200
    assert parse_integer(1.2e3) == 1200
    assert parse_integer("1.5E+3") == 1500
    assert parse_integer("") is None
    with pytest.raises(NumberError) as refused:
        parse_integer("12.5")
    assert refused.value.code == "fraction"
    with pytest.raises(NumberError) as refused:
        parse_integer("-3")
    assert refused.value.code == "negative"


def test_ids_beyond_what_a_database_holds_are_no_ids():
    assert bounded_id("42") == 42
    assert bounded_id(2**63) is None
    assert bounded_id(HUGE) is None
    assert bounded_id("²") is None
    assert bounded_id("-1") is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("funds_raised_kzt", "1E300000"),
        ("funds_raised_kzt", "1E10000000"),
        ("funds_raised_kzt", 2**63),
        ("funds_raised_kzt", "9223372036854775808"),
        ("funds_raised_kzt", 1e300),
        ("participants_count", 2**63),
        ("participants_count", "9" * 5000),
        ("volunteers_count", 1e300),
    ],
)
def test_api_numbers_out_of_bounds_are_a_400_naming_the_field_at_once(api, field, value):
    started = time.monotonic()
    response = api("coord-kz-10").post("/api/v1/events/", event_payload(**{field: value}), format="json")
    assert time.monotonic() - started < 2
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_the_portal_form_refuses_a_huge_amount_naming_the_field(users):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users["coord-kz-10"])
    started = time.monotonic()
    response = client.post(
        "/portal/events/new/",
        {**event_payload(funds_raised_kzt="1E300000", participants_count="9" * 5000), "languages": ["kk"]},
    )
    assert time.monotonic() - started < 2
    assert response.status_code == 200
    form = response.context["form"]
    assert "funds_raised_kzt" in form.errors and "participants_count" in form.errors
    assert not Event.objects.exists()


# -- dates ------------------------------------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"), [("start_date", "9999-12-31"), ("start_date", "1900-01-01"), ("end_date", "2101-01-01")]
)
def test_api_dates_outside_the_window_are_a_400_naming_the_field(api, field, value):
    payload = event_payload(status="planned", **{field: value})
    response = api("coord-kz-10").post("/api/v1/events/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert "1990-01-01" in str(response.json()[field])


@pytest.mark.django_db
def test_the_portal_form_refuses_a_date_outside_the_window(users):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users["coord-kz-10"])
    response = client.post("/portal/events/new/", event_payload(start_date="9999-12-31", status="planned"))
    assert response.status_code == 200
    assert "start_date" in response.context["form"].errors
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_one_record_the_calendar_cannot_write_does_not_break_the_feed(users):
    from events.models import Verification

    soon = timezone.localdate() + datetime.timedelta(days=3)
    good = make_event(title="Наурыз", verification=Verification.VERIFIED, start_date=soon, status="planned")
    make_event(
        title="Broken", verification=Verification.VERIFIED, start_date=datetime.date(9999, 12, 31), status="planned"
    )
    response = Client().get("/calendar.ics")
    assert response.status_code == 200
    body = response.content.decode()
    assert f"UID:event-{good.pk}@" in body and "Broken" not in body
    assert body.endswith("END:VCALENDAR\r\n")


# -- requests no client should send ---------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(
    "cursor",
    ["garbage", "cD05OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OQ==", "cD1hYmM="],
    ids=["not-base64", "huge-position", "text-position"],
)
def test_a_forged_cursor_is_a_400_naming_the_cursor(api, cursor):
    response = api("reader").get("/api/v1/events/", {"cursor": cursor})
    assert response.status_code == 400
    assert "cursor" in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["-2.7e-244", "0", "0.5", "10000", "-1"])
def test_a_year_no_date_can_have_is_a_400_naming_the_year(api, year):
    response = api("reader").get("/api/v1/sessions/", {"year": year})
    assert response.status_code == 400
    assert "year" in response.json()


@pytest.mark.django_db
def test_a_year_filter_still_finds_the_sessions_of_that_year(api):
    response = api("reader").get("/api/v1/sessions/", {"year": "2025"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_cursor_the_api_gave_still_works(api):
    for day in range(1, 4):
        make_event(title=f"Event {day}", start_date=datetime.date(2025, 3, day))
    first = api("reader").get("/api/v1/events/", {"pagination": "cursor", "page_size": 2}).json()
    second = api("reader").get(first["next"]).json()
    assert len(first["results"]) == 2 and len(second["results"]) == 1


@pytest.mark.django_db
def test_deeply_nested_json_on_the_token_endpoint_is_a_400(api):
    body = '{"username": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = api(None).post("/api/v1/auth/token/", body, content_type="application/json")
    assert response.status_code == 400
    response = api("secretariat").post("/api/v1/events/", body, content_type="application/json")
    assert response.status_code == 400


@pytest.mark.django_db
def test_a_nul_character_in_text_is_a_400_naming_the_field(api):
    response = api("coord-kz-10").post("/api/v1/events/", event_payload(title="Той\x00"), format="json")
    assert response.status_code == 400 and "title" in response.json()
    response = api("secretariat").post(
        "/api/v1/programmes/",
        {"code": "nul-test", "names": {"kk": "Бағдарлама\x00", "ru": "Программа", "en": "Programme"}},
        format="json",
    )
    assert response.status_code == 400 and "names" in response.json()


@pytest.mark.django_db
def test_ids_no_database_holds_are_404s_and_400s_not_errors(api):
    event = make_event()
    client = api("secretariat")
    assert client.get(f"/api/v1/events/{HUGE}/").status_code == 404
    assert client.get("/api/v1/events/", {"organizer": HUGE}).status_code == 400
    assert client.get("/api/v1/events/", {"programme": "-1"}).status_code == 400
    response = client.patch(f"/api/v1/events/{event.pk}/", {"organizer": int(HUGE)}, format="json")
    assert response.status_code == 400 and "organizer" in response.json()
    response = client.post("/api/v1/events/bulk-verify/", {"ids": [int(HUGE)]}, format="json")
    assert response.status_code == 400 and "ids" in response.json()
    assert client.get(f"/api/v1/events/{HUGE}/history/").status_code == 404


# -- files people open in a spreadsheet -----------------------------------------------------------------------------
FORMULAS = ['=HYPERLINK("http://evil.example","open")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_text_that_starts_like_a_formula_is_written_as_text():
    for formula in FORMULAS:
        assert neutralise(formula) == "'" + formula
    assert neutralise("Наурыз") == "Наурыз"
    assert neutralise(-5) == -5
    assert neutralise(None) is None


@pytest.mark.django_db
def test_the_public_csv_neutralises_formulas_and_the_json_keeps_them(api):
    from events.models import Verification

    event = make_event(
        title=FORMULAS[0], venue='=WEBSERVICE("http://evil.example")', verification=Verification.VERIFIED
    )
    json_row = api(None).get(f"/api/v1/events/{event.pk}/").json()
    assert json_row["title"] == FORMULAS[0]
    rows = list(csv.DictReader(io.StringIO(api(None).get(f"/api/v1/events/{event.pk}/?format=csv").content.decode())))
    assert rows[0]["title"] == "'" + FORMULAS[0]
    assert rows[0]["venue"].startswith("'=")


@pytest.mark.django_db
def test_the_admin_export_neutralises_formulas(users):
    from openpyxl import load_workbook

    make_event(title=FORMULAS[0])
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users["admin"])
    # Both files: the one for a report (resource 0) and the one for re-import (resource 1).
    for fmt, index, resource, prefix in (
        ("csv", "0", "0", "eventresourceforreport"),
        ("xlsx", "1", "0", "eventresourceforreport"),
        ("csv", "0", "1", "eventresource"),
        ("xlsx", "1", "1", "eventresource"),
    ):
        response = client.post(
            "/admin/events/event/export/",
            {"format": index, "resource": resource, **{f"{prefix}_{name}": "on" for name in ("id", "title")}},
        )
        assert response.status_code == 200, fmt
        if fmt == "csv":
            text = response.content.decode("utf-8-sig")
            assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text
        else:
            sheet = load_workbook(io.BytesIO(response.content)).active
            titles = [cell.value for cell in sheet["B"] if cell.value]
            assert "'" + FORMULAS[0] in titles


@pytest.mark.django_db
def test_the_upload_template_carries_no_formula(users):
    from openpyxl import load_workbook

    from events.models import Programme

    Programme.objects.create(code="evil", name_kk="=1+1", name_ru="=1+1", name_en="=1+1")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users["secretariat"])
    workbook = load_workbook(io.BytesIO(client.get("/portal/events/template.xlsx").content))
    values = [cell for row in workbook["codes"].iter_rows(values_only=True) for cell in row]
    assert "'=1+1" in values
    assert not [value for value in values if isinstance(value, str) and value.startswith("=")]


@pytest.mark.django_db
def test_a_resources_csv_columns_are_the_same_on_every_page(api):
    make_event(title="Plain", start_date=datetime.date(2025, 3, 1))
    make_event(
        title="Rich",
        start_date=datetime.date(2025, 3, 2),
        languages=["kk", "ru", "uz"],
        press_links=["https://a.kz/1", "https://a.kz/2"],
    )
    client = api("reader")
    headers = []
    for page in (1, 2):
        text = client.get("/api/v1/events/", {"format": "csv", "page_size": 1, "page": page}).content.decode()
        headers.append(next(csv.reader(io.StringIO(text))))
    assert headers[0] == headers[1]
    assert "languages" in headers[0] and "languages.0" not in headers[0]
    empty = client.get("/api/v1/events/", {"format": "csv", "region": "KZ-75"}).content.decode()
    assert next(csv.reader(io.StringIO(empty))) == headers[0]
    rich = client.get("/api/v1/events/", {"format": "csv", "search": "Rich"}).content.decode()
    assert next(csv.DictReader(io.StringIO(rich)))["languages"] == "kk; ru; uz"
