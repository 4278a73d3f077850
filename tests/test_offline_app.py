"""The portal installs as an app: a manifest in the page's language with our own icons, a service worker whose scope
is the portal and which loads only our own files, both allowed by the Content-Security-Policy."""

import json
import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_the_manifest_names_the_app_in_the_language_of_the_page_that_links_it(client):
    names = {}
    for language in ("kk", "ru", "en"):
        response = client.get(f"/portal/manifest.webmanifest?lang={language}")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/manifest+json"
        body = json.loads(response.content)
        assert body["lang"] == language
        names[language] = (body["name"], body["short_name"])
    assert names["en"] == ("Shanyrak: events of the Assembly", "Shanyrak")
    assert names["ru"][0] == "Шаңырақ: мероприятия Ассамблеи"
    assert names["kk"][0] == "Шаңырақ: Ассамблея іс-шаралары"


def test_the_manifest_starts_at_the_event_form_within_the_portal_with_our_own_icons(client):
    body = client.get("/portal/manifest.webmanifest?lang=xx").json()
    assert body["lang"] == "en"  # an unknown language: the request's
    assert (body["start_url"], body["scope"], body["display"]) == ("/portal/events/new/", "/portal/", "standalone")
    assert body["theme_color"] == "#00758f"
    sizes = {(icon["sizes"], icon["purpose"]) for icon in body["icons"]}
    assert {("any", "any"), ("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in body["icons"]:
        assert icon["src"].startswith("/static/icons/")
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


def test_the_png_icons_are_the_sizes_the_manifest_says():
    for name, size in (("shanyrak-192.png", 192), ("shanyrak-512.png", 512), ("apple-touch-icon.png", 180)):
        with open(finders.find(f"icons/{name}"), "rb") as handle:
            header = handle.read(24)
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert (int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")) == (size, size)


def test_the_service_worker_covers_the_portal_and_loads_only_our_own_scripts(client):
    response = client.get("/portal/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/portal/"
    assert response["Cache-Control"] == "no-cache"
    text = response.content.decode()
    config = json.loads(re.search(r"self\.SHANYRAK = (\{.*\});", text).group(1))
    assert config["pages"] == ["/portal/events/new/", "/portal/events/"]
    assert config["form"] == "/portal/events/new/"
    assert config["events"] == "/portal/offline/events.json"
    assert re.fullmatch(config["eventPage"], "/portal/events/12/")
    assert not re.match(config["eventPage"], "/portal/events/new/")
    for path in config["files"]:
        assert finders.find(path.removeprefix("/static/")), path
    assert re.findall(r'"([^"]+\.js)"', text.split("importScripts", 1)[1]) == [
        "/static/js/offline-queue.js",
        "/static/js/offline-worker.js",
    ]


def test_the_policy_allows_our_own_worker_and_manifest_and_nothing_else(client):
    policy = client.get("/portal/login/")["Content-Security-Policy"]
    assert "worker-src 'self'" in policy
    assert "manifest-src 'self'" in policy
    assert "script-src 'self'" in policy


def test_signed_in_pages_link_the_manifest_and_the_offline_scripts_and_public_pages_do_not(browser):
    page = browser("coord-kz-10").get("/portal/events/new/").content.decode()
    assert '<link rel="manifest" href="/portal/manifest.webmanifest?lang=en">' in page
    assert 'data-service-worker="/portal/sw.js"' in page
    assert "/static/js/offline.js" in page
    assert "data-offline-form" in page
    assert 'name="client_key"' in page
    assert 'id="offline-panel"' in page
    assert 'data-waiting="Waiting to be sent"' in page
    public = browser(None).get("/calendar/").content.decode()
    assert "offline.js" not in public
    assert "manifest" not in public
    mediator = browser("mediator-kz-10").get("/portal/mediation/").content.decode()
    assert "offline.js" not in mediator and "data-service-worker" not in mediator, "only those who log events"


def test_the_events_list_shows_the_panel_and_a_saved_event_can_be_changed_offline_from_its_version(browser):
    from tests.eventkit import make_event

    coordinator = browser("coord-kz-10")
    assert 'id="offline-panel"' in coordinator.get("/portal/events/").content.decode()
    event = make_event(title="Бұрынғы")
    page = coordinator.get(f"/portal/events/{event.pk}/").content.decode()
    assert "data-offline-form" in page
    assert '<input type="hidden" name="client_key" value="">' in page
    assert f'name="version" value="{event.version}"' in page
    assert 'data-reopen="Open the event online"' in page and 'data-discard-change="Discard my change"' in page
