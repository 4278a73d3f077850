"""Demo councils and mothers' homes. Every record is marked "(demo)"/DEMO.

Figures follow the reference facts where they exist: Abai region's 78 women's councils and 123 branches of the
Council of Elders (local councils with declared headcounts), and over 360 experts of the Scientific-Expert Council.
Large sets are written with bulk operations (with history); re-running changes nothing.
"""

import datetime
from itertools import cycle

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from assembly.models import BodyKind, Level, Membership, MembershipRole, Person
from councils.models import (
    Council,
    HomeStatus,
    MothersHome,
    YouthWing,
)
from regions.models import District, Region

MARK = "DEMO"
DEMO_NOTE = {
    "description_kk": "Демо жазба: нақты ұйым емес.",
    "description_ru": "Демонстрационная запись, не реальная организация.",
    "description_en": "Demo record, not a real organisation.",
}
SUFFIX = {"en": " (demo)", "ru": " (демо)", "kk": " (демо)"}
ABAI = "KZ-10"

SURNAMES = [
    ("Сәрсенбаева", "Сарсенбаева", "Sarsenbayeva"),
    ("Ахметова", "Ахметова", "Akhmetova"),
    ("Омарова", "Омарова", "Omarova"),
    ("Жұмабаева", "Жумабаева", "Zhumabayeva"),
    ("Ким", "Ким", "Kim"),
    ("Исмаилова", "Исмаилова", "Ismailova"),
    ("Петренко", "Петренко", "Petrenko"),
    ("Байжанова", "Байжанова", "Baizhanova"),
]
GIVEN = [
    ("Айгүл", "Айгуль", "Aigul"),
    ("Гүлнар", "Гульнар", "Gulnar"),
    ("Сәуле", "Сауле", "Saule"),
    ("Марина", "Марина", "Marina"),
    ("Динара", "Динара", "Dinara"),
    ("Зарина", "Зарина", "Zarina"),
    ("Ләззат", "Ляззат", "Lyazzat"),
]
ELDER_SURNAMES = [
    ("Тоқтаров", "Токтаров", "Toktarov"),
    ("Нұрғалиев", "Нургалиев", "Nurgaliyev"),
    ("Шмидт", "Шмидт", "Schmidt"),
    ("Юсупов", "Юсупов", "Yusupov"),
    ("Қасымов", "Касымов", "Kassymov"),
]
ELDER_GIVEN = [("Серік", "Серик", "Serik"), ("Болат", "Болат", "Bolat"), ("Виктор", "Виктор", "Viktor")]


def names(kk, ru, en):
    return {"name_kk": kk + SUFFIX["kk"], "name_ru": ru + SUFFIX["ru"], "name_en": en + SUFFIX["en"]}


def council(kind, level, kk, ru, en, region=None, parent=None, **extra):
    """Find the demo council by its natural key (kind, region, English name) or create it."""
    values = names(kk, ru, en)
    found = Council.objects.filter(kind=kind, region_id=region, name_en=values["name_en"]).first()
    if found:
        return found
    return Council.objects.create(
        kind=kind,
        level=level,
        region_id=region,
        parent=parent,
        founded_on=extra.pop("founded_on", None),
        **DEMO_NOTE,
        **values,
        **extra,
    )


def seed(stdout):
    today = timezone.localdate()
    regions = list(Region.objects.active().order_by("iso_code"))
    republican = seed_republican_councils()
    regional = seed_regional_councils(regions, republican)
    local = seed_abai_local_councils(regional)
    members = seed_rosters(republican, regional, today)
    homes = seed_mothers_homes(regions, regional, today)
    stdout.write(
        f"Councils (demo): {Council.objects.count()} councils ({local} local councils in Abai), "
        f"{members} roster memberships; {homes} mothers' homes."
    )


