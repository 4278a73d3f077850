"""Stateless app servers: two gunicorn processes on one database share sign-ins, tokens and (with Redis) the cache.

Each case starts two real servers on two ports against one SQLite file (a copy of one migrated for the module), signs
in on one and goes on with that session on the other, request after request. With Redis (when `redis-server` is
installed) the cache is shared too: sessions kept in it travel between the servers, and the anonymous API throttle
counts the requests made to both.
"""

import shutil
import subprocess
import time

import pytest
import requests

from tests.serverkit import AppServer, api_token, free_port, manage, server_environment, signed_in_session

pytestmark = pytest.mark.slow

PASSWORD = "two-servers-password"
CREATE_USER = (
    "from accounts.models import Role, User; "
    f"User.objects.create_user('secretary', password='{PASSWORD}', role=Role.SECRETARIAT, is_staff=True)"
)


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory):
    path = tmp_path_factory.mktemp("two-servers") / "template.sqlite3"
    environment = server_environment(DATABASE_URL=f"sqlite:///{path}")
    manage("migrate", "--noinput", environment=environment)
    manage("shell", "-c", CREATE_USER, environment=environment)
    return path


@pytest.fixture
def redis_url():
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=20)


def two_servers(migrated_database, tmp_path, **variables):
    database = tmp_path / "shared.sqlite3"
    shutil.copy(migrated_database, database)
    environment = server_environment(DATABASE_URL=f"sqlite:///{database}", **variables)
    return AppServer(environment, tmp_path), AppServer(environment, tmp_path)


def check_sign_in_and_token_on_both(first, second):
    browser = signed_in_session(first, "secretary", PASSWORD)
    for server in [first, second, first, second, second, first]:
        page = browser.get(server.url("/portal/"), allow_redirects=False, timeout=30)
        assert page.status_code == 200, (server.port, page.status_code)
    token = {"Authorization": f"Token {api_token(second, 'secretary', PASSWORD)}"}
    for server in (first, second):
        assert requests.get(server.url("/api/v1/mediation-cases/"), headers=token, timeout=30).status_code == 200
        assert requests.get(server.url("/api/v1/mediation-cases/"), timeout=30).status_code == 401
    signed_out = browser.post(
        second.url("/portal/logout/"),
        data={"csrfmiddlewaretoken": browser.cookies["csrftoken"]},
        headers={"Referer": second.url("/portal/")},
        allow_redirects=False,
        timeout=30,
    )
    assert signed_out.status_code == 302
    assert browser.get(first.url("/portal/"), allow_redirects=False, timeout=30).status_code == 302


def test_a_sign_in_on_one_server_holds_on_the_other_and_a_token_works_on_both(migrated_database, tmp_path):
    servers = two_servers(migrated_database, tmp_path)
    try:
        check_sign_in_and_token_on_both(*servers)
    finally:
        for server in servers:
            server.stop()


def test_with_redis_sessions_in_the_cache_travel_and_the_throttle_counts_both_servers(
    migrated_database, tmp_path, redis_url
):
    first, second = two_servers(
        migrated_database, tmp_path, REDIS_URL=redis_url, SESSION_STORE="cache", API_ANON_RATE="6/minute"
    )
    try:
        check_sign_in_and_token_on_both(first, second)
        # Anonymous requests, alternating: each server alone would allow six; together they stop at six or fewer
        # (some were spent above), and from then on both refuse.
        answers = [
            requests.get(server.url("/api/v1/regions/"), timeout=30).status_code for server in [first, second] * 5
        ]
        assert 429 in answers, answers
        allowed = answers.index(429)
        assert allowed <= 6 and answers[allowed:] == [429] * (len(answers) - allowed), answers
    finally:
        for server in (first, second):
            server.stop()
