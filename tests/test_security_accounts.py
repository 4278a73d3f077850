"""Accounts and the edges of the application: who may grant what in the admin, API tokens, sign-in lockout, client
addresses behind proxies, what the events API tells whom, confidential fields in the admin, request ids, the
Content-Security-Policy, HSTS and sessions. docs/security.md says which test proves which rule."""

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from accounts.admin import grantable_roles
from accounts.models import ApiToken, Role, User, token_digest
from accounts.network import client_ip
from assembly.admin import PersonAdmin
from assembly.models import Person
from events.models import Verification
from tests.conftest import ROLES, make_user
from tests.eventkit import make_event

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
ADMIN_ONLY_INPUTS = ('name="is_superuser"', 'name="is_staff"', 'name="groups"', 'name="user_permissions"')


@pytest.fixture(autouse=True)
def fresh_counters():
    """Lockout and throttle counters live in the cache and the database; each test starts from none."""
    cache.clear()
    yield
    cache.clear()


def signed_in(client, user):
    client.force_login(user)
    return client


def password_of(name):
    return "pw-" + name


# -- the user admin: nobody raises anyone (themselves included) above what they are --------------------------


def test_the_secretariat_is_not_offered_superuser_staff_groups_or_permissions(client, users):
    page = signed_in(client, users["secretariat"]).get(
        reverse("admin:accounts_user_change", args=[users["coord-kz-10"].pk])
    )
    assert page.status_code == 200
    html = page.content.decode()
    for field in ADMIN_ONLY_INPUTS:
        assert field not in html


def test_a_superuser_is_offered_every_account_field(client, users):
    page = signed_in(client, users["admin"]).get(reverse("admin:accounts_user_change", args=[users["coord-kz-10"].pk]))
    html = page.content.decode()
    for field in ADMIN_ONLY_INPUTS:
        assert field in html


def test_a_forged_post_does_not_make_a_coordinator_staff_or_superuser(client, users):
    coordinator = users["coord-kz-10"]
    response = signed_in(client, users["secretariat"]).post(
        reverse("admin:accounts_user_change", args=[coordinator.pk]),
        {
            "username": coordinator.username,
            "role": Role.COORDINATOR,
            "region": "KZ-10",
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert (coordinator.is_staff, coordinator.is_superuser) == (False, False)
    assert not coordinator.groups.exists() and not coordinator.user_permissions.exists()


def test_an_account_added_by_the_secretariat_is_never_staff(client, users):
    response = signed_in(client, users["secretariat"]).post(
        reverse("admin:accounts_user_add"),
        {
            "username": "new-reader",
            "password1": "a-long-enough-pass-phrase-42",
            "password2": "a-long-enough-pass-phrase-42",
            "usable_password": "true",
            "role": Role.READER,
            "is_staff": "on",
            "is_superuser": "on",
        },
    )
    assert response.status_code == 302
    created = User.objects.get(username="new-reader")
    assert (created.is_staff, created.is_superuser) == (False, False)


@pytest.mark.parametrize("target", ["admin", "secretariat-2"])
def test_the_secretariat_cannot_change_staff_accounts_nor_set_their_passwords(client, users, target):
    if target == "secretariat-2":
        users[target] = make_user(target, Role.SECRETARIAT, staff=True)
    browser = signed_in(client, users["secretariat"])
    account = users[target]
    assert browser.get(reverse("admin:accounts_user_change", args=[account.pk])).status_code == 200  # view only
    refused = browser.post(
        reverse("admin:auth_user_password_change", args=[account.pk]),
        {"password1": "taken-over-4242", "password2": "taken-over-4242"},
    )
    assert refused.status_code == 403
    account.refresh_from_db()
    assert account.check_password(password_of(target))


def test_the_secretariat_cannot_change_its_own_account_in_the_admin(client, users):
    me = users["secretariat"]
    response = signed_in(client, me).post(
        reverse("admin:accounts_user_change", args=[me.pk]),
        {"username": me.username, "role": Role.SECRETARIAT, "is_staff": "on", "is_superuser": "on"},
    )
    assert response.status_code == 403
    me.refresh_from_db()
    assert not me.is_superuser


def test_roles_on_offer_stop_at_the_grantor_s_own(users):
    assert {value for value, _label in grantable_roles(users["admin"])} == set(Role.values)
    assert {value for value, _label in grantable_roles(users["secretariat"])} == set(Role.values)
    assert Role.SECRETARIAT not in {value for value, _label in grantable_roles(users["coord-kz-10"])}


@pytest.mark.parametrize("role", ["coord-kz-10", "coord-kz-75", "mediator-kz-10", "reader"])
def test_other_roles_do_not_reach_accounts_or_tokens_in_the_admin(client, users, role):
    browser = signed_in(client, users[role])
    for name in ("admin:accounts_user_changelist", "admin:accounts_apitoken_changelist"):
        assert browser.get(reverse(name)).status_code == 302  # to the admin's sign-in


def test_anonymous_users_do_not_reach_accounts_or_tokens_in_the_admin(client, users):
    assert client.get(reverse("admin:accounts_apitoken_changelist")).status_code == 302


# -- API tokens -----------------------------------------------------------------------------------------------


def obtain(name, password=None, **extra):
    return APIClient().post(
        "/api/v1/auth/token/",
        {"username": name, "password": password or password_of(name)},
        format="json",
        **extra,
    )


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


# -- sign-in lockout, on every way in ---------------------------------------------------------------------------


@pytest.fixture
def lockout_after_three(settings):
    settings.AXES_FAILURE_LIMIT = 3


def admin_login(client, username, password, **extra):
    return client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def portal_login(client, username, password, **extra):
    return client.post("/portal/login/", {"username": username, "password": password}, **extra)


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


# -- the events API: who logged, who verified and what was sent back are the workflow's --------------------------

WORKFLOW_FIELDS = {"logged_by", "verified_by", "return_comment"}


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        (None, False),
        ("reader", False),
        ("mediator-kz-10", False),
        ("mediator-kz-75", False),
        ("coord-kz-75", False),
        ("coord-kz-10", True),
        ("secretariat", True),
        ("admin", True),
    ],
)
def test_event_workflow_fields_reach_only_the_secretariat_and_the_region_s_coordinator(api, users, role, sees):
    event = make_event(
        verification=Verification.VERIFIED,
        is_public=True,
        logged_by=users["coord-kz-10"],
        verified_by=users["secretariat"],
    )
    body = api(role).get(f"/api/v1/events/{event.pk}/").json()
    assert (set(body) >= WORKFLOW_FIELDS) is sees
    assert not sees or body["verified_by"] == "secretariat"
    listing = api(role).get("/api/v1/events/?format=csv").content.decode()
    assert ("secretariat" in listing) is sees


