"""What each API endpoint brings to the registry contract suite (tests/test_registry_contract.py) and to the
permission matrix (tests/test_permission_matrix.py): a sample payload, nothing more.

`SAMPLES[prefix](world, n)` returns a JSON body that the secretariat may POST to `/api/v1/<prefix>/`. `n` (0, 1, 2…)
keeps unique values apart, so the suite can create several records of one registry. Regional records are in Abai
region (KZ-10) and confidential casework in the Abai mediation office: the coordinator and the mediator of KZ-10 are
the ones rules let write them, those of KZ-75 the ones they refuse. Payloads refer only to records of the world
built below.

`ACTION_BODIES[(prefix, action)](record)` is the body an extra action needs, given the record it acts on, and
`ACTION_STATES[(prefix, action)](record)` puts the record in the state the action starts from.
`NOT_REGISTRIES` lists the router endpoints that are not registries (read-only figures); they need a row in the
permission matrix but no sample.
"""

import datetime

from assembly.models import Body, BodyKind, Instruction, Level, Person, Session
from events.models import Event, Verification
from tests.assembly_factories import association, house
from tests.eventkit import make_event, make_programme

NOT_REGISTRIES = {"stats/mediation", "stats/mothers-homes", "stats/councils", "stats/events", "popolo"}


def names(en, n):
    return {"kk": f"{en} {n} (қаз)", "ru": f"{en} {n} (рус)", "en": f"{en} {n}"}


def day(year, month=1, date=1):
    return datetime.date(year, month, date).isoformat()


def new_person(world, n, surname):
    """People are taken by mediators one to one, so a mediator's sample brings its own."""
    return Person.objects.create(surname=f"{surname}{n}", given_name="Sample", region_id="KZ-10").pk


SAMPLES = {
    "regions": lambda world, n: {
        "iso_code": f"KZ-9{n}",
        "kato": f"9{n}",
        "kind": "region",
        "names": names("Sample region", n),
        "centre_translations": names("Sample centre", n),
    },
    "districts": lambda world, n: {"region": "KZ-10", "kind": "district", "names": names("Sample district", n)},
    # Every region has its one regional assembly already; a national one (say, of another era) is free to add.
    "assemblies": lambda world, n: {
        "kind": "national_assembly",
        "names": names("Sample assembly", n),
        "founded_on": day(1995 + n),
        "description_translations": names("About", n),
    },
    "bodies": lambda world, n: {
        "kind": "state_body",
        "names": names("Sample ministry", n),
        "description_translations": names("About", n),
    },
    "body-names": lambda world, n: {
        "body": world.abai.pk,
        "names": names("Former name", n),
        "start_date": day(2000 + 2 * n),
        "end_date": day(2001 + 2 * n),
    },
    "identifiers": lambda world, n: {"body": world.abai.pk, "scheme": "other", "value": f"SAMPLE-{n}"},
    "persons": lambda world, n: {
        "surname": f"Samplova{n}",
        "given_name": "Aigerim",
        "region": "KZ-10",
        "names": names("Aigerim Samplova", n),
        "biography_translations": names("Biography", n),
        "email": f"samplova{n}@example.kz",
    },
    "memberships": lambda world, n: {
        "person": world.roster_person.pk,
        "body": world.abai.pk,
        "role": "member",
        "start_date": day(2001 + 2 * n),
        "end_date": day(2002 + 2 * n),
    },
    "posts": lambda world, n: {
        "body": world.national.pk,
        "role": "ambassador",
        "names": names("Sample post", n),
        "seats": 3,
        "start_date": day(2030 + 2 * n),
        "end_date": day(2031 + 2 * n),
    },
    "sessions": lambda world, n: {
        "number": 90 + n,
        "start_date": day(2040 + n, 4, 28),
        "city": "Astana",
        "theme_translations": names("Theme", n),
    },
    "instructions": lambda world, n: {
        "session": world.session.number,
        "number": 90 + n,
        "text_translations": names("Instruction", n),
        "addressee": world.ministry.pk,
        "deadline": day(2030),
    },
    "progress-reports": lambda world, n: {
        "instruction": world.instruction.pk,
        "reported_on": day(2025, 1 + n),
        "progress_percent": 10 + n,
        "text_translations": names("Report", n),
    },
    "documents": lambda world, n: {"kind": "concept", "names": names("Sample concept", n), "adopted_year": 2020},
    "ethnic-groups": lambda world, n: {"names": names("Sample people", n)},
    "associations": lambda world, n: {
        "names": names("Sample association", n),
        "level": "regional",
        "region": "KZ-10",
        "ethnic_groups": [world.ethnic_group.pk],
        "status": "active",
        "email": f"association{n}@example.kz",
        "description_translations": names("About", n),
    },
    "houses-of-friendship": lambda world, n: {
        "names": names("Sample House", n),
        "kind": "district",
        "region": "KZ-10",
        "description_translations": names("About", n),
    },
    "association-activities": lambda world, n: {
        "association": world.association.pk,
        "kind": "theatre",
        "names": names("Sample theatre", n),
    },
    "councils": lambda world, n: {
        "kind": "council_of_elders",
        "level": "regional",
        "region": "KZ-10",
        "names": names("Sample council", n),
    },
    "mothers-homes": lambda world, n: {"names": names("Sample home", n), "region": "KZ-10", "capacity": 10},
    # One office per region: the samples go to regions that have none yet.
    "mediation-offices": lambda world, n: {
        "names": names("Sample office", n),
        "level": "regional",
        "region": ("KZ-19", "KZ-11", "KZ-15", "KZ-23")[n],
    },
    "mediators": lambda world, n: {
        "person": new_person(world, n, "Mediatorov"),
        "office": world.office10.pk,
        "languages": ["kk"],
    },
    "mediation-cases": lambda world, n: {
        "office": world.office10.pk,
        "category": "family",
        "received_on": day(2026, 1, 10 + n),
        "languages": ["kk"],
        "outcome_summary": f"Sample case {n}",
    },
    "programmes": lambda world, n: {
        "code": f"sample-{n}",
        "names": names("Sample programme", n),
        "description_translations": names("About", n),
        "region": "KZ-10",
        "start_date": day(2025),
        "end_date": day(2025, 12, 31),
    },
    "events": lambda world, n: {
        "title": f"Sample festival {n}",
        "kind": "festival",
        "status": "held",
        "start_date": day(2025, 5, 1 + n),
        "region": "KZ-10",
        "participants_count": 100,
        "verification": "submitted",
    },
}

