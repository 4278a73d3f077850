"""Edits based on a stale version are refused, not applied over a newer change: the API's If-Match is checked inside
the write's transaction, and the portal's and the admin's forms carry the version they were opened at."""

import threading

import pytest
from django.db import close_old_connections, connection
from django.test import Client

from events.models import Event
from tests.eventkit import make_event

pytestmark = pytest.mark.django_db


def etag_of(client, event):
    response = client.get(f"/api/v1/events/{event.pk}/")
    return response["ETag"]


def test_a_stale_if_match_is_a_412_and_changes_nothing(api):
    event = make_event(title="Original")
    client = api("secretariat")
    etag = etag_of(client, event)
    assert (
        client.patch(f"/api/v1/events/{event.pk}/", {"venue": "Hall A"}, format="json", HTTP_IF_MATCH=etag).status_code
        == 200
    )
    stale = client.patch(f"/api/v1/events/{event.pk}/", {"venue": "Hall B"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert Event.objects.get().venue == "Hall A"
    assert client.delete(f"/api/v1/events/{event.pk}/", HTTP_IF_MATCH=etag).status_code == 412
    assert Event.objects.get().archived_at is None


def test_the_current_etag_and_a_weak_or_star_one_are_accepted(api):
    event = make_event()
    client = api("secretariat")
    etag = etag_of(client, event)
    weak = "W/" + etag
    assert (
        client.patch(f"/api/v1/events/{event.pk}/", {"venue": "A"}, format="json", HTTP_IF_MATCH=weak).status_code
        == 200
    )
    assert (
        client.patch(f"/api/v1/events/{event.pk}/", {"venue": "B"}, format="json", HTTP_IF_MATCH="*").status_code == 200
    )
    assert client.patch(f"/api/v1/events/{event.pk}/", {"venue": "C"}, format="json").status_code == 200


def portal(users, role):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users[role])
    return client


def event_form_data(response):
    form = response.context["form"]
    return {name: form[name].value() for name in form.fields if form[name].value() is not None}


def test_a_stale_portal_form_is_refused_saying_what_changed(users):
    event = make_event(title="Original", venue="Hall A")
    first = portal(users, "coord-kz-10")
    second = portal(users, "secretariat")
    opened = event_form_data(first.get(f"/portal/events/{event.pk}/"))
    assert opened["version"] == event.version
    also_opened = event_form_data(second.get(f"/portal/events/{event.pk}/"))
    saved = second.post(f"/portal/events/{event.pk}/", {**also_opened, "venue": "Hall B"})
    assert saved.status_code == 302
    refused = first.post(f"/portal/events/{event.pk}/", {**opened, "title": "My title"})
    assert refused.status_code == 200
    message = " ".join(refused.context["form"].non_field_errors())
    assert "secretariat" in message and "venue" in message
    event.refresh_from_db()
    assert (event.title, event.venue) == ("Original", "Hall B")


def test_a_stale_admin_form_is_refused_saying_what_changed(users):
    event = make_event(title="Original", venue="Hall A")
    client = portal(users, "admin")
    url = f"/admin/events/event/{event.pk}/change/"
    form = client.get(url).context["adminform"].form
    assert form["version"].value() == event.version
    Event.objects.filter(pk=event.pk).update(venue="Hall B")
    changed = Event.objects.get(pk=event.pk)
    changed.save()
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(title="My title", start_date="2025-03-14", end_date="2025-03-14")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    assert Event.objects.get(pk=event.pk).title == "Original"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a database that runs writers in parallel")
def test_two_writers_with_the_same_etag_exactly_one_succeeds(api, users):
    event = make_event(title="Original")
    etag = etag_of(api("secretariat"), event)
    barrier = threading.Barrier(2)
    statuses = []

    def write(venue):
        try:
            client = api("secretariat")
            barrier.wait()
            response = client.patch(f"/api/v1/events/{event.pk}/", {"venue": venue}, format="json", HTTP_IF_MATCH=etag)
            statuses.append(response.status_code)
        finally:
            close_old_connections()
            connection.close()

    for _round in range(5):
        statuses.clear()
        etag = etag_of(api("secretariat"), Event.objects.get(pk=event.pk))
        threads = [threading.Thread(target=write, args=(f"Hall {n}",)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(statuses) == [200, 412]


def test_reverting_to_an_entry_of_the_history_is_not_taken_for_a_stale_edit(users):
    event = make_event(title="Original")
    event.title = "Second"
    event.save()
    first = event.history.order_by("history_date").first()
    client = portal(users, "admin")
    url = f"/admin/events/event/{event.pk}/history/{first.history_id}/"
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    response = client.post(url, data)
    assert response.status_code == 302
    assert Event.objects.get(pk=event.pk).title == "Original"
