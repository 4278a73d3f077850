"""The Assembly's chairmen and the head of its Secretariat."""

from datetime import date

from assembly.models import EndReason, Membership, MembershipRole, Person
from assembly.reference.base import existing
from assembly.reference.bodies import CHAIR_HANDOVER


def person(surname, given_name, patronymic, names, biography_en=""):
    return existing(Person, "surname", "given_name", "patronymic").upsert(
        {"surname": surname, "given_name": given_name, "patronymic": patronymic},
        {"name_kk": names[0], "name_ru": names[1], "name_en": names[2], "biography_en": biography_en},
    )


def membership(who, where, role, start, **values):
    return existing(Membership, "person", "body", "role", "start_date").upsert(
        {"person": who, "body": where, "role": role, "start_date": start}, values
    )


def load_people(bodies):
    national = bodies["national"]
    nazarbayev = person(
        "Nazarbayev",
        "Nursultan",
        "Abishuly",
        ("Нұрсұлтан Әбішұлы Назарбаев", "Нурсултан Абишевич Назарбаев", "Nursultan Nazarbayev"),
    )
    tokayev = person(
        "Tokayev",
        "Kassym-Jomart",
        "Kemeluly",
        ("Қасым-Жомарт Кемелұлы Тоқаев", "Касым-Жомарт Кемелевич Токаев", "Kassym-Jomart Tokayev"),
    )
    azilkhanov = person(
        "Azilkhanov",
        "Marat",
        "",
        ("Марат Әзілханов", "Марат Азильханов", "Marat Azilkhanov"),
    )
    membership(
        nazarbayev,
        national,
        MembershipRole.CHAIRMAN,
        date(1995, 3, 1),
        end_date=CHAIR_HANDOVER,
        end_reason=EndReason.OTHER,
        appointed_by="Decree No. 2066 of 1995-03-01",
        note="Passed the chairmanship to Kassym-Jomart Tokayev at the XXIX session and became Honorary Chairman.",
    )
    membership(nazarbayev, national, MembershipRole.HONORARY_CHAIRMAN, CHAIR_HANDOVER, appointed_by="XXIX session")
    membership(tokayev, national, MembershipRole.CHAIRMAN, CHAIR_HANDOVER, appointed_by="XXIX session")
    note = "In office in 2025; the exact start date is not confirmed (1 January 2025 is used)."
    membership(azilkhanov, bodies["secretariat"], MembershipRole.HEAD_OF_SECRETARIAT, date(2025, 1, 1), note=note)
    membership(azilkhanov, national, MembershipRole.DEPUTY_CHAIRMAN, date(2025, 1, 1), note=note)
    return nazarbayev, tokayev
