"""`/health/`: a load balancer's question, answered from the database, the cache and the migrations."""

import pytest

from config import health

pytestmark = pytest.mark.django_db


def test_a_healthy_server_answers_200_naming_each_check(client):
    response = client.get("/health/?format=json")
    assert response.status_code == 200
    body = response.json()
    assert len(body) == 3
    assert set(body.values()) == {"OK"}
    assert any(name.startswith("Migrations") for name in body)
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]


def test_unapplied_migrations_make_the_server_unhealthy(client, monkeypatch):
    class PendingPlan:
        def __init__(self, connection):
            self.loader = type("Loader", (), {"graph": type("Graph", (), {"leaf_nodes": lambda self: []})()})()

        def migration_plan(self, targets):
            migration = type("Migration", (), {"app_label": "events", "name": "0099_future"})()
            return [(migration, False)]

    monkeypatch.setattr(health, "MigrationExecutor", PendingPlan)
    response = client.get("/health/?format=json")
    assert response.status_code == 500
    assert "1 migration(s) not applied: events.0099_future" in " ".join(response.json().values())


def test_a_broken_cache_makes_the_server_unhealthy(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}  # stores nothing
    response = client.get("/health/", HTTP_ACCEPT="text/plain")
    assert response.status_code == 500
    assert "Cache" in response.content.decode()
