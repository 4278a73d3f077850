"""The secretariat's admin lists on a 1366 px laptop screen, in Russian: every registry's list fits the width."""

import os
from pathlib import Path

from django.contrib import admin
from django.urls import reverse

from registry.admin import RegistryAdmin
from tests.assembly_factories import build_instructions, build_network
from tests.browser import BROWSER_TESTS
from tests.eventkit import make_event

pytestmark = BROWSER_TESTS

LAPTOP = {
    "viewport": {"width": 1366, "height": 768},
    "locale": "ru-RU",
    "extra_http_headers": {"Accept-Language": "ru"},
}


def registry_changelists():
    return [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, RegistryAdmin)
    ]


def test_every_registry_list_fits_a_1366_px_screen_in_russian(chromium, live_server, users, councils_world):
    build_network()
    build_instructions()
    make_event(title="Республиканский фестиваль национальных культур народов Казахстана «Бірлік»", region="KZ-10")
    context = chromium.new_context(**LAPTOP)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", users["secretariat"].username)
    page.fill("#id_password", f"pw-{users['secretariat'].username}")
    page.click("input[type=submit]")
    shots = os.environ.get("ADMIN_SHOTS")
    overflowing = []
    for url in registry_changelists():
        page.goto(f"{live_server.url}{url}")
        assert page.locator("#result_list, .paginator").first.is_visible(), url
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            overflowing.append(f"{url}: the page, {width[0]} > {width[1]}")
        # Django's admin scrolls a wide table inside its own box: that is sideways scrolling too.
        table = page.evaluate(
            "(box => box ? [box.scrollWidth, box.clientWidth] : [0, 0])(document.querySelector('.results'))"
        )
        if table[0] > table[1]:
            overflowing.append(f"{url}: the table, {table[0]} > {table[1]}")
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{shots}/{url.strip('/').replace('/', '-')}.png", full_page=True)
    context.close()
    assert not overflowing, overflowing
