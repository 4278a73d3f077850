"""`/health/`: what a load balancer or a monitor asks before sending users to this app server.

Built on django-health-check: the database answers, the cache stores and reads back, and every migration in the code
is applied to the database (an app server started before `migrate` ran is not healthy). 200 when all pass, 500 with
the failing check named otherwise; `?format=json` or `Accept: application/json` for machines.

`/health/cluster/` is for monitors rather than load balancers: the same checks plus each read replica and the
background-jobs queue. A replica down or a queue without a worker does not stop an app server from serving (reads
fall back to the primary, jobs wait), so these must page someone, not take app servers out of the pool.
"""

import dataclasses
import datetime

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from health_check.base import HealthCheck
from health_check.checks import Cache, Database
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

from config import routing


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Every migration of the code is applied to the database."""

    alias: str = DEFAULT_DB_ALIAS

    def run(self):
        connection = connections[self.alias]
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            pending = ", ".join(f"{migration.app_label}.{migration.name}" for migration, _backwards in plan[:5])
            raise ServiceUnavailable(f"{len(plan)} migration(s) not applied: {pending}")


class ShanyrakHealthView(HealthCheckView):
    checks = (Database, Cache, Migrations)


@dataclasses.dataclass
class Replica(HealthCheck):
    """The read replica answers now (its cached answer is refreshed too), and is replaying the primary's log."""

    alias: str = "replica_0"

    def run(self):
        connection = connections[self.alias]
        try:
            if not routing.replica_is_healthy(self.alias, force=True):
                raise ServiceUnavailable("unreachable: its reads go to the primary")
            if connection.vendor != "postgresql":
                return
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_is_in_recovery()")
                if not cursor.fetchone()[0]:
                    raise ServiceUnavailable("not a standby: it does not replay the primary")
        finally:
            connection.close()  # checks run on the view's worker threads: keep no connection there


@dataclasses.dataclass
class TaskQueue(HealthCheck):
    """No background task has waited longer than `waited_minutes`: some worker is taking them."""

    waited_minutes: int = 10

    def run(self):
        if settings.TASKS_BACKEND != "database":
            return
        from django_tasks_db.models import DBTaskResult

        since = timezone.now() - datetime.timedelta(minutes=self.waited_minutes)
        waiting = DBTaskResult.objects.ready().filter(enqueued_at__lt=since).count()
        if waiting:
            raise ServiceUnavailable(f"{waiting} task(s) waiting over {self.waited_minutes} minutes: no worker?")


class ClusterHealthView(HealthCheckView):
    def get_checks(self):
        yield from super().get_checks()
        for alias in routing.replica_aliases():
            yield Replica(alias=alias)
        yield TaskQueue()

    checks = (Database, Cache, Migrations)
