"""Logging and editing events through /api/v1/events/: who may, in which region, and the errors a coordinator
understands."""

import datetime

import pytest

from events.models import Event, Verification
from regions.models import District
from tests.conftest import API_ROLES, SECRETARIAT
from tests.eventkit import make_event, new_event

pytestmark = pytest.mark.django_db


# -- writing ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", API_ROLES)
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


@pytest.mark.parametrize("role", API_ROLES)
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
