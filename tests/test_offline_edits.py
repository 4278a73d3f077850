"""A change of an existing event made on the phone without a connection and sent later: it goes with the version its
form was opened at (`If-Match`) and its own key; an event changed meanwhile refuses it (412) saying who changed what
and what to do, a repeat of a change already made is not made twice, and the phone keeps the pages of the
coordinator's open events."""

import uuid

import pytest

from events.lifecycle import Action
from events.models import Event, Verification
from tests.eventkit import make_event
from tests.test_concurrent_edits import event_form_data

pytestmark = pytest.mark.django_db


def send(client, event, data, version, key):
    return client.post(
        f"/portal/events/{event.pk}/",
        data,
        HTTP_ACCEPT="application/json",
        HTTP_IF_MATCH=f'"{version}"',
        HTTP_IDEMPOTENCY_KEY=str(key),
    )


def opened(client, event):
    data = event_form_data(client.get(f"/portal/events/{event.pk}/"))
    data.pop("version")  # the phone sends the version it opened in If-Match
    return data


def test_a_change_based_on_a_stale_version_is_refused_with_412_naming_what_changed_and_what_to_do(users, browser):
    event = make_event(title="Наурыз кеші", participants_count=100)
    coordinator = browser("coord-kz-10")
    data, version = opened(coordinator, event), event.version
    event.transition(users["secretariat"], Action.RETURN, "Қатысушылар санын тексеріңіз")

    refused = send(coordinator, event, {**data, "participants_count": "150", "action": "submit"}, version, uuid.uuid4())

    assert refused.status_code == 412
    body = refused.json()
    assert body["status"] == "stale"
    assert body["url"] == f"/portal/events/{event.pk}/"
    assert "verification" in " ".join(body["fields"])
    assert body["message"].startswith("«Наурыз кеші» was changed by secretariat at ")
    assert "it is now “returned for correction”" in body["message"]
    assert "discard it, or open the event online and make your change again" in body["message"]
    event.refresh_from_db()
    assert (event.verification, event.participants_count) == (Verification.RETURNED, 100)
    assert refused["ETag"] == f'"{event.version}"'


def test_the_refusal_is_in_the_language_of_the_phone(users):
    from tests.conftest import web_client

    event = make_event(title="Той")
    coordinator = web_client(users["coord-kz-10"], language="ru")
    data, version = opened(coordinator, event), event.version
    event.transition(users["secretariat"], Action.VERIFY)
    body = send(coordinator, event, {**data, "action": "submit"}, version, uuid.uuid4()).json()
    assert "после того как телефон сохранил его" in body["message"]
    assert "отмените его или откройте мероприятие онлайн" in body["message"]


def test_a_change_on_the_current_version_is_made_once_and_its_repeat_answers_with_the_event(users, browser):
    event = make_event(title="Достық", participants_count=100, verification=Verification.DRAFT)
    coordinator = browser("coord-kz-10")
    data, version, key = opened(coordinator, event), event.version, uuid.uuid4()
    changes = event.history.count()

    saved = send(coordinator, event, {**data, "participants_count": "175", "action": "draft"}, version, key)
    assert saved.status_code == 200
    assert saved.json()["status"] == "saved"
    event.refresh_from_db()
    assert (event.participants_count, event.verification) == (175, Verification.DRAFT)
    assert event.history.count() == changes + 1

    # The answer was lost: the phone sends it again, with the version it was based on, now old.
    again = send(coordinator, event, {**data, "participants_count": "175", "action": "draft"}, version, key)
    assert again.status_code == 200
    assert again.json()["status"] == "existing"
    assert "was already saved; it was not made twice" in again.json()["message"]
    assert event.history.count() == changes + 1
    # Another change from the same old version is a stale one.
    other = send(coordinator, event, {**data, "participants_count": "20", "action": "draft"}, version, uuid.uuid4())
    assert other.status_code == 412
    assert Event.objects.get(pk=event.pk).participants_count == 175


def test_another_persons_key_does_not_pass_for_their_change(users, browser):
    event = make_event(title="Кездесу", verification=Verification.DRAFT)
    data, version, key = opened(browser("coord-kz-10"), event), event.version, uuid.uuid4()
    assert send(browser("coord-kz-10"), event, {**data, "action": "draft"}, version, key).status_code == 200
    secretariat = send(browser("secretariat"), event, {**data, "action": "draft"}, version, key)
    assert secretariat.status_code == 412


def test_the_phone_keeps_the_pages_of_the_coordinators_open_events_only(users, browser):
    draft = make_event(title="Жоба", verification=Verification.DRAFT)
    returned = make_event(title="Қайтарылған", verification=Verification.RETURNED)
    submitted = make_event(title="Жіберілген")
    make_event(title="Расталған", verification=Verification.VERIFIED)
    make_event(title="Басқа облыс", region="KZ-75", verification=Verification.DRAFT)
    archived = make_event(title="Мұрағат", verification=Verification.DRAFT)
    archived.archive(users["coord-kz-10"])

    pages = browser("coord-kz-10").get("/portal/offline/events.json").json()["pages"]
    assert sorted(pages) == sorted(f"/portal/events/{event.pk}/" for event in (draft, returned, submitted))
    assert browser("secretariat").get("/portal/offline/events.json").json() == {"pages": []}
    assert browser(None).get("/portal/offline/events.json").status_code == 302
