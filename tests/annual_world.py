"""A small world for the annual report of YEAR: counted and left-out events, programmes, councils with rosters,
mediation cases (some counts small enough to be withheld), instructions and changes of the network."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from assembly.models import (
    Body,
    BodyKind,
    BodyName,
    BodyStatus,
    HouseKind,
    Instruction,
    InstructionStatus,
    Level,
    Membership,
    MembershipRole,
    Person,
    Session,
)
from councils.models import Council
from events.models import Event, EventKind, EventStatus, Verification
from mediation.models import CaseStatus, MediationCase, MediationOffice
from tests.assembly_factories import association, house
from tests.eventkit import make_event, make_programme

YEAR = 2025


def day(month, dom=14, year=YEAR):
    return datetime.date(year, month, dom)


def build():
    world = SimpleNamespace()
    national = make_programme(
        "heart-2025", start_date=day(1, 1), end_date=day(12, 31), target_events=10, target_participants=2_000
    )
    regional = make_programme(
        "abai-2025",
        name_en="Abai youth",
        name_ru="Молодёжь Абая",
        name_kk="Абай жастары",
        region_id="KZ-10",
        start_date=day(1, 1, YEAR - 1),
        end_date=None,
        target_events=4,
        target_volunteers=None,
        target_funds_kzt=5_000_000,
    )
    make_programme("old-2020", start_date=day(1, 1, 2020), end_date=day(12, 31, 2020))  # outside the year
    verified = {"verification": Verification.VERIFIED}
    world.counted = [
        make_event(**verified, start_date=day(3), participants_count=1_200, volunteers_count=12, programme=national),
        make_event(
            **verified,
            start_date=day(7),
            kind=EventKind.SPORTS,
            participants_count=1_500,
            volunteers_count=40,
            funds_raised_kzt=2_500_000,
            programme=regional,
        ),
        make_event(**verified, start_date=day(5), is_public=False, participants_count=30, programme=regional),
        make_event(
            region="KZ-75",
            **verified,
            start_date=day(3),
            kind=EventKind.CHARITY,
            participants_count=60,
            volunteers_count=25,
            beneficiaries_count=400,
            funds_raised_kzt=1_200_000,
            programme=national,
        ),
        make_event(region="KZ-75", **verified, start_date=day(11), status=EventStatus.PLANNED, participants_count=None),
    ]
    world.earlier = make_event(
        **verified, start_date=day(6, year=YEAR - 1), participants_count=700, programme=regional
    )  # counts towards the regional programme, not in the year
    world.left_out = [
        make_event(verification=Verification.DRAFT, start_date=day(3), participants_count=9_000),
        make_event(verification=Verification.SUBMITTED, start_date=day(3), participants_count=9_000),
        make_event(verification=Verification.RETURNED, start_date=day(3), participants_count=9_000, programme=national),
        make_event(**verified, start_date=day(3), status=EventStatus.CANCELLED, participants_count=9_000),
    ]
    archived = make_event(**verified, start_date=day(3), participants_count=9_000, programme=national)
    Event.objects.filter(pk=archived.pk).update(archived_at=timezone.now())
    world.programmes = (national, regional)

    world.councils = _councils()
    world.cases = _cases()
    world.instructions = _instructions()
    world.network = _network()
    return world


def _names(en):
    return {"name_en": en, "name_ru": f"{en} (ru)", "name_kk": f"{en} (kk)"}


def _councils():
    def council(kind, region, en, **values):
        level = Level.REGIONAL if region else Level.REPUBLICAN
        return Council.objects.create(kind=kind, level=level, region_id=region, **_names(en), **values)

    elders_10 = council(BodyKind.COUNCIL_OF_ELDERS, "KZ-10", "Abai elders")
    mothers_10 = council(BodyKind.COUNCIL_OF_MOTHERS, "KZ-10", "Abai mothers", founded_on=day(2, 1))
    mothers_75 = council(BodyKind.COUNCIL_OF_MOTHERS, "KZ-75", "Almaty mothers", declared_headcount=140)
    council(BodyKind.COUNCIL_OF_MOTHERS, None, "Republican mothers")
    gone = council(BodyKind.COUNCIL_OF_ELDERS, "KZ-10", "Dissolved elders", dissolved_on=day(6, 30))
    later = council(BodyKind.COUNCIL_OF_ELDERS, "KZ-75", "Founded later", founded_on=day(3, 1, YEAR + 1))
    youth = council(BodyKind.YOUTH_ASSEMBLY, "KZ-10", "Abai youth assembly")  # not a council of the report

    def seat(surname, body, start, end=None):
        person, _created = Person.objects.get_or_create(surname=surname, given_name="Test", region_id="KZ-10")
        Membership.objects.create(person=person, body=body, role=MembershipRole.MEMBER, start_date=start, end_date=end)

    seat("Elder-One", elders_10, day(1, 1, 2020))
    seat("Elder-Two", elders_10, day(1, 1, 2020))
    seat("Elder-Two", elders_10, day(1, 1, 2021))  # the same person twice: counted once
    seat("Elder-Left", elders_10, day(1, 1, 2020), day(10, 1))  # left before the year's end
    seat("Elder-Later", elders_10, day(2, 1, YEAR + 1))  # joined after the year
    seat("Mother-One", mothers_10, day(3, 1))
    seat("Mother-One", mothers_75, day(3, 1))  # on two councils of two regions: once in the total
    seat("Mother-Two", mothers_75, day(3, 1))
    seat("Elder-Gone", gone, day(1, 1, 2020))
    seat("Elder-Future", later, day(3, 1, YEAR + 1))
    seat("Youth", youth, day(1, 1, 2020))
    archived = Membership.objects.create(
        person=Person.objects.get(surname="Mother-Two"), body=mothers_10, role=MembershipRole.MEMBER, start_date=day(1)
    )
    Membership.objects.filter(pk=archived.pk).update(archived_at=timezone.now())
    return SimpleNamespace(elders_10=elders_10, mothers_10=mothers_10, mothers_75=mothers_75)


def _cases():
    office_10 = MediationOffice.objects.create(level=Level.REGIONAL, region_id="KZ-10", **_names("Abai office"))
    office_75 = MediationOffice.objects.create(level=Level.REGIONAL, region_id="KZ-75", **_names("Almaty office"))
    MediationOffice.objects.create(level=Level.REPUBLICAN, **_names("Ethnomediation Institute"))
    cases = []

    def case(office, category, status=CaseStatus.RECEIVED, month=3, year=YEAR):
        closed = None if status in (CaseStatus.RECEIVED, CaseStatus.IN_MEDIATION) else day(month, 20, year)
        cases.append(
            MediationCase.objects.create(
                office=office, category=category, status=status, received_on=day(month, 1, year), closed_on=closed
            )
        )

    for _n in range(8):
        case(office_10, "family", CaseStatus.AGREEMENT)
    for _n in range(2):
        case(office_10, "labour")  # two: withheld as <5
    for _n in range(6):
        case(office_75, "neighbours", CaseStatus.AGREEMENT)
    case(office_75, "interethnic", CaseStatus.NO_AGREEMENT)
    case(office_10, "family", year=YEAR - 1)  # another year
    return cases


def _instructions():
    xxxiv, xxxiii = Session.objects.get(number=34), Session.objects.get(number=33)
    ministry = Body.objects.create(kind=BodyKind.STATE_BODY, **_names("Ministry of Culture"))

    def instruction(session, number, status, deadline, changed=None, **values):
        made = Instruction.objects.create(
            session=session,
            number=number,
            status=status,
            deadline=deadline,
            addressee=ministry,
            text_en=f"Instruction {session.number}-{number}",
            text_ru=f"Поручение {session.number}-{number}",
            text_kk=f"Тапсырма {session.number}-{number}",
            **values,
        )
        if changed:
            Instruction.objects.filter(pk=made.pk).update(status_changed_on=changed)
        return made

    return {
        "overdue": instruction(xxxiv, 1, InstructionStatus.IN_PROGRESS, day(9, 1)),
        "done_in_time": instruction(xxxiv, 2, InstructionStatus.DONE, day(9, 1), changed=day(8, 1)),
        "done_after_the_year": instruction(
            xxxiv, 3, InstructionStatus.DONE, day(10, 1), changed=day(2, 1, YEAR + 1), region_id="KZ-10"
        ),
        "cancelled": instruction(xxxiv, 4, InstructionStatus.CANCELLED, day(9, 1), changed=day(6, 1)),
        "due_next_year": instruction(xxxiv, 5, InstructionStatus.ASSIGNED, day(3, 1, YEAR + 1)),
        "earlier_open": instruction(xxxiii, 1, InstructionStatus.IN_PROGRESS, day(12, 1, YEAR - 1), region_id="KZ-75"),
        "earlier_done": instruction(
            xxxiii, 2, InstructionStatus.DONE, day(9, 1, YEAR - 1), changed=day(9, 1, YEAR - 1)
        ),
    }


def _network():
    opened_house = house("KZ-10", "New House of Semey", opened_on=day(5, 1))
    house("KZ-10", "Old House", opened_on=day(5, 1, 2010))
    closed_house = house(
        "KZ-75", "Closed House", opened_on=day(5, 1, 2010), status=BodyStatus.CLOSED, dissolved_on=day(8, 1)
    )
    planned = house("KZ-75", "Planned House", house_kind=HouseKind.CITY, status=BodyStatus.PLANNED)
    registered = association("KZ-10", "Tatar centre", ["Tatars"], registered_on=day(4, 2))
    founded = association("KZ-75", "Korean youth", ["Koreans"], founded_on=day(6, 2))
    liquidated = association(
        "KZ-75", "Liquidated club", ["Uyghurs"], status=BodyStatus.LIQUIDATED, dissolved_on=day(10, 3)
    )
    renamed = association("KZ-10", "Uzbek centre of Abai", ["Uzbeks"], registered_on=day(1, 1, 2005))
    BodyName.objects.create(body=renamed, name_en="Uzbek centre of Semey", start_date=None, end_date=day(9, 30))
    renamed_in_history = association("KZ-75", "Azerbaijani centre", ["Azerbaijanis"], registered_on=day(1, 1, 2008))
    renamed_in_history.name_en = "Azerbaijani cultural centre of Almaty"
    renamed_in_history.save()
    latest = renamed_in_history.history.order_by("-history_id").first()
    type(latest).objects.filter(pk=latest.pk).update(
        history_date=timezone.make_aware(datetime.datetime(YEAR, 11, 5, 12))
    )
    for earlier in renamed_in_history.history.exclude(pk=latest.pk):
        type(earlier).objects.filter(pk=earlier.pk).update(
            history_date=timezone.make_aware(datetime.datetime(2008, 1, 1, 12))
        )
    archived = association("KZ-10", "Archived centre", ["Tatars"], registered_on=day(4, 2))
    type(archived).objects.filter(pk=archived.pk).update(archived_at=timezone.now())
    return SimpleNamespace(
        opened_house=opened_house,
        closed_house=closed_house,
        planned=planned,
        registered=registered,
        founded=founded,
        liquidated=liquidated,
        renamed=renamed,
        renamed_in_history=renamed_in_history,
    )
