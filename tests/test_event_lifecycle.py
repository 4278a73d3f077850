"""The event life cycle, stated once: for every role, stage and requested action, the next stage or the refusal.
The same rule holds in the model, the API, the portal, the upload and the admin."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from events import lifecycle
from events.importer import EventImport
from events.lifecycle import Action, Role, Stage
from events.models import Event, Verification
from tests.eventkit import PAST, assembly_of, make_event, make_programme

pytestmark = pytest.mark.django_db

# Each cell: the stage the action leads to, or 403 (this role may not; another may), or 400 (no one may, from here).
EXPECTED = """
coordinator         | save_draft | submit    | edit      | verify   | return   | archive            | restore
new                 | draft      | submitted | submitted | 400      | 400      | 400                | 400
draft               | draft      | submitted | draft     | 400      | 400      | archived draft     | 400
submitted           | draft      | submitted | submitted | 403      | 403      | archived submitted | 400
returned            | draft      | submitted | submitted | 403      | 400      | archived returned  | 400
verified            | 400        | submitted | submitted | 400      | 403      | 403                | 400
archived draft      | 400        | 400       | 400       | 400      | 400      | 400                | draft
archived submitted  | 400        | 400       | 400       | 400      | 400      | 400                | submitted
archived returned   | 400        | 400       | 400       | 400      | 400      | 400                | returned
archived verified   | 400        | 400       | 400       | 400      | 400      | 400                | submitted

