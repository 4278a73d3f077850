"""A phone that loses its connection sends a new event again with the key it made when the event was first saved:
the server logs it once and answers every retry with that event, on SQLite and PostgreSQL, even when two retries
arrive at once."""

import threading
import uuid

import pytest
from django.db import close_old_connections, connection

from events.models import Event
from portal.events import replays
from tests.test_events_portal import quick_form

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def send(client, key, **overrides):
    return client.post("/portal/events/new/", quick_form(**overrides), HTTP_IDEMPOTENCY_KEY=str(key), **JSON)


def test_a_retry_with_the_same_key_answers_with_the_event_it_created(browser):
    phone = browser("coord-kz-10")
    key = uuid.uuid4()
    first = send(phone, key)
    assert first.status_code == 201
    assert first.json()["status"] == "created"
    event = Event.objects.get()
    assert (event.client_key, event.region_id, event.logged_by.username) == (key, "KZ-10", "coord-kz-10")

    again = send(phone, key)
    assert again.status_code == 200
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() | {"message": ""} == {
        "status": "existing",
        "message": "",
        "id": event.pk,
        "title": "Наурыз тойы",
        "url": f"/portal/events/{event.pk}/",
        "verification": "submitted",
    }
    assert Event.objects.count() == 1


def test_the_key_in_the_hidden_field_of_a_plain_form_is_honoured_too(browser):
    phone = browser("coord-kz-10")
    key = str(uuid.uuid4())
    first = phone.post("/portal/events/new/", quick_form(client_key=key))
    event = Event.objects.get()
    assert first.status_code == 302
    assert str(event.client_key) == key

    again = phone.post("/portal/events/new/", quick_form(client_key=key), follow=True)
    assert again.redirect_chain[-1][0] == f"/portal/events/{event.pk}/"
    assert "was already saved; it was not logged twice" in again.content.decode()
    assert Event.objects.count() == 1


def test_a_retry_of_a_changed_event_still_answers_with_the_event_and_does_not_overwrite_it(browser):
    phone = browser("coord-kz-10")
    key = uuid.uuid4()
    send(phone, key)
    event = Event.objects.get()
    event.title = "Наурыз мейрамы"
    event.save()
    again = send(phone, key, title="Something else")
    assert again.json()["status"] == "existing"
    event.refresh_from_db()
    assert event.title == "Наурыз мейрамы"


def test_different_keys_are_different_events_and_no_key_is_the_old_behaviour(browser):
    phone = browser("coord-kz-10")
    assert send(phone, uuid.uuid4(), title="Бірінші").status_code == 201
    assert send(phone, uuid.uuid4(), title="Екінші").status_code == 201
    assert phone.post("/portal/events/new/", quick_form(title="Үшінші")).status_code == 302
    assert sorted(Event.objects.values_list("title", flat=True)) == ["Бірінші", "Екінші", "Үшінші"]
    assert Event.objects.filter(client_key__isnull=True).count() == 1


def test_another_persons_key_is_a_conflict_that_tells_nothing_of_their_event(browser):
    key = uuid.uuid4()
    send(browser("coord-kz-10"), key, title="Абай оқулары")
    answer = send(browser("coord-kz-75"), key, title="Абай оқулары")
    assert answer.status_code == 409
    assert answer.json()["status"] == "conflict"
    assert "Абай" not in answer.content.decode()
    assert Event.objects.count() == 1


def test_a_refused_submission_answers_with_each_field_and_its_label(browser):
    answer = send(browser("coord-kz-10"), uuid.uuid4(), title="", start_date="2025-03-21", end_date="2025-03-20")
    assert answer.status_code == 400
    body = answer.json()
    assert body["status"] == "invalid"
    fields = {error["field"]: error for error in body["errors"]}
    assert fields["title"]["label"] == "Title"
    assert "The event cannot end before it starts" in " ".join(fields["end_date"]["messages"])
    assert "Title:" in body["message"]
    assert not Event.objects.exists()


def test_a_likely_duplicate_logged_by_someone_else_is_refused_for_the_coordinator_to_decide(browser):
    send(browser("secretariat"), uuid.uuid4(), region="KZ-10")
    answer = send(browser("coord-kz-10"), uuid.uuid4())
    assert answer.status_code == 400
    assert [error["field"] for error in answer.json()["errors"]] == ["confirm_duplicate"]
    assert Event.objects.count() == 1


def test_a_key_that_is_not_a_uuid_is_refused_naming_the_field(browser):
    answer = browser("coord-kz-10").post("/portal/events/new/", quick_form(client_key="123"), **JSON)
    assert answer.status_code == 400
    assert [error["field"] for error in answer.json()["errors"]] == ["client_key"]
    assert not Event.objects.exists()


def test_a_coordinators_event_sent_from_the_phone_lands_in_their_own_region(browser):
    answer = send(browser("coord-kz-10"), uuid.uuid4(), region="KZ-75")
    assert answer.status_code == 201
    assert Event.objects.get().region_id == "KZ-10"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a database that runs writers in parallel")
def test_two_sends_of_the_same_key_at_once_log_one_event(browser, monkeypatch):
    """Both requests pass the look-up for the key before either has saved (the barrier holds them there), so the
    unique key decides: one logs the event, the other answers with it."""
    from events import lifecycle

    barrier = threading.Barrier(2, timeout=20)
    checks = lifecycle.likely_duplicates

    def after_both_looked_up(event):
        barrier.wait()
        return checks(event)

    monkeypatch.setattr(lifecycle, "likely_duplicates", after_both_looked_up)
    key = uuid.uuid4()
    answers = []

    def post():
        try:
            answers.append(send(browser("coord-kz-10"), key))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answer.status_code for answer in answers) == [200, 201]
    assert {answer.json()["id"] for answer in answers} == {Event.objects.get(client_key=key).pk}
    assert Event.objects.count() == 1


def test_the_key_is_read_from_the_header_before_the_field():
    class Request:
        headers = {replays.KEY_HEADER: " 6f1c2d9e-8a7b-4c3d-9e8f-0a1b2c3d4e5f "}
        POST = {replays.KEY_FIELD: str(uuid.uuid4())}

    assert replays.submitted_key(Request()) == uuid.UUID("6f1c2d9e-8a7b-4c3d-9e8f-0a1b2c3d4e5f")
    Request.headers = {}
    Request.POST = {replays.KEY_FIELD: "not a key"}
    assert replays.submitted_key(Request()) is None