def seed_republican_councils():
    mothers = council(
        BodyKind.COUNCIL_OF_MOTHERS,
        Level.REPUBLICAN,
        "Республикалық аналар кеңесі",
        "Республиканский совет матерей",
        "Republican Council of Mothers",
    )
    elders = council(
        BodyKind.COUNCIL_OF_ELDERS,
        Level.REPUBLICAN,
        "Республикалық ақсақалдар кеңесі",
        "Республиканский совет старейшин",
        "Republican Council of Elders",
    )
    youth = council(
        BodyKind.YOUTH_ASSEMBLY, Level.REPUBLICAN, "Жастар ассамблеясы", "Ассамблея молодёжи", "Assembly of Youth"
    )
    for wing, kk, ru, en in [
        (YouthWing.STUDENT_ASSEMBLY, "Студенттер ассамблеясы", "Студенческая ассамблея", "Student Assembly"),
        (YouthWing.YOUNG_SCIENTISTS_CLUB, "Жас ғалымдар клубы", "Клуб молодых учёных", "Young Scientists' Club"),
        (YouthWing.NEW_WAVE, "«Жаңа толқын» жобасы", "Проект «Новая волна»", "“New Wave” project"),
    ]:
        council(BodyKind.YOUTH_ASSEMBLY, Level.REPUBLICAN, kk, ru, en, parent=youth, wing=wing)
    experts = council(
        BodyKind.EXPERT_COUNCIL,
        Level.REPUBLICAN,
        "Ғылыми-сараптамалық кеңес",
        "Научно-экспертный совет",
        "Scientific-Expert Council",
        declared_headcount=360,
    )
    for region, uni_kk, uni_ru, uni_en in [
        ("KZ-71", "Л.Н. Гумилев ат. Еуразия ұлттық университеті", "ЕНУ им. Л.Н. Гумилёва", "L.N. Gumilyov ENU"),
        ("KZ-75", "Әл-Фараби ат. Қазақ ұлттық университеті", "КазНУ им. аль-Фараби", "Al-Farabi KazNU"),
        ("KZ-10", "Шәкәрім университеті", "Университет Шакарима", "Shakarim University"),
        (
            "KZ-35",
            "Е.А. Бөкетов ат. Қарағанды университеті",
            "Карагандинский университет им. Е.А. Букетова",
            "Buketov Karaganda University",
        ),
        (
            "KZ-79",
            "М. Әуезов ат. Оңтүстік Қазақстан университеті",
            "ЮКУ им. М. Ауэзова",
            "Auezov South Kazakhstan University",
        ),
    ]:
        council(
            BodyKind.UNIVERSITY_DEPARTMENT,
            Level.REGIONAL,
            f"ҚХА кафедрасы — {uni_kk}",
            f"Кафедра АНК — {uni_ru}",
            f"Assembly department — {uni_en}",
            region=region,
            parent=experts,
            university_kk=uni_kk,
            university_ru=uni_ru,
            university_en=uni_en,
        )
    council(BodyKind.JOURNALISTS_CLUB, Level.REPUBLICAN, "Журналистер клубы", "Клуб журналистов", "Journalists' Club")
    return {"mothers": mothers, "elders": elders, "youth": youth, "experts": experts}


def seed_regional_councils(regions, republican):
    regional = {}
    for region in regions:
        code = region.iso_code
        regional[code, "mothers"] = council(
            BodyKind.COUNCIL_OF_MOTHERS,
            Level.REGIONAL,
            f"{region.name_kk}: аналар кеңесі",
            f"Совет матерей: {region.name_ru}",
            f"Council of Mothers of {region.name_en}",
            region=code,
            parent=republican["mothers"],
        )
        regional[code, "elders"] = council(
            BodyKind.COUNCIL_OF_ELDERS,
            Level.REGIONAL,
            f"{region.name_kk}: ақсақалдар кеңесі",
            f"Совет старейшин: {region.name_ru}",
            f"Council of Elders of {region.name_en}",
            region=code,
            parent=republican["elders"],
        )
        regional[code, "youth"] = council(
            BodyKind.YOUTH_ASSEMBLY,
            Level.REGIONAL,
            f"{region.name_kk}: жастар ассамблеясы",
            f"Ассамблея молодёжи: {region.name_ru}",
            f"Assembly of Youth of {region.name_en}",
            region=code,
            parent=republican["youth"],
        )
    semey = District.objects.filter(region_id=ABAI, name_en="Semey").first()
    if semey is not None:
        for key, kind, kk, ru, en in [
            (
                "mothers",
                BodyKind.COUNCIL_OF_MOTHERS,
                "Семей қаласының аналар кеңесі",
                "Совет матерей г. Семей",
                "Semey Council of Mothers",
            ),
            (
                "elders",
                BodyKind.COUNCIL_OF_ELDERS,
                "Семей қаласының ақсақалдар кеңесі",
                "Совет старейшин г. Семей",
                "Semey Council of Elders",
            ),
        ]:
            council(kind, Level.DISTRICT, kk, ru, en, region=ABAI, parent=regional[ABAI, key], district=semey)
    return regional


