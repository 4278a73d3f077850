"""The coordinator portal's event pages and the secretariat's verification queue, for every role."""

import datetime

import pytest
from django.utils import timezone

from events.lifecycle import Action
from events.models import Event, Verification
from regions.models import District
from tests.eventkit import assembly_of, make_event, make_programme

pytestmark = pytest.mark.django_db

ROLES = ["admin", "secretariat", "coord-kz-10", "coord-kz-75", "mediator-kz-10", "reader", None]
SECRETARIAT = {"admin", "secretariat"}
WRITERS = SECRETARIAT | {"coord-kz-10", "coord-kz-75"}


def quick_form(**overrides):
    data = {
        "title": "Наурыз тойы",
        "kind": "festival",
        "status": "held",
        "start_date": "2025-03-21",
        "end_date": "",
        "participants_count": "250",
        "volunteers_count": "12",
        "is_public": "on",
        "languages": ["kk", "ru"],
        "action": "submit",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", ["/portal/", "/portal/events/"])
def test_signed_in_roles_see_the_dashboard_and_the_list(role, url, browser):
    response = browser(role).get(url)
    if role is None:
        assert response.status_code == 302
        assert "/portal/login/" in response["Location"]
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_who_may_open_the_log_form(role, browser):
    response = browser(role).get("/portal/events/new/")
    if role is None:
        assert response.status_code == 302
    elif role in WRITERS:
        assert response.status_code == 200
        page = response.content.decode()
        assert timezone.localdate().isoformat() in page  # today by default
    else:
        assert response.status_code == 403


def test_the_form_defaults_to_my_region_and_its_assembly(browser):
    organiser = assembly_of("KZ-10")
    assembly_of("KZ-75")
    page = browser("coord-kz-10").get("/portal/events/new/").content.decode()
    assert 'name="region"' not in page  # a coordinator's region is their own, not a choice
    assert f'value="{organiser.pk}" selected' in page
    assert "Kordai" not in page  # districts of another region are not offered
    assert "Semey" in page


def test_a_coordinator_logs_an_event(users, browser):
    client = browser("coord-kz-10")
    response = client.post("/portal/events/new/", quick_form())
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.region_id == "KZ-10"
    assert event.end_date == event.start_date == datetime.date(2025, 3, 21)
    assert event.verification == Verification.SUBMITTED
    assert event.logged_by == users["coord-kz-10"]
    assert event.source == "portal"
    assert event.languages == ["kk", "ru"]
    listing = client.get("/portal/events/").content.decode()
    assert "Наурыз тойы" in listing
    assert "submitted for verification" in listing


def test_the_secretariat_logs_a_verified_event_in_any_region(browser):
    response = browser("secretariat").post("/portal/events/new/", quick_form(region="KZ-75"))
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.region_id == "KZ-75"
    assert event.verification == Verification.VERIFIED


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_date": "2025-03-20"}, "The event cannot end before it starts"),
        ({"participants_count": "-3"}, "Cannot be negative"),
        ({"funds_raised_kzt": "1500.50"}, "whole tenge"),
        ({"start_date": "2099-05-01"}, "cannot be marked as held"),
        ({"title": ""}, "This field is required"),
    ],
)
def test_errors_a_coordinator_understands(overrides, message, browser):
    response = browser("coord-kz-10").post("/portal/events/new/", quick_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Event.objects.exists()


def test_a_district_of_another_region_is_refused(browser):
    kordai = District.objects.get(name_en="Kordai District")
    response = browser("secretariat").post("/portal/events/new/", quick_form(region="KZ-10", district=kordai.pk))
    assert response.status_code == 200
    assert response.context["form"].errors["district"]
    assert not Event.objects.exists()


def test_funds_with_spaces_are_whole_tenge(browser):
    browser("coord-kz-10").post("/portal/events/new/", quick_form(funds_raised_kzt="2 600 718"))
    assert Event.objects.get().funds_raised_kzt == 2600718


def test_a_likely_duplicate_is_flagged_and_needs_confirmation(browser):
    existing = make_event(title="Наурыз тойы!", start_date=datetime.date(2025, 3, 21))
    client = browser("coord-kz-10")
    response = client.post("/portal/events/new/", quick_form())
    page = response.content.decode()
    assert response.status_code == 200
    assert "similar title is already recorded" in page
    assert f"/portal/events/{existing.pk}/" in page
    assert Event.objects.count() == 1
    confirmed = client.post("/portal/events/new/", quick_form(confirm_duplicate="on"))
    assert confirmed.status_code == 302
    assert Event.objects.count() == 2


def test_drafts_then_submit(browser):
    client = browser("coord-kz-10")
    client.post("/portal/events/new/", quick_form(action="draft"))
    event = Event.objects.get()
    assert event.verification == Verification.DRAFT
    assert browser("coord-kz-75").post(f"/portal/events/{event.pk}/", quick_form()).status_code == 403
    page = client.get(f"/portal/events/{event.pk}/").content.decode()
    assert page.count('name="action" value="submit"') == 1, "a draft has one way to submit: the form's main button"
    saved = client.post(f"/portal/events/{event.pk}/", quick_form(action="submit"))
    assert saved["Location"] == f"/portal/events/{event.pk}/", "after saving, the saved event is shown"
    event.refresh_from_db()
    assert event.verification == Verification.SUBMITTED
    withdraw = client.get(f"/portal/events/{event.pk}/").content.decode()
    assert "Withdraw to draft" in withdraw and "Save as draft" not in withdraw


@pytest.mark.parametrize("role", ROLES)
def test_who_may_edit_an_abai_event_in_the_portal(role, browser):
    event = make_event()
    client = browser(role)
    page = client.get(f"/portal/events/{event.pk}/")
    posted = client.post(
        f"/portal/events/{event.pk}/", quick_form(title="Renamed", start_date="2025-03-14", region="KZ-10")
    )
    event.refresh_from_db()
    if role is None:
        assert page.status_code == 302 and posted.status_code == 302
        assert event.title != "Renamed"
    elif role in SECRETARIAT | {"coord-kz-10"}:
        assert page.status_code == 200 and '<form method="post" class="form event-form"' in page.content.decode()
        assert posted.status_code == 302
        assert event.title == "Renamed"
    else:
        assert page.status_code == 200
        assert "event-form" not in page.content.decode()  # read-only facts
        assert posted.status_code == 403
        assert event.title != "Renamed"


def test_list_filters_and_search(browser):
    programme = make_programme()
    make_event(title="Жастар форумы", kind="forum", programme=programme)
    make_event(title="Спорт күні", kind="sports", start_date=datetime.date(2024, 6, 1), verification="verified")
    make_event(region="KZ-75", title="Алматы фестивалі")
    client = browser("coord-kz-10")

    def titles(**params):
        page = client.get("/portal/events/", params).content.decode()
        return {title for title in ("Жастар форумы", "Спорт күні", "Алматы фестивалі") if title in page}

    assert titles() == {"Жастар форумы", "Спорт күні"}  # my region by default
    assert titles(kind="forum") == {"Жастар форумы"}
    assert titles(verification="verified") == {"Спорт күні"}
    assert titles(end_date__gte="2025-01-01", start_date__lte="2025-12-31") == {"Жастар форумы"}
    assert titles(programme=programme.pk) == {"Жастар форумы"}
    assert titles(search="Спорт") == {"Спорт күні"}
    assert titles(status="planned") == set()
    assert titles(region="KZ-75") == {"Алматы фестивалі"}
    assert "Алматы фестивалі" in browser("secretariat").get("/portal/events/").content.decode()


def test_a_returned_event_shows_why_and_goes_back_when_fixed(users, browser):
    event = make_event(title="Достық кеші")
    event.transition(users["secretariat"], Action.RETURN, "Қатысушылар санын тексеріңіз.")
    client = browser("coord-kz-10")
    assert "Қатысушылар санын тексеріңіз." in client.get("/portal/").content.decode()
    assert "Қатысушылар санын тексеріңіз." in client.get("/portal/events/").content.decode()
    page = client.get(f"/portal/events/{event.pk}/").content.decode()
    assert "Returned by the secretariat" in page and "Save and resubmit" in page
    client.post(
        f"/portal/events/{event.pk}/", quick_form(title="Достық кеші", start_date="2025-03-14", participants_count="90")
    )
    event.refresh_from_db()
    assert event.verification == Verification.SUBMITTED
    assert event.participants_count == 90


@pytest.mark.parametrize("role", ROLES)
def test_only_the_secretariat_opens_the_verification_queue(role, browser):
    response = browser(role).get("/portal/verification/")
    if role is None:
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if role in SECRETARIAT else 403)
    posted = browser(role).post("/portal/verification/", {"action": "verify_selected", "selected": ["1"]})
    assert posted.status_code == (302 if role in SECRETARIAT or role is None else 403)


