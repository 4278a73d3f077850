"""Demo data for the Assembly's registries, on top of the reference facts. Every demo record is marked:
bodies and people end their English name with "(demo)", other rows say DEMO in a note or text.

Idempotent: rows are looked up by their natural keys and only the missing ones are created.
"""

import random
from datetime import date, timedelta

from simple_history.utils import bulk_create_with_history

from assembly.models import (
    ActivityKind,
    AgendaItem,
    AssociationActivity,
    Award,
    AwardPresentation,
    Body,
    BodyKind,
    BodyStatus,
    DocumentKind,
    EndReason,
    EthnicGroup,
    EthnoculturalAssociation,
    HouseKind,
    HouseOfFriendship,
    Instruction,
    InstructionStatus,
    Level,
    Membership,
    Person,
    ProgressReport,
    Role,
    Session,
    SessionDocument,
)
from assembly.reference import Existing
from assembly.validators import bin_check_digit
from regions.models import District, Region

DEMO = "DEMO record, invented for the demonstration."

# Associations per region: over 1,000 in all, 46 in Abai (FACTS.md).
ASSOCIATIONS_PER_REGION = {
    "KZ-10": 46,
    "KZ-11": 50,
    "KZ-15": 40,
    "KZ-19": 65,
    "KZ-23": 30,
    "KZ-27": 40,
    "KZ-31": 50,
    "KZ-33": 45,
    "KZ-35": 66,
    "KZ-39": 50,
    "KZ-43": 30,
    "KZ-47": 30,
    "KZ-55": 50,
    "KZ-59": 45,
    "KZ-61": 60,
    "KZ-62": 25,
    "KZ-63": 55,
    "KZ-71": 78,
    "KZ-75": 90,
    "KZ-79": 55,
}

# More ethnic groups of Kazakhstan, without census figures (the reference CSV has the ten largest).
MORE_GROUPS = [
    ("Belarusians", "белорусы", "беларустар", "be"),
    ("Dungans", "дунгане", "дүнгендер", "dng"),
    ("Kurds", "курды", "күрдтер", "ku"),
    ("Tajiks", "таджики", "тәжіктер", "tg"),
    ("Kyrgyz", "кыргызы", "қырғыздар", "ky"),
    ("Chechens", "чеченцы", "шешендер", "ce"),
    ("Poles", "поляки", "поляктар", "pl"),
    ("Bashkirs", "башкиры", "башқұрттар", "ba"),
    ("Moldovans", "молдаване", "молдавандар", "ro"),
    ("Greeks", "греки", "гректер", "el"),
    ("Armenians", "армяне", "армяндар", "hy"),
    ("Ingush", "ингуши", "ингуштар", "inh"),
    ("Chuvash", "чуваши", "чуваштар", "cv"),
    ("Mordvins", "мордва", "мордвалар", "mdf"),
    ("Lezgins", "лезгины", "лезгиндер", "lez"),
    ("Bulgarians", "болгары", "болгарлар", "bg"),
    ("Jews", "евреи", "еврейлер", "he"),
    ("Georgians", "грузины", "грузиндер", "ka"),
    ("Turkmens", "туркмены", "түрікмендер", "tk"),
    ("Karachays", "карачаевцы", "қарашайлар", "krc"),
    ("Udmurts", "удмурты", "удмурттар", "udm"),
    ("Lithuanians", "литовцы", "литвалықтар", "lt"),
    ("Latvians", "латыши", "латыштар", "lv"),
    ("Estonians", "эстонцы", "эстондар", "et"),
    ("Mari", "марийцы", "марилер", "chm"),
    ("Avars", "аварцы", "аварлар", "av"),
    ("Ossetians", "осетины", "осетиндер", "os"),
    ("Kabardians", "кабардинцы", "кабардиндер", "kbd"),
    ("Balkars", "балкарцы", "балқарлар", "krc"),
    ("Meskhetian Turks", "турки-месхетинцы", "месхет түріктері", "tr"),
]
LANGUAGES = {
    "Kazakhs": "kk",
    "Russians": "ru",
    "Uzbeks": "uz",
    "Ukrainians": "uk",
    "Uyghurs": "ug",
    "Germans": "de",
    "Tatars": "tt",
    "Azerbaijanis": "az",
    "Koreans": "ko",
    "Turks": "tr",
    **{row[0]: row[3] for row in MORE_GROUPS},
}

