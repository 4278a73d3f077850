"""API reads at national scale, each against the same SQL run on the raw driver connection and JSON-encoded.

The database is seeded with `seed_demo --scale national --factor BENCH_FACTOR` (1 by default: 75,000 national
events on top of the demo's). For every read the harness records the SQL statements one API request runs (through
a Django execute wrapper), then times two things in the same run, interleaved:

- the API: the request through Django's test client (routing, authentication, filters, pagination, rendering);
- the raw baseline: the same statements with the same parameters on the driver's own connection (psycopg or
  sqlite3), every fetched row turned into a dict and encoded as JSON (orjson) — the floor any API could reach.

BENCH_SAMPLES sets the samples per read (15); BENCH_PROFILE=<read> prints a pyinstrument profile of that read.
"""

import json
import os
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import orjson
from django.core.management import call_command
from django.db import connection
from django.db.backends.sqlite3.base import FORMAT_QMARK_REGEX
from django.test import Client

from events.models import Event
from registry.api.pagination import MAX_OFFSET

# The national seed stays in a BENCH_DATABASE for the next run; it is idempotent.
KEEP = True
SAMPLES = int(os.environ.get("BENCH_SAMPLES", "15"))
PAGE = 100


class Recorder:
    """Django execute wrapper keeping each statement and its parameters."""

    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        if connection.vendor == "sqlite":
            # Django's SQLite cursor turns %s into ?; the raw sqlite3 connection needs the ? already.
            sql = FORMAT_QMARK_REGEX.sub("?", sql).replace("%%", "%")
        self.statements.append((sql, params))
        return execute(sql, params, many, context)


def raw_rows(sql, params):
    """Run one statement on the driver connection; the rows as dicts, JSON-encoded."""
    raw = connection.connection
    cursor = raw.cursor()
    cursor.execute(sql, params or ())
    if cursor.description is None:
        cursor.close()
        return b""
    columns = [column[0] for column in cursor.description]
    body = orjson.dumps([dict(zip(columns, row, strict=True)) for row in cursor.fetchall()], default=str)
    cursor.close()
    return body


def stream(cursor, sql, params):
    """Fetch a query's rows 2,000 at a time and encode each batch as JSON; the number of rows."""
    cursor.execute(sql, params or ())
    columns = [column[0] for column in cursor.description]
    fetched = 0
    while chunk := cursor.fetchmany(2000):
        orjson.dumps([dict(zip(columns, row, strict=True)) for row in chunk], default=str)
        fetched += len(chunk)
    cursor.close()
    return fetched


def p50(durations):
    return statistics.median(durations)