secretariat         | save_draft | submit    | edit      | verify   | return   | archive            | restore
new                 | draft      | verified  | verified  | 400      | 400      | 400                | 400
draft               | draft      | submitted | draft     | 400      | 400      | archived draft     | 400
submitted           | draft      | submitted | submitted | verified | returned | archived submitted | 400
returned            | draft      | submitted | returned  | verified | 400      | archived returned  | 400
verified            | 400        | verified  | verified  | 400      | returned | archived verified  | 400
archived draft      | 400        | 400       | 400       | 400      | 400      | 400                | draft
archived submitted  | 400        | 400       | 400       | 400      | 400      | 400                | submitted
archived returned   | 400        | 400       | 400       | 400      | 400      | 400                | returned
archived verified   | 400        | 400       | 400       | 400      | 400      | 400                | verified
"""


def parse_stage(text):
    if text == "new":
        return lifecycle.NEW
    archived = text.startswith("archived ")
    return Stage(text.removeprefix("archived "), archived=archived)


def expected_cases():
    cases = []
    for block in EXPECTED.strip().split("\n\n"):
        header, *rows = block.splitlines()
        role, *actions = (cell.strip() for cell in header.split("|"))
        for row in rows:
            stage, *cells = (cell.strip() for cell in row.split("|"))
            for action, cell in zip(actions, cells, strict=True):
                outcome = int(cell) if cell.isdigit() else parse_stage(cell)
                cases.append((Role(role), parse_stage(stage), Action(action), outcome))
    return cases


CASES = expected_cases()


def test_the_table_covers_every_role_stage_and_action():
    assert {(role, stage, action) for role, stage, action, _outcome in CASES} == {
        (role, stage, action) for role in Role for stage in lifecycle.STAGES for action in Action
    }
    assert len(CASES) == len(Role) * len(lifecycle.STAGES) * len(Action)


@pytest.mark.parametrize(("role", "stage", "action", "outcome"), CASES, ids=lambda value: str(value))
def test_each_role_stage_and_action_leads_where_the_table_says(role, stage, action, outcome):
    if outcome == 403:
        with pytest.raises(PermissionDenied):
            lifecycle.decide(role, stage, action)
    elif outcome == 400:
        with pytest.raises(ValidationError) as refused:
            lifecycle.decide(role, stage, action)
        assert "verification" in refused.value.message_dict
    else:
        assert lifecycle.decide(role, stage, action) == outcome


@pytest.mark.parametrize("stage", lifecycle.STAGES, ids=str)
@pytest.mark.parametrize("action", list(Action))
def test_a_user_who_may_not_write_the_event_is_refused_everything(stage, action):
    with pytest.raises(PermissionDenied):
        lifecycle.decide(None, stage, action)


# -- the model applies the table --------------------------------------------------------------------------------
def event_at(stage, region="KZ-10"):
    if stage == lifecycle.NEW:
        return Event(
            title="Жаңа кеш",
            kind="festival",
            status="held",
            start_date=PAST,
            region_id=region,
            organizer=assembly_of(region),
        )
    event = make_event(region=region, title=f"Event {stage}", verification=stage.verification)
    if stage.archived:
        Event.objects.filter(pk=event.pk).update(archived_at=timezone.now())
        event.refresh_from_db()
    return event


def stage_after(event):
    event.refresh_from_db()
    return lifecycle.stage_of(event)


def test_the_model_takes_every_action_as_the_table_says_for_real_users(users):
    actors = {Role.COORDINATOR: users["coord-kz-10"], Role.SECRETARIAT: users["secretariat"]}
    for role, stage, action, outcome in CASES:
        event = event_at(stage)
        before = lifecycle.stage_of(event)
        if isinstance(outcome, int):
            with pytest.raises(PermissionDenied if outcome == 403 else ValidationError):
                event.transition(actors[role], action, comment="Check the figures.")
            if stage != lifecycle.NEW:
                assert stage_after(event) == before, (role, stage, action)
            continue
        event.transition(actors[role], action, comment="Check the figures.")
        assert stage_after(event) == outcome, (role, stage, action)
        latest = event.history.latest()
        assert latest.history_user == actors[role], (role, stage, action)


@pytest.mark.parametrize("username", ["coord-kz-75", "reader", "mediator-kz-10"])
def test_users_who_may_not_write_the_event_change_nothing(users, username):
    event = make_event(verification=Verification.SUBMITTED)
    for action in Action:
        with pytest.raises(PermissionDenied):
            event.transition(users[username], action, comment="x")
    assert stage_after(event) == lifecycle.SUBMITTED


def test_verifying_and_returning_record_who_when_and_why(users):
    secretariat = users["secretariat"]
    event = make_event(verification=Verification.SUBMITTED)
    with pytest.raises(ValidationError) as no_comment:
        event.transition(secretariat, Action.RETURN, comment="  ")
    assert "comment" in no_comment.value.message_dict
    event.transition(secretariat, Action.RETURN, comment="Which district?")
    event.refresh_from_db()
    assert (event.verification, event.return_comment, event.verified_by) == ("returned", "Which district?", None)
    event.transition(secretariat, Action.VERIFY)
    event.refresh_from_db()
    assert event.verified_by == secretariat and event.verified_at is not None and event.return_comment == ""
    event.transition(users["coord-kz-10"], Action.EDIT)
    event.refresh_from_db()
    assert event.verification == "submitted" and event.verified_by is None and event.verified_at is None


def test_a_new_event_records_who_logged_it_and_when_it_was_submitted(users):
    coordinator, secretariat = users["coord-kz-10"], users["secretariat"]
    mine = event_at(lifecycle.NEW)
    mine.transition(coordinator, Action.SUBMIT)
    assert mine.logged_by == coordinator and mine.submitted_at is not None and mine.verified_by is None
    theirs = event_at(lifecycle.NEW)
    theirs.title = "Басқа кеш"
    theirs.transition(secretariat, Action.SUBMIT)
    assert theirs.verification == "verified" and theirs.verified_by == secretariat == theirs.logged_by


# -- the interfaces ask the same rule -----------------------------------------------------------------------------
def portal(users, name):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users[name])
    return client


def portal_form(event, **overrides):
    values = {
        "title": event.title,
        "kind": event.kind,
        "status": event.status,
        "start_date": event.start_date.isoformat(),
        "end_date": "",
        "participants_count": "100",
        "volunteers_count": "10",
        "organizer": event.organizer_id,
        "languages": ["kk"],
    }
    values.update(overrides)
    return values


def test_the_portal_main_button_submits_a_draft_and_the_draft_button_keeps_it(users):
    client = portal(users, "coord-kz-10")
    kept, submitted = make_event(title="Kept", verification="draft"), make_event(title="Sent", verification="draft")
    assert client.post(f"/portal/events/{kept.pk}/", portal_form(kept, action="draft")).status_code == 302
    assert client.post(f"/portal/events/{submitted.pk}/", portal_form(submitted, action="submit")).status_code == 302
    assert stage_after(kept) == lifecycle.DRAFT
    assert stage_after(submitted) == lifecycle.SUBMITTED


def test_the_portal_refuses_a_verified_event_back_to_draft_with_the_reason(users):
    event = make_event(verification="verified")
    response = portal(users, "coord-kz-10").post(f"/portal/events/{event.pk}/", portal_form(event, action="draft"))
    assert response.status_code == 200
    assert "A verified event cannot go back to draft." in response.content.decode()
    assert stage_after(event) == lifecycle.VERIFIED


@pytest.mark.parametrize(
    ("sent", "expected"),
    [({}, lifecycle.DRAFT), ({"verification": "draft"}, lifecycle.DRAFT), ({"verification": "submitted"}, None)],
)
def test_an_api_save_of_a_draft_asks_the_same_rule(api, users, sent, expected):
    event = make_event(verification="draft")
    response = api("coord-kz-10").patch(f"/api/v1/events/{event.pk}/", {"venue": "Semey", **sent}, format="json")
    assert response.status_code == 200, response.content
    assert stage_after(event) == (expected or lifecycle.SUBMITTED)


def test_an_api_write_refused_by_the_rule_is_a_400_naming_verification(api, users):
    event = make_event(verification="verified")
    response = api("coord-kz-10").patch(f"/api/v1/events/{event.pk}/", {"verification": "draft"}, format="json")
    assert response.status_code == 400
    assert response.json()["verification"] == ["A verified event cannot go back to draft."]


def test_an_upload_submits_a_coordinators_rows_and_verifies_the_secretariats(users):
    row = {"title": "Наурыз", "kind": "festival", "start_date": "2025-03-21", "region": "KZ-10"}
    for name, expected in (("coord-kz-10", "submitted"), ("secretariat", "verified")):
        importer = EventImport(users[name])
        report = importer.check([(2, {**row, "title": f"Наурыз {name}"})])
        assert importer.save(report) == 1
        assert Event.objects.get(title=f"Наурыз {name}").verification == expected


def test_an_admin_edit_by_the_secretariat_keeps_the_state_and_refuses_an_archived_event(users):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users["secretariat"])
    event = make_event(verification="submitted")
    form = {
        **portal_form(event, region="KZ-10", venue="Semey"),
        "end_date": event.start_date.isoformat(),
        "press_links": "",
        "languages": ["kk"],
        "is_public": "on",
    }
    response = client.post(f"/admin/events/event/{event.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    assert event.venue == "Semey" and event.verification == "submitted"
    event.archive(users["secretariat"])
    refused = client.post(f"/admin/events/event/{event.pk}/change/", {**form, "venue": "Almaty"})
    assert refused.status_code == 200
    assert "This event is archived; restore it first." in refused.content.decode()


def test_one_duplicate_check_for_portal_api_upload_and_admin(api, users):
    first = make_event(title="Достық фестивалі")
    again = Event(title="ДОСТЫҚ фестивалі!", start_date=first.start_date, region_id="KZ-10")
    assert [event.pk for event in again.likely_duplicates()] == [first.pk]
    assert lifecycle.find_duplicates([again, Event(title="Other", start_date=PAST, region_id="KZ-10")]) == [[first], []]
    # A stored event whose identity is unchanged is not its own duplicate, nor flagged again.
    assert first.likely_duplicates() == []
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users["secretariat"])
    form = {
        "title": "Достық фестивалі.",
        "kind": "festival",
        "status": "held",
        "start_date": first.start_date.isoformat(),
        "end_date": first.start_date.isoformat(),
        "region": "KZ-10",
        "organizer": first.organizer_id,
        "press_links": "",
        "languages": [],
        "is_public": "on",
    }
    flagged = client.post("/admin/events/event/add/", form)
    assert flagged.status_code == 200 and "looks like an event already recorded" in flagged.content.decode()
    assert Event.objects.count() == 1
    assert client.post("/admin/events/event/add/", {**form, "confirm_duplicate": "on"}).status_code == 302
    created = Event.objects.exclude(pk=first.pk).get()
    assert created.source == "admin" and created.verification == "verified"


# -- archive and restore follow verification ----------------------------------------------------------------------
def test_a_coordinator_restoring_what_the_secretariat_archived_sends_it_back_to_the_queue(api, users):
    event = make_event(verification="verified", title="Public festival")
    assert api("secretariat").delete(f"/api/v1/events/{event.pk}/").status_code == 204
    event.refresh_from_db()
    assert event.archived_at is not None and event.verification == "verified"
    assert event.history.latest().history_user == users["secretariat"]
    restored = api("coord-kz-10").post(f"/api/v1/events/{event.pk}/restore/")
    assert restored.status_code == 200, restored.content
    assert restored.json()["verification"] == "submitted" and restored.json()["verified"] is False
    event.refresh_from_db()
    assert event.archived_at is None and event.verified_by is None and event.verified_at is None
    assert event.history.latest().history_user == users["coord-kz-10"]
    # Not public until the secretariat verifies it again.
    assert api(None).get(f"/api/v1/events/{event.pk}/").status_code == 404
    assert "Public festival" not in Client().get("/calendar/").content.decode()
    assert Event.objects.filter(verification=Verification.SUBMITTED, pk=event.pk).exists()


def test_the_secretariat_restores_an_event_as_it_stood(api, users):
    event = make_event(verification="verified")
    event.archive(users["secretariat"])
    assert api("secretariat").post(f"/api/v1/events/{event.pk}/restore/").status_code == 200
    assert stage_after(event) == lifecycle.VERIFIED


def test_archiving_a_verified_event_is_the_secretariats_only(api, users):
    verified, submitted = make_event(verification="verified"), make_event(title="Sent", verification="submitted")
    refused = api("coord-kz-10").delete(f"/api/v1/events/{verified.pk}/")
    assert refused.status_code == 403
    assert "Only the secretariat archives a verified event." in refused.json()["detail"]
    assert stage_after(verified) == lifecycle.VERIFIED
    assert api("coord-kz-10").delete(f"/api/v1/events/{submitted.pk}/").status_code == 204
    assert stage_after(submitted) == lifecycle.ARCHIVED_SUBMITTED
    assert api("coord-kz-75").post(f"/api/v1/events/{submitted.pk}/restore/").status_code == 403


def test_archive_and_restore_record_the_acting_user_outside_a_request(users):
    programme = make_programme()
    programme.archive(users["secretariat"])
    assert programme.history.latest().history_user == users["secretariat"]
    programme.restore(users["admin"])
    assert programme.history.latest().history_user == users["admin"]
    assert not hasattr(programme, "_history_user")


# -- the public's programme figures --------------------------------------------------------------------------------
def test_the_public_programme_progress_counts_only_verified_public_events(api, users):
    programme = make_programme(target_events=10, target_volunteers=1000, target_funds_kzt=10_000)
    make_event(title="Public", programme=programme, volunteers_count=30, funds_raised_kzt=500, verification="verified")
    make_event(
        title="Closed",
        programme=programme,
        volunteers_count=7,
        start_date=datetime.date(2025, 3, 15),
        verification="verified",
        is_public=False,
    )
    for state, volunteers in (("draft", 111), ("submitted", 222), ("returned", 333)):
        make_event(title=state, programme=programme, volunteers_count=volunteers, verification=state)
    public = {"events": 1, "participants": 100, "volunteers": 30, "beneficiaries": 0, "funds": 500}
    anonymous = api(None).get(f"/api/v1/programmes/{programme.pk}/").json()["progress"]
    assert anonymous["verified"] == anonymous["all"] == public
    assert api(None).get("/api/v1/programmes/").json()["results"][0]["progress"] == anonymous
    signed_in = api("reader").get(f"/api/v1/programmes/{programme.pk}/").json()["progress"]
    assert signed_in["verified"]["volunteers"] == 37
    assert signed_in["all"]["volunteers"] == 30 + 7 + 111 + 222 + 333