REGIONAL_HOUSES_FROM_REFERENCE = {"KZ-61", "KZ-19"}
CITY_HOUSES = [("KZ-71", "Astana"), ("KZ-75", "Almaty"), ("KZ-79", "Shymkent"), ("KZ-35", "Temirtau")]
DISTRICT_HOUSES = ["KZ-10", "KZ-11", "KZ-31", "KZ-33", "KZ-39", "KZ-55", "KZ-59", "KZ-61", "KZ-63"]


def demo_names(en, ru, kk):
    return {"name_en": f"{en} (demo)", "name_ru": f"{ru} (демо)", "name_kk": f"{kk} (демо)"}


def valid_bin(rng, registered):
    """A BIN of a legal entity registered in `registered`'s month, with a correct check digit."""
    while True:
        first = f"{registered:%y%m}4{rng.randrange(10**6):06d}"
        check = bin_check_digit(first)
        if check is not None:
            return first + str(check)


def seed(stdout):
    rng = random.Random(2025)
    regions = {region.iso_code: region for region in Region.objects.all()}
    groups = seed_ethnic_groups()
    houses = seed_houses(regions)
    created = seed_associations(rng, regions, groups, houses)
    seed_public_associations(regions)
    people = seed_people(rng, regions)
    seed_sessions(people)
    stdout.write(
        f"assembly demo: {EthnoculturalAssociation.objects.count()} associations ({created} new), "
        f"{HouseOfFriendship.objects.count()} Houses of Friendship, {Person.objects.count()} persons, "
        f"{Instruction.objects.count()} instructions"
    )


def seed_ethnic_groups():
    cache = Existing(EthnicGroup, "name_en")
    for en, ru, kk, _language in MORE_GROUPS:
        cache.upsert({"name_en": en}, {"name_ru": ru, "name_kk": kk, "note": DEMO})
    return {group.name_en: group for group in EthnicGroup.objects.all()}


def seed_houses(regions):
    cache = Existing(HouseOfFriendship, "region_id", "name_en")
    operating = {"status": BodyStatus.OPERATING}
    for iso, region in regions.items():
        if region.kind == "region" and iso not in REGIONAL_HOUSES_FROM_REFERENCE:
            names = demo_names(
                f"House of Friendship of {region.name_en} Region",
                f"Дом дружбы ({region.name_ru})",
                f"{region.name_kk} Достық үйі",
            )
            cache.upsert(
                {"region_id": iso, "name_en": names["name_en"]},
                {
                    **names,
                    **operating,
                    "house_kind": HouseKind.REGIONAL,
                    "address": f"{region.centre_en}, Friendship street 1 (demo)",
                    "opened_on": date(2000 + (int(region.kato) % 20), 3, 1),
                    "capacity": 200 + int(region.kato) * 5,
                    "on_tourist_route": int(region.kato) % 3 == 0,
                    "description_en": DEMO,
                },
            )
    for iso, city in CITY_HOUSES:
        names = demo_names(
            f"House of Friendship of {city}", f"Дом дружбы города {city}", f"{city} қаласының Достық үйі"
        )
        cache.upsert(
            {"region_id": iso, "name_en": names["name_en"]},
            {
                **names,
                **operating,
                "house_kind": HouseKind.CITY,
                "address": f"{city}, Unity avenue 2 (demo)",
                "opened_on": date(2012, 9, 1),
                "capacity": 400,
                "on_tourist_route": iso in ("KZ-71", "KZ-75"),
                "description_en": DEMO,
            },
        )
    for number, iso in enumerate(DISTRICT_HOUSES, start=1):
        names = demo_names(
            f"District House of Friendship No. {number}",
            f"Районный Дом дружбы № {number}",
            f"№ {number} аудандық Достық үйі",
        )
        cache.upsert(
            {"region_id": iso, "name_en": names["name_en"]},
            {
                **names,
                **operating,
                "house_kind": HouseKind.DISTRICT,
                "opened_on": date(2018, 5, number),
                "capacity": 80,
                "description_en": DEMO,
            },
        )
    hosts = {}
    for house in HouseOfFriendship.objects.filter(status=BodyStatus.OPERATING).exclude(region=None):
        if house.house_kind in (HouseKind.REGIONAL, HouseKind.CITY) and house.region_id not in hosts:
            hosts[house.region_id] = house
    return hosts


