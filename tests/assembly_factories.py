"""Small, explicit data for the assembly tests (on top of the `reference` fixture)."""

from datetime import date, timedelta

from django.utils import timezone

from assembly.models import (
    Body,
    BodyKind,
    BodyStatus,
    EthnicGroup,
    EthnoculturalAssociation,
    HouseKind,
    HouseOfFriendship,
    Instruction,
    InstructionStatus,
    Level,
    Membership,
    MembershipRole,
    Person,
    Session,
)
from assembly.validators import bin_check_digit


def make_bin(serial):
    """A valid BIN: registered in 2001-05, legal entity, then a serial; the check digit computed."""
    for bump in range(20):
        first = f"0105400{serial + bump:04d}"
        check = bin_check_digit(first)
        if check is not None:
            return first + str(check)
    raise AssertionError("no valid BIN found")


def names(en, ru=None, kk=None):
    return {"name_en": en, "name_ru": ru or f"{en} (ru)", "name_kk": kk or f"{en} (kk)"}


def person(surname, region=None, **values):
    return Person.objects.create(surname=surname, given_name="Test", region_id=region, **values)


def house(region, en, **values):
    values.setdefault("house_kind", HouseKind.REGIONAL)
    values.setdefault("status", BodyStatus.OPERATING)
    return HouseOfFriendship.objects.create(region_id=region, **names(en), **values)


def association(region, en, groups=(), **values):
    values.setdefault("level", Level.REGIONAL)
    values.setdefault("status", BodyStatus.ACTIVE)
    record = EthnoculturalAssociation.objects.create(region_id=region, **names(en), **values)
    record.ethnic_groups.set([EthnicGroup.objects.get(name_en=group) for group in groups])
    return record


def build_network():
    """Houses and associations in Almaty Region (KZ-19), Abai (KZ-10) and Almaty city (KZ-75)."""
    almaty_region_house = house("KZ-19", "Test House Konaev", capacity=300, on_tourist_route=True)
    abai_house = house("KZ-10", "Test House Semey")
    data = {
        "house_19": almaty_region_house,
        "house_10": abai_house,
        "uyghur_19": association(
            "KZ-19",
            "Uyghur Cultural Centre of Almaty Region",
            ["Uyghurs"],
            host_house=almaty_region_house,
            bin=make_bin(1),
            registered_on=date(2001, 5, 10),
            email="uyghur19@example.kz",
            phone="+7 727 000 0019",
            address="Konaev, Abai street 1",
        ),
        "uyghur_19_district": association(
            "KZ-19", "Uyghur society of Uighur District", ["Uyghurs"], level=Level.DISTRICT, bin=make_bin(30)
        ),
        "uyghur_19_suspended": association(
            "KZ-19", "Suspended Uyghur club", ["Uyghurs"], status=BodyStatus.SUSPENDED, email="suspended@example.kz"
        ),
        "uyghur_75": association("KZ-75", "Uyghur association of Almaty city", ["Uyghurs"], email="u75@example.kz"),
        "korean_19": association("KZ-19", "Korean centre of Almaty Region", ["Koreans"]),
        "abai_tatar": association(
            "KZ-10", "Tatar centre of Abai", ["Tatars"], host_house=abai_house, email="tatar10@example.kz"
        ),
    }
    leader = person("Leaderova", "KZ-19", email="leader@example.kz", phone="+7 700 111 2233")
    Membership.objects.create(
        person=leader, body=data["uyghur_19"], role=MembershipRole.LEADER, start_date=date(2020, 1, 1)
    )
    data["leader"] = leader
    return data


def build_deputy_chairmen():
    """Two rotating deputy chairmen and the head of the Secretariat, around 2019-06-01."""
    national = Body.objects.get(kind=BodyKind.NATIONAL_ASSEMBLY)
    people = {name: person(name) for name in ("Rotated-Out", "First-Rotating", "Second-Rotating", "Head", "Later")}
    rows = [
        ("Rotated-Out", date(2014, 4, 18), date(2018, 4, 28)),
        ("First-Rotating", date(2018, 4, 28), date(2022, 4, 28)),
        ("Second-Rotating", date(2016, 4, 26), date(2020, 4, 30)),
        ("Head", date(2017, 1, 10), date(2023, 2, 1)),
        ("Later", date(2022, 4, 28), None),
    ]
    for surname, start, end in rows:
        Membership.objects.create(
            person=people[surname], body=national, role=MembershipRole.DEPUTY_CHAIRMAN, start_date=start, end_date=end
        )
    return people


def build_instructions():
    today = timezone.localdate()
    xxxiv, xxxiii = Session.objects.get(number=34), Session.objects.get(number=33)
    ministry = Body.objects.create(kind=BodyKind.STATE_BODY, **names("Ministry of Culture and Information"))

    def instruction(session, number, status, deadline, **values):
        values.setdefault("text_en", f"Instruction {number}")
        return Instruction.objects.create(
            session=session, number=number, status=status, deadline=deadline, addressee=ministry, **values
        )

    return {
        "ministry": ministry,
        "overdue": instruction(xxxiv, 1, InstructionStatus.IN_PROGRESS, today - timedelta(days=30)),
        "overdue_assigned": instruction(xxxiv, 2, InstructionStatus.ASSIGNED, today - timedelta(days=1)),
        "done_late": instruction(xxxiv, 3, InstructionStatus.DONE, today - timedelta(days=60)),
        "cancelled": instruction(xxxiv, 4, InstructionStatus.CANCELLED, today - timedelta(days=60)),
        "on_time": instruction(xxxiv, 5, InstructionStatus.IN_PROGRESS, today + timedelta(days=90)),
        "due_today": instruction(xxxiv, 6, InstructionStatus.ASSIGNED, today),
        "other_session": instruction(xxxiii, 1, InstructionStatus.IN_PROGRESS, today - timedelta(days=300)),
    }
