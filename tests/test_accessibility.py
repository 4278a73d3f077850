"""WCAG 2.2 AA in a real headless Chromium: axe-core (bundled with axe-playwright-python, nothing downloaded) checks
every page the browser tests use — public pages, the coordinators' and mediators' portal, the admin, an error page —
in Kazakh, Russian and English, on a phone and on a desktop screen, and finds nothing serious or critical."""

import datetime
import os
import re

import pytest
from django.utils import timezone

from events.models import Verification
from tests.browser import CHROMIUM, LANGUAGES, SCREENS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.pages_only,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed at /usr/bin/chromium (.ci/run does it)"
    ),
]

# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices; only serious and critical findings fail.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
FAILING_IMPACTS = {"serious", "critical"}
# What axe cannot judge, measured on our own pages (the admin's layout is Django's): the page fits the screen; on a
# phone the header keeps to one line (its links behind the "Menu" button), a record's label stands above its value
# and every list is a stack of cards; the header's targets are at least 24 px square (WCAG 2.2).
LAYOUT = """(phone) => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  const scrolled = document.documentElement.scrollWidth;
  if (scrolled > width) problems.push(`wider than the screen: ${scrolled}px`);
  for (const target of document.querySelectorAll(".topbar a, .topbar button, .topbar summary")) {
    const box = target.getBoundingClientRect();
    if (box.width && (box.width < 24 || box.height < 24)) {
      problems.push(`small target ${target.textContent.trim()}: ${box.width}x${box.height}`);
    }
  }
  if (!phone) return problems;
  const header = document.querySelector(".topbar").getBoundingClientRect().height;
  if (header > 64) problems.push(`header ${header}px high, more than one line`);
  for (const value of document.querySelectorAll(".facts dd")) {
    if (value.getBoundingClientRect().width < width / 2) {
      problems.push(`record value squeezed: ${value.textContent.trim().slice(0, 30)}`);
    }
  }
  for (const row of document.querySelectorAll("table.responsive tbody tr")) {
    if (getComputedStyle(row).display !== "block") problems.push("a list row is not a card");
  }
  return problems;
}"""


@pytest.fixture(autouse=True)
def _each_test_closes_its_connections(closed_connections):
    pass


def signed_in_state(browser, base, username):
    """Sign in once and keep the cookies, so every language and screen reuses the session."""
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(f"{base}/portal/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"pw-{username}")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(f"{base}/portal/"))  # the dashboard, or a mediator's cases
    state = context.storage_state()
    context.close()
    return state


def violations_on(browser, base, paths, state=None):
    """Every serious or critical axe finding on `paths`, in each language and on each screen, one line each."""
    from axe_playwright_python.base import AXE_SCRIPT, AxeResults

    found = []
    for language, locale in LANGUAGES.items():
        for screen, device in SCREENS.items():
            context = browser.new_context(locale=locale, storage_state=state, **device)
            # The package's axe.min.js, put into each page once as it opens (Axe().run would evaluate it again on
            # every page): half a megabyte less to parse per check.
            context.add_init_script(script=AXE_SCRIPT)
            page = context.new_page()
            for path in paths:
                page.goto(f"{base}{path}")
                assert page.locator("html").get_attribute("lang") == language, (path, language)
                where = f"{path} [{language}, {screen}]"
                if not path.startswith("/admin/"):
                    found.extend(f"{where} layout: {problem}" for problem in page.evaluate(LAYOUT, screen == "phone"))
                results = AxeResults(page.evaluate("options => axe.run(document, options)", AXE_OPTIONS))
                for violation in results.response["violations"]:
                    if violation["impact"] not in FAILING_IMPACTS:
                        continue
                    targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
                    found.append(f"{where} {violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
            context.close()
    return found


def assert_accessible(browser, base, paths, username=None):
    """`paths` pass, for `username` (signed in once) or an anonymous visitor."""
    state = signed_in_state(browser, base, username) if username else None
    found = violations_on(browser, base, paths, state)
    assert not found, f"{len(found)} serious or critical accessibility or layout problem(s):\n" + "\n".join(found)


def test_the_public_pages_and_the_not_found_page_pass_axe(shared_chromium, live_server, users):
    from tests.assembly_factories import build_network
    from tests.eventkit import make_event

    build_network()
    event = make_event(
        title="Достық фестивалі",
        status="planned",
        start_date=timezone.localdate() + datetime.timedelta(days=3),
        verification=Verification.VERIFIED,
    )
    paths = [
        "/",
        "/calendar/",
        f"/calendar/{event.pk}/",
        "/directory/houses-of-friendship/",
        "/directory/associations/",
        "/regions/",
        "/regions/KZ-10/",
        "/statistics/",
        "/open-data/",
        "/portal/login/",
        "/no-such-page/",
    ]
    assert_accessible(shared_chromium, live_server.url, paths)


def test_the_coordinators_portal_passes_axe(shared_chromium, live_server, users):
    from tests.assembly_factories import build_network
    from tests.councils_world import build
    from tests.eventkit import make_event

    network = build_network()
    world = build(users)
    event = make_event(verification=Verification.RETURNED, return_comment="Give the number of volunteers, please.")
    paths = [
        "/portal/",
        "/portal/events/",
        "/portal/events/new/",
        f"/portal/events/{event.pk}/",
        "/portal/events/upload/",
        "/portal/registries/associations/",
        f"/portal/registries/associations/{network['abai_tatar'].pk}/",
        "/portal/registries/associations/new/",
        "/portal/registries/houses-of-friendship/",
        "/portal/registries/councils/",
        f"/portal/registries/councils/{world.abai.pk}/",
    ]
    assert_accessible(shared_chromium, live_server.url, paths, "coord-kz-10")


def test_the_mediators_portal_passes_axe(shared_chromium, live_server, users):
    from tests.councils_world import build

    world = build(users)
    paths = [
        "/portal/mediation/",
        f"/portal/mediation/{world.case10.pk}/",
        f"/portal/mediation/{world.case10.pk}/edit/",
        "/portal/mediation/new/",
    ]
    assert_accessible(shared_chromium, live_server.url, paths, "mediator-kz-10")


def test_the_verification_queue_and_the_admin_pass_axe(shared_chromium, live_server, users):
    from tests.assembly_factories import build_network
    from tests.councils_world import build
    from tests.eventkit import make_event

    network = build_network()
    world = build(users)
    event = make_event(verification=Verification.SUBMITTED)
    paths = [
        "/portal/verification/",
        "/statistics/annual-report/",
        "/admin/",
        "/admin/events/event/",
        f"/admin/events/event/{event.pk}/change/",
        "/admin/assembly/ethnoculturalassociation/",
        f"/admin/assembly/ethnoculturalassociation/{network['abai_tatar'].pk}/change/",
        "/admin/assembly/person/add/",
        "/admin/councils/council/",
        f"/admin/councils/council/{world.abai.pk}/change/",
    ]
    assert_accessible(shared_chromium, live_server.url, paths, "secretariat")