def group_cycle(iso, groups):
    """The ethnic groups a region's associations belong to, in a plausible mix."""
    common = ["Russians", "Tatars", "Ukrainians", "Germans", "Koreans", "Azerbaijanis", "Uzbeks", "Kazakhs"]
    south = {"KZ-19": ["Uyghurs", "Uyghurs", "Dungans", "Kurds"], "KZ-75": ["Uyghurs", "Koreans", "Dungans", "Jews"]}
    south.update({"KZ-61": ["Uzbeks", "Uzbeks", "Tajiks", "Turks"], "KZ-79": ["Uzbeks", "Turks", "Tajiks"]})
    south.update({"KZ-31": ["Dungans", "Kurds", "Meskhetian Turks", "Kyrgyz"], "KZ-33": ["Uyghurs", "Dungans"]})
    rest = [name for name in groups if name not in common and groups[name].note]
    return [*south.get(iso, []), *common, *rest]


STATUS_MIX = [BodyStatus.ACTIVE] * 17 + [BodyStatus.REGISTERED, BodyStatus.SUSPENDED, BodyStatus.LIQUIDATED]


def seed_associations(rng, regions, groups, hosts):
    existing = set(
        EthnoculturalAssociation.objects.filter(name_en__endswith="(demo)").values_list("region_id", "name_en")
    )
    used_bins = set(EthnoculturalAssociation.objects.exclude(bin="").values_list("bin", flat=True))
    districts = {}
    for district in District.objects.filter(kind="district"):
        districts.setdefault(district.region_id, []).append(district)
    created = 0
    for iso, count in ASSOCIATIONS_PER_REGION.items():
        region, cycle = regions[iso], group_cycle(iso, groups)
        for number in range(1, count + 1):
            group = groups[cycle[(number - 1) % len(cycle)]]
            # Almaty Region: its first associations are Uyghur, active, some at district level.
            if iso == "KZ-19" and number <= 8:
                group = groups["Uyghurs"]
            names = demo_names(
                f"{group.name_en} cultural centre No. {number}, {region.name_en}",
                f"Культурный центр ({group.name_ru}) № {number}, {region.name_ru}",
                f"{group.name_kk} мәдени орталығы № {number}, {region.name_kk}",
            )
            if (iso, names["name_en"]) in existing:
                continue
            registered = date(1995, 6, 1) + timedelta(days=rng.randrange(29 * 365))
            status = BodyStatus.ACTIVE if iso == "KZ-19" and number <= 8 else rng.choice(STATUS_MIX)
            level = Level.REGIONAL
            district = None
            if iso in ("KZ-71", "KZ-75") and number % 10 == 1:
                level = Level.REPUBLICAN
            elif iso in districts and number % 4 == 0:
                level, district = Level.DISTRICT, districts[iso][number % len(districts[iso])]
            bin_value = valid_bin(rng, registered)
            while bin_value in used_bins:
                bin_value = valid_bin(rng, registered)
            used_bins.add(bin_value)
            association = EthnoculturalAssociation.objects.create(
                **names,
                region=region,
                district=district,
                level=level,
                status=status,
                status_since=registered if status in (BodyStatus.ACTIVE, BodyStatus.REGISTERED) else date(2023, 1, 15),
                founded_on=registered,
                registered_on=registered,
                dissolved_on=date(2023, 1, 15) if status == BodyStatus.LIQUIDATED else None,
                bin=bin_value,
                host_house=hosts.get(iso) if status != BodyStatus.LIQUIDATED else None,
                email=f"centre{number}.{iso.lower()}@demo.shanyrak.kz",
                phone=f"+7 700 {int(region.kato):03d} {number:04d}",
                address=f"{region.centre_en}, street {number} (demo)",
                description_en=DEMO,
            )
            association.ethnic_groups.set([group])
            add_activities(association, group, number)
            created += 1
    return created


def add_activities(association, group, number):
    language = LANGUAGES.get(group.name_en, "")
    rows = []
    if number % 3 == 0 and language:
        rows.append(
            (
                ActivityKind.LANGUAGE_SCHOOL,
                "Sunday language school",
                "Жексенбілік тіл мектебі",
                "Воскресная школа языка",
            )
        )
    if number % 7 == 0:
        rows.append((ActivityKind.COLLECTION, "Folk dance collection", "Халық биі ұжымы", "Коллектив народного танца"))
    if number % 5 == 0:
        rows.append((ActivityKind.YOUTH_WING, "Youth wing", "Жастар қанаты", "Молодёжное крыло"))
    if number % 11 == 0 and language:
        rows.append((ActivityKind.MEDIA_OUTLET, "Newspaper", "Газет", "Газета"))
    if number % 23 == 0:
        rows.append((ActivityKind.THEATRE, "Amateur theatre", "Әуесқой театр", "Любительский театр"))
    for kind, en, kk, ru in rows:
        AssociationActivity.objects.create(
            association=association,
            kind=kind,
            language=language if kind in (ActivityKind.LANGUAGE_SCHOOL, ActivityKind.MEDIA_OUTLET) else "",
            **demo_names(en, ru, kk),
        )


