"""`/api/v1/<registry>/export/`: every row, filtered like the list, streamed as CSV or NDJSON."""

import csv
import io
import json

import pytest

from events.models import Verification
from tests.eventkit import make_event

pytestmark = pytest.mark.django_db


def body(response):
    assert response.streaming
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def events(users):
    made = [make_event(title=f"Фестиваль {number}", region="KZ-10") for number in range(5)]
    made.append(make_event(title="Public one", region="KZ-75", verification=Verification.VERIFIED))
    archived = make_event(title="Archived", region="KZ-10")
    archived.archive()
    return made


def test_ndjson_export_has_every_active_row_as_the_list_shows_it(api, events):
    client = api("reader")
    response = client.get("/api/v1/events/export/", {"format": "ndjson"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-ndjson"
    lines = [json.loads(line) for line in body(response).splitlines()]
    listed = client.get("/api/v1/events/", {"page_size": 1000}).json()["results"]
    assert sorted(lines, key=lambda row: row["id"]) == sorted(listed, key=lambda row: row["id"])
    assert len(lines) == 6


def test_csv_export_is_filtered_like_the_list_with_dotted_columns(api, events):
    response = api("reader").get("/api/v1/events/export/", {"format": "csv", "region": "KZ-10"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert len(rows) == 5
    assert {row["region"] for row in rows} == {"KZ-10"}
    assert "title_translations.kk" in rows[0]


def test_anonymous_export_holds_public_rows_only(api, events):
    lines = body(api(None).get("/api/v1/events/export/", {"format": "ndjson"})).splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["Public one"]


def test_a_registry_read_through_its_serializer_exports_without_confidential_fields(api, councils_world):
    reader_rows = [
        json.loads(line)
        for line in body(api("reader").get("/api/v1/persons/export/", {"format": "ndjson"})).splitlines()
    ]
    assert reader_rows and all("email" not in row for row in reader_rows)
    secretariat = body(api("secretariat").get("/api/v1/persons/export/", {"format": "csv"}))
    assert "email" in next(csv.reader(io.StringIO(secretariat)))
