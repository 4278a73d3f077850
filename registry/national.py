"""`seed_demo --scale national`: the country at the figures the Assembly reports, as demo data.

On top of the reference data (and the ordinary demo seed), this tops every large registry up to its national
figure: 15,000 events a year over five years with about 1,000,000 participants a year, 1,000 ethnocultural
associations, 4,000 public organisations, 32 Houses of Friendship, 1,100 councils of elders with 7,600 elders,
1,700 councils of mothers with 16,000 members, the Assembly of Youth's 9,000 members, 20 regional mediation offices
with 1,200 mediators and 3,000 cases a year. `factor` scales the large figures (0.01 for a quick test); the
handful of Houses of Friendship and mediation offices are not scaled.

Rows are spread over the real regions (weighted roughly by population) and their districts, over kinds and over
months with a seasonal shape. Every row is demo data, marked as the ordinary demo seed marks it ("(demo)" names,
a DEMO description, events with source "demo"), plus NATIONAL_MARK so that a second run counts what is already
there and only creates what is missing. Rows are written with bulk inserts in batches and no history rows:
invented data has no history, and a record's history starts at its first real change.

This module holds what every app's share needs (the figures, the marks, the progress bar, batched inserts, `Part`);
each app's share is a `Part` in its own `national.py` (assembly, councils, mediation, events), found like the apps'
`demo` and `reference` modules, so that this base package imports none of the apps above it.
"""

import random
import sys
import time

from django.db import connection, transaction

from registry.management.commands.load_reference import app_modules

NATIONAL_MARK = "DEMO (national scale)"
BATCH = 2000

YEARS = (2021, 2022, 2023, 2024, 2025)
FIGURES = {
    "events_per_year": 15_000,
    "participants_per_year": 1_000_000,
    "associations": 1_000,
    "public_organisations": 4_000,
    "councils_of_elders": 1_100,
    "elders": 7_600,
    "councils_of_mothers": 1_700,
    "mothers": 16_000,
    "youth": 9_000,
    "mediators": 1_200,
    "cases_per_year": 3_000,
}
HOUSES = 32
MEDIATION_OFFICES = 20


class Progress:
    """A one-line text bar on stderr: `[#####.....]  45%  events 33,750/75,000`."""

    def __init__(self, total, stream=None, width=30, report=None):
        self.total = max(total, 1)
        self.rows = total
        self.report = report
        self.done = 0
        self.stream = stream or sys.stderr
        self.width = width
        self.started = time.perf_counter()
        self.live = getattr(self.stream, "isatty", lambda: False)()
        self.label = ""
        if report is not None:
            report(0, total)

    def step(self, label, count, of):
        self.done += count
        self.label = f"{label} {of[0]:,}/{of[1]:,}"
        if self.report is not None:
            self.report(self.done, self.rows)
        if self.live:
            self.stream.write("\r" + self.line())
            self.stream.flush()

    def line(self):
        share = min(self.done / self.total, 1)
        filled = int(share * self.width)
        elapsed = time.perf_counter() - self.started
        return f"[{'#' * filled}{'.' * (self.width - filled)}] {share:4.0%}  {elapsed:5.1f} s  {self.label:<40}"

    def finish(self):
        self.stream.write(("\r" if self.live else "") + self.line() + "\n")
        self.stream.flush()


def scaled(figure, factor):
    return max(1, round(figure * factor))


def weighted(rng, weights):
    population = list(weights)
    return rng.choices(population, weights=[weights[key] for key in population])[0]


def insert(model, objs, progress, label, of):
    created = []
    for start in range(0, len(objs), BATCH):
        created.extend(model.objects.bulk_create(objs[start : start + BATCH]))
        progress.step(label, min(BATCH, len(objs) - start), (of[0] + start + len(objs[start : start + BATCH]), of[1]))
    return created


class Part:
    """One app's share of the national seed, in its `<app>/national.py` (listed in that module's `PARTS`):
    `make_plan()` records, with `want()`, what each of its registries has and lacks; `run()` creates what is missing
    and returns {label: rows created}. The plan is made for every part before any part runs."""

    progress = None

    def __init__(self, factor):
        self.factor = factor
        self.plan = {}
        self.make_plan()

    def make_plan(self):
        raise NotImplementedError

    def run(self):
        raise NotImplementedError

    def want(self, key, label, have_total, have_national, figure):
        """Registry `key`: (label, national rows already there, wanted, missing)."""
        self.plan[key] = (label, have_national, figure, max(0, figure - have_total))

    def want_rows(self, key, label, rows, national, figure):
        """`want` for the queryset `rows`, of which those matching the lookups `national` are the seed's own;
        `figure` names one of FIGURES (scaled by the factor) or is a number taken as it is."""
        wanted = scaled(FIGURES[figure], self.factor) if isinstance(figure, str) else figure
        self.want(key, label, rows.count(), rows.filter(**national).count(), wanted)

    def missing(self):
        return sum(missing for _label, _have, _want, missing in self.plan.values())

    def todo(self, key):
        """Registry `key`'s (label, rows already there, rows missing, random generator)."""
        label, have, _want, missing = self.plan[key]
        return label, have, missing, self.rng(key)

    def rng(self, key):
        have = self.plan[key][1]
        return random.Random(f"{key}:{have}")


def seed(stdout, factor=1.0, stream=None, report=None):
    """Top the registries up to the national figures times `factor`; returns {registry: rows created}.

    The plan (counts only) is made first, so that the total is known before anything is written; then every part
    runs in one transaction: a failure keeps nothing of it. `report(done, total)`, when given, is called with (0,
    total) before the transaction and after every batch (a background job's progress)."""
    started = time.perf_counter()
    parts = [part(factor) for module in app_modules("national") for part in getattr(module, "PARTS", ())]
    progress = Progress(sum(part.missing() for part in parts), stream, report=report)
    with transaction.atomic():
        made = {}
        for part in parts:
            part.progress = progress
            made.update(part.run())
        progress.finish()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    total = sum(made.values())
    stdout.write(
        f"national scale (factor {factor:g}): {total:,} rows created in {time.perf_counter() - started:.1f} s"
        + "".join(f"\n  {label}: {count:,}" for label, count in made.items() if count)
    )
    return made