def seed_public_associations(regions):
    """Other public associations in the Assembly's structure, without history of their own yet: bulk-created."""
    existing = set(Body.objects.filter(kind=BodyKind.PUBLIC_ASSOCIATION).values_list("region_id", "name_en"))
    rows = []
    for iso, region in regions.items():
        for number, (en, ru, kk) in enumerate(
            [
                ("Volunteers' union", "Союз волонтёров", "Еріктілер одағы"),
                ("Veterans' council", "Совет ветеранов", "Ардагерлер кеңесі"),
                ("Women's league", "Женская лига", "Әйелдер лигасы"),
                ("Sports club “Birlik”", "Спортивный клуб «Бірлік»", "«Бірлік» спорт клубы"),
                ("Charity fund", "Благотворительный фонд", "Қайырымдылық қоры"),
                ("Youth forum", "Молодёжный форум", "Жастар форумы"),
                ("Artists' union", "Союз художников", "Суретшілер одағы"),
            ],
            start=1,
        ):
            names = demo_names(f"{en}, {region.name_en}", f"{ru}, {region.name_ru}", f"{kk}, {region.name_kk}")
            if (iso, names["name_en"]) in existing:
                continue
            rows.append(
                Body(
                    kind=BodyKind.PUBLIC_ASSOCIATION,
                    level=Level.REGIONAL,
                    region=region,
                    founded_on=date(2005 + number, 1, 1),
                    description_en=DEMO,
                    **names,
                )
            )
    if rows:
        bulk_create_with_history(rows, Body, batch_size=500)


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
            Role.DEPUTY_CHAIRMAN,
            start,
            end,
            end_reason=EndReason.ROTATION if end else "",
            appointed_by="Decree of the President on the Council's recommendation (demo)",
        )
    for surname, given, names, start, end in HEADS:
        people[surname] = demo_person(persons, surname, given, names)
        hold(people[surname], secretariat, Role.HEAD_OF_SECRETARIAT, start, end)
        hold(people[surname], national, Role.DEPUTY_CHAIRMAN, start, end)

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
            Role.MAZHILIS_DEPUTY,
            "2021-01-15",
            "2022-06-05",
            appointed_by="Session of the Assembly (demo)",
        )
    senate = Body.objects.get(name_en="Senate of the Parliament")
    for who in numbered("Senator", 5):
        hold(who, senate, Role.SENATOR, "2023-02-01", appointed_by="Recommended by the Assembly (demo)")
    kurultai = Body.objects.get(kind=BodyKind.KURULTAI)
    for who in numbered("Kurultai", 12):
        hold(who, kurultai, Role.KURULTAI_MEMBER, "2022-06-16")
    for who, country in zip(numbered("Dostyk", 14), AMBASSADOR_COUNTRIES, strict=True):
        hold(who, national, Role.AMBASSADOR, "2023-04-26", country=country)
    for who in numbered("Kenes", 30, sorted(regions)):
        hold(who, council, Role.COUNCIL_MEMBER, "2022-04-28")
    for regional in Body.objects.filter(kind=BodyKind.REGIONAL_ASSEMBLY).select_related("region"):
        iso = regional.region_id
        akim = demo_person(
            persons, f"Akim{iso[-2:]}", "Demo", (f"Akim of {regional.region.name_en}",) * 3, regional.region
        )
        hold(akim, regional, Role.REGIONAL_CHAIR, "2023-01-01", appointed_by="Akim of the region (demo)")
    # Leaders of every tenth association.
    for number, association in enumerate(
        EthnoculturalAssociation.objects.filter(name_en__endswith="(demo)").order_by("id")[::10], start=1
    ):
        leader = demo_person(
            persons, f"Leader{number:03d}", GIVEN[number % len(GIVEN)], (f"Leader {number}",) * 3, association.region
        )
        hold(leader, association, Role.LEADER, association.registered_on or "2020-01-01")
    people["awardees"] = numbered("Laureate", 3, ["KZ-10", "KZ-19", "KZ-75"])
    return people


