"""The secretariat's admin for events and programmes."""

import pytest

from events.models import Event, Verification
from tests.eventkit import make_event, make_programme

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["admin", "secretariat"])
def test_the_secretariat_works_with_events_and_programmes_in_the_admin(users, browser, role):
    event = make_event()
    programme = make_programme()
    client = browser(role)
    for url in (
        "/admin/events/event/",
        f"/admin/events/event/{event.pk}/change/",
        f"/admin/events/event/{event.pk}/history/",
        "/admin/events/programme/",
        f"/admin/events/programme/{programme.pk}/change/",
        "/admin/events/event/?verification__exact=submitted",
    ):
        assert client.get(url).status_code == 200, url
    response = client.post(
        "/admin/events/event/", {"action": "verify_selected", "_selected_action": [event.pk]}, follow=True
    )
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.verification == Verification.VERIFIED
    assert event.verified_by == users[role]


@pytest.mark.parametrize("role", ["coord-kz-10", "reader", "mediator-kz-10"])
def test_other_roles_do_not_get_the_admin(browser, role):
    make_event()
    response = browser(role).get("/admin/events/event/")
    assert response.status_code == 302  # not staff: sent to the admin login
    assert Event.objects.get().verification == Verification.SUBMITTED


def test_the_admin_edits_languages_and_press_links_with_real_widgets_and_picks_organisers_by_search(staff_client):
    event = make_event(languages=["kk", "ru"], press_links=["https://example.kz/a", "https://example.kz/b"])
    page = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert 'type="checkbox" name="languages" value="kk"' in page and '["kk"' not in page
    assert "https://example.kz/a\nhttps://example.kz/b</textarea>" in page
    organizer = page[page.index('name="organizer"') - 300 : page.index('name="organizer"') + 200]
    assert "admin-autocomplete" in organizer and "vForeignKeyRawIdAdminField" not in organizer
