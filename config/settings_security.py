"""Security settings: trusted proxies, sign-in lockout (django-axes), session cookies, Content-Security-Policy
and HTTPS."""

import base64
import datetime
import hashlib
import os

from csp.constants import NONE, SELF, UNSAFE_HASHES

from config.env import DEBUG, env_bool

# How many reverse proxies of ours stand in front of the application. 0 (the default): the client is the peer of the
# connection and X-Forwarded-For / X-Request-ID from outside are ignored; n: the n-th address from the right of
# X-Forwarded-For is the client (each proxy appends the address it was reached from).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Sign-in lockout (django-axes) on every sign-in: the admin, the portal and the API token endpoint. After
# AXES_FAILURE_LIMIT failed attempts on one username (from anywhere) or from one address (whatever the usernames)
# further attempts are refused for AXES_COOLOFF_MINUTES, even with the right password; a superuser lifts a
# lockout in the admin ("Access attempts") or with `manage.py axes_reset`.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "accounts.network.axes_client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.network.locked_out"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False

# Sessions: 8 hours unless set otherwise; staff (admin) sessions also end when the browser closes (see
# accounts.signals).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))


def csp_hashes(*sources):
    return [f"'sha256-{base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()}'" for source in sources]


# The inline attributes of third-party templates we serve as they are, allowed one by one by their hash (not by
# kind): DRF's browsable API floats its buttons, django-import-export's export page styles and wires "Select all".
THIRD_PARTY_STYLE_ATTRIBUTES = (
    "float: right; margin-right: 10px",
    "float:left",
    "float: right",
    "clear: both",
    "padding: 0;",
    "font-weight: bold;",
    "width: 350px",
)
THIRD_PARTY_SCRIPT_ATTRIBUTES = ("onSelectToggleChange(event)",)

# Content-Security-Policy: every script, style, image and font from this site only, none inline, no frames.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_HASHES, *csp_hashes(*THIRD_PARTY_STYLE_ATTRIBUTES)],
        "script-src-attr": [UNSAFE_HASHES, *csp_hashes(*THIRD_PARTY_SCRIPT_ATTRIBUTES)],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        # The portal's service worker and app manifest (portal/offline/).
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
# Asking browsers to preload HSTS is hard to undo (removal from the preload lists takes months): only on request.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY") else None
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
