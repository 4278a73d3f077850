"""Demo councils, mothers' homes, mediation offices, mediators and cases. Every record is marked "(demo)"/DEMO.

Figures follow the reference facts where they exist: Abai region's 78 women's councils and 123 branches of the
Council of Elders (local councils with declared headcounts), over 360 experts of the Scientific-Expert Council,
20 regional mediation offices and the Ethnomediation Institute with over 1,200 mediators. Large sets are written
with bulk operations (with history); re-running changes nothing.
"""

import datetime
from itertools import cycle

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from assembly.models import BodyKind, Level, Membership, Person, Role
from councils.models import (
    CaseCategory,
    CaseNote,
    CaseStatus,
    Council,
    HomeStatus,
    MediationCase,
    MediationOffice,
    Mediator,
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
MEDIATORS_PER_OFFICE = 60

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


OUTCOMES = {
    CaseStatus.AGREEMENT: f"{MARK}: the parties signed a written agreement.",
    CaseStatus.NO_AGREEMENT: f"{MARK}: the parties did not agree; advised on other remedies.",
    CaseStatus.REFERRED_TO_COURT: f"{MARK}: one party chose to go to court.",
    CaseStatus.WITHDRAWN: f"{MARK}: the application was withdrawn.",
}


def seed(stdout):
    today = timezone.localdate()
    regions = list(Region.objects.active().order_by("iso_code"))
    republican = seed_republican_councils()
    regional = seed_regional_councils(regions, republican)
    local = seed_abai_local_councils(regional)
    members = seed_rosters(republican, regional, today)
    homes = seed_mothers_homes(regions, regional, today)
    offices = seed_offices(regions)
    mediators = seed_mediators(offices, today)
    cases = seed_cases(offices, today)
    stdout.write(
        f"Councils (demo): {Council.objects.count()} councils ({local} local councils in Abai), "
        f"{members} roster memberships; {homes} mothers' homes; {len(offices)} mediation offices, "
        f"{mediators} mediators, {cases} mediation cases; mediator-kz-10 works in the Abai office."
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
        roles = [Role.CHAIR, Role.DEPUTY, Role.SECRETARY] + [Role.MEMBER] * (size - 3)
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
        role=Role.CHAIR,
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


def seed_offices(regions):
    offices = {}
    for region in regions:
        values = names(
            f"{region.name_kk}: медиация кабинеті",
            f"Кабинет медиации: {region.name_ru}",
            f"Mediation office of {region.name_en}",
        )
        office = MediationOffice.objects.filter(region=region, name_en=values["name_en"]).first()
        if office is None:
            office = MediationOffice.objects.create(
                level=Level.REGIONAL, region=region, address=region.centre_en, **DEMO_NOTE, **values
            )
        offices[region.iso_code] = office
    values = names("Этномедиация институты", "Институт этномедиации", "Ethnomediation Institute")
    institute = MediationOffice.objects.filter(region=None, name_en=values["name_en"]).first()
    if institute is None:
        institute = MediationOffice.objects.create(level=Level.REPUBLICAN, **DEMO_NOTE, **values)
    offices[None] = institute
    return offices


def seed_mediators(offices, today):
    """About 60 mediators per regional office and a few at the Institute; mediator-kz-10 in the Abai office."""
    extra_languages = {"KZ-61": "uz", "KZ-79": "uz", "KZ-19": "ug", "KZ-75": "ug", "KZ-31": "dng"}
    pending = []
    serial = Person.objects.count() + 1
    names_cycle = cycle((s, g) for g in GIVEN + ELDER_GIVEN for s in SURNAMES + ELDER_SURNAMES)
    for region, office in offices.items():
        if Mediator.objects.filter(office=office).exists():
            continue
        size = MEDIATORS_PER_OFFICE if region else 8
        for index in range(size):
            surname, given = next(names_cycle)
            new = person(surname, given, region or "KZ-71", serial)
            serial += 1
            languages = ["kk", "ru"] + ([extra_languages[region]] if region in extra_languages and index % 3 else [])
            pending.append((new, office, index == 0, languages, today - datetime.timedelta(days=200 + 37 * index)))
    if pending:
        bulk_create_with_history([new for new, *_rest in pending], Person, batch_size=500)
        bulk_create_with_history(
            [
                Mediator(person=new, office=office, is_head=head, languages=languages, certified_on=certified)
                for new, office, head, languages, certified in pending
            ],
            Mediator,
            batch_size=500,
        )
    user = User.objects.filter(username="mediator-kz-10").first()
    if user is not None and not Mediator.objects.filter(user=user).exists():
        abai = offices[ABAI]
        new = person(("Мұратова", "Муратова", "Muratova"), ("Әсем", "Асем", "Assem"), ABAI, serial)
        new.save()
        Mediator.objects.create(
            person=new, office=abai, user=user, languages=["kk", "ru"], certified_on=today - datetime.timedelta(days=90)
        )
    return Mediator.objects.count()


def seed_cases(offices, today):
    """A handful of cases for the Abai office (every status, with notes), and a few elsewhere for the statistics."""
    plan = {
        ABAI: [
            (CaseCategory.FAMILY, CaseStatus.AGREEMENT, 300, 40),
            (CaseCategory.FAMILY, CaseStatus.AGREEMENT, 250, 30),
            (CaseCategory.NEIGHBOURS, CaseStatus.AGREEMENT, 220, 20),
            (CaseCategory.NEIGHBOURS, CaseStatus.NO_AGREEMENT, 200, 45),
            (CaseCategory.PROPERTY, CaseStatus.REFERRED_TO_COURT, 180, 60),
            (CaseCategory.LABOUR, CaseStatus.WITHDRAWN, 150, 10),
            (CaseCategory.FAMILY, CaseStatus.AGREEMENT, 120, 25),
            (CaseCategory.INTERETHNIC, CaseStatus.AGREEMENT, 90, 35),
            (CaseCategory.FAMILY, CaseStatus.IN_MEDIATION, 40, None),
            (CaseCategory.NEIGHBOURS, CaseStatus.IN_MEDIATION, 25, None),
            (CaseCategory.RELIGIOUS, CaseStatus.RECEIVED, 6, None),
            (CaseCategory.OTHER, CaseStatus.RECEIVED, 2, None),
        ],
        "KZ-75": [
            (CaseCategory.FAMILY, CaseStatus.AGREEMENT, 200, 30),
            (CaseCategory.LABOUR, CaseStatus.AGREEMENT, 160, 30),
            (CaseCategory.NEIGHBOURS, CaseStatus.IN_MEDIATION, 20, None),
        ],
        None: [(CaseCategory.INTERETHNIC, CaseStatus.AGREEMENT, 100, 50)],
    }
    created = 0
    for region, cases in plan.items():
        office = offices[region]
        if MediationCase.objects.filter(office=office).exists():
            continue
        staff = list(Mediator.objects.filter(office=office).order_by("-is_head", "id")[:3])
        bound = list(Mediator.objects.filter(office=office, user__isnull=False))
        team = list(dict.fromkeys([*staff[:1], *bound, *staff[1:]]))[:3]
        for index, (category, status, age, duration) in enumerate(cases):
            received = today - datetime.timedelta(days=age)
            case = MediationCase.objects.create(
                office=office,
                received_on=received,
                category=category,
                parties_count=2 + index % 3,
                languages=["kk", "ru"] if index % 2 else ["kk"],
                status=status,
                closed_on=received + datetime.timedelta(days=duration) if duration else None,
                outcome_summary=OUTCOMES.get(status, ""),
            )
            case.mediators.set(team[: 1 + index % 2])
            created += 1
            author = (
                next((m.user for m in team if m.user_id), None)
                or User.objects.filter(username="mediator-kz-10").first()
            )
            notes = [
                CaseNote(case=case, written_on=received, author=author, text=f"{MARK}: application registered."),
            ]
            if status != CaseStatus.RECEIVED:
                notes.append(
                    CaseNote(
                        case=case,
                        written_on=min(received + datetime.timedelta(days=7), today),
                        author=author,
                        text=f"{MARK}: first joint meeting held.",
                    )
                )
            bulk_create_with_history(notes, CaseNote)
    return MediationCase.objects.count()
