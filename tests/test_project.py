"""The project as a newcomer and an operator meet it: commands, pages, languages, schema, production checks."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse

from accounts.models import Role, User
from regions.models import District, Region
from tests.security_kit import production_settings, run_python

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def test_reference_load_is_idempotent(reference):
    counts = (Region.objects.count(), District.objects.count())
    history = Region.history.count()
    call_command("load_reference", stdout=io.StringIO())
    assert (Region.objects.count(), District.objects.count()) == counts == (20, 39)
    assert Region.history.count() == history  # nothing changed, nothing recorded


@pytest.mark.slow
def test_seed_demo_creates_the_demo_users_once(db):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    call_command("seed_demo", stdout=io.StringIO())
    expected = {"admin", "secretariat", "coord-kz-10", "coord-kz-75", "mediator-kz-10", "reader"}
    assert set(User.objects.values_list("username", flat=True)) == expected
    assert User.objects.get(username="coord-kz-75").region_id == "KZ-75"
    assert User.objects.get(username="coord-kz-10").role == Role.COORDINATOR
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="reader").check_password("shanyrak-demo")
    for username in expected:
        assert username in out.getvalue()


@pytest.mark.parametrize(
    ("language", "text"), [("kk", "Абай облысы"), ("kk-latn", "Abai oblysy"), ("ru", "область Абай"), ("en", "Abai")]
)
def test_home_page_lists_regions_in_the_chosen_language(client, reference, language, text):
    client.cookies["django_language"] = language
    response = client.get("/")
    assert response.status_code == 200
    assert text in response.content.decode()


def test_kazakh_is_the_default_language(reference):
    from django.test import Client

    response = Client().get("/")  # no cookie, no Accept-Language
    assert response.content.decode().count('lang="kk"') >= 1
    assert "Абай облысы" in response.content.decode()


def test_portal_login_and_home(client, users):
    response = client.post(reverse("portal:login"), {"username": "coord-kz-10", "password": "pw-coord-kz-10"})
    assert response.status_code == 302
    page = client.get(reverse("portal:home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "KZ-10" in page
    assert "Semey" in page or "Семей" in page
    assert client.post(reverse("portal:logout")).status_code == 302
    assert client.get(reverse("portal:home")).status_code == 302


def test_schema_is_valid_and_docs_load_nothing_from_the_internet(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    paths = yaml.safe_load(schema.content)["paths"]
    assert "/api/v1/regions/{iso_code}/" in paths
    assert "/api/v1/auth/token/" in paths
    docs = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in docs
    for marker in ("https://", "http://", "//cdn"):
        assert marker not in docs.replace("http://testserver", ""), marker


@pytest.mark.slow
def test_schema_generation_has_no_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "spectacular", "--fail-on-warn", "--validate", "--file", os.devnull],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.test_settings"},
    )
    assert result.returncode == 0, result.stderr


def test_production_settings_pass_check_deploy():
    result = run_python("manage.py", "check", "--deploy", "--fail-level", "WARNING", env=production_settings())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_debug_off_without_a_secret_key_refuses_to_start():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "0"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_anonymous_api_use_is_throttled(api, monkeypatch):
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    from django.core.cache import cache

    cache.clear()
    client = api(None)
    codes = [client.get("/api/v1/regions/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    cache.clear()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_message_is_translated(language):
    import polib

    catalogue = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries() if not entry.obsolete]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize(
    ("language", "log_in"), [("kk", "Кіру"), ("kk-latn", "Kıru"), ("ru", "Войти"), ("en", "Log in")]
)
def test_interface_is_translated(client, reference, language, log_in):
    client.cookies["django_language"] = language
    assert log_in in client.get(reverse("portal:login")).content.decode()


@pytest.mark.parametrize("role", ["admin", "secretariat", "coord-kz-10", "coord-kz-75", "mediator-kz-10", "reader"])
def test_every_role_signs_in_to_the_portal(client, users, role):
    response = client.post(reverse("portal:login"), {"username": role, "password": f"pw-{role}"})
    assert response.status_code == 302
    page = client.get(reverse("portal:home"))
    assert page.status_code == 200
    assert role in page.content.decode()
