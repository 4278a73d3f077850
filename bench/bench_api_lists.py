"""API lists at national scale: 150,000 events, the first page against deep pages, page numbers against cursors."""

import datetime
import statistics
import time

from django.test import Client

from accounts.models import Role, User
from assembly.models import Body
from events.models import Event, EventKind, EventStatus, Verification
from regions.models import Region

EVENTS = 150_000
PAGE_SIZE = 1000
SAMPLES = 5
KINDS = [kind for kind, _label in EventKind.choices]


def fill():
    regions = list(Region.objects.values_list("pk", flat=True))
    organizers = {}
    for region in regions:
        organizers[region], _created = Body.objects.get_or_create(
            kind="regional_assembly",
            region_id=region,
            defaults={"level": "regional", "name_kk": region, "name_ru": region, "name_en": region},
        )
    start = datetime.date(2016, 1, 1)
    batch = []
    for number in range(EVENTS):
        region = regions[number % len(regions)]
        day = start + datetime.timedelta(days=number % 3650)
        batch.append(
            Event(
                title=f"Bench event {number}",
                kind=KINDS[number % len(KINDS)],
                status=EventStatus.HELD,
                start_date=day,
                end_date=day,
                region_id=region,
                organizer=organizers[region],
                participants_count=20 + number % 500,
                verification=Verification.VERIFIED,
                languages=["kk", "ru"],
            )
        )
        if len(batch) == 5000:
            Event.objects.bulk_create(batch)
            batch = []
    Event.objects.bulk_create(batch)


def timed(client, url):
    """Median milliseconds of SAMPLES requests, and the last response."""
    durations, response = [], None
    for _sample in range(SAMPLES):
        started = time.perf_counter()
        response = client.get(url)
        durations.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content[:300]
    return statistics.median(durations), response


def run(out):
    started = time.perf_counter()
    fill()
    out.write(f"   filled {Event.objects.count():,} events in {time.perf_counter() - started:.1f} s\n")
    reader, _created = User.objects.get_or_create(username="bench-reader", defaults={"role": Role.READER})
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(reader)

    base = f"/api/v1/events/?format=json&page_size={PAGE_SIZE}"
    last_page = EVENTS // PAGE_SIZE
    first_ms, _response = timed(client, f"{base}&page=1")
    deep_ms, _response = timed(client, f"{base}&page={last_page}")
    filtered_ms, _response = timed(client, f"{base}&region=KZ-10&start_date__gte=2024-01-01&page=1")

    # Walk the whole table with cursors: the last request costs what the first one did.
    cursor_url = f"{base}&pagination=cursor"
    walk, url = [], cursor_url
    while url:
        started = time.perf_counter()
        response = client.get(url)
        walk.append((time.perf_counter() - started) * 1000)
        url = response.json()["next"]
    cursor_first = statistics.median(walk[:5])
    cursor_last = statistics.median(walk[-5:])

    out.write(f"   page 1 of {last_page} ({PAGE_SIZE} rows):          {first_ms:7.1f} ms\n")
    out.write(
        f"   page {last_page} of {last_page} (OFFSET):      {deep_ms:7.1f} ms  ({deep_ms / first_ms:.2f}x page 1)\n"
    )
    out.write(f"   region + date filter, page 1:         {filtered_ms:7.1f} ms\n")
    out.write(f"   cursor walk: {len(walk)} requests, {sum(walk) / 1000:.1f} s in all\n")
    out.write(f"   cursor, first pages:                  {cursor_first:7.1f} ms\n")
    out.write(
        f"   cursor, last pages:                   {cursor_last:7.1f} ms  ({cursor_last / cursor_first:.2f}x first)\n"
    )
    out.write(f"   rows per second in the cursor walk:   {EVENTS / (sum(walk) / 1000):9,.0f}\n")