def test_bulk_verify_and_return_in_the_queue(browser):
    events = [make_event(title=f"Event {n}", start_date=datetime.date(2025, 2, n + 1)) for n in range(4)]
    other = make_event(region="KZ-75", title="Медеу кеші", start_date=datetime.date(2025, 3, 1))
    client = browser("secretariat")
    page = client.get("/portal/verification/", {"region": "KZ-10", "month": "2025-02"}).content.decode()
    assert all(event.title in page for event in events) and "Медеу кеші" not in page
    client.post("/portal/verification/", {"action": "verify_selected", "selected": [events[0].pk, events[1].pk]})
    client.post("/portal/verification/", {"return": events[2].pk, f"comment_{events[2].pk}": "Which district?"})
    client.post(
        "/portal/verification/", {"action": "return_selected", "selected": [events[3].pk, other.pk], "comment": " "}
    )
    states = {event.pk: Event.objects.get(pk=event.pk) for event in [*events, other]}
    assert states[events[0].pk].verification == states[events[1].pk].verification == Verification.VERIFIED
    assert states[events[2].pk].verification == Verification.RETURNED
    assert states[events[2].pk].return_comment == "Which district?"
    # Returning needs a comment: nothing changed.
    assert states[events[3].pk].verification == Verification.SUBMITTED
    assert states[other.pk].verification == Verification.SUBMITTED


def test_dashboard_figures_verified_and_all(browser):
    today = timezone.localdate()
    make_event(title="A", start_date=today, participants_count=100, verification="verified", status="held")
    make_event(title="B", start_date=today, participants_count=40, status="held")
    make_event(region="KZ-75", title="C", start_date=today, participants_count=999, verification="verified")
    programme = make_programme(
        start_date=today.replace(month=1, day=1), end_date=today.replace(month=12, day=31), target_events=4
    )
    make_event(title="D", start_date=today, programme=programme, verification="verified")
    response = browser("coord-kz-10").get("/portal/")
    context = response.context
    month = context["figures"][0]
    assert month["verified"]["events"] == 2
    assert month["all"]["events"] == 3
    assert month["all"]["participants"] == 240
    assert "<svg" in response.content.decode()
    assert programme in context["programmes"]
    assert "Heart to Heart" in response.content.decode()
    national = browser("secretariat").get("/portal/", {"region": ""}).context["figures"][0]
    assert national["verified"]["events"] == 3