ACTION_BODIES = {
    ("events", "return_for_correction"): lambda record: {"comment": "Add the number of volunteers."},
    ("events", "bulk_verify"): lambda record: {"ids": [record["id"]]},
}


def event_in(verification):
    def put(record):
        Event.objects.filter(pk=record["id"]).update(verification=verification)

    return put


# The secretariat's own events are verified as they are logged; the workflow's actions start from other states, and a
# coordinator may archive an event only before the secretariat verifies it.
ACTION_STATES = {
    ("events", "destroy"): event_in(Verification.SUBMITTED),
    ("events", "submit"): event_in(Verification.RETURNED),
    ("events", "verify"): event_in(Verification.SUBMITTED),
    ("events", "return_for_correction"): event_in(Verification.SUBMITTED),
    ("events", "bulk_verify"): event_in(Verification.SUBMITTED),
}


def build_world(councils_world):
    """The councils tests' world (councils, rosters, mothers' homes, mediation offices, mediators, cases) plus what
    the samples refer to."""
    world = councils_world
    world.national = Body.objects.get(kind=BodyKind.NATIONAL_ASSEMBLY)
    world.session = Session.objects.get(number=34)
    world.ministry = Body.objects.create(
        kind=BodyKind.STATE_BODY,
        level=Level.REPUBLICAN,
        name_kk="Министрлік",
        name_ru="Министерство",
        name_en="Ministry",
    )
    world.instruction = Instruction.objects.create(
        session=world.session, number=1, text_en="Open language courses", addressee=world.ministry
    )
    world.roster_person = Person.objects.create(surname="Rosterova", given_name="Sample", region_id="KZ-10")
    world.house = house("KZ-10", "World House")
    world.association = association("KZ-10", "World association", ["Uyghurs"], host_house=world.house)
    world.ethnic_group = world.association.ethnic_groups.get()
    world.programme = make_programme(code="world")
    world.event = make_event(programme=world.programme)
    return world
