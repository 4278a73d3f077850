"""Real streaming replication: an app server reads from a PostgreSQL standby, writes to its primary, lets a writer
read its own writes, and keeps serving when the standby stops.

The pair of clusters is made for this module (tests/replication.py) whatever database the suite runs on: the suite's
own test database is left alone, since a standby copies a whole cluster and the suite's test database lives inside a
transaction the standby would never see. The app server is a real gunicorn started against the pair, so what is
checked is what a client gets; where a read was served is told by pausing the standby's replay: a row written after
the pause exists on the primary only.
"""

import psycopg
import pytest
import requests

from tests.replication import streaming_pair_fixture
from tests.serverkit import AppServer, api_token, manage, server_environment

pytestmark = pytest.mark.slow

PASSWORD = "replication-writer-password"
CREATE_WRITER = (
    "from accounts.models import Role, User; "
    f"User.objects.create_user('writer', password='{PASSWORD}', role=Role.SECRETARIAT, is_staff=True)"
)


def group(english):
    return {"names": {"kk": english, "ru": english, "en": english}}


@pytest.fixture(scope="module")
def pair():
    yield from streaming_pair_fixture()


@pytest.fixture(scope="module")
def app(pair, tmp_path_factory):
    primary_only = server_environment(DATABASE_URL=pair.primary.url())
    manage("migrate", "--noinput", environment=primary_only)
    manage("shell", "-c", CREATE_WRITER, environment=primary_only)
    environment = server_environment(
        DATABASE_URL=pair.primary.url(), DATABASE_REPLICA_URLS=pair.standby.url(), REPLICA_HEALTH_SECONDS="1"
    )
    server = AppServer(environment, tmp_path_factory.mktemp("replication-logs"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def writer(app):
    session = requests.Session()
    session.headers["Authorization"] = f"Token {api_token(app, 'writer', PASSWORD)}"
    return session


def on_standby(pair, group_id):
    with pair.standby.connect() as standby:
        return standby.execute("SELECT count(*) FROM assembly_ethnicgroup WHERE id = %s", [group_id]).fetchone()[0]


def test_a_write_through_the_app_is_replayed_on_the_standby_which_refuses_writes(pair, app, writer):
    response = writer.post(app.url("/api/v1/ethnic-groups/"), json=group("Dungans"), timeout=30)
    assert response.status_code == 201, response.text
    group_id = response.json()["id"]
    assert pair.wait_for(lambda: on_standby(pair, group_id) == 1), pair.logs()
    with pair.standby.connect() as standby, pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        standby.execute("DELETE FROM assembly_ethnicgroup")


def test_others_read_from_the_standby_while_the_writer_reads_its_own_write_from_the_primary(pair, app, writer):
    with pair.standby.connect() as standby:
        standby.execute("SELECT pg_wal_replay_pause()")
    try:
        response = writer.post(app.url("/api/v1/ethnic-groups/"), json=group("Kurds"), timeout=30)
        assert response.status_code == 201, response.text
        assert response.cookies.get("shanyrak_primary")
        url = app.url(f"/api/v1/ethnic-groups/{response.json()['id']}/")
        assert writer.get(url, timeout=30).status_code == 200  # its cookie pins it to the primary
        token_only = {"Authorization": writer.headers["Authorization"]}
        assert requests.get(url, headers=token_only, timeout=30).status_code == 200  # no cookie: the token's mark
        assert requests.get(url, timeout=30).status_code == 404  # the standby, paused before the write
        assert on_standby(pair, response.json()["id"]) == 0
    finally:
        with pair.standby.connect() as standby:
            standby.execute("SELECT pg_wal_replay_resume()")
    assert pair.wait_for(lambda: requests.get(url, timeout=30).status_code == 200)


def test_when_the_standby_stops_reads_are_served_from_the_primary_and_the_monitor_is_told(pair, app):
    healthy = requests.get(app.url("/health/cluster/?format=json"), timeout=30)
    assert healthy.status_code == 200 and healthy.json()["Replica(alias='replica_0')"] == "OK"
    pair.stop(pair.standby)
    for _ in range(3):
        response = requests.get(app.url("/api/v1/ethnic-groups/"), timeout=30)
        assert response.status_code == 200
        assert {"Dungans", "Kurds"} <= {row["name"] for row in response.json()["results"]}
    assert requests.get(app.url("/regions/"), timeout=30).status_code == 200
    assert requests.get(app.url("/health/"), timeout=30).status_code == 200
    cluster = requests.get(app.url("/health/cluster/?format=json"), timeout=30)
    assert cluster.status_code == 500
    assert cluster.json()["Replica(alias='replica_0')"].endswith("unreachable: its reads go to the primary")