def seed_sessions(people):
    xxxiv, xxxiii = Session.objects.get(number=34), Session.objects.get(number=33)
    agenda = Existing(AgendaItem, "session", "position")
    for position, (en, ru, kk) in enumerate(
        [
            ("Opening address of the Chairman", "Выступление Председателя", "Төрағаның сөзі"),
            (
                "Thirty years of the Assembly: results",
                "Тридцать лет Ассамблеи: итоги",
                "Ассамблеяның отыз жылы: қорытынды",
            ),
            ("Tasks for 2026–2030", "Задачи на 2026–2030 годы", "2026–2030 жылдарға арналған міндеттер"),
            ("Presentation of awards", "Вручение наград", "Марапаттау"),
        ],
        start=1,
    ):
        agenda.upsert(
            {"session": xxxiv, "position": position},
            {"title_en": f"{en} (demo)", "title_ru": f"{ru} (демо)", "title_kk": f"{kk} (демо)"},
        )
    Existing(SessionDocument, "session", "title_en").upsert(
        {"session": xxxiv, "title_en": "Resolution of the XXXIV session (demo)"},
        {"kind": DocumentKind.RESOLUTION, "title_ru": "Резолюция XXXIV сессии (демо)", "url": "https://assembly.kz/"},
    )
    award = Award.objects.get(name_en__contains="El Birligi")
    presentations = Existing(AwardPresentation, "award", "person", "awarded_on")
    for who in people["awardees"]:
        presentations.upsert(
            {"award": award, "person": who, "awarded_on": xxxiv.start_date}, {"session": xxxiv, "note": "DEMO"}
        )

    ministries = Existing(Body, "kind", "name_en")
    culture, education, science = (
        ministries.upsert(
            {"kind": BodyKind.STATE_BODY, "name_en": f"{en} (demo)"},
            {"name_ru": f"{ru} (демо)", "name_kk": f"{kk} (демо)", "description_en": DEMO},
        )
        for en, ru, kk in [
            (
                "Ministry of Culture and Information",
                "Министерство культуры и информации",
                "Мәдениет және ақпарат министрлігі",
            ),
            ("Ministry of Education", "Министерство просвещения", "Оқу-ағарту министрлігі"),
            (
                "Ministry of Science and Higher Education",
                "Министерство науки и высшего образования",
                "Ғылым және жоғары білім министрлігі",
            ),
        ]
    )
    instructions = Existing(Instruction, "session", "parent", "number")
    rows = [
        (
            xxxiv,
            1,
            culture,
            "Prepare the Concept of the Assembly for 2026–2030",
            "2025-12-31",
            InstructionStatus.IN_PROGRESS,
            70,
        ),
        (
            xxxiv,
            2,
            education,
            "Open language courses at every House of Friendship",
            "2027-06-30",
            InstructionStatus.IN_PROGRESS,
            40,
        ),
        (xxxiv, 3, science, "Study interethnic relations in the regions", "2026-03-31", InstructionStatus.DONE, 100),
        (xxxiv, 4, culture, "Support ethnic media in ten languages", "2027-12-31", InstructionStatus.ASSIGNED, 0),
        (xxxiii, 1, culture, "Hold the Assembly's 30th anniversary events", "2025-04-30", InstructionStatus.DONE, 100),
    ]
    made = {}
    for session, number, addressee, text, deadline, status, progress in rows:
        made[(session.number, number)] = instructions.upsert(
            {"session": session, "parent": None, "number": number},
            {
                "addressee": addressee,
                "text_en": f"{text} (demo)",
                "deadline": date.fromisoformat(deadline),
                "status": status,
                "progress_percent": progress,
                "responsible": people["Omarov"],
            },
        )
    # Instruction XXXIV-2 is split per region; its progress rolls up from the parts.
    parent = made[(34, 2)]
    for number, (iso, progress) in enumerate([("KZ-10", 60), ("KZ-19", 40), ("KZ-75", 20)], start=1):
        part = instructions.upsert(
            {"session": xxxiv, "parent": parent, "number": number},
            {
                "region_id": iso,
                "addressee": Body.objects.get(kind=BodyKind.REGIONAL_ASSEMBLY, region_id=iso),
                "text_en": f"Language courses in {iso} (demo)",
                "deadline": date(2027, 6, 30),
                "status": InstructionStatus.IN_PROGRESS,
            },
        )
        Existing(ProgressReport, "instruction", "reported_on").upsert(
            {"instruction": part, "reported_on": date(2025, 10, 1)},
            {"progress_percent": progress, "text_en": f"Courses opened: {progress}% of the plan (DEMO)"},
        )
    Existing(ProgressReport, "instruction", "reported_on").upsert(
        {"instruction": made[(34, 1)], "reported_on": date(2025, 11, 15)},
        {"progress_percent": 70, "text_en": "Draft concept discussed with the regions (DEMO)"},
    )
