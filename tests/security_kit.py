"""What the security tests share: signing in, the test users' passwords, asking for an API token."""

import os
import subprocess
import sys
from pathlib import Path

from rest_framework.test import APIClient

ROOT = Path(__file__).resolve().parent.parent
# What the test settings set in the environment, left to the production defaults by `production_settings`.
PRODUCTION_DEFAULTS = {
    "DEBUG",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_AGE",
}


def signed_in(client, user):
    client.force_login(user)
    return client


def password_of(name):
    return "pw-" + name


def obtain(name, password=None, **extra):
    """POST the token endpoint as `name` (with their password unless another is given)."""
    return APIClient().post(
        "/api/v1/auth/token/",
        {"username": name, "password": password or password_of(name)},
        format="json",
        **extra,
    )


def portal_login(client, username, password, **extra):
    return client.post("/portal/login/", {"username": username, "password": password}, **extra)


def production_settings(**extra):
    """The environment of a production start: DEBUG off, a real secret key, no test database; `extra` on top."""
    environment = {
        **{key: value for key, value in os.environ.items() if key not in PRODUCTION_DEFAULTS},
        "DEBUG": "0",
        "SECRET_KEY": "a-long-random-enough-production-key-for-the-security-tests-0123456789",
        "ALLOWED_HOSTS": "shanyrak.example.kz",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        **extra,
    }
    environment.pop("DATABASE_URL", None)
    return environment


def run_python(*args, env):
    """`python *args` in the project's folder with the environment `env`; its output as text."""
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
