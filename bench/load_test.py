#!/usr/bin/env python
"""A 60-second load test of the API on loopback: gunicorn on PostgreSQL, with API consumers reading, coordinators
logging events and the secretariat verifying them, all at once. Prints requests, errors and p50/p95 per kind of
request; exits non-zero if any request failed. Figures to read, never a test assertion (docs/performance.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/shanyrak_load .venv/bin/python bench/load_test.py

The database is migrated and given the demo data (idempotent), and the events the run logs stay in it: use a
database of its own. LOAD_SECONDS (60), LOAD_CLIENTS (8 threads), LOAD_WORKERS (gunicorn workers, 2 per core) and
LOAD_PORT (8765) change the run.
"""

import http.client
import io
import itertools
import json
import os
import queue
import random
import secrets
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
CLIENTS = int(os.environ.get("LOAD_CLIENTS", "8"))
WORKERS = int(os.environ.get("LOAD_WORKERS", str(2 * (os.cpu_count() or 1))))
PORT = int(os.environ.get("LOAD_PORT", "8765"))
# Of every ten requests: seven reads by API consumers, two events logged by coordinators, one verification.
MIX = ["read"] * 7 + ["log"] * 2 + ["verify"]
READS = [
    ("read events page", "/api/v1/events/?page_size=50"),
    ("read events filtered", "/api/v1/events/?region=KZ-10&ordering=-start_date"),
    ("read event", None),
    ("read regions", "/api/v1/regions/"),
    ("read event statistics", "/api/v1/stats/events/"),
    ("read councils page", "/api/v1/councils/"),
]


def prepare():
    """Migrate, seed the demo data and issue a token for each role; returns {username: key}."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")  # only for this setup process; gunicorn runs with DEBUG off
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from accounts.models import ApiToken, User

    if connection.vendor != "postgresql":
        sys.exit("The load test runs on PostgreSQL: set DATABASE_URL to a PostgreSQL database of its own.")
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=io.StringIO())
    names = ["reader", "coord-kz-10", "coord-kz-75", "secretariat"]
    keys = {name: ApiToken.issue(User.objects.get(username=name))[1] for name in names}
    connection.close()
    return keys


def start_gunicorn():
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "WARNING",
        "PYTHONWARNINGS": "ignore:No directory at:UserWarning",
    }
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{PORT}"]
    command += ["--workers", str(WORKERS), "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    for _attempt in range(120):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
            conn.request("GET", "/api/v1/regions/")
            conn.getresponse().read()
            return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    sys.exit("gunicorn did not start.")


class Client:
    """One keep-alive connection signed in with a token; records every request's time and outcome."""

    def __init__(self, key, record):
        self.headers = {
            "Authorization": f"Token {key}",
            "Accept": "application/json",
            "Content-Type": "application/json",
        }
        self.record = record
        self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)

    def call(self, kind, method, path, body=None):
        started = time.perf_counter()
        try:
            self.conn.request(method, path, body=None if body is None else json.dumps(body), headers=self.headers)
            response = self.conn.getresponse()
            payload = response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as error:
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            payload, status = str(error).encode(), 0
        ok = 200 <= status < 300
        self.record(kind, time.perf_counter() - started, ok, None if ok else f"{status} {payload[:200]!r}")
        return json.loads(payload) if ok and payload else None


def run(keys):
    results, lock = {}, threading.Lock()
    failures = []
    submitted = queue.Queue()  # events logged in this run, each verified once
    serial = itertools.count()
    deadline = time.monotonic() + SECONDS

    def record(kind, seconds, ok, failure):
        with lock:
            times, errors = results.setdefault(kind, ([], [0]))
            times.append(seconds)
            if not ok:
                errors[0] += 1
                failures.append(f"{kind}: {failure}")

    def client_loop(number):
        rng = random.Random(number)
        reader = Client(keys["reader"], record)
        coordinator = Client(keys["coord-kz-10" if number % 2 else "coord-kz-75"], record)
        region = "KZ-10" if number % 2 else "KZ-75"
        secretariat = Client(keys["secretariat"], record)
        event_ids = []
        while time.monotonic() < deadline:
            kind = rng.choice(MIX)
            if kind == "read":
                name, path = rng.choice(READS)
                if path is None:
                    if not event_ids:
                        page = reader.call("read events page", "GET", "/api/v1/events/?page_size=50") or {}
                        event_ids = [row["id"] for row in page.get("results", [])] or [None]
                    if event_ids[0] is None:
                        continue
                    path = f"/api/v1/events/{rng.choice(event_ids)}/"
                reader.call(name, "GET", path)
            elif kind == "log":
                n = next(serial)
                day = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"
                body = {
                    "title": f"Load test meeting {n} {secrets.token_hex(3)}",
                    "kind": "festival",
                    "status": "held",
                    "start_date": day,
                    "region": region,
                    "participants_count": rng.randint(10, 500),
                    "volunteers_count": rng.randint(0, 40),
                    "languages": ["kk", "ru"],
                }
                created = coordinator.call("log event (coordinator)", "POST", "/api/v1/events/", body)
                if created:
                    submitted.put(created["id"])
            else:
                try:
                    event_id = submitted.get_nowait()
                except queue.Empty:
                    secretariat.call("read submitted (secretariat)", "GET", "/api/v1/events/?verification=submitted")
                    continue
                secretariat.call("verify event (secretariat)", "POST", f"/api/v1/events/{event_id}/verify/")

    threads = [threading.Thread(target=client_loop, args=(number,)) for number in range(CLIENTS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, failures, time.monotonic() - started


def report(results, failures, elapsed):
    print(f"{CLIENTS} clients for {elapsed:.0f} s against gunicorn ({WORKERS} workers) on PostgreSQL, loopback\n")
    print(f"{'kind':<32} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8}")
    total = errors = 0
    for kind in sorted(results):
        times, (failed,) = results[kind]
        total, errors = total + len(times), errors + failed
        p50 = statistics.median(times) * 1000
        p95 = statistics.quantiles(times, n=20)[-1] * 1000 if len(times) >= 2 else p50
        print(f"{kind:<32} {len(times):>9} {failed:>7} {p50:>8.1f} {p95:>8.1f}")
    everything = [t for times, _ in results.values() for t in times]
    p95 = statistics.quantiles(everything, n=20)[-1] * 1000 if len(everything) >= 2 else 0
    print(f"{'all':<32} {total:>9} {errors:>7} {statistics.median(everything) * 1000:>8.1f} {p95:>8.1f}")
    print(f"\n{total / elapsed:.0f} requests per second")
    for failure in failures[:10]:
        print("  failed:", failure)
    return errors


def main():
    keys = prepare()
    server = start_gunicorn()
    try:
        results, failures, elapsed = run(keys)
    finally:
        server.terminate()
        server.wait(timeout=30)
    sys.exit(1 if report(results, failures, elapsed) else 0)


if __name__ == "__main__":
    main()
