"""Sign-in lockout on every way in, and the client address behind proxies (X-Forwarded-For only from ours)."""

import pytest
from django.conf import settings as django_settings
from django.test import RequestFactory
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from accounts.models import ApiToken
from accounts.network import client_ip
from tests.security_kit import obtain, password_of, portal_login

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_counters")]

# -- sign-in lockout, on every way in ---------------------------------------------------------------------------


@pytest.fixture
def lockout_after_three(settings):
    settings.AXES_FAILURE_LIMIT = 3


def admin_login(client, username, password, **extra):
    return client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def test_the_admin_sign_in_locks_after_repeated_failures(client, users, lockout_after_three):
    for _ in range(3):
        admin_login(client, "secretariat", "guess")
    locked = admin_login(client, "secretariat", password_of("secretariat"))
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_portal_sign_in_locks_after_repeated_failures(client, users, lockout_after_three):
    for _ in range(2):
        assert portal_login(client, "coord-kz-10", "guess").status_code == 200
    assert portal_login(client, "coord-kz-10", "guess").status_code == 429  # the failure that reaches the limit
    locked = portal_login(client, "coord-kz-10", password_of("coord-kz-10"))
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()


def test_the_token_endpoint_locks_after_repeated_failures(users, lockout_after_three):
    for _ in range(2):
        assert obtain("reader", "guess").status_code == 400
    assert obtain("reader", "guess").status_code == 429
    locked = obtain("reader")
    assert locked.status_code == 429
    assert "token" not in locked.json()
    assert not ApiToken.objects.exists()


def test_a_forged_forwarded_for_does_not_escape_the_lockout(client, users, lockout_after_three):
    for number in range(3):
        portal_login(client, "reader", "guess", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    assert portal_login(client, "reader", password_of("reader"), HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429


def test_one_address_guessing_many_names_is_locked_out(client, users, lockout_after_three):
    for name in ("reader", "coord-kz-10", "coord-kz-75"):
        portal_login(client, name, "guess")
    assert portal_login(client, "mediator-kz-10", password_of("mediator-kz-10")).status_code == 429


def test_a_successful_sign_in_below_the_limit_passes(client, users, lockout_after_three):
    portal_login(client, "reader", "guess")
    assert portal_login(client, "reader", password_of("reader")).status_code == 302


# -- client address: X-Forwarded-For only from our own proxies --------------------------------------------------


def forwarded_request(forwarded="203.0.113.9, 10.0.0.2"):
    return RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)


def test_without_a_trusted_proxy_the_peer_is_the_client():
    assert django_settings.TRUSTED_PROXY_COUNT == 0
    assert client_ip(forwarded_request()) == "10.0.0.1"


def test_behind_one_proxy_the_address_it_saw_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(forwarded_request()) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(forwarded_request()) == "203.0.113.9"
    assert client_ip(forwarded_request("not-an-address")) == "10.0.0.1"


def test_throttling_keys_on_the_same_address():
    assert AnonRateThrottle().get_ident(forwarded_request()) == "10.0.0.1"


def test_a_changed_forwarded_for_does_not_reset_the_anonymous_throttle(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    client = APIClient()
    answers = [
        client.get("/api/v1/regions/", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}").status_code for number in range(4)
    ]
    assert answers == [200, 200, 200, 429]
