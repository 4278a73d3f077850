"""Reads from a replica, writes to the primary, a writer's own reads from the primary, and a dead replica survived.

In the suite the replica `replica_0` is a second connection to the test database (as Django's `TEST: MIRROR` does):
the data are the same, so where a query ran is seen from which connection ran it. The tests are transactional: a
second connection sees only committed rows. Real streaming replication is in tests/test_replication.py.
"""

import json
import os
import subprocess
import sys

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, router
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.models import Role
from assembly.models import EthnicGroup
from config import routing
from tests.conftest import make_user, web_client

REPLICA = "replica_0"
pytestmark = pytest.mark.django_db(transaction=True, databases=[DEFAULT_DB_ALIAS, REPLICA])
GROUP = {"names": {"kk": "дүнгендер", "ru": "дунгане", "en": "Dungans"}}


def mirror_settings():
    return {**connections[DEFAULT_DB_ALIAS].settings_dict, "TEST": {"MIRROR": DEFAULT_DB_ALIAS}}


def unreachable_settings():
    """Settings of a replica that cannot be reached: a closed port, or a file in a directory that does not exist."""
    settings_dict = mirror_settings()
    if settings_dict["ENGINE"].endswith("postgresql"):
        settings_dict.update(HOST="127.0.0.1", PORT=1, OPTIONS={**settings_dict["OPTIONS"], "connect_timeout": 1})
    else:
        settings_dict.update(NAME="/nonexistent-shanyrak-dir/replica.sqlite3")
    return settings_dict


def point_replica_at(settings_dict):
    """A new connection for the alias (an in-memory SQLite connection does not close), with these settings."""
    connections[REPLICA].close()
    connections.settings[REPLICA] = settings_dict
    del connections[REPLICA]
    return connections[REPLICA]


@pytest.fixture(scope="module", autouse=True)
def replica_alias(django_db_setup):
    """The alias exists for this module's tests (before each test's database access is set up), a mirror of the
    test database; only the `replica` fixture routes reads to it."""
    connections.settings[REPLICA] = mirror_settings()
    yield
    connections[REPLICA].close()
    del connections[REPLICA]
    del connections.settings[REPLICA]


@pytest.fixture
def replica(settings, reference):
    settings.DATABASE_REPLICAS = [REPLICA]
    settings.DATABASE_ROUTERS = ["config.routing.ReplicaRouter"]
    routing.forget_health()
    yield connections[REPLICA]
    point_replica_at(mirror_settings())
    routing.forget_health()


@pytest.fixture
def dead_replica(replica):
    return point_replica_at(unreachable_settings())


class Where:
    """Which connection ran the SQL that mentions `table` during the block."""

    def __init__(self, table):
        self.table = table

    def __enter__(self):
        self.primary = CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]).__enter__()
        self.replica = CaptureQueriesContext(connections[REPLICA]).__enter__()
        return self

    def __exit__(self, *exc):
        self.replica.__exit__(*exc)
        self.primary.__exit__(*exc)

    def on(self, capture):
        return [query["sql"] for query in capture.captured_queries if self.table in query["sql"]]

    @property
    def alias(self):
        on_primary, on_replica = self.on(self.primary), self.on(self.replica)
        assert bool(on_primary) != bool(on_replica), (on_primary, on_replica)
        return DEFAULT_DB_ALIAS if on_primary else REPLICA


def secretariat_client():
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(make_user("secretariat", Role.SECRETARIAT, staff=True))
    return client


def test_an_anonymous_api_read_is_served_by_the_replica(replica):
    with Where("regions_region") as where:
        response = APIClient().get("/api/v1/regions/")
    assert response.status_code == 200 and response.json()["count"] > 0
    assert where.alias == REPLICA


def test_a_streamed_export_reads_from_the_replica_while_it_is_sent(replica):
    with Where("regions_region") as where:
        response = APIClient().get("/api/v1/regions/export/?format=csv")
        assert response.streaming
        body = b"".join(response.streaming_content).decode()
    assert "KZ-10" in body
    assert where.alias == REPLICA


def test_a_public_page_reads_from_the_replica_and_the_portal_and_admin_from_the_primary(replica):
    with Where("regions_region") as where:
        assert web_client().get("/regions/").status_code == 200
    assert where.alias == REPLICA
    staff = web_client(make_user("admin", Role.SECRETARIAT, staff=True, superuser=True))
    with Where("regions_region") as where:
        assert staff.get("/admin/regions/region/").status_code == 200
    assert where.alias == DEFAULT_DB_ALIAS


def test_a_write_goes_to_the_primary_and_the_writer_reads_its_own_write_from_the_primary(replica):
    writer = secretariat_client()
    with Where("assembly_ethnicgroup") as where:
        response = writer.post("/api/v1/ethnic-groups/", GROUP, format="json")
    assert response.status_code == 201
    assert [sql for sql in where.on(where.primary) if sql.startswith("INSERT")]
    assert where.on(where.replica) == []
    assert response.cookies[routing.PIN_COOKIE]["max-age"] == 10
    url = f"/api/v1/ethnic-groups/{response.json()['id']}/"
    with Where("assembly_ethnicgroup") as where:
        assert writer.get(url).status_code == 200
    assert where.alias == DEFAULT_DB_ALIAS
    with Where("assembly_ethnicgroup") as where:
        assert APIClient().get(url).status_code == 200
    assert where.alias == REPLICA


