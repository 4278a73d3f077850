"""Running the queued background jobs in a test: the real database backend's real worker, against the test
database, until the queue is empty."""

import io
import signal
from unittest import mock

from django.core.management import call_command

_SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]


def run_jobs():
    """Run every queued task with `manage.py db_worker --batch`; returns what the worker printed.

    Two things of the worker's are kept from the test process: the signal handlers it installs (the test process
    gets its own back), and its closing of database connections between tasks, which closes a connection found
    inside a transaction as broken; in a test, every query is inside the test's transaction."""
    handlers = {number: signal.getsignal(number) for number in _SIGNALS}
    out = io.StringIO()
    try:
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", stdout=out)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
    return out.getvalue()


def checked(client, upload):
    """Upload `upload` to the portal: the check job it starts is run and its page returned (or the upload page, when
    the form refused the file before any job)."""
    response = client.post("/portal/events/upload/", {"file": upload})
    if response.status_code != 302:
        return response
    assert response["Location"].startswith("/portal/jobs/"), response["Location"]
    run_jobs()
    return client.get(response["Location"])