class Bench:
    def __init__(self, out):
        self.out = out
        self.rows = []
        self.profile = os.environ.get("BENCH_PROFILE", "")

    def client(self, token=None):
        headers = {"HTTP_ACCEPT_LANGUAGE": "en"}
        if token:
            headers["HTTP_AUTHORIZATION"] = f"Token {token}"
        return Client(**headers)

    def read(self, name, client, url, raw=True, against=None, against_label=""):
        """Time `url` through the API and (when `raw`) its statements on the raw connection, interleaved."""
        recorder = Recorder()
        with connection.execute_wrapper(recorder):
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        statements = [(sql, params) for sql, params in recorder.statements if sql.lstrip().upper().startswith("SELECT")]
        api, base = [], []
        for _sample in range(SAMPLES):
            started = time.perf_counter()
            response = client.get(url)
            b"".join(response) if response.streaming else response.content
            api.append((time.perf_counter() - started) * 1000)
            if raw:
                started = time.perf_counter()
                for sql, params in statements:
                    raw_rows(sql, params)
                base.append((time.perf_counter() - started) * 1000)
        if self.profile and self.profile in name:
            self.profiled(client, url)
        row = {"read": name, "api": p50(api), "raw": p50(base) if base else None, "queries": len(statements)}
        if against:
            row["note"] = f"{row['api'] / against['api']:.2f}x {against_label}"
        self.rows.append(row)
        self.print(row)
        return row

    def profiled(self, client, url):
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _sample in range(SAMPLES):
            client.get(url)
        profiler.stop()
        self.out.write(profiler.output_text(unicode=True, color=False, show_all=False))

    def print(self, row):
        ratio = f"{row['api'] / row['raw']:6.1f}x" if row.get("raw") else "       "
        raw = f"{row['raw']:8.1f} ms" if row.get("raw") else "           "
        note = f"  {row['note']}" if row.get("note") else ""
        self.out.write(
            f"   {row['read']:<52} {row['api']:8.1f} ms {raw} {ratio}  ({row.get('queries', '-')} queries){note}\n"
        )

    def sync(self, client, total, size=1000):
        """Walk every event with cursors (`size` a page) against a server-side cursor over the same query. The API's
        time is the requests' time; the client's decoding of the pages is left out, as the baseline decodes
        nothing either."""
        url = f"/api/v1/events/?format=json&page_size={size}&pagination=cursor"
        recorder = Recorder()
        with connection.execute_wrapper(recorder):
            client.get(url)
        sql, params = next(
            (sql, params) for sql, params in recorder.statements if '"events_event"' in sql and "LIMIT" in sql
        )
        sql = re.sub(r"\s+LIMIT\s+\S+\s*$", "", sql)

        walked, next_url, api_seconds = 0, url, 0.0
        while next_url:
            started = time.perf_counter()
            response = client.get(next_url)
            api_seconds += time.perf_counter() - started
            body = orjson.loads(response.content)
            walked += len(body["results"])
            next_url = body["next"]

        started = time.perf_counter()
        raw = connection.connection
        if connection.vendor == "postgresql":
            with raw.transaction():  # a server-side cursor lives in a transaction
                fetched = stream(raw.cursor(name="bench_sync"), sql, params)
        else:
            fetched = stream(raw.cursor(), sql, params)
        raw_seconds = time.perf_counter() - started
        api_rate, raw_rate = walked / api_seconds, fetched / raw_seconds
        self.out.write(
            f"   full cursor sync of all events ({walked:,} rows, page_size={size}): {api_rate:8,.0f} rows/s "
            f"{raw_rate:8,.0f} rows/s  API at {api_rate / raw_rate:.0%} of the raw server-side cursor\n"
        )
        self.rows.append({"read": f"full cursor sync, {size} a page", "api_rate": api_rate, "raw_rate": raw_rate})


