import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import Role, User
from tests.browser import chromium, closed_connections, shared_chromium  # noqa: F401  (the browser fixtures)
from tests.reference_snapshot import load_reference

# Every role the suite signs in as; None is the anonymous visitor. The two coordinators and the two mediators work
# in different regions (and offices), so each rule is seen both granting and refusing.
ROLES = [None, "reader", "coord-kz-10", "coord-kz-75", "mediator-kz-10", "mediator-kz-75", "secretariat", "admin"]

# The roles the API tests try one by one (None: anonymous), and the two who may do everything.
API_ROLES = ["admin", "secretariat", "coord-kz-10", "coord-kz-75", "mediator-kz-10", "reader", None]
SECRETARIAT = {"admin", "secretariat"}


def make_user(username, role, region=None, staff=False, superuser=False):
    return User.objects.create_user(
        username=username,
        password="pw-" + username,
        role=role,
        region_id=region,
        is_staff=staff,
        is_superuser=superuser,
    )


def make_role_users():
    """One user per role, named as the demo users (plus a mediator of Almaty city)."""
    return {
        "admin": make_user("admin", Role.SECRETARIAT, staff=True, superuser=True),
        "secretariat": make_user("secretariat", Role.SECRETARIAT, staff=True),
        "coord-kz-10": make_user("coord-kz-10", Role.COORDINATOR, region="KZ-10"),
        "coord-kz-75": make_user("coord-kz-75", Role.COORDINATOR, region="KZ-75"),
        "mediator-kz-10": make_user("mediator-kz-10", Role.MEDIATOR, region="KZ-10"),
        "mediator-kz-75": make_user("mediator-kz-75", Role.MEDIATOR, region="KZ-75"),
        "reader": make_user("reader", Role.READER),
    }


def queries_by_page_size(client, url):
    """The queries `client` makes for a page of 2 rows of `url` and for a page of 1000, and the long page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as short:
        assert client.get(url, {"page_size": 2}).status_code == 200, url
    with CaptureQueriesContext(connection) as long:
        response = client.get(url, {"page_size": 1000})
        assert response.status_code == 200, url
    return short, long, response


def api_client(user=None, language="en"):
    """An API client signed in as `user` (anonymous for None), asking for `language`."""
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    if user is not None:
        client.force_authenticate(user)
    return client


def web_client(user=None, language="en"):
    """A browser-like client with a session for `user` (anonymous for None), asking for `language`."""
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def english_outside_requests():
    """Model validation and commands run outside a request speak English in the tests, whatever catalogues are
    compiled; a request still speaks the language it asks for."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def client():
    """Django's test client, speaking English unless a test picks another language."""
    return web_client()


@pytest.fixture
def fresh_counters():
    """Sign-in lockout and throttle counters live in the cache and the database; a test using this starts from
    none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reference(db):
    load_reference()


@pytest.fixture
def users(reference):
    """One user per role (see make_role_users)."""
    return make_role_users()


@pytest.fixture
def api(users):
    """api(name) → an APIClient signed in as that user; api(None) → anonymous."""
    return lambda name=None: api_client(users[name] if name is not None else None)


@pytest.fixture
def browser(users):
    """browser(name) → a web client with a session for that user; browser(None) → anonymous."""
    return lambda name=None: web_client(users[name] if name is not None else None)


@pytest.fixture
def staff_client(users):
    """A web client signed in as the secretariat (staff, not a superuser)."""
    return web_client(users["secretariat"])


@pytest.fixture
def councils_world(users):
    """Councils with rosters, mothers' homes, mediation offices, mediators and cases (see tests/councils_world.py)."""
    from tests.councils_world import build

    return build(users)


@pytest.fixture
def assembly_data(users):
    """The assembly API tests' world, by name (see tests/assembly_api_kit.py)."""
    from tests.assembly_api_kit import build_api_world

    return build_api_world()


def module_world(django_db_blocker, build):
    """A world built once per module by `build()` (after the reference data), in a transaction rolled back when the
    module ends; each test's own changes are rolled back after the test, as usual. A generator for a module-scoped
    fixture to `yield from`."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_reference", stdout=io.StringIO())
            world = build()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield world
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def registry_world(django_db_setup, django_db_blocker):
    """The contract suite's world, built once per module: reference data, one user per role, the councils world,
    and one record of every registry created from its sample by the secretariat through the API
    (`world.records[prefix]`)."""
    from tests.contract_samples import SAMPLES, build_world
    from tests.councils_world import build

    def registry():
        users = make_role_users()
        world = build_world(build(users))
        secretariat = api_client(users["secretariat"])
        world.records, refused = {}, []
        for prefix, sample in SAMPLES.items():
            response = secretariat.post(f"/api/v1/{prefix}/", sample(world, 0), format="json")
            if response.status_code == 201:
                world.records[prefix] = response.json()
            else:
                refused.append(f"{prefix}: {response.status_code} {response.content.decode()}")
        assert not refused, "samples in tests/contract_samples.py refused:\n" + "\n".join(refused)
        return world

    yield from module_world(django_db_blocker, registry)


@pytest.fixture(scope="module")
def annual_world(django_db_setup, django_db_blocker):
    """The annual report's world (tests/annual_world.py) with one user per role (`world.users`), built once per
    module."""
    from tests.annual_world import build

    def annual():
        users = make_role_users()
        world = build()
        world.users = users
        return world

    yield from module_world(django_db_blocker, annual)
