"""A job's progress, written where the page can see it at once.

A job that imports in one transaction must not write its progress inside that transaction: the page would see
nothing until the commit, and a rollback would take the progress with it. While the job's connection is inside a
transaction the job opened (deeper than where the Progress was made), progress goes through a connection of its own
(autocommit). SQLite allows one writer at a time, so
there the progress stays at its last value until the transaction ends.
"""

import time

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Q
from django.db.models.sql.constants import NO_RESULTS
from django.db.models.sql.subqueries import UpdateQuery
from django.utils import timezone

from jobs.models import Job


class Progress:
    """`start(phase, total)`, then `advance(done)` as often as convenient: writes at most every `interval` seconds
    (and always at the start of a phase). `close()` releases the side connection; `with Progress(job):` does it."""

    def __init__(self, job, interval=0.5, using=DEFAULT_DB_ALIAS):
        self.job = job
        self.interval = interval
        self.using = using
        self._side = None
        self._written_at = 0.0
        self._depth = len(connections[using].atomic_blocks)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def start(self, phase, total):
        self.job.phase, self.job.total, self.job.done = phase, total, 0
        self._write()

    def advance(self, done):
        self.job.done = done
        if time.monotonic() - self._written_at >= self.interval:
            self._write()

    def _write(self):
        self._written_at = time.monotonic()
        self.job.heartbeat_at = timezone.now()
        values = {
            "phase": self.job.phase,
            "done": self.job.done,
            "total": self.job.total,
            "heartbeat_at": self.job.heartbeat_at,
        }
        connection = connections[self.using]
        if len(connection.atomic_blocks) <= self._depth:
            Job.objects.using(self.using).filter(pk=self.job.pk).update(**values)
            return
        side = self._side_connection(connection)
        if side is None:
            return
        query = UpdateQuery(Job)
        query.add_q(Q(pk=self.job.pk))
        query.add_update_values(values)
        query.get_compiler(connection=side).execute_sql(NO_RESULTS)

    def _side_connection(self, connection):
        if connection.vendor == "sqlite":
            return None
        if self._side is None:
            self._side = connections.create_connection(self.using)
        return self._side

    def close(self):
        if self._side is not None:
            self._side.close()
            self._side = None
