"""The portal as an app a coordinator installs on a phone: its manifest, in the page's language, and its service
worker, which keeps the event form and its files on the phone so that the form opens without a connection
(static/js/offline-worker.js; the queue of events saved there is static/js/offline-queue.js; docs/portal.md)."""

import hashlib
import json
import re

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts import access
from events.models import Event, Verification

THEME_COLOUR = "#00758f"
BACKGROUND_COLOUR = "#f6f8fa"
# What the phone keeps: the pages, fetched again whenever there is a connection, and the files they use.
PAGES = ("portal:event-new", "portal:events")
FILES = (
    "css/shanyrak.css",
    "js/portal.js",
    "js/offline-queue.js",
    "js/offline.js",
    "icons/shanyrak.svg",
    "icons/shanyrak-192.png",
)
ICONS = (
    ("icons/shanyrak.svg", "any", "image/svg+xml", "any"),
    ("icons/shanyrak-192.png", "192x192", "image/png", "any"),
    ("icons/shanyrak-512.png", "512x512", "image/png", "any"),
    ("icons/shanyrak-maskable-512.png", "512x512", "image/png", "maskable"),
)


def interface_language(request):
    """The language asked for by `?lang=` (the page's, put in the link), else the request's."""
    asked = request.GET.get("lang", "")
    codes = {code for code, _name in settings.LANGUAGES}
    return asked if asked in codes else translation.get_language()


@require_GET
def manifest(request):
    with translation.override(interface_language(request)):
        body = {
            "name": _("Shanyrak: events of the Assembly"),
            "short_name": _("Shanyrak"),
            "description": _("Log the Assembly's events from a phone, with or without a connection."),
            "lang": translation.get_language(),
            "dir": "ltr",
            "id": reverse("portal:event-new"),
            "start_url": reverse("portal:event-new"),
            "scope": reverse("portal:home"),
            "display": "standalone",
            "theme_color": THEME_COLOUR,
            "background_color": BACKGROUND_COLOUR,
            "icons": [
                {"src": static(path), "sizes": sizes, "type": kind, "purpose": purpose}
                for path, sizes, kind, purpose in ICONS
            ],
        }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


def worker_settings():
    files = [static(path) for path in FILES]
    pages = [reverse(name) for name in PAGES]
    return {
        # Changes whenever a file's name does (the stored files carry their content's hash in production), so the
        # phone takes the new worker and its files.
        "version": hashlib.sha256(json.dumps([files, pages]).encode()).hexdigest()[:12],
        "files": files,
        "pages": pages,
        "form": reverse("portal:event-new"),
        "logout": reverse("portal:logout"),
        "events": reverse("portal:offline-events"),
        # An event's page: /portal/events/<id>/.
        "eventPage": "^" + re.escape(reverse("portal:event", args=[0])).replace("0", "\\d+", 1) + "$",
    }


@require_GET
def service_worker(request):
    """The worker's settings, then its code (our own static files); served from /portal/ so that its scope is the
    portal."""
    config = worker_settings()
    scripts = ", ".join(json.dumps(static(path)) for path in ("js/offline-queue.js", "js/offline-worker.js"))
    body = f'"use strict";\nself.SHANYRAK = {json.dumps(config)};\nimportScripts({scripts});\n'
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    # The browser checks for a new worker on every visit; never keep an old one in an HTTP cache.
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = reverse("portal:home")
    return response


# The open events whose pages the phone keeps, so that they can be changed without a connection: the newest first.
KEPT_EVENTS = 30


@require_GET
@login_required
def open_events(request):
    """The pages of the events the signed-in coordinator may still change (drafts, submitted, returned) in their
    region, for the service worker to keep; nothing for those not bound to a region."""
    region = access.bound_region(request.user)
    events = Event.objects.none()
    if region and access.can_write_model(request.user, Event):
        events = Event.objects.active().filter(
            region_id=region,
            verification__in=[Verification.DRAFT, Verification.SUBMITTED, Verification.RETURNED],
        )
    ids = events.order_by("-updated_at").values_list("pk", flat=True)[:KEPT_EVENTS]
    response = JsonResponse({"pages": [reverse("portal:event", args=[pk]) for pk in ids]})
    response["Cache-Control"] = "no-store"
    return response
