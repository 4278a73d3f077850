"""The edges of every response: request ids, the Content-Security-Policy, HTTPS, HSTS and sessions."""

import os
import re

import pytest
from django.conf import settings as django_settings

from events.models import Verification
from tests.eventkit import make_event
from tests.security_kit import password_of, portal_login, production_settings, run_python, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_counters")]


# -- request ids -------------------------------------------------------------------------------------------------

PROXY_ID = "0b6c6f2a-8f3e-4d7e-9c1a-2b5e7d9f1a3c"


def test_a_client_cannot_choose_its_request_id(client):
    response = client.get("/", HTTP_X_REQUEST_ID=PROXY_ID)
    assert response["X-Request-ID"] != PROXY_ID
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_behind_our_proxy_a_well_formed_request_id_is_kept(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client.get("/", HTTP_X_REQUEST_ID=PROXY_ID)["X-Request-ID"] == PROXY_ID
    for forged in ("req-42", "x" * 64, f"{PROXY_ID}\r\nSet-Cookie: a=b"):
        assert client.get("/", HTTP_X_REQUEST_ID=forged)["X-Request-ID"] not in (forged, "req-42")


# -- Content-Security-Policy -------------------------------------------------------------------------------------

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.I)


def assert_no_inline_code(html, url):
    assert not INLINE_SCRIPT.search(html), url
    assert not INLINE_HANDLER.search(html), url
    assert not INLINE_STYLE.search(html), url


@pytest.mark.parametrize(
    "url", ["/", "/portal/login/", "/calendar/", "/directory/associations/", "/statistics/", "/api/docs/"]
)
def test_public_pages_carry_a_strict_policy_and_no_inline_code(client, reference, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "http" not in policy
    assert_no_inline_code(response.content.decode(), url)


@pytest.mark.parametrize(
    ("role", "url"),
    [
        ("coord-kz-10", "/portal/"),
        ("coord-kz-10", "/portal/events/"),
        ("secretariat", "/portal/verification/"),
        ("mediator-kz-10", "/portal/mediation/"),
    ],
)
def test_portal_pages_have_no_inline_code(client, users, role, url):
    response = signed_in(client, users[role]).get(url)
    assert response.status_code == 200
    assert_no_inline_code(response.content.decode(), url)


def test_the_api_docs_script_is_served_as_a_file(client):
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in script.content.decode()


def test_the_admin_still_renders_under_the_policy(client, users):
    browser = signed_in(client, users["secretariat"])
    for url in ("/admin/", "/admin/assembly/person/", "/admin/assembly/person/add/", "/admin/login/"):
        response = browser.get(url)
        assert response.status_code in (200, 302), url
        assert "script-src 'self'" in response["Content-Security-Policy"]


# -- HSTS, check --deploy and sessions -----------------------------------------------------------------------------


@pytest.mark.slow
def test_production_settings_pass_check_deploy_without_hsts_preload():
    result = run_python("manage.py", "check", "--deploy", "--fail-level", "WARNING", env=production_settings())
    assert result.returncode == 0, result.stdout + result.stderr
    show = "import django; django.setup(); from django.conf import settings as s; print({})"
    preload = run_python(
        "-c",
        show.format("s.SECURE_HSTS_PRELOAD, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_AGE"),
        env=production_settings(),
    )
    assert preload.stdout.split() == ["False", "31536000", "28800"]
    opted_in = run_python("-c", show.format("s.SECURE_HSTS_PRELOAD"), env=production_settings(SECURE_HSTS_PRELOAD="1"))
    assert opted_in.stdout.strip() == "True"


def test_sessions_last_eight_hours_by_default():
    assert django_settings.SESSION_COOKIE_AGE == 8 * 60 * 60


@pytest.mark.parametrize(
    ("role", "ends_with_browser"), [("secretariat", True), ("admin", True), ("coord-kz-10", False)]
)
def test_staff_sessions_end_when_the_browser_closes(client, users, role, ends_with_browser):
    assert portal_login(client, role, password_of(role)).status_code == 302
    assert client.session.get_expire_at_browser_close() is ends_with_browser
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    assert (cookie["max-age"] == "") is ends_with_browser


# -- in a real browser: nothing the policy refuses, and the pages still work --------------------------------------


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="Debian's chromium is not installed")
def test_admin_portal_and_api_docs_work_in_a_browser_under_the_policy(chromium, live_server, users):
    from playwright.sync_api import expect

    base = live_server.url
    page = chromium.new_context(locale="en-US").new_page()
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )

    page.goto(f"{base}/api/docs/")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible(timeout=30000)

    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "secretariat")
    page.fill("#id_password", password_of("secretariat"))
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    page.goto(f"{base}/admin/assembly/person/add/")
    expect(page.locator("#person_form")).to_be_visible()

    # Third-party pages whose inline attributes the policy allows one by one: the export's "Select all" still works.
    make_event(verification=Verification.VERIFIED)
    page.goto(f"{base}/admin/events/event/export/")
    fields = page.locator(".selectable-field-export-row input[type=checkbox]:visible")
    assert fields.count() > 5
    page.locator("input.select-toggle:visible").uncheck()
    assert not any(fields.nth(index).is_checked() for index in range(fields.count()))
    page.goto(f"{base}/api/v1/events/?search=festival")
    expect(page.locator(".request-info")).to_be_visible()

    make_event(verification=Verification.SUBMITTED)
    make_event(title="Second", verification=Verification.SUBMITTED)
    page.goto(f"{base}/portal/verification/")
    page.locator("input[data-check-all]").check()
    boxes = page.locator("input[name=selected]")
    assert boxes.count() == 2
    assert all(boxes.nth(index).is_checked() for index in range(boxes.count()))
    page.goto(f"{base}/portal/")
    expect(page.locator(".chart-box svg")).to_be_visible()
    assert refused == []
