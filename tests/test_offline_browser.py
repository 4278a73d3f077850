"""The portal as an installed app on a phone whose connection comes and goes, in a real headless Chromium: the event
form opens without a connection, what is logged then waits on the phone, and goes when the connection returns,
each event exactly once; what the server refuses is shown with its reason and can be corrected. The coordinator's
open events open without a connection too: a change made there goes once, unless the secretariat changed the event
meanwhile, when the conflict is shown and the secretariat's change stands."""

import re

from events.lifecycle import Action
from events.models import Event, Verification
from tests.browser import BROWSER_TESTS, PHONE
from tests.eventkit import make_event
from tests.test_events_browser import log_in

pytestmark = BROWSER_TESTS

WAITING = "#offline-waiting li"
SENT = "#offline-sent li"
CONFLICTS = "#offline-conflicts li"


def installed(page, base):
    """The event form opened with a connection, once the service worker controls the page."""
    page.goto(f"{base}/portal/events/new/")
    # (Waited for in one evaluation: wait_for_function's polling evaluates strings, which the policy forbids.)
    page.evaluate(
        """async () => {
            await navigator.serviceWorker.ready;
            if (navigator.serviceWorker.controller) return;
            await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve));
        }"""
    )


def log_offline(page, title, end_date=""):
    page.fill("#id_title", title)
    page.select_option("#id_kind", "round_table")
    page.fill("#id_start_date", "2025-03-21")
    page.fill("#id_end_date", end_date)
    page.get_by_role("button", name="Save and submit").click()
    page.wait_for_url(re.compile(r"/portal/events/new/\?offline=saved"))


def test_events_logged_without_a_connection_are_sent_once_when_it_returns(chromium, live_server, users):
    from playwright.sync_api import expect

    base = live_server.url
    assert base.startswith(("http://localhost", "http://127.0.0.1"))  # a secure context, as service workers need
    phone = chromium.new_context(locale="en-US", service_workers="allow", **PHONE)
    page = phone.new_page()
    log_in(page, base, "coord-kz-10")
    manifest = page.locator("link[rel=manifest]").get_attribute("href")
    assert manifest == "/portal/manifest.webmanifest?lang=en"

    # Opened once with a connection: the service worker keeps the form and its files.
    installed(page, base)

    phone.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_have_text("Log an event")
    log_offline(page, "Ауыл кездесуі")
    expect(page.locator("#offline-panel [data-offline-notice]")).to_contain_text("Saved on this phone")
    log_offline(page, "Достық кеші")
    log_offline(page, "Қате күн", end_date="2025-03-20")
    expect(page.locator(WAITING)).to_have_count(3)
    expect(page.locator("#offline-waiting")).to_contain_text("Достық кеші")
    assert not Event.objects.exists()

    # The connection returns: both good events go, the wrong one comes back with the server's reason.
    phone.set_offline(False)
    expect(page.locator(SENT)).to_have_count(2, timeout=20000)
    expect(page.locator(WAITING)).to_have_count(0)
    conflict = page.locator(CONFLICTS)
    expect(conflict).to_have_count(1)
    expect(conflict).to_contain_text("The event cannot end before it starts")
    assert sorted(Event.objects.values_list("title", flat=True)) == ["Ауыл кездесуі", "Достық кеші"]
    assert Event.objects.filter(client_key__isnull=False, logged_by__username="coord-kz-10").count() == 2

    # A third send of a key already used logs nothing new: the server answers with the event it made.
    answer = page.evaluate(
        """async () => {
            const sent = (await ShanyrakQueue.all()).find((entry) => entry.state === "sent");
            await ShanyrakQueue.put({ ...sent, state: "waiting" });
            await ShanyrakQueue.sendWaiting({ user: "coord-kz-10" });
            return (await ShanyrakQueue.get(sent.key)).message;
        }"""
    )
    assert "was already saved; it was not logged twice" in answer
    assert Event.objects.count() == 2

    # The refused one is corrected from its link and sent with its own key.
    conflict.get_by_role("link", name="Correct and send again").click()
    expect(page.locator("#id_title")).to_have_value("Қате күн")
    expect(page.locator("#offline-panel [data-offline-notice]")).to_contain_text("The event cannot end before it")
    page.fill("#id_end_date", "2025-03-22")
    page.get_by_role("button", name="Save and submit").click()
    page.wait_for_url(re.compile(r"/portal/events/\d+/$"))
    expect(page.locator(SENT)).to_have_count(3, timeout=20000)
    expect(page.locator(CONFLICTS)).to_have_count(0)
    corrected = Event.objects.get(title="Қате күн")
    assert str(corrected.end_date) == "2025-03-22"
    assert Event.objects.count() == 3
    phone.close()


