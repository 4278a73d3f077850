"""Accounts in the admin: nobody raises anyone (themselves included) above what they are. docs/security.md says
which test proves which rule."""

import pytest
from django.urls import reverse

from accounts.admin import grantable_roles
from accounts.models import Role, User
from tests.conftest import make_user
from tests.security_kit import password_of, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_counters")]

ADMIN_ONLY_INPUTS = ('name="is_superuser"', 'name="is_staff"', 'name="groups"', 'name="user_permissions"')


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
