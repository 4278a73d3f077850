"""Headless Chromium for the browser tests: Debian's build, a phone's screen, and the fixture that starts it."""

import os

import pytest
from django.db import connections

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
# The languages a page is read in (with the browser's locale asking for it) and the two screens of the walks.
LANGUAGES = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en-US"}
SCREENS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1366, "height": 768}},
}

BROWSER_TESTS = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed at /usr/bin/chromium (.ci/run does it)"
    ),
]


@pytest.fixture
def chromium(monkeypatch, live_server):
    from playwright.sync_api import sync_playwright

    # Requested after live_server, so the browser closes before the server stops. Playwright's sync API runs an
    # event loop in this thread while the test's ORM calls stay synchronous; allowed for these tests only, so it
    # never leaks into others (check --deploy rightly refuses it).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # Inside the event loop Django keeps its connection per context, not per thread: close it here, or the
        # test database cannot be dropped afterwards.
        connections.close_all()


@pytest.fixture(scope="module")
def shared_chromium(live_server):
    """One Chromium for a whole module (each test opens its own contexts in it)."""
    from playwright.sync_api import sync_playwright

    # As in `chromium`: Playwright's sync API runs an event loop in this thread while the ORM stays synchronous;
    # allowed for the module only.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous
        connections.close_all()


@pytest.fixture
def closed_connections():
    """Closes the test's database connections after it (see `chromium`): a module of browser tests uses it."""
    yield
    connections.close_all()


def read_settled_page(page, script):
    """`script` evaluated on the page once a navigation started by the last click has finished.

    A click that submits a form may start its navigation only after `wait_for_load_state` has already returned for
    the page being left; the evaluation then dies with the page. It is read again on the page that replaced it."""
    from playwright.sync_api import Error

    for attempt in range(5):
        page.wait_for_load_state()
        try:
            return page.evaluate(script)
        except Error as error:
            if "context was destroyed" not in str(error) or attempt == 4:
                raise
            page.wait_for_timeout(100)