def seed_abai_local_councils(regional):
    """Abai region: 78 women's councils and 123 local branches of the Council of Elders, with declared headcounts
    (their rosters are kept locally)."""
    created = 0
    for key, kind, total, kk, ru, en, typical in [
        ("mothers", BodyKind.COUNCIL_OF_MOTHERS, 78, "аналар кеңесі", "Совет матерей", "Council of Mothers", 9),
        (
            "elders",
            BodyKind.COUNCIL_OF_ELDERS,
            123,
            "ақсақалдар кеңесінің бөлімшесі",
            "Отделение совета старейшин",
            "Council of Elders branch",
            7,
        ),
    ]:
        existing = Council.objects.filter(kind=kind, region_id=ABAI, level=Level.LOCAL).count()
        for number in range(existing + 1, total + 1):
            Council.objects.create(
                kind=kind,
                level=Level.LOCAL,
                region_id=ABAI,
                parent=regional[ABAI, key],
                declared_headcount=typical + number % 5,
                **DEMO_NOTE,
                **names(f"Абай облысы, №{number} {kk}", f"{ru} №{number}, область Абай", f"Abai {en} No. {number}"),
            )
            created += 1
        created += existing
    return created


def person(surname, given, region, serial):
    return Person(
        surname=surname[1],
        given_name=given[1],
        name_kk=f"{surname[0]} {given[0]}",
        name_ru=f"{surname[1]} {given[1]}",
        name_en=f"{given[2]} {surname[2]}",
        region_id=region,
        biography_en=f"{MARK} record.",
        email=f"demo.person{serial}@example.kz",
        phone=f"+7 700 000 {serial // 100 % 100:02d} {serial % 100:02d}",
    )


def seed_rosters(republican, regional, today):
    """Modest rosters (chair, deputy, secretary, members) for the republican councils and Abai's regional ones."""
    rosters = [
        (republican["mothers"], None, SURNAMES, GIVEN, 8),
        (regional[ABAI, "mothers"], ABAI, SURNAMES, GIVEN, 8),
        (republican["elders"], None, ELDER_SURNAMES, ELDER_GIVEN, 6),
        (regional[ABAI, "elders"], ABAI, ELDER_SURNAMES, ELDER_GIVEN, 6),
        (republican["youth"], None, SURNAMES, GIVEN, 5),
    ]
    persons, pending = [], []
    serial = Person.objects.count() + 1
    for body, region, surnames, given_names, size in rosters:
        if Membership.objects.filter(body=body).exists():
            continue
        names_cycle = cycle((s, g) for g in given_names for s in surnames)
        roles = [MembershipRole.CHAIR, MembershipRole.DEPUTY, MembershipRole.SECRETARY] + [MembershipRole.MEMBER] * (
            size - 3
        )
        for index, role in enumerate(roles):
            surname, given = next(names_cycle)
            for _skip in range(index * 3 % 5):
                surname, given = next(names_cycle)
            new = person(surname, given, region or "KZ-71", serial)
            serial += 1
            persons.append(new)
            pending.append((new, body, role, today - datetime.timedelta(days=400 + 30 * index)))
    if not persons:
        return Membership.objects.filter(body__council__isnull=False).count()
    bulk_create_with_history(persons, Person, batch_size=500)
    memberships = [
        Membership(person=new, body=body, role=role, start_date=start, appointed_by=MARK)
        for new, body, role, start in pending
    ]
    bulk_create_with_history(memberships, Membership, batch_size=500)
    # A former chair, so the roster shows members over time.
    former = person(SURNAMES[0], GIVEN[-1], ABAI, serial)
    former.save()
    Membership.objects.create(
        person=former,
        body=regional[ABAI, "mothers"],
        role=MembershipRole.CHAIR,
        start_date=today - datetime.timedelta(days=1500),
        end_date=today - datetime.timedelta(days=401),
        end_reason="term_ended",
        appointed_by=MARK,
    )
    return Membership.objects.filter(body__council__isnull=False).count()


def seed_mothers_homes(regions, regional, today):
    homes = []
    for index, region in enumerate(regions):
        code = region.iso_code
        if MothersHome.objects.filter(region_id=code).exists():
            continue
        count = 3 if code == ABAI else index % 4 + 1
        for number in range(1, count + 1):
            capacity = 12 + (index * 7 + number * 5) % 29
            homes.append(
                MothersHome(
                    region_id=code,
                    patron_council=regional[code, "mothers"],
                    capacity=capacity,
                    occupancy=(capacity * (40 + (index + number) * 13 % 55)) // 100,
                    opened_on=today - datetime.timedelta(days=365 * (2 + number) + index * 11),
                    status=HomeStatus.OPEN,
                    note=MARK,
                    **names(
                        f"{region.name_kk}: №{number} ана үйі",
                        f"Дом мамы №{number}: {region.name_ru}",
                        f"Mothers' home No. {number}, {region.name_en}",
                    ),
                )
            )
    if homes:
        bulk_create_with_history(homes, MothersHome, batch_size=500)
    return MothersHome.objects.count()
