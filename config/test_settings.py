"""Settings for the test suite: the production settings with a fixed key and fast hashing."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-for-the-shanyrak-suite-0123456789abcdef")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SESSION_COOKIE_SECURE", "0")
os.environ.setdefault("CSRF_COOKIE_SECURE", "0")

from config.settings import *  # noqa: F403
from config.settings import REST_FRAMEWORK, STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# No throttling to speak of, unless a test that starts its own servers asks for a rate.
ANON_RATE = os.environ.get("API_ANON_RATE", "100000/minute")
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": ANON_RATE}}
PRIVATE_UPLOAD_DIR = tempfile.mkdtemp(prefix="shanyrak-test-private-")
