"""The portal in a real headless Chromium: a coordinator reports an event from a phone, the secretariat returns it,
the coordinator sees why."""

import re

from events.models import Event, Verification
from tests.browser import BROWSER_TESTS, PHONE

pytestmark = BROWSER_TESTS


def log_in(page, base, username):
    page.goto(f"{base}/portal/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"pw-{username}")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/portal/")


def test_a_coordinator_reports_from_a_phone_and_the_secretariat_returns_it(chromium, live_server, users):
    from playwright.sync_api import expect

    base = live_server.url
    phone = chromium.new_context(locale="en-US", **PHONE)
    page = phone.new_page()
    log_in(page, base, "coord-kz-10")
    expect(page.locator("h1")).to_contain_text("Welcome")

    page.get_by_role("link", name="+ Log an event").click()
    expect(page.locator("h1")).to_have_text("Log an event")
    page.fill("#id_title", "Абай оқулары")
    page.select_option("#id_kind", "creative_evening")
    page.fill("#id_start_date", "2025-03-21")
    page.fill("#id_end_date", "2025-03-20")
    page.fill("#id_participants_count", "120")
    page.get_by_role("button", name="Save and submit").click()

    error = page.locator("#field-end_date .error")
    expect(error).to_contain_text("The event cannot end before it starts")
    # The error summary comes first and takes the focus; its link moves the focus to the field.
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name=re.compile("cannot end before it starts")).click()
    expect(page.locator("#id_end_date")).to_be_focused()
    assert not Event.objects.exists()
    # The page fits the phone: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.fill("#id_end_date", "2025-03-22")
    page.get_by_role("button", name="Save and submit").click()
    # After saving, the saved event is shown.
    page.wait_for_url(re.compile(r"/portal/events/\d+/$"))
    expect(page.locator("h1")).to_have_text("Абай оқулары")
    expect(page.locator(".state")).to_contain_text("submitted for verification")
    event = Event.objects.get()
    assert (event.region_id, event.verification, str(event.end_date)) == ("KZ-10", Verification.SUBMITTED, "2025-03-22")

    desk = chromium.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    office = desk.new_page()
    log_in(office, base, "secretariat")
    office.goto(f"{base}/portal/verification/?region=KZ-10")
    queued = office.locator(f"#queue-{event.pk}")
    expect(queued).to_contain_text("Абай оқулары")
    queued.locator(f"input[name=comment_{event.pk}]").fill("Give the number of volunteers, please.")
    queued.get_by_role("button", name="Return").click()
    expect(office.locator(".messages")).to_contain_text("returned to the coordinator")
    expect(office.locator(f"#queue-{event.pk}")).to_have_count(0)

    page.goto(f"{base}/portal/events/")
    expect(page.locator("tr", has_text="Абай оқулары")).to_contain_text("Give the number of volunteers, please.")
    page.get_by_role("link", name="Абай оқулары").first.click()
    expect(page.locator("#return-comment")).to_contain_text("Give the number of volunteers, please.")
    page.fill("#id_volunteers_count", "14")
    page.get_by_role("button", name="Save and resubmit").click()
    # The saved event is shown at the same address as its form: wait for its new state, not for the address.
    expect(page.locator(".state")).to_contain_text("submitted for verification")
    event.refresh_from_db()
    assert event.verification == Verification.SUBMITTED
    assert event.volunteers_count == 14
    phone.close()
    desk.close()


def test_the_public_calendar_on_a_phone(chromium, live_server, users):
    import datetime

    from django.utils import timezone
    from playwright.sync_api import expect

    from tests.eventkit import make_event

    make_event(
        title="Достық фестивалі",
        status="planned",
        start_date=timezone.localdate() + datetime.timedelta(days=3),
        verification=Verification.VERIFIED,
    )
    page = chromium.new_context(locale="en-US", **PHONE).new_page()
    page.goto(f"{live_server.url}/calendar/")
    expect(page.locator(".event-card")).to_contain_text("Достық фестивалі")
    page.select_option("select[name=region]", "KZ-75")
    page.get_by_role("button", name="Show").click()
    expect(page.locator(".event-card")).to_have_count(0)
    assert "region=KZ-75" in page.locator("#ics-link").get_attribute("href")
