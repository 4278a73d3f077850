"""Helpers shared by the events tests: a regional assembly as organiser, and events in a known state."""

import datetime

from assembly.models import Body
from events.models import Event, EventKind, EventStatus, Programme, Verification

PAST = datetime.date(2025, 3, 14)


def assembly_of(region):
    body, _created = Body.objects.get_or_create(
        kind="regional_assembly",
        region_id=region,
        defaults={
            "level": "regional",
            "name_kk": f"{region} ассамблеясы",
            "name_ru": f"Ассамблея {region}",
            "name_en": f"Assembly of {region}",
        },
    )
    return body


def make_event(region="KZ-10", title="Достық фестивалі", verification=Verification.SUBMITTED, **fields):
    values = {
        "title": title,
        "kind": EventKind.FESTIVAL,
        "status": EventStatus.HELD,
        "start_date": PAST,
        "region_id": region,
        "organizer": assembly_of(region),
        "participants_count": 100,
        "volunteers_count": 10,
        "beneficiaries_count": 0,
        "funds_raised_kzt": 0,
        "verification": verification,
    }
    values.update(fields)
    return Event.objects.create(**values)


def make_programme(code="heart", **fields):
    values = {
        "code": code,
        "name_kk": "Жүректен жүрекке",
        "name_ru": "От сердца к сердцу",
        "name_en": "Heart to Heart",
        "start_date": datetime.date(2024, 1, 1),
        "end_date": datetime.date(2025, 12, 31),
        "target_events": 10,
        "target_volunteers": 100,
    }
    values.update(fields)
    return Programme.objects.create(**values)


def new_event(**overrides):
    """What a coordinator POSTs to /api/v1/events/ for a festival held in Abai; `overrides` change any field."""
    body = {
        "title": "Наурыз тойы",
        "kind": "festival",
        "status": "held",
        "start_date": "2025-03-21",
        "region": "KZ-10",
        "participants_count": 250,
        "volunteers_count": 12,
        "funds_raised_kzt": 150000,
        "languages": ["kk", "ru"],
    }
    body.update(overrides)
    return body
