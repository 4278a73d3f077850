"""Demo events and programmes (marked: source "demo" and a DEMO note in the description).

A realistic spread over 2023–2026 in every region, bulk-created with history; some submitted and returned events in
KZ-10 and KZ-75 for the demo coordinators; the programmes of docs/events.md ("Demo programmes") with their figures
(the Abai region's "Jomart Jan" first quarter of 2025 adds up to exactly 32 charity events, 470 people helped and
2,600,718 tenge).
"""

import datetime
import random

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from assembly.models import Body
from events.demo.catalogue import (
    DEMO_NOTE,
    EVENTS_PER_REGION_YEAR,
    FLOOD_REGIONS,
    KIND_WEIGHTS,
    MINORITY_LANGUAGES,
    PARTICIPANTS,
    PROGRAMMES,
    RETURN_COMMENTS,
    TITLES,
    YEARS,
)
from events.models import Event, EventKind, EventStatus, Programme, Source, Verification
from regions.models import District, Region


def regional_assemblies():
    bodies = {}
    for region in Region.objects.active():
        bodies[region.pk], _created = Body.objects.get_or_create(
            kind="regional_assembly",
            region_id=region.pk,
            defaults={
                "level": "regional",
                "name_kk": f"{region.name_kk} Қазақстан халқы Ассамблеясы",
                "name_ru": f"Ассамблея народа Казахстана ({region.name_ru})",
                "name_en": f"Assembly of the People of Kazakhstan, {region.name_en}",
            },
        )
    return bodies


def seed_programmes(assemblies):
    national = Body.objects.active().filter(kind="national_assembly").first()
    programmes = {}
    for values in PROGRAMMES:
        values = dict(values)
        code = values.pop("code")
        region = values.get("region_id")
        values["owner"] = assemblies.get(region) if region else national
        values.setdefault("description_en", "Demo programme: targets follow published figures where known.")
        programme = Programme.objects.filter(code=code).first()
        if programme is None:
            programme = Programme.objects.create(code=code, **values)
        else:
            changed = [key for key, value in values.items() if getattr(programme, key) != value]
            for key in changed:
                setattr(programme, key, values[key])
            if changed:
                programme.save()
        programmes[code] = programme
    return programmes


