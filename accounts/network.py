"""Who is on the other end of a request: the client address (trusting X-Forwarded-For only from our own proxies)
and the answer to a client locked out for guessing passwords."""

import ipaddress

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def client_ip(request):
    """The client's address. With TRUSTED_PROXY_COUNT = 0 it is the connection's peer; behind n proxies of ours it
    is the n-th address from the right of X-Forwarded-For (what the outermost of our proxies saw), so a client
    cannot choose its address by sending the header itself. Same rule as DRF throttling's NUM_PROXIES."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            candidate = forwarded[-min(proxies, len(forwarded))]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                return remote
    return remote


def behind_trusted_proxy():
    return settings.TRUSTED_PROXY_COUNT > 0


def axes_client_ip(request):
    # django-axes may hand over DRF's request wrapper; META is the same either way.
    return client_ip(request)


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in: 429, as JSON for the API and as a page elsewhere."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _("Too many failed sign-in attempts. Try again in %(minutes)d minutes.") % {"minutes": minutes}
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=429)
    # Rendered here: django-axes' middleware answers after the view, past the stage that renders TemplateResponses.
    return render(request, "registration/locked_out.html", {"message": message}, status=429)
