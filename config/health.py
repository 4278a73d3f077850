"""`/health/`: what a load balancer or a monitor asks before sending users to this app server.

Built on django-health-check: the database answers, the cache stores and reads back, and every migration in the code
is applied to the database (an app server started before `migrate` ran is not healthy). 200 when all pass, 500 with
the failing check named otherwise; `?format=json` or `Accept: application/json` for machines.
"""

import dataclasses

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from health_check.base import HealthCheck
from health_check.checks import Cache, Database
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


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