class Generator:
    def __init__(self, assemblies, programmes, today):
        self.random = random.Random(1995)
        self.assemblies = assemblies
        self.programmes = programmes
        self.today = today
        self.districts = {}
        for district in District.objects.active():
            self.districts.setdefault(district.region_id, []).append(district)
        self.coordinators = {user.region_id: user for user in User.objects.filter(role="coordinator")}

    def event(self, region, start, kind=None, programme=None, **values):
        pick = self.random
        kind = kind or pick.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
        low, high = PARTICIPANTS[kind]
        long_kinds = (EventKind.YOUTH_CAMP, EventKind.EXPEDITION, EventKind.FESTIVAL, EventKind.EXHIBITION)
        days = pick.choice((0, 0, 1, 2, 4)) if kind in long_kinds else 0
        held = start <= self.today
        status = EventStatus.HELD if held else EventStatus.PLANNED
        if held and pick.random() < 0.04:
            status = EventStatus.CANCELLED
        participants = pick.randint(low, high) if held and status != EventStatus.CANCELLED else None
        volunteers = pick.randint(2, max(3, (participants or 20) // 8)) if participants else None
        beneficiaries = funds = None
        if kind == EventKind.CHARITY and participants:
            beneficiaries = pick.randint(5, 60)
            funds = pick.randint(20, 900) * 1000
        languages = ["kk", "ru"] + ([pick.choice(MINORITY_LANGUAGES)] if pick.random() < 0.35 else [])
        district = pick.choice(self.districts[region]) if self.districts.get(region) and pick.random() < 0.7 else None
        row = {
            "title": pick.choice(TITLES[kind]),
            "kind": kind,
            "status": status,
            "start_date": start,
            "end_date": start + datetime.timedelta(days=days),
            "region_id": region,
            "district": district,
            "venue": "",
            "organizer": self.assemblies[region],
            "programme": programme,
            "participants_count": participants,
            "volunteers_count": volunteers,
            "beneficiaries_count": beneficiaries,
            "funds_raised_kzt": funds,
            "languages": languages,
            "description": DEMO_NOTE,
            "is_public": pick.random() > 0.08,
            "verification": Verification.VERIFIED,
            "source": Source.DEMO,
            "logged_by": self.coordinators.get(region),
        }
        row.update(values)
        now = timezone.now()
        row.setdefault("submitted_at", now)
        if row["verification"] == Verification.VERIFIED:
            row.setdefault("verified_at", now)
        return Event(**row)

    def random_day(self, year, first=None, last=None):
        first = first or datetime.date(year, 1, 1)
        last = last or datetime.date(year, 12, 31)
        return first + datetime.timedelta(days=self.random.randint(0, (last - first).days))

    def spread(self):
        """The ordinary year-round work of every region; 2025's forums, festivals and the like count towards the
        30th-anniversary plan, some round tables and trainings towards "Reconciliation and Accord"."""
        events = []
        anniversary = self.programmes["anniversary-30"]
        accord = self.programmes["reconciliation-accord"]
        professions = self.programmes["working-professions-2025"]
        for region in sorted(self.assemblies):
            for year in YEARS:
                for _number in range(EVENTS_PER_REGION_YEAR):
                    event = self.event(region, self.random_day(year))
                    if year == 2025 and event.kind in (
                        EventKind.FORUM,
                        EventKind.FESTIVAL,
                        EventKind.THEATRE,
                        EventKind.CREATIVE_EVENING,
                        EventKind.EXPEDITION,
                        EventKind.YOUTH_CAMP,
                        EventKind.SPORTS,
                        EventKind.OTHER,
                    ):
                        event.programme = anniversary
                    elif year == 2025 and event.kind in (EventKind.EXHIBITION, EventKind.TRAINING):
                        event.programme = professions if self.random.random() < 0.6 else anniversary
                    elif event.kind in (EventKind.ROUND_TABLE, EventKind.TRAINING) and self.random.random() < 0.4:
                        event.programme = accord
                    events.append(event)
        return events

    def heart_to_heart(self):
        programme = self.programmes["heart-to-heart-2024"]
        events = []
        for number in range(108):
            region = FLOOD_REGIONS[number % len(FLOOD_REGIONS)]
            start = self.random_day(2024, datetime.date(2024, 3, 28), datetime.date(2024, 6, 20))
            events.append(
                self.event(
                    region,
                    start,
                    kind=EventKind.VOLUNTEER_ACTION,
                    programme=programme,
                    title=self.random.choice(
                        ["«Жүректен жүрекке»: су тасқынынан зардап шеккендерге көмек", "Помощь пострадавшим от паводка"]
                    ),
                    status=EventStatus.HELD,
                    volunteers_count=self.random.randint(90, 140),
                    participants_count=self.random.randint(100, 180),
                    beneficiaries_count=self.random.randint(20, 200),
                )
            )
        return events

    def jomart_jan(self):
        """Exactly the published first quarter of 2025: 32 charity events, 470 people helped, 2,600,718 tenge."""
        programme = self.programmes["jomart-jan-2025q1"]
        helped = self._split(470, 32, minimum=5)
        funds = self._split(2_600_718, 32, minimum=20_000)
        events = []
        for number in range(32):
            start = datetime.date(2025, 1, 4) + datetime.timedelta(days=number * 2 + self.random.randint(0, 1))
            events.append(
                self.event(
                    "KZ-10",
                    start,
                    kind=EventKind.CHARITY,
                    programme=programme,
                    title=f"«Жомарт жан» қайырымдылық акциясы № {number + 1}",
                    status=EventStatus.HELD,
                    beneficiaries_count=helped[number],
                    funds_raised_kzt=funds[number],
                    participants_count=self.random.randint(20, 80),
                    is_public=True,
                )
            )
        return events

    def _split(self, total, parts, minimum):
        cuts = sorted(self.random.sample(range(1, total - minimum * parts), parts - 1))
        bounds = [0, *cuts, total - minimum * parts]
        return [bounds[index + 1] - bounds[index] + minimum for index in range(parts)]

    def awaiting(self):
        """Recent events of the demo coordinators' regions still with the secretariat, and a few returned."""
        events = []
        for region in ("KZ-10", "KZ-75"):
            for number in range(10):
                start = self.today - datetime.timedelta(days=3 + number * 4)
                returned = number < 3
                events.append(
                    self.event(
                        region,
                        start,
                        status=EventStatus.HELD,
                        verification=Verification.RETURNED if returned else Verification.SUBMITTED,
                        return_comment=RETURN_COMMENTS[number] if returned else "",
                        verified_at=None,
                    )
                )
        return events


def seed(stdout):
    assemblies = regional_assemblies()
    programmes = seed_programmes(assemblies)
    if Event.objects.filter(source=Source.DEMO).exists():
        stdout.write(f"events: demo events already there ({Event.objects.filter(source=Source.DEMO).count()})")
        return
    generator = Generator(assemblies, programmes, timezone.localdate())
    events = generator.spread() + generator.heart_to_heart() + generator.jomart_jan() + generator.awaiting()
    for event in events:
        if event.verification != Verification.VERIFIED:
            event.verified_at = None
    bulk_create_with_history(events, Event, batch_size=1000, default_change_reason="demo data")
    stdout.write(f"events: {len(events)} demo events (marked source=demo), {len(programmes)} programmes")
