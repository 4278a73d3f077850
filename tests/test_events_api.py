"""/api/v1/events/, /api/v1/programmes/ and /api/v1/stats/events/, for every role."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Event, Verification
from regions.models import District
from tests.eventkit import PAST, assembly_of, make_event, make_programme

pytestmark = pytest.mark.django_db

ROLES = ["admin", "secretariat", "coord-kz-10", "coord-kz-75", "mediator-kz-10", "reader", None]
SECRETARIAT = {"admin", "secretariat"}


def new_event(**overrides):
    body = {
        "title": "Наурыз тойы",
        "kind": "festival",
        "status": "held",
        "start_date": "2025-03-21",
        "region": "KZ-10",
        "participants_count": 250,
        "volunteers_count": 12,
        "funds_raised_kzt": 150000,
        "languages": ["kk", "ru"],
    }
    body.update(overrides)
    return body


# -- reading ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_every_role_lists_events_but_the_public_sees_only_verified_public_ones(api, users, role):
    verified = make_event(title="Verified public", verification=Verification.VERIFIED)
    hidden = make_event(title="Verified closed", verification=Verification.VERIFIED, is_public=False)
    submitted = make_event(title="Submitted", verification=Verification.SUBMITTED)
    response = api(role).get("/api/v1/events/")
    assert response.status_code == 200
    ids = {row["id"] for row in response.json()["results"]}
    if role is None:
        assert ids == {verified.pk}
        assert api(None).get(f"/api/v1/events/{submitted.pk}/").status_code == 404
        assert api(None).get(f"/api/v1/events/{hidden.pk}/").status_code == 404
        csv_body = api(None).get("/api/v1/events/", {"format": "csv"}).content.decode()
        assert "Submitted" not in csv_body and "Verified closed" not in csv_body
        assert api(None).get("/api/v1/events/", {"search": "Submitted"}).json()["count"] == 0
        assert api(None).get("/api/v1/events/", {"verified": "false"}).json()["count"] == 0
    else:
        assert ids == {verified.pk, hidden.pk, submitted.pk}


def test_event_fields_follow_the_contract(api, users):
    event = make_event(verification=Verification.VERIFIED, funds_raised_kzt=2600718)
    row = api("reader").get(f"/api/v1/events/{event.pk}/").json()
    for field in (
        "id",
        "title",
        "kind",
        "status",
        "start_date",
        "end_date",
        "region",
        "district",
        "venue",
        "organizer",
        "programme",
        "participants_count",
        "volunteers_count",
        "beneficiaries_count",
        "funds_raised_kzt",
        "verified",
        "created_at",
        "updated_at",
    ):
        assert field in row, field
    assert row["region"] == "KZ-10"
    assert row["verified"] is True
    assert row["end_date"] == row["start_date"] == "2025-03-14"
    assert row["funds_raised_kzt"] == 2600718
    assert row["organizer_name"] == assembly_of("KZ-10").name


def test_filters(api, users):
    programme = make_programme()
    district = District.objects.filter(region_id="KZ-10").first()
    a = make_event(title="Жастар форумы", kind="forum", district=district, programme=programme)
    b = make_event(
        region="KZ-75",
        title="Спорт күні",
        kind="sports",
        start_date=datetime.date(2024, 6, 1),
        verification=Verification.VERIFIED,
    )
    soon = timezone.localdate() + datetime.timedelta(days=30)
    c = make_event(title="Planned gala", status="planned", start_date=soon)
    client = api("reader")

    def ids(**params):
        response = client.get("/api/v1/events/", params)
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}

    assert ids(region="KZ-75") == {b.pk}
    assert ids(district=district.pk) == {a.pk}
    assert ids(kind="forum") == {a.pk}
    assert ids(status="planned") == {c.pk}
    assert ids(programme=programme.pk) == {a.pk}
    assert ids(organizer=assembly_of("KZ-75").pk) == {b.pk}
    assert ids(verified="true") == {b.pk}
    assert ids(verified="false") == {a.pk, c.pk}
    assert ids(start_date__gte="2025-01-01", start_date__lte="2025-12-31") == {a.pk}
    assert ids(search="Жастар") == {a.pk}
    assert ids(updated_since=(timezone.now() + datetime.timedelta(hours=1)).isoformat()) == set()
    assert ids(active_on="2024-06-01") == {b.pk}


@pytest.mark.parametrize(
    ("param", "value"), [("region", "KZ-99"), ("start_date__gte", "soon"), ("kind", "party"), ("verified", "maybe")]
)
def test_bad_filters_are_400_naming_the_field(api, users, param, value):
    response = api("reader").get("/api/v1/events/", {param: value})
    assert response.status_code == 400
    assert param in response.json()


def test_csv_export(api, users):
    make_event(title="Абай оқулары", verification=Verification.VERIFIED)
    response = api("reader").get("/api/v1/events/", {"format": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["title"] == "Абай оқулары"
    assert rows[0]["region"] == "KZ-10"


@pytest.mark.parametrize("url", ["/api/v1/events/", "/api/v1/programmes/"])
def test_list_queries_do_not_grow_with_page_size(api, users, url):
    programme = make_programme()
    for day in range(1, 13):
        make_event(title=f"Event {day}", start_date=datetime.date(2025, 1, day), programme=programme)
    for number in range(5):
        make_programme(code=f"p{number}")
    client = api("reader")
    with CaptureQueriesContext(connection) as small:
        assert client.get(url, {"page_size": 2}).status_code == 200
    with CaptureQueriesContext(connection) as large:
        assert client.get(url, {"page_size": 1000}).status_code == 200
    assert len(large) == len(small)
    assert len(large) <= 5


# -- writing ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_who_may_log_an_event_in_abai(api, users, role):
    response = api(role).post("/api/v1/events/", new_event(), format="json")
    if role in SECRETARIAT | {"coord-kz-10"}:
        assert response.status_code == 201, response.content
        event = Event.objects.get(pk=response.json()["id"])
        assert event.logged_by == users[role]
        assert event.source == "api"
        assert event.end_date == event.start_date
        expected = Verification.VERIFIED if role in SECRETARIAT else Verification.SUBMITTED
        assert event.verification == expected
        assert event.history.count() == 1
    elif role == "coord-kz-75":
        assert response.status_code == 400
        assert "region" in response.json()
    else:
        assert response.status_code == (401 if role is None else 403)
    assert Event.objects.filter(region_id="KZ-10").count() == (1 if response.status_code == 201 else 0)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_edit_an_abai_event(api, users, role):
    event = make_event()
    response = api(role).patch(f"/api/v1/events/{event.pk}/", {"participants_count": 300}, format="json")
    if role in SECRETARIAT | {"coord-kz-10"}:
        assert response.status_code == 200, response.content
        event.refresh_from_db()
        assert event.participants_count == 300
    else:
        assert response.status_code == (401 if role is None else 403)


def test_a_coordinator_cannot_move_an_event_to_another_region(api, users):
    event = make_event()
    response = api("coord-kz-10").patch(f"/api/v1/events/{event.pk}/", {"region": "KZ-75"}, format="json")
    assert response.status_code == 400
    assert "region" in response.json()


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"start_date": "2025-03-21", "end_date": "2025-03-20"}, "end_date", "before it starts"),
        ({"participants_count": -5}, "participants_count", "negative"),
        ({"volunteers_count": -1}, "volunteers_count", "negative"),
        ({"funds_raised_kzt": "1500.50"}, "funds_raised_kzt", "whole tenge"),
        ({"funds_raised_kzt": -100}, "funds_raised_kzt", "negative"),
        ({"status": "held", "start_date": "2099-01-01"}, "status", "future"),
        ({"district": "KORDAI"}, "district", "region"),
        ({"languages": ["klingon"]}, "languages", ""),
        ({"press_links": ["not a link"]}, "press_links", ""),
        ({"kind": "party"}, "kind", ""),
        ({"title": ""}, "title", ""),
    ],
)
def test_bad_input_is_a_400_a_coordinator_understands(api, users, overrides, field, words):
    if overrides.get("district") == "KORDAI":
        overrides = {"district": District.objects.get(name_en="Kordai District").pk}
    response = api("coord-kz-10").post("/api/v1/events/", new_event(**overrides), format="json")
    assert response.status_code == 400, response.content
    body = response.json()
    assert field in body
    assert words in str(body[field])
    assert not Event.objects.exists()


def test_funds_in_whole_tenge_given_as_text_are_accepted(api, users):
    response = api("coord-kz-10").post("/api/v1/events/", new_event(funds_raised_kzt="2 600 718"), format="json")
    assert response.status_code == 201, response.content
    assert Event.objects.get().funds_raised_kzt == 2600718


def test_a_likely_duplicate_needs_confirmation(api, users):
    first = make_event(title="«Достық» фестивалі", start_date=datetime.date(2025, 3, 21))
    client = api("coord-kz-10")
    response = client.post("/api/v1/events/", new_event(title="Достық фестивалі!"), format="json")
    assert response.status_code == 400
    assert "confirm_duplicate" in response.json()
    assert response.json()["duplicates"] == [str(first.pk)]
    assert Event.objects.count() == 1
    other_day = client.post("/api/v1/events/", new_event(title="Достық фестивалі", start_date="2025-03-22"))
    assert other_day.status_code == 201
    confirmed = client.post(
        "/api/v1/events/", new_event(title="Достық фестивалі!", confirm_duplicate=True), format="json"
    )
    assert confirmed.status_code == 201, confirmed.content
    assert Event.objects.count() == 3


def test_a_different_title_on_the_same_day_is_no_duplicate(api, users):
    make_event(title="Достық фестивалі", start_date=datetime.date(2025, 3, 21))
    response = api("coord-kz-10").post("/api/v1/events/", new_event(title="Шахмат турнирі"), format="json")
    assert response.status_code == 201


def test_delete_archives(api, users):
    event = make_event()
    assert api("coord-kz-75").delete(f"/api/v1/events/{event.pk}/").status_code == 403
    assert api("coord-kz-10").delete(f"/api/v1/events/{event.pk}/").status_code == 204
    event.refresh_from_db()
    assert event.is_archived


# -- verification ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_only_the_secretariat_verifies(api, users, role):
    event = make_event()
    response = api(role).post(f"/api/v1/events/{event.pk}/verify/")
    event.refresh_from_db()
    if role in SECRETARIAT:
        assert response.status_code == 200
        assert event.verification == Verification.VERIFIED
        assert event.verified_by == users[role]
        assert response.json()["verified"] is True
    else:
        assert response.status_code == (401 if role is None else 403)
        assert event.verification == Verification.SUBMITTED


@pytest.mark.parametrize("role", ROLES)
def test_only_the_secretariat_returns(api, users, role):
    event = make_event()
    response = api(role).post(f"/api/v1/events/{event.pk}/return/", {"comment": "Participants?"}, format="json")
    event.refresh_from_db()
    if role in SECRETARIAT:
        assert response.status_code == 200
        assert event.verification == Verification.RETURNED
    else:
        assert response.status_code == (401 if role is None else 403)
        assert event.verification == Verification.SUBMITTED


def test_return_fix_resubmit_verify(api, users):
    event = make_event()
    secretariat, coordinator = api("secretariat"), api("coord-kz-10")
    no_comment = secretariat.post(f"/api/v1/events/{event.pk}/return/", {"comment": " "}, format="json")
    assert no_comment.status_code == 400 and "comment" in no_comment.json()
    returned = secretariat.post(
        f"/api/v1/events/{event.pk}/return/", {"comment": "Give the number of volunteers."}, format="json"
    )
    assert returned.json()["verification"] == "returned"
    seen = coordinator.get(f"/api/v1/events/{event.pk}/").json()
    assert seen["return_comment"] == "Give the number of volunteers."
    fixed = coordinator.patch(f"/api/v1/events/{event.pk}/", {"volunteers_count": 40}, format="json")
    assert fixed.json()["verification"] == "submitted"
    verified = secretariat.post(f"/api/v1/events/{event.pk}/verify/")
    assert verified.json()["verification"] == "verified"
    assert verified.json()["return_comment"] == ""
    again = secretariat.post(f"/api/v1/events/{event.pk}/verify/")
    assert again.status_code == 400 and "verification" in again.json()
    # A coordinator's later edit sends it back to the secretariat.
    edited = coordinator.patch(f"/api/v1/events/{event.pk}/", {"venue": "Semey, House of Friendship"}, format="json")
    assert edited.json()["verification"] == "submitted"
    states = list(event.history.order_by("history_id").values_list("verification", flat=True))
    assert states == ["submitted", "returned", "submitted", "verified", "submitted"]


def test_coordinators_cannot_verify_by_writing_the_field(api, users):
    event = make_event()
    response = api("coord-kz-10").patch(f"/api/v1/events/{event.pk}/", {"verification": "verified"}, format="json")
    assert response.status_code == 400
    assert "verification" in response.json()


def test_drafts_and_submit(api, users):
    client = api("coord-kz-10")
    created = client.post("/api/v1/events/", new_event(verification="draft"), format="json").json()
    assert created["verification"] == "draft"
    assert api("secretariat").post(f"/api/v1/events/{created['id']}/verify/").status_code == 400
    assert api("coord-kz-75").post(f"/api/v1/events/{created['id']}/submit/").status_code == 403
    submitted = client.post(f"/api/v1/events/{created['id']}/submit/")
    assert submitted.status_code == 200
    assert submitted.json()["verification"] == "submitted"


@pytest.mark.parametrize("role", ROLES)
def test_bulk_verify(api, users, role):
    events = [make_event(title=f"Event {n}", start_date=datetime.date(2025, 1, n + 1)) for n in range(3)]
    done = make_event(title="Done", verification=Verification.VERIFIED)
    ids = [event.pk for event in events] + [done.pk, 999999]
    response = api(role).post("/api/v1/events/bulk-verify/", {"ids": ids}, format="json")
    if role in SECRETARIAT:
        assert response.status_code == 200
        assert response.json() == {"verified": sorted(e.pk for e in events), "skipped": sorted([done.pk, 999999])}
        assert Event.objects.filter(verification=Verification.VERIFIED).count() == 4
    else:
        assert response.status_code == (401 if role is None else 403)
        assert Event.objects.filter(verification=Verification.VERIFIED).count() == 1


def test_bulk_verify_bad_input_is_a_400(api, users):
    response = api("secretariat").post("/api/v1/events/bulk-verify/", {"ids": "all"}, format="json")
    assert response.status_code == 400
    assert "ids" in response.json()


def test_history_for_the_secretariat(api, users):
    event = make_event()
    assert api("secretariat").get(f"/api/v1/events/{event.pk}/history/").status_code == 200
    assert api("coord-kz-10").get(f"/api/v1/events/{event.pk}/history/").status_code == 403


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


@pytest.mark.parametrize("role", ROLES)
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


@pytest.mark.parametrize("role", ROLES)
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
