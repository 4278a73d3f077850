"""Bulk upload of events: 15,000 rows checked and imported, against a naive per-row full_clean() and save()."""

import csv
import datetime
import io
import time

from django.db import transaction

from accounts.models import Role, User
from assembly.models import Body
from events.importer import EventImport
from events.lifecycle import Action
from events.models import Event, EventKind, Source
from events.tables import COLUMNS, read_table

ROWS = 15_000
BASELINE_ROWS = 1_500
KINDS = [kind for kind, _label in EventKind.choices]


def rows(count, region_offset=0):
    start = datetime.date(2025, 1, 1)
    for number in range(count):
        yield {
            "title": f"Достық кеші № {number + region_offset}",
            "kind": KINDS[number % len(KINDS)],
            "status": "held",
            "start_date": (start + datetime.timedelta(days=number % 300)).isoformat(),
            "district": "Semey" if number % 3 else "",
            "participants_count": str(20 + number % 400),
            "volunteers_count": str(number % 30),
            "funds_raised_kzt": str(1000 * (number % 50)) if number % 5 == 0 else "",
            "languages": "kk, ru",
        }


def csv_bytes(count):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows(count))
    return io.BytesIO(buffer.getvalue().encode("utf-8"))


def run(out):
    user, _created = User.objects.get_or_create(
        username="bench-coordinator", defaults={"role": Role.COORDINATOR, "region_id": "KZ-10"}
    )
    Body.objects.get_or_create(
        kind="regional_assembly",
        region_id="KZ-10",
        defaults={"level": "regional", "name_kk": "Абай", "name_ru": "Абай", "name_en": "Abai"},
    )

    # Baseline: what a per-row import costs (each row cleaned, saved, its history written on its own).
    assembly = Body.objects.get(kind="regional_assembly", region_id="KZ-10")
    started = time.perf_counter()
    with transaction.atomic():
        for row in rows(BASELINE_ROWS, region_offset=10**6):
            event = Event(
                title=row["title"],
                kind=row["kind"],
                status=row["status"],
                start_date=datetime.date.fromisoformat(row["start_date"]),
                region_id="KZ-10",
                organizer=assembly,
                participants_count=int(row["participants_count"]),
                volunteers_count=int(row["volunteers_count"]),
                languages=["kk", "ru"],
                source=Source.UPLOAD,
            )
            event.transition(user, Action.SUBMIT, save=False)
            event.full_clean()
            event.save()
    baseline = time.perf_counter() - started
    per_row = baseline / BASELINE_ROWS
    out.write(
        f"   naive per-row save: {BASELINE_ROWS} rows in {baseline:.2f} s = {BASELINE_ROWS / baseline:,.0f} rows/s "
        f"(15,000 rows would take about {per_row * ROWS:.1f} s)\n"
    )

    handle = csv_bytes(ROWS)
    started = time.perf_counter()
    records = read_table(handle, "events.csv")
    read = time.perf_counter()
    importer = EventImport(user)
    report = importer.check(records)
    checked = time.perf_counter()
    assert report.ok, [row.errors for row in report.error_rows[:3]]
    count = importer.save(report, confirm_duplicates=True)
    finished = time.perf_counter()
    total = finished - started
    out.write(
        f"   bulk upload: {count:,} rows in {total:.2f} s = {count / total:,.0f} rows/s "
        f"(read {read - started:.2f} s, check {checked - read:.2f} s, import {finished - checked:.2f} s)\n"
    )
    out.write(f"   ratio: the bulk path is {per_row * ROWS / total:.1f}× faster than per-row saves\n")
    history = Event.history.filter(source=Source.UPLOAD).count()
    out.write(f"   history rows written: {history:,} (one per event)\n")
