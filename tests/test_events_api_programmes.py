"""/api/v1/programmes/ and /api/v1/stats/events/: programme progress, who may create programmes, and event
statistics by region and month."""

import csv
import datetime
import io

import pytest

from tests.conftest import API_ROLES, SECRETARIAT
from tests.eventkit import PAST, assembly_of, make_event, make_programme, new_event

pytestmark = pytest.mark.django_db


# -- programmes ------------------------------------------------------------------------------------------------


def test_programme_progress_counts_verified_and_all_events(api, users):
    programme = make_programme(target_events=4, target_volunteers=100, target_funds_kzt=1000)
    make_event(title="A", programme=programme, volunteers_count=30, funds_raised_kzt=500, verification="verified")
    make_event(title="B", programme=programme, volunteers_count=20, start_date=datetime.date(2025, 3, 15))
    make_event(title="C", programme=programme, status="cancelled", volunteers_count=99, start_date=PAST)
    archived = make_event(title="D", programme=programme, volunteers_count=99, start_date=datetime.date(2025, 3, 16))
    archived.archive()
    body = api("reader").get(f"/api/v1/programmes/{programme.pk}/").json()
    assert body["progress"]["targets"]["events"] == 4
    assert body["progress"]["verified"] == {
        "events": 1,
        "participants": 100,
        "volunteers": 30,
        "beneficiaries": 0,
        "funds": 500,
    }
    assert body["progress"]["all"]["events"] == 2
    assert body["progress"]["all"]["volunteers"] == 50
    listed = api("reader").get("/api/v1/programmes/").json()["results"]
    assert listed[0]["progress"] == body["progress"]


@pytest.mark.parametrize("role", API_ROLES)
def test_who_may_create_programmes(api, users, role):
    national = {
        "code": "national-plan",
        "names": {"kk": "Жоспар", "ru": "План", "en": "Plan"},
        "start_date": "2025-01-01",
        "end_date": "2025-12-31",
        "target_events": 400,
    }
    regional = {**national, "code": "abai-charity", "region": "KZ-10", "owner": assembly_of("KZ-10").pk}
    national_response = api(role).post("/api/v1/programmes/", national, format="json")
    regional_response = api(role).post("/api/v1/programmes/", regional, format="json")
    if role in SECRETARIAT:
        assert national_response.status_code == 201, national_response.content
        assert regional_response.status_code == 201
    elif role == "coord-kz-10":
        assert national_response.status_code == 400 and "region" in national_response.json()
        assert regional_response.status_code == 201, regional_response.content
    elif role == "coord-kz-75":
        assert national_response.status_code == 400
        assert regional_response.status_code == 400 and "region" in regional_response.json()
    else:
        assert national_response.status_code == (401 if role is None else 403)
        assert regional_response.status_code == (401 if role is None else 403)


def test_programme_validation(api, users):
    body = {
        "code": "bad",
        "names": {"kk": "Ж", "ru": "П", "en": "P"},
        "start_date": "2025-12-31",
        "end_date": "2025-01-01",
    }
    response = api("secretariat").post("/api/v1/programmes/", body, format="json")
    assert response.status_code == 400
    assert "end_date" in response.json()
    assert api("secretariat").post("/api/v1/programmes/", {**body, "target_events": -1}).status_code == 400


def test_programme_filters_and_csv(api, users):
    make_programme(code="national")
    regional = make_programme(code="regional", region_id="KZ-10")
    assert [row["id"] for row in api(None).get("/api/v1/programmes/", {"region": "KZ-10"}).json()["results"]] == [
        regional.pk
    ]
    assert api(None).get("/api/v1/programmes/", {"region__isnull": "true"}).json()["count"] == 1
    assert "progress.verified.events" in api(None).get("/api/v1/programmes/", {"format": "csv"}).content.decode()


# -- statistics ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", API_ROLES)
def test_stats_by_region_and_month(api, users, role):
    make_event(title="A", start_date=datetime.date(2025, 1, 10), participants_count=100, verification="verified")
    make_event(title="B", start_date=datetime.date(2025, 1, 20), participants_count=50, verification="verified")
    make_event(title="C", start_date=datetime.date(2025, 2, 1), participants_count=7)  # submitted
    make_event(title="D", region="KZ-75", start_date=datetime.date(2025, 2, 2), verification="verified")
    make_event(title="E", start_date=datetime.date(2025, 2, 3), status="cancelled", verification="verified")
    response = api(role).get("/api/v1/stats/events/")
    assert response.status_code == 200
    body = response.json()
    assert body["verified_only"] is True
    assert body["totals"]["events"] == 3
    assert {"region": "KZ-10", "month": "2025-01", "events": 2, "participants": 150}.items() <= body["results"][
        0
    ].items()
    assert [row["region"] for row in body["by_region"]] == ["KZ-10", "KZ-75"]
    assert [row["month"] for row in body["by_month"]] == ["2025-01", "2025-02"]


def test_stats_with_all_events_and_filters(api, users):
    make_event(title="A", start_date=datetime.date(2025, 1, 10), participants_count=100, verification="verified")
    make_event(title="C", start_date=datetime.date(2025, 2, 1), participants_count=7)
    make_event(title="D", region="KZ-75", start_date=datetime.date(2024, 2, 2), verification="verified")
    reader = api("reader")
    assert reader.get("/api/v1/stats/events/", {"verified": "all"}).json()["totals"]["events"] == 3
    assert reader.get("/api/v1/stats/events/", {"region": "KZ-75"}).json()["totals"]["events"] == 1
    assert reader.get("/api/v1/stats/events/", {"year": 2025}).json()["totals"]["participants"] == 100
    # The public sees the official (verified public) figures only, whatever it asks.
    assert api(None).get("/api/v1/stats/events/", {"verified": "all"}).json()["totals"]["events"] == 2
    bad = reader.get("/api/v1/stats/events/", {"region": "KZ-99", "year": "soon"})
    assert bad.status_code == 400
    assert {"region", "year"} <= set(bad.json())
    csv_rows = list(
        csv.DictReader(io.StringIO(reader.get("/api/v1/stats/events/", {"format": "csv"}).content.decode()))
    )
    assert [(row["region"], row["month"], row["events"]) for row in csv_rows] == [
        ("KZ-10", "2025-01", "1"),
        ("KZ-75", "2024-02", "1"),
    ]


def test_an_event_must_fit_its_programme(api, users):
    programme = make_programme(code="abai-only", region_id="KZ-10")
    client = api("secretariat")
    outside = client.post("/api/v1/events/", new_event(programme=programme.pk, start_date="2023-05-01"), format="json")
    assert outside.status_code == 400 and "outside the programme" in str(outside.json()["programme"])
    elsewhere = client.post("/api/v1/events/", new_event(programme=programme.pk, region="KZ-75"), format="json")
    assert elsewhere.status_code == 400 and "another region" in str(elsewhere.json()["programme"])
    programme.archive()
    archived = client.post("/api/v1/events/", new_event(programme=programme.pk), format="json")
    assert archived.status_code == 400 and "archived" in str(archived.json()["programme"])


def test_a_programme_with_events_cannot_be_archived(api, users):
    programme = make_programme()
    make_event(programme=programme)
    response = api("secretariat").delete(f"/api/v1/programmes/{programme.pk}/")
    assert response.status_code == 409
    assert response.json()["dependents"]
