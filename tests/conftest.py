import io

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from accounts.models import Role, User


@pytest.fixture
def client():
    """Django's test client, speaking English unless a test picks another language."""
    from django.test import Client

    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def reference(db):
    call_command("load_reference", stdout=io.StringIO())


def make_user(username, role, region=None, staff=False, superuser=False):
    return User.objects.create_user(
        username=username,
        password="pw-" + username,
        role=role,
        region_id=region,
        is_staff=staff,
        is_superuser=superuser,
    )


@pytest.fixture
def users(reference):
    """One user per role, named as in PRODUCT.md."""
    return {
        "admin": make_user("admin", Role.SECRETARIAT, staff=True, superuser=True),
        "secretariat": make_user("secretariat", Role.SECRETARIAT, staff=True),
        "coord-kz-10": make_user("coord-kz-10", Role.COORDINATOR, region="KZ-10"),
        "coord-kz-75": make_user("coord-kz-75", Role.COORDINATOR, region="KZ-75"),
        "mediator-kz-10": make_user("mediator-kz-10", Role.MEDIATOR, region="KZ-10"),
        "reader": make_user("reader", Role.READER),
    }


@pytest.fixture
def api(users):
    """api(name) → an APIClient signed in as that demo user; api(None) → anonymous."""

    def client_for(name=None):
        client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
        if name is not None:
            client.force_authenticate(users[name])
        return client

    return client_for


@pytest.fixture
def councils_world(users):
    """Councils with rosters, mothers' homes, mediation offices, mediators and cases (see tests/councils_world.py);
    adds the user `mediator-kz-75`, a mediator of the Almaty city office."""
    from tests.councils_world import build

    return build(users)
