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