def run(out):
    factor = float(os.environ.get("BENCH_FACTOR", "1"))
    started = time.perf_counter()
    call_command("seed_demo", scale="national", factor=factor, stdout=open(os.devnull, "w"))  # noqa: SIM115
    total = Event.objects.filter(archived_at__isnull=True).count()
    out.write(f"   national seed at factor {factor:g}: {total:,} events ({time.perf_counter() - started:.1f} s)\n")
    from accounts.models import ApiToken, User

    _token, token = ApiToken.issue(User.objects.get(username="reader"))  # a fresh key: only digests are stored
    bench = Bench(out)
    authenticated = bench.client(token)
    anonymous = bench.client()
    out.write(f"   {'read':<52} {'API p50':>11} {'raw p50':>11} {'ratio':>7}\n")
    events = "/api/v1/events/?format=json"
    first = bench.read("events, page of 100, region filter", authenticated, f"{events}&page_size={PAGE}&region=KZ-10")
    bench.read("events, page of 1000", authenticated, f"{events}&page_size=1000")
    bench.read(
        "events, page of 100, anonymous",
        anonymous,
        f"{events}&page_size={PAGE}&region=KZ-10",
        against=first,
        against_label="the authenticated read",
    )
    bench.read('events, search "festival", page of 100', authenticated, f"{events}&page_size={PAGE}&search=festival")
    bench.read('events, search "фестиваль", page of 100', authenticated, f"{events}&page_size={PAGE}&search=фестиваль")
    page_one = bench.read("events, page 1 of a 100-row paging", authenticated, f"{events}&page_size={PAGE}")
    # The deepest page a page number still serves, and one beyond it (a 400 pointing to cursors).
    deep = min(MAX_OFFSET // PAGE, total // PAGE)
    bench.read(
        f"events, page {deep} of a 100-row paging (OFFSET)",
        authenticated,
        f"{events}&page_size={PAGE}&page={deep}",
        against=page_one,
        against_label="page 1",
    )
    beyond = MAX_OFFSET // PAGE + 1
    status = authenticated.get(f"{events}&page_size={PAGE}&page={beyond}").status_code
    out.write(f"   events, page {beyond} of a 100-row paging: HTTP {status} (deeper reads go by cursor)\n")
    bench.read("events, page of 100 by cursor", authenticated, f"{events}&page_size={PAGE}&pagination=cursor")
    event_id = Event.objects.filter(archived_at__isnull=True).order_by("id").values_list("id", flat=True)[0]
    bench.read("event detail", authenticated, f"/api/v1/events/{event_id}/?format=json")
    bench.read("associations, page of 100", authenticated, f"/api/v1/associations/?format=json&page_size={PAGE}")
    bench.read(
        'associations, search "association", page of 100',
        authenticated,
        f"/api/v1/associations/?format=json&page_size={PAGE}&search=association",
    )
    bench.read("persons, page of 100", authenticated, f"/api/v1/persons/?format=json&page_size={PAGE}")
    bench.read(
        'persons, search "Ахметов", page of 100',
        authenticated,
        f"/api/v1/persons/?format=json&page_size={PAGE}&search=Ахметов",
    )
    bench.read("councils, page of 100", authenticated, f"/api/v1/councils/?format=json&page_size={PAGE}")
    bench.read("events statistics, one year", authenticated, "/api/v1/stats/events/?format=json&year=2024")
    # The public dashboards, as a citizen opens them (pages, so the baseline runs their queries without rendering).
    for name, url in (
        ("front page (figures, upcoming events, region map)", "/"),
        ("statistics dashboard", "/statistics/"),
        ("region page, Abai", "/regions/KZ-10/"),
    ):
        bench.read(name, anonymous, url)
    for size in (1000, 5000):
        bench.sync(authenticated, total, size)
    export_rows(bench, authenticated, out, token)


def export_rows(bench, client, out, token):
    """The streamed export: rows per second of CSV and NDJSON, and the peak memory of a half and a full export."""
    for kind in ("csv", "ndjson"):
        started = time.perf_counter()
        lines, size = drain(client.get(f"/api/v1/events/export/?format={kind}"))
        seconds = time.perf_counter() - started
        out.write(
            f"   export of all events as {kind}: {lines:,} lines, {size / 1e6:.1f} MB, {lines / seconds:,.0f} rows/s\n"
        )
    middle = Event.objects.filter(archived_at__isnull=True).order_by("start_date").values_list("start_date", flat=True)
    middle = middle[middle.count() // 2]
    for label, url in (
        ("half of the events", f"/api/v1/events/export/?format=ndjson&start_date__gte={middle}"),
        ("all the events", "/api/v1/events/export/?format=ndjson"),
    ):
        tracemalloc.start()
        lines, _size = drain(client.get(url))
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss = worker_rss(url, token)
        out.write(
            f"   export of {label} ({lines:,} rows): peak Python memory {peak / 1e6:.1f} MB; worker process "
            f"{rss['floor_mb']:.0f} MB after an empty export, peak {rss['peak_mb']:.0f} MB after this one "
            f"(+{rss['peak_mb'] - rss['floor_mb']:.0f} MB)\n"
        )


def worker_rss(url, token):
    """The export in a fresh process (bench/export_memory.py): its peak RSS before and after."""
    settings = connection.settings_dict
    database = {key: settings[key] for key in ("ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT", "OPTIONS")}
    environment = {**os.environ, "BENCH_CHILD_DATABASE": json.dumps(database), "BENCH_CHILD_TOKEN": token}
    script = Path(__file__).with_name("export_memory.py")
    done = subprocess.run([sys.executable, str(script), url], env=environment, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"bench/export_memory.py failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def drain(response):
    assert response.status_code == 200, response.status_code
    lines = size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    return lines, size
