"""Running the queued background jobs in a test: the real database backend's real worker, against the test
database, until the queue is empty."""

import io
import signal

from django.core.management import call_command

_SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]


def run_jobs():
    """Run every queued task with `manage.py db_worker --batch`; returns what the worker printed. The worker installs
    its own signal handlers: the test process gets its own back afterwards."""
    handlers = {number: signal.getsignal(number) for number in _SIGNALS}
    out = io.StringIO()
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", stdout=out)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
    return out.getvalue()
