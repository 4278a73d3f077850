"""Verifying events through the API: only the secretariat verifies or returns; drafts, resubmission, bulk
verification and history."""

import datetime

import pytest

from events.models import Event, Verification
from tests.conftest import API_ROLES, SECRETARIAT
from tests.eventkit import make_event, new_event

pytestmark = pytest.mark.django_db


# -- verification ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", API_ROLES)
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


@pytest.mark.parametrize("role", API_ROLES)
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


@pytest.mark.parametrize("role", API_ROLES)
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