def test_the_read_your_writes_window_ends(replica, settings):
    settings.READ_YOUR_WRITES_SECONDS = -1  # already over when the next request comes
    writer = secretariat_client()
    assert writer.post("/api/v1/ethnic-groups/", GROUP, format="json").status_code == 201
    with Where("assembly_ethnicgroup") as where:
        assert writer.get("/api/v1/ethnic-groups/").status_code == 200
    assert where.alias == REPLICA


def test_a_token_client_keeping_no_cookies_reads_its_own_write_from_the_primary(replica):
    make_user("secretariat", Role.SECRETARIAT, staff=True)
    key = (
        APIClient()
        .post("/api/v1/auth/token/", {"username": "secretariat", "password": "pw-secretariat"}, format="json")
        .json()["token"]
    )

    def fresh_client():  # a new client each time: no cookie is carried from one request to the next
        return APIClient(HTTP_AUTHORIZATION=f"Token {key}")

    assert fresh_client().post("/api/v1/ethnic-groups/", GROUP, format="json").status_code == 201
    with Where("assembly_ethnicgroup") as where:
        assert fresh_client().get("/api/v1/ethnic-groups/").status_code == 200
    assert where.alias == DEFAULT_DB_ALIAS


def test_an_unreachable_replica_leaves_reads_to_the_primary_and_is_not_asked_again_at_once(dead_replica):
    with CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as primary:
        response = APIClient().get("/api/v1/regions/")
    assert response.status_code == 200 and response.json()["count"] > 0
    assert any("regions_region" in query["sql"] for query in primary.captured_queries)
    healthy, checked_at = routing._health[REPLICA]
    assert healthy is False
    assert APIClient().get("/api/v1/regions/").status_code == 200
    assert routing._health[REPLICA][1] == checked_at  # the answer was kept, not probed again


def test_a_replica_failing_in_the_middle_of_a_request_is_left_and_the_page_served_from_the_primary(replica):
    assert routing.replica_is_healthy(REPLICA)  # healthy at the probe…
    point_replica_at(unreachable_settings())  # …then gone before the request's first query
    response = APIClient().get("/api/v1/regions/")
    assert response.status_code == 200 and response.json()["count"] > 0
    assert routing._health[REPLICA][0] is False
    assert web_client().get("/regions/").status_code == 200


def test_cluster_health_names_the_replica_and_the_load_balancer_s_health_ignores_it(dead_replica):
    assert web_client().get("/health/?format=json").status_code == 200
    response = web_client().get("/health/cluster/?format=json")
    assert response.status_code == 500
    body = response.json()
    assert body["Replica(alias='replica_0')"].endswith("unreachable: its reads go to the primary")
    assert body["TaskQueue(waited_minutes=10)"] == "OK"


def test_cluster_health_passes_a_reachable_replica_but_names_a_postgresql_one_that_is_no_standby(replica):
    response = web_client().get("/health/cluster/?format=json")
    verdict = response.json()["Replica(alias='replica_0')"]
    if replica.vendor == "postgresql":  # here the "replica" is the primary itself: a mistake the check catches
        assert response.status_code == 500
        assert verdict.endswith("not a standby: it does not replay the primary")
    else:
        assert response.status_code == 200 and verdict == "OK"


def test_migrations_run_on_the_primary_only_and_objects_relate_across_aliases(replica):
    assert router.allow_migrate(DEFAULT_DB_ALIAS, "regions")
    assert not router.allow_migrate(REPLICA, "regions")
    from_replica, from_primary = EthnicGroup(), EthnicGroup()
    from_replica._state.db, from_primary._state.db = REPLICA, DEFAULT_DB_ALIAS
    assert router.allow_relation(from_replica, from_primary)


def test_without_replicas_nothing_is_routed_and_no_cookie_is_set(reference):
    assert routing.replica_aliases() == []
    assert router.routers == []
    response = secretariat_client().post("/api/v1/ethnic-groups/", GROUP, format="json")
    assert response.status_code == 201
    assert routing.PIN_COOKIE not in response.cookies


def test_replica_urls_become_databases_with_the_primary_s_options_and_a_short_connect_timeout():
    code = (
        "from django.conf import settings as s; import json; "
        "print(json.dumps([s.DATABASE_REPLICAS, s.DATABASE_ROUTERS, s.DATABASES['replica_1']]))"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.test_settings",
        "DATABASE_URL": "postgres://app@primary:5432/shanyrak?sslmode=require",
        "DATABASE_REPLICA_URLS": "postgres://app@replica-a:5432/shanyrak, postgres://app@replica-b:5432/shanyrak",
        "REPLICA_CONNECT_TIMEOUT": "3",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    aliases, routers, second = json.loads(result.stdout.strip().splitlines()[-1])
    assert aliases == ["replica_0", "replica_1"]
    assert routers == ["config.routing.ReplicaRouter"]
    assert second["HOST"] == "replica-b"
    assert second["OPTIONS"] == {"sslmode": "require", "connect_timeout": 3}
    assert second["TEST"]["MIRROR"] == "default"