# -- the admin asks the same access rules for confidential fields ------------------------------------------------


@pytest.fixture
def staff_coordinator(users):
    return make_user("staff-coord-kz-75", Role.COORDINATOR, region="KZ-75", staff=True)


@pytest.fixture
def people():
    return {
        "KZ-10": Person.objects.create(
            surname="Abaiuly", given_name="Erlan", region_id="KZ-10", email="erlan@abai.kz", phone="+77220001122"
        ),
        "KZ-75": Person.objects.create(
            surname="Almatyuly", given_name="Dias", region_id="KZ-75", email="dias@almaty.kz", phone="+77270003344"
        ),
    }


def test_a_staff_coordinator_sees_no_contacts_of_another_region_s_person(client, staff_coordinator, people):
    browser = signed_in(client, staff_coordinator)
    other = browser.get(reverse("admin:assembly_person_change", args=[people["KZ-10"].pk])).content.decode()
    assert "Abaiuly" in other
    assert "erlan@abai.kz" not in other and "+77220001122" not in other and 'name="address"' not in other
    own = browser.get(reverse("admin:assembly_person_change", args=[people["KZ-75"].pk])).content.decode()
    assert "dias@almaty.kz" in own


def test_the_secretariat_sees_every_person_s_contacts_in_the_admin(client, users, people):
    page = signed_in(client, users["secretariat"]).get(
        reverse("admin:assembly_person_change", args=[people["KZ-10"].pk])
    )
    assert "erlan@abai.kz" in page.content.decode()


def test_the_admin_export_leaves_other_regions_contacts_empty(staff_coordinator, users, people):
    def exported(user):
        request = RequestFactory().get("/admin/assembly/person/export/")
        request.user = user
        admin = PersonAdmin(Person, None)
        return admin.get_data_for_export(request, admin.get_queryset(request)).csv

    coordinator_csv = exported(staff_coordinator)
    assert "Abaiuly" in coordinator_csv and "erlan@abai.kz" not in coordinator_csv
    assert "dias@almaty.kz" in coordinator_csv
    assert "erlan@abai.kz" in exported(users["secretariat"])


def test_the_admin_history_hides_other_regions_contact_changes(client, staff_coordinator, users, people):
    person = people["KZ-10"]
    person.email = "new-erlan@abai.kz"
    person.save()
    browser = signed_in(client, staff_coordinator)
    history = browser.get(reverse("admin:assembly_person_history", args=[person.pk])).content.decode()
    assert "new-erlan@abai.kz" not in history and "erlan@abai.kz" not in history
    version = person.history.earliest()
    old = browser.get(
        reverse("admin:assembly_person_simple_history", args=[person.pk, version.history_id])
    ).content.decode()
    assert "erlan@abai.kz" not in old
    secretariat = signed_in(client, users["secretariat"])
    assert (
        "new-erlan@abai.kz"
        in secretariat.get(reverse("admin:assembly_person_history", args=[person.pk])).content.decode()
    )


def test_a_staff_coordinator_cannot_search_persons_by_contact(client, staff_coordinator, people):
    found = signed_in(client, staff_coordinator).get(reverse("admin:assembly_person_changelist"), {"q": "erlan@abai"})
    assert "Abaiuly" not in found.content.decode()


def test_a_staff_coordinator_sees_no_mediation_cases_in_the_admin(client, staff_coordinator, councils_world):
    from mediation.models import MediationCase

    assert MediationCase.objects.exists()
    listing = signed_in(client, staff_coordinator).get(reverse("admin:mediation_mediationcase_changelist"))
    assert listing.status_code in (200, 403)
    if listing.status_code == 200:
        assert listing.context["cl"].result_count == 0
    case = MediationCase.objects.first()
    assert signed_in(client, staff_coordinator).get(
        reverse("admin:mediation_mediationcase_change", args=[case.pk])
    ).status_code in (302, 403, 404)


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


# What the test settings set in the environment, left to the production defaults here.
PRODUCTION_DEFAULTS = {
    "DEBUG",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_AGE",
}


def production_settings(**extra):
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


@pytest.mark.slow
def test_production_settings_pass_check_deploy_without_hsts_preload():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_settings(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    preload = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.SECURE_HSTS_PRELOAD, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_AGE)",
        ],
        cwd=ROOT,
        env=production_settings(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert preload.stdout.split() == ["False", "31536000", "28800"]
    opted_in = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s; print(s.SECURE_HSTS_PRELOAD)",
        ],
        cwd=ROOT,
        env=production_settings(SECURE_HSTS_PRELOAD="1"),
        capture_output=True,
        text=True,
        timeout=120,
    )
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
