"""Demo ethnic groups, Houses of Friendship, associations with their activities, other public associations."""

from datetime import date, timedelta

from simple_history.utils import bulk_create_with_history

from assembly.demo.base import DEMO, demo_names
from assembly.models import (
    ActivityKind,
    AssociationActivity,
    Body,
    BodyKind,
    BodyStatus,
    EthnicGroup,
    EthnoculturalAssociation,
    HouseKind,
    HouseOfFriendship,
    Level,
)
from assembly.reference import Existing
from assembly.validators import bin_check_digit
from regions.models import District

# Associations per region: over 1,000 in all, 46 in Abai.
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


def valid_bin(rng, registered):
    """A BIN of a legal entity registered in `registered`'s month, with a correct check digit."""
    while True:
        first = f"{registered:%y%m}4{rng.randrange(10**6):06d}"
        check = bin_check_digit(first)
        if check is not None:
            return first + str(check)


def seed_ethnic_groups():
    cache = Existing(EthnicGroup, "name_en")
    for en, ru, kk, _language in MORE_GROUPS:
        cache.upsert({"name_en": en}, {"name_ru": ru, "name_kk": kk, "note": DEMO})
    return {group.name_en: group for group in EthnicGroup.objects.all()}


def seed_houses(regions):
    cache = Existing(HouseOfFriendship, "region_id", "name_en")

    def house(iso, names, house_kind, **values):
        values = {**names, "status": BodyStatus.OPERATING, "house_kind": house_kind, **values, "description_en": DEMO}
        cache.upsert({"region_id": iso, "name_en": names["name_en"]}, values)

    for iso, region in regions.items():
        if region.kind == "region" and iso not in REGIONAL_HOUSES_FROM_REFERENCE:
            names = demo_names(
                f"House of Friendship of {region.name_en} Region",
                f"Дом дружбы ({region.name_ru})",
                f"{region.name_kk} Достық үйі",
            )
            house(
                iso,
                names,
                HouseKind.REGIONAL,
                address=f"{region.centre_en}, Friendship street 1 (demo)",
                opened_on=date(2000 + (int(region.kato) % 20), 3, 1),
                capacity=200 + int(region.kato) * 5,
                on_tourist_route=int(region.kato) % 3 == 0,
            )
    for iso, city in CITY_HOUSES:
        names = demo_names(
            f"House of Friendship of {city}", f"Дом дружбы города {city}", f"{city} қаласының Достық үйі"
        )
        house(
            iso,
            names,
            HouseKind.CITY,
            address=f"{city}, Unity avenue 2 (demo)",
            opened_on=date(2012, 9, 1),
            capacity=400,
            on_tourist_route=iso in ("KZ-71", "KZ-75"),
        )
    for number, iso in enumerate(DISTRICT_HOUSES, start=1):
        names = demo_names(
            f"District House of Friendship No. {number}",
            f"Районный Дом дружбы № {number}",
            f"№ {number} аудандық Достық үйі",
        )
        house(iso, names, HouseKind.DISTRICT, opened_on=date(2018, 5, number), capacity=80)
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
