"""Demo people and their posts: deputy chairmen in rotation, deputies, council members, leaders."""

from datetime import date

from assembly.demo.base import DEMO
from assembly.models import Body, BodyKind, EndReason, EthnoculturalAssociation, Membership, MembershipRole, Person
from assembly.reference import Existing


def demo_person(cache, surname, given_name, names, region=None):
    return cache.upsert(
        {"surname": surname, "given_name": given_name, "patronymic": ""},
        {
            "name_en": f"{names[0]} (demo)",
            "name_ru": f"{names[1]} (демо)",
            "name_kk": f"{names[2]} (демо)",
            "region": region,
            "biography_en": DEMO,
            "email": f"{surname.lower()}.{given_name.lower()}@demo.shanyrak.kz",
        },
    )


# Deputy chairmen: two rotate (representing ethnic communities); the head of the Secretariat is the third.
ROTATION = [
    ("Sadykova", "Gulnar", ("Gulnar Sadykova", "Гульнар Садыкова", "Гүлнар Садықова"), "2012-04-27", "2016-04-26"),
    ("Li", "Viktor", ("Viktor Li", "Виктор Ли", "Виктор Ли"), "2014-04-18", "2018-04-28"),
    ("Mueller", "Anna", ("Anna Mueller", "Анна Мюллер", "Анна Мюллер"), "2016-04-26", "2020-06-01"),
    ("Aliyev", "Rustam", ("Rustam Aliyev", "Рустам Алиев", "Рустам Әлиев"), "2018-04-28", "2022-04-28"),
    ("Petrenko", "Olena", ("Olena Petrenko", "Елена Петренко", "Елена Петренко"), "2020-06-01", "2024-04-25"),
    ("Kim", "Sergei", ("Sergei Kim", "Сергей Ким", "Сергей Ким"), "2022-04-28", None),
    ("Ismailova", "Dilnoza", ("Dilnoza Ismailova", "Дильноза Исмаилова", "Дилноза Исмаилова"), "2024-04-25", None),
]
HEADS = [
    ("Bekova", "Saule", ("Saule Bekova", "Сауле Бекова", "Сәуле Бекова"), "2012-01-10", "2019-01-10"),
    ("Omarov", "Yerlan", ("Yerlan Omarov", "Ерлан Омаров", "Ерлан Омаров"), "2019-01-10", "2025-01-01"),
]
AMBASSADOR_COUNTRIES = ["RU", "RU", "CN", "DE", "TR", "UZ", "KG", "KR", "US", "AZ", "BY", "UA", "PL", "GR"]
GIVEN = ["Aidos", "Zarina", "Timur", "Aigerim", "Nurlan", "Madina", "Arman", "Dana", "Yerbol", "Asel"]


def seed_people(rng, regions):
    persons = Existing(Person, "surname", "given_name", "patronymic")
    memberships = Existing(Membership, "person", "body", "role", "start_date")
    national = Body.objects.get(kind=BodyKind.NATIONAL_ASSEMBLY)
    secretariat = Body.objects.get(kind=BodyKind.SECRETARIAT)
    council = Body.objects.get(kind=BodyKind.COUNCIL_OF_ASSEMBLY)

    def hold(who, body, role, start, end=None, **values):
        start = date.fromisoformat(start) if isinstance(start, str) else start
        end = date.fromisoformat(end) if isinstance(end, str) else end
        values.setdefault("note", "DEMO")
        if end and "end_reason" not in values:
            values["end_reason"] = EndReason.TERM_ENDED
        return memberships.upsert(
            {"person": who, "body": body, "role": role, "start_date": start}, {"end_date": end, **values}
        )

    people = {}
    for surname, given, names, start, end in ROTATION:
        people[surname] = demo_person(persons, surname, given, names)
        hold(
            people[surname],
            national,
            MembershipRole.DEPUTY_CHAIRMAN,
            start,
            end,
            end_reason=EndReason.ROTATION if end else "",
            appointed_by="Decree of the President on the Council's recommendation (demo)",
        )
    for surname, given, names, start, end in HEADS:
        people[surname] = demo_person(persons, surname, given, names)
        hold(people[surname], secretariat, MembershipRole.HEAD_OF_SECRETARIAT, start, end)
        hold(people[surname], national, MembershipRole.DEPUTY_CHAIRMAN, start, end)

    def numbered(prefix, count, region_codes=None):
        made = []
        for number in range(1, count + 1):
            given = GIVEN[number % len(GIVEN)]
            surname = f"{prefix}{number:02d}"
            region = regions[region_codes[(number - 1) % len(region_codes)]] if region_codes else None
            made.append(
                demo_person(
                    persons, surname, given, (f"{given} {surname}", f"{given} {surname}", f"{given} {surname}"), region
                )
            )
        return made

    mazhilis = Body.objects.get(name_en="Mazhilis of the Parliament")
    for who in numbered("Deputat", 9):
        hold(
            who,
            mazhilis,
            MembershipRole.MAZHILIS_DEPUTY,
            "2021-01-15",
            "2022-06-05",
            appointed_by="Session of the Assembly (demo)",
        )
    senate = Body.objects.get(name_en="Senate of the Parliament")
    for who in numbered("Senator", 5):
        hold(who, senate, MembershipRole.SENATOR, "2023-02-01", appointed_by="Recommended by the Assembly (demo)")
    kurultai = Body.objects.get(kind=BodyKind.KURULTAI)
    for who in numbered("Kurultai", 12):
        hold(who, kurultai, MembershipRole.KURULTAI_MEMBER, "2022-06-16")
    for who, country in zip(numbered("Dostyk", 14), AMBASSADOR_COUNTRIES, strict=True):
        hold(who, national, MembershipRole.AMBASSADOR, "2023-04-26", country=country)
    for who in numbered("Kenes", 30, sorted(regions)):
        hold(who, council, MembershipRole.COUNCIL_MEMBER, "2022-04-28")
    for regional in Body.objects.filter(kind=BodyKind.REGIONAL_ASSEMBLY).select_related("region"):
        iso = regional.region_id
        akim = demo_person(
            persons, f"Akim{iso[-2:]}", "Demo", (f"Akim of {regional.region.name_en}",) * 3, regional.region
        )
        hold(akim, regional, MembershipRole.REGIONAL_CHAIR, "2023-01-01", appointed_by="Akim of the region (demo)")
    # Leaders of every tenth association.
    for number, association in enumerate(
        EthnoculturalAssociation.objects.filter(name_en__endswith="(demo)").order_by("id")[::10], start=1
    ):
        leader = demo_person(
            persons, f"Leader{number:03d}", GIVEN[number % len(GIVEN)], (f"Leader {number}",) * 3, association.region
        )
        hold(leader, association, MembershipRole.LEADER, association.registered_on or "2020-01-01")
    people["awardees"] = numbered("Laureate", 3, ["KZ-10", "KZ-19", "KZ-75"])
    return people
