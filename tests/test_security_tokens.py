"""API tokens: stored as digests, expiring, revocable by their owner, the secretariat and a password change."""

import datetime

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import ApiToken, User, token_digest
from tests.conftest import ROLES
from tests.security_kit import obtain, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_counters")]


def token_client(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.mark.parametrize("role", ROLES[1:])
def test_every_role_obtains_a_token_stored_only_as_a_digest(users, role):
    response = obtain(role)
    assert response.status_code == 200
    key = response.json()["token"]
    token = ApiToken.objects.get(user=users[role])
    assert token.prefix == key[:8] and token.digest == token_digest(key)
    stored = [str(value) for value in ApiToken.objects.filter(pk=token.pk).values().get().values()]
    assert key not in stored
    assert token_client(key).get("/api/v1/persons/").status_code == 200


def test_a_token_expires_after_the_configured_lifetime(users, settings):
    settings.API_TOKEN_TTL = datetime.timedelta(days=2)
    response = obtain("reader")
    token = ApiToken.objects.get(user=users["reader"])
    assert abs(token.expires_at - (timezone.now() + datetime.timedelta(days=2))) < datetime.timedelta(minutes=1)
    assert response.json()["expires_at"]
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert token_client(response.json()["token"]).get("/api/v1/persons/").status_code == 401


def test_the_default_token_lifetime_is_thirty_days():
    assert datetime.timedelta(days=30) == django_settings.API_TOKEN_TTL


def test_the_owner_revokes_the_token_in_use(users):
    key = obtain("coord-kz-10").json()["token"]
    other = obtain("coord-kz-10").json()["token"]
    owner = token_client(key)
    assert owner.delete("/api/v1/auth/token/").status_code == 204
    assert owner.get("/api/v1/persons/").status_code == 401
    assert token_client(other).get("/api/v1/persons/").status_code == 200  # only the token presented


def test_signed_in_by_session_the_owner_revokes_all_their_tokens(api, users):
    key = obtain("reader").json()["token"]
    assert api("reader").delete("/api/v1/auth/token/").status_code == 204
    assert token_client(key).get("/api/v1/persons/").status_code == 401


def test_revoking_needs_a_signed_in_owner(users):
    assert APIClient().delete("/api/v1/auth/token/").status_code == 401


def test_a_password_change_kills_every_token_of_the_user(users):
    key = obtain("mediator-kz-10").json()["token"]
    user = users["mediator-kz-10"]
    user.set_password("a-brand-new-pass-phrase")
    user.save()
    assert token_client(key).get("/api/v1/persons/").status_code == 401


def test_saving_a_user_without_a_new_password_keeps_their_tokens(users):
    key = obtain("reader").json()["token"]
    user = users["reader"]
    user.first_name = "Renamed"
    user.save()
    assert token_client(key).get("/api/v1/persons/").status_code == 200


def test_an_inactive_user_s_token_does_not_authenticate(users):
    key = obtain("reader").json()["token"]
    User.objects.filter(username="reader").update(is_active=False)
    assert token_client(key).get("/api/v1/persons/").status_code == 401


def test_the_admin_shows_token_prefixes_never_keys_and_the_secretariat_revokes(client, users):
    key = obtain("coord-kz-75").json()["token"]
    browser = signed_in(client, users["secretariat"])
    listing = browser.get(reverse("admin:accounts_apitoken_changelist")).content.decode()
    assert key[:8] in listing and key not in listing
    token = ApiToken.objects.get(user=users["coord-kz-75"])
    assert browser.get(reverse("admin:accounts_apitoken_add")).status_code == 403
    browser.post(
        reverse("admin:accounts_apitoken_changelist"),
        {"action": "revoke_selected", "_selected_action": [token.pk]},
    )
    assert token_client(key).get("/api/v1/persons/").status_code == 401


def test_drf_s_plain_token_store_is_gone(client, users):
    assert "rest_framework.authtoken" not in django_settings.INSTALLED_APPS
    assert signed_in(client, users["admin"]).get("/admin/authtoken/tokenproxy/").status_code == 404


def test_tokens_of_the_former_store_are_hashed_by_the_migration(users):
    from importlib import import_module

    from django.apps import apps
    from django.db import connection

    migration = import_module("accounts.migrations.0003_api_token")
    # Not entered as a context: the test already runs inside a transaction, where SQLite's editor cannot start.
    editor = connection.schema_editor()
    editor.execute("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id bigint, created timestamp)")
    editor.execute(f"INSERT INTO authtoken_token VALUES ('{'a' * 40}', {users['reader'].pk}, '2026-01-01')")
    migration.hash_old_tokens(apps, editor)
    assert "authtoken_token" not in connection.introspection.table_names()
    assert token_client("a" * 40).get("/api/v1/persons/").status_code == 200
