"""The front page and a region's page in a real headless Chromium, on a phone and on a desktop: nothing wider than
the screen, the tile map's labels sized for the screen, a tile leads to its region."""

import pytest

from tests.browser import BROWSER_TESTS, PHONE
from tests.eventkit import make_event

pytestmark = BROWSER_TESTS

DESKTOP = {"viewport": {"width": 1366, "height": 768}}


@pytest.fixture
def events(reference):
    make_event("KZ-10", "Абай оқулары", verification="verified")
    make_event("KZ-75", "Almaty festival", verification="verified")


@pytest.mark.parametrize(("screen", "labels"), [(PHONE, "narrow"), (DESKTOP, "wide")])
def test_the_front_page_fits_the_screen_and_a_tile_leads_to_its_region(chromium, live_server, events, screen, labels):
    from playwright.sync_api import expect

    context = chromium.new_context(locale="en-US", **screen)
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    width = screen["viewport"]["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    tiles = page.locator("svg.tilemap a")
    expect(tiles).to_have_count(20)
    shown = page.locator(f"svg.tilemap a[href='/regions/KZ-10/'] g.{labels}")
    other = "wide" if labels == "narrow" else "narrow"
    hidden = page.locator(f"svg.tilemap a[href='/regions/KZ-10/'] g.{other}")
    expect(shown).to_be_visible()
    expect(hidden).to_be_hidden()
    page.locator("svg.tilemap a[href='/regions/KZ-10/']").click()
    page.wait_for_url(f"{live_server.url}/regions/KZ-10/")
    expect(page.locator("h1")).to_have_text("Abai")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