def change_offline(page, event, participants, button):
    page.fill("#id_participants_count", str(participants))
    page.get_by_role("button", name=button).click()
    page.wait_for_url(re.compile(rf"/portal/events/{event.pk}/\?offline=saved"))


def test_a_change_made_offline_to_an_event_the_secretariat_returned_meanwhile_is_shown_and_not_applied(
    chromium, live_server, users
):
    from playwright.sync_api import expect

    base = live_server.url
    event = make_event(title="Ауыл тойы", participants_count=100)
    phone = chromium.new_context(locale="en-US", service_workers="allow", **PHONE)
    page = phone.new_page()
    log_in(page, base, "coord-kz-10")
    installed(page, base)
    page.goto(f"{base}/portal/events/{event.pk}/")

    phone.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_have_text("Ауыл тойы")
    change_offline(page, event, 150, "Save and submit")
    expect(page.locator(WAITING)).to_have_count(1)
    expect(page.locator("#offline-panel [data-offline-notice]")).to_contain_text("Saved on this phone")

    # Meanwhile the secretariat returns the event.
    Event.objects.get(pk=event.pk).transition(users["secretariat"], Action.RETURN, "Қатысушылар санын тексеріңіз")

    phone.set_offline(False)
    conflict = page.locator(CONFLICTS)
    expect(conflict).to_have_count(1, timeout=20000)
    expect(conflict).to_contain_text("«Ауыл тойы» was changed by secretariat")
    expect(conflict).to_contain_text("it is now “returned for correction”")
    expect(conflict).to_contain_text("discard it, or open the event online")
    expect(page.locator(WAITING)).to_have_count(0)
    event.refresh_from_db()
    assert (event.verification, event.participants_count) == (Verification.RETURNED, 100)
    page.screenshot(path="/tmp/i13-offline-conflict-phone.png", full_page=True)

    # The coordinator chooses to open the event as it is now: the change kept on the phone is dropped.
    conflict.get_by_role("link", name="Open the event online").click()
    expect(page.locator("#return-comment")).to_contain_text("Қатысушылар санын тексеріңіз")
    expect(page.locator("#offline-panel [data-offline-notice]")).to_contain_text("was not sent")
    expect(page.locator(CONFLICTS)).to_have_count(0)
    expect(page.locator("#id_participants_count")).to_have_value("100")
    event.refresh_from_db()
    assert (event.verification, event.participants_count) == (Verification.RETURNED, 100)
    phone.close()


def test_an_open_event_kept_on_the_phone_is_changed_offline_and_the_change_is_made_once(chromium, live_server, users):
    from playwright.sync_api import expect

    base = live_server.url
    event = make_event(title="Достық кеші", participants_count=100, verification=Verification.DRAFT)
    other = make_event(title="Дөңгелек үстел", participants_count=40, verification=Verification.DRAFT)
    phone = chromium.new_context(locale="en-US", service_workers="allow", **PHONE)
    page = phone.new_page()
    log_in(page, base, "coord-kz-10")
    installed(page, base)  # the worker keeps the pages of the open events: they were never opened here

    phone.set_offline(True)
    page.goto(f"{base}/portal/events/{event.pk}/")
    expect(page.locator("h1")).to_have_text("Достық кеші")
    change_offline(page, event, 175, "Save as draft")
    page.goto(f"{base}/portal/events/{other.pk}/")
    change_offline(page, other, 45, "Save as draft")
    expect(page.locator(WAITING)).to_have_count(2)

    phone.set_offline(False)
    expect(page.locator(SENT)).to_have_count(2, timeout=20000)
    expect(page.locator(CONFLICTS)).to_have_count(0)
    event.refresh_from_db()
    other.refresh_from_db()
    assert (event.participants_count, event.verification) == (175, Verification.DRAFT)
    assert other.participants_count == 45
    phone_edits = event.history.filter(history_change_reason__startswith="phone edit ")
    assert list(phone_edits.values_list("history_user__username", flat=True)) == ["coord-kz-10"]

    # Sent again (an answer lost on the way): the change is not made twice.
    answer = page.evaluate(
        """async (action) => {
            const sent = (await ShanyrakQueue.all()).find((entry) => entry.action === action);
            await ShanyrakQueue.put({ ...sent, state: "waiting" });
            await ShanyrakQueue.sendWaiting({ user: "coord-kz-10" });
            return (await ShanyrakQueue.get(sent.key)).message;
        }""",
        f"/portal/events/{event.pk}/",
    )
    assert "was already saved; it was not made twice" in answer
    assert phone_edits.count() == 1
    assert Event.objects.get(pk=event.pk).participants_count == 175
    phone.close()
