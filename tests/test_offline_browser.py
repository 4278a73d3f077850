"""The portal as an installed app on a phone whose connection comes and goes, in a real headless Chromium: the event
form opens without a connection, what is logged then waits on the phone, and goes when the connection returns,
each event exactly once; what the server refuses is shown with its reason and can be corrected."""

import re

from events.models import Event
from tests.browser import BROWSER_TESTS, PHONE
from tests.test_events_browser import log_in

pytestmark = BROWSER_TESTS

WAITING = "#offline-waiting li"
SENT = "#offline-sent li"
CONFLICTS = "#offline-conflicts li"


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
    page.goto(f"{base}/portal/events/new/")
    # (Waited for in one evaluation: wait_for_function's polling evaluates strings, which the policy forbids.)
    page.evaluate(
        """async () => {
            await navigator.serviceWorker.ready;
            if (navigator.serviceWorker.controller) return;
            await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve));
        }"""
    )

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
