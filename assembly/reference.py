"""True facts of the Assembly (from fixtures/reference/ and FACTS.md), loaded idempotently."""

import csv
from datetime import date
from decimal import Decimal

from assembly.models import (
    Award,
    Body,
    BodyKind,
    BodyName,
    BodyStatus,
    DocumentType,
    EndReason,
    EthnicGroup,
    HouseKind,
    HouseOfFriendship,
    Level,
    Membership,
    Person,
    Post,
    Role,
    Session,
    StrategicDocument,
)
from regions.models import District, Region
from regions.reference import REFERENCE_DIR

RENAMED_ON = date(2007, 5, 21)  # constitutional amendments of May 2007: "of Peoples" became "of the People"
CHAIR_HANDOVER = date(2021, 4, 28)
REFERENDUM_2022 = date(2022, 6, 5)


class Existing:
    """The rows of a model already in the database, keyed by their natural key, read in one query.

    `upsert` then creates or updates (writing history) only what differs, so a second load costs a few queries.
    """

    def __init__(self, model, *key):
        self.model, self.key = model, key
        self.rows = {self.key_of(row): row for row in model.objects.all()}

    def key_of(self, row):
        return tuple(getattr(row, self.model._meta.get_field(field).attname) for field in self.key)

    def upsert(self, lookup, values):
        values = {**lookup, **values}
        key = tuple(self._plain(values[field]) for field in self.key)
        record = self.rows.get(key)
        if record is None:
            record = self.model.objects.create(**values)
            self.rows[key] = record
            return record
        changed = {
            field: value
            for field, value in values.items()
            if self._plain(getattr(record, self.model._meta.get_field(field).attname)) != self._plain(value)
        }
        if changed:
            for field, value in changed.items():
                setattr(record, field, value)
            record.save()
        return record

    @staticmethod
    def _plain(value):
        return value.pk if hasattr(value, "_meta") else value


def read_rows(filename):
    with open(REFERENCE_DIR / filename, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


CACHE = {}


def existing(model, *key):
    if model not in CACHE:
        CACHE[model] = Existing(model, *key)
    return CACHE[model]


def body(kind, name_en, name_kk, name_ru, **values):
    return existing(Body, "kind", "name_en").upsert(
        {"kind": kind, "name_en": name_en}, {"name_kk": name_kk, "name_ru": name_ru, **values}
    )


def person(surname, given_name, patronymic, names, biography_en=""):
    return existing(Person, "surname", "given_name", "patronymic").upsert(
        {"surname": surname, "given_name": given_name, "patronymic": patronymic},
        {"name_kk": names[0], "name_ru": names[1], "name_en": names[2], "biography_en": biography_en},
    )


def membership(who, where, role, start, **values):
    return existing(Membership, "person", "body", "role", "start_date").upsert(
        {"person": who, "body": where, "role": role, "start_date": start}, values
    )


def post(where, role, seats, valid_from, names, **values):
    return existing(Post, "body", "role", "valid_from").upsert(
        {"body": where, "role": role, "valid_from": valid_from},
        {"seats": seats, "name_kk": names[0], "name_ru": names[1], "name_en": names[2], **values},
    )


def load_bodies():
    national = body(
        BodyKind.NATIONAL_ASSEMBLY,
        "Assembly of the People of Kazakhstan",
        "Қазақстан халқы Ассамблеясы",
        "Ассамблея народа Казахстана",
        level=Level.REPUBLICAN,
        founded_on=date(1995, 3, 1),
        description_en="Founded by presidential decree No. 2066 as a consultative body under the President; "
        "constitutional status since May 2007.",
        website="https://assembly.kz",
    )
    existing(BodyName, "body", "name_en").upsert(
        {"body": national, "name_en": "Assembly of Peoples of Kazakhstan"},
        {
            "name_kk": "Қазақстан халықтарының Ассамблеясы",
            "name_ru": "Ассамблея народов Казахстана",
            "valid_from": date(1995, 3, 1),
            "valid_until": RENAMED_ON - date.resolution,
            "note": "Renamed with the constitutional amendments of May 2007.",
        },
    )
    bodies = {"national": national}
    for key, kind, names in [
        (
            "council",
            BodyKind.COUNCIL_OF_ASSEMBLY,
            ("Council of the Assembly", "Ассамблея Кеңесі", "Совет Ассамблеи"),
        ),
        (
            "secretariat",
            BodyKind.SECRETARIAT,
            ("Secretariat of the Assembly", "Ассамблея Хатшылығы", "Секретариат Ассамблеи"),
        ),
    ]:
        bodies[key] = body(kind, names[0], names[1], names[2], parent=national, level=Level.REPUBLICAN)
    bodies["kurultai"] = body(
        BodyKind.KURULTAI,
        "National Kurultai",
        "Ұлттық құрылтай",
        "Национальный курултай",
        level=Level.REPUBLICAN,
        description_en="Advisory body created in 2022; Assembly members sit on it.",
    )
    bodies["group"] = body(
        BodyKind.PARLIAMENTARY_GROUP,
        "Inter-chamber parliamentary group “Bir El – Bir Mudde”",
        "«Бір ел – бір мүдде» палатааралық депутаттық тобы",
        "Межпалатная депутатская группа «Бір ел – бір мүдде»",
        level=Level.REPUBLICAN,
    )
    bodies["mazhilis"] = body(
        BodyKind.PARLIAMENT_CHAMBER, "Mazhilis of the Parliament", "Парламент Мәжілісі", "Мажилис Парламента"
    )
    bodies["senate"] = body(
        BodyKind.PARLIAMENT_CHAMBER, "Senate of the Parliament", "Парламент Сенаты", "Сенат Парламента"
    )
    regionals = {row.region_id: row for row in Body.objects.filter(kind=BodyKind.REGIONAL_ASSEMBLY)}
    for region in Region.objects.order_by("iso_code"):
        # The natural key of a regional assembly is its region: exactly one per region.
        regional = (
            regionals.get(region.iso_code)
            or Body.objects.get_or_create(
                kind=BodyKind.REGIONAL_ASSEMBLY,
                region_id=region.iso_code,
                defaults={
                    "name_kk": f"Қазақстан халқы Ассамблеясы ({region.name_kk})",
                    "name_ru": f"Ассамблея народа Казахстана ({region.name_ru})",
                    "name_en": f"Assembly of the People of Kazakhstan ({region.name_en})",
                    "level": Level.REGIONAL,
                    "parent": national,
                },
            )[0]
        )
        body(
            BodyKind.PUBLIC_ACCORD,
            f"Public Accord ({region.name_en})",
            f"Қоғамдық келісім ({region.name_kk})",
            f"Қоғамдық келісім ({region.name_ru})",
            level=Level.REGIONAL,
            region=region,
            parent=regional,
            description_en="Public Accord (Qogamdyq Kelisim) institution under the regional akimat.",
        )
        post(
            regional,
            Role.REGIONAL_CHAIR,
            1,
            None,
            ("Өңірлік ассамблея төрағасы (әкім)", "Председатель региональной ассамблеи (аким)", "Chair (akim)"),
        )
    return bodies


def load_posts(bodies):
    national = bodies["national"]
    post(national, Role.CHAIRMAN, 1, date(1995, 3, 1), ("Ассамблея Төрағасы", "Председатель Ассамблеи", "Chairman"))
    post(
        national,
        Role.HONORARY_CHAIRMAN,
        1,
        CHAIR_HANDOVER,
        ("Ассамблеяның Құрметті Төрағасы", "Почётный Председатель Ассамблеи", "Honorary Chairman"),
    )
    post(
        national,
        Role.DEPUTY_CHAIRMAN,
        3,
        date(1995, 3, 1),
        ("Төраға орынбасары", "Заместитель Председателя", "Deputy Chairman"),
        legal_basis="Two rotate, representing ethnic communities; the Head of the Secretariat is the third.",
    )
    post(
        bodies["secretariat"],
        Role.HEAD_OF_SECRETARIAT,
        1,
        None,
        ("Хатшылық меңгерушісі", "Заведующий Секретариатом", "Head of the Secretariat"),
    )
    post(
        bodies["mazhilis"],
        Role.MAZHILIS_DEPUTY,
        9,
        RENAMED_ON,
        (
            "Ассамблея сайлайтын Мәжіліс депутаты",
            "Депутат Мажилиса, избираемый Ассамблеей",
            "Mazhilis deputy elected by the Assembly",
        ),
        valid_to=REFERENDUM_2022,
        legal_basis="Constitution (2007 amendments); the seats were removed by the referendum of 2022-06-05.",
    )
    post(
        bodies["senate"],
        Role.SENATOR,
        5,
        REFERENDUM_2022,
        (
            "Ассамблея ұсынатын Сенат депутаты",
            "Депутат Сената по рекомендации Ассамблеи",
            "Senator recommended by the Assembly",
        ),
        legal_basis="Constitution as amended by the referendum of 2022-06-05.",
    )
    post(
        bodies["kurultai"],
        Role.KURULTAI_MEMBER,
        12,
        None,
        ("Ұлттық құрылтай мүшесі", "Член Национального курултая", "Member of the National Kurultai"),
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
        Role.CHAIRMAN,
        date(1995, 3, 1),
        end_date=CHAIR_HANDOVER,
        end_reason=EndReason.OTHER,
        appointed_by="Decree No. 2066 of 1995-03-01",
        note="Passed the chairmanship to Kassym-Jomart Tokayev at the XXIX session and became Honorary Chairman.",
    )
    membership(nazarbayev, national, Role.HONORARY_CHAIRMAN, CHAIR_HANDOVER, appointed_by="XXIX session")
    membership(tokayev, national, Role.CHAIRMAN, CHAIR_HANDOVER, appointed_by="XXIX session")
    note = "In office in 2025; the exact start date is not confirmed (1 January 2025 is used)."
    membership(azilkhanov, bodies["secretariat"], Role.HEAD_OF_SECRETARIAT, date(2025, 1, 1), note=note)
    membership(azilkhanov, national, Role.DEPUTY_CHAIRMAN, date(2025, 1, 1), note=note)
    return nazarbayev, tokayev


def load_sessions(nazarbayev, tokayev):
    for row in read_rows("assembly_sessions.csv"):
        start = date.fromisoformat(row["start_date"])
        online = row["city"] == "online"
        existing(Session, "number").upsert(
            {"number": int(row["number"])},
            {
                "start_date": start,
                "end_date": date.fromisoformat(row["end_date"]) if row["end_date"] else None,
                "city": "" if online else row["city"],
                "venue": "online" if online else "",
                "chair": nazarbayev if start <= CHAIR_HANDOVER else tokayev,
                "dates_verified": row["verified"] == "yes",
            },
        )
    existing(Session, "number").upsert(
        {"number": 34},
        {
            "theme_kk": "Ассамблеяның 30 жылдығы",
            "theme_ru": "30-летие Ассамблеи",
            "theme_en": "The Assembly's 30th anniversary",
        },
    )


def load_documents(bodies):
    existing(StrategicDocument, "kind", "name_en").upsert(
        {"kind": DocumentType.LAW, "name_en": "Law “On the Assembly of the People of Kazakhstan”"},
        {
            "name_kk": "«Қазақстан халқы Ассамблеясы туралы» Заң",
            "name_ru": "Закон «Об Ассамблее народа Казахстана»",
            "number": "70-IV",
            "adopted_on": date(2008, 10, 20),
            "adopted_year": 2008,
            "start_date": date(2008, 10, 20),
        },
    )
    existing(StrategicDocument, "kind", "name_en").upsert(
        {"kind": DocumentType.DOCTRINE, "name_en": "Doctrine of National Unity"},
        {"name_kk": "Ұлттық бірлік доктринасы", "name_ru": "Доктрина национального единства", "adopted_year": 2010},
    )
    existing(StrategicDocument, "kind", "name_en").upsert(
        {"kind": DocumentType.CONCEPT, "name_en": "Development Concept of the Assembly for 2022–2025"},
        {
            "name_kk": "Ассамблеяны дамытудың 2022–2025 жылдарға арналған тұжырымдамасы",
            "name_ru": "Концепция развития Ассамблеи на 2022–2025 годы",
            "adopted_year": 2022,
            "start_date": date(2022, 1, 1),
            "end_date": date(2025, 12, 31),
            "adopted_by": None,
            "note": "A Concept for 2026–2030 is being drafted.",
        },
    )
    existing(Award, "name_en").upsert(
        {"name_en": "“El Birligi” (Unity of the Nation) Order"},
        {"name_kk": "«Ел бірлігі» ордені", "name_ru": "Орден «Ел бірлігі»"},
    )


def load_ethnic_groups():
    for row in read_rows("ethnic_groups_2021.csv"):
        existing(EthnicGroup, "name_en").upsert(
            {"name_en": row["name_en"]},
            {
                "name_kk": row["name_kk"],
                "name_ru": row["name_ru"],
                "census_2021_count": int(row["census_2021_count"]),
                "census_2021_percent": Decimal(row["census_2021_percent"]),
                "census_2021_rank": int(row["rank"]),
            },
        )


def house(region, name_en, name_kk, name_ru, **values):
    return existing(HouseOfFriendship, "region_id", "name_en").upsert(
        {"region_id": region, "name_en": name_en}, {"name_kk": name_kk, "name_ru": name_ru, **values}
    )


def load_houses(bodies):
    house(
        None,
        "Republican House of Friendship",
        "Республикалық Достық үйі",
        "Республиканский Дом дружбы",
        house_kind=HouseKind.REPUBLICAN,
        status=BodyStatus.OPERATING,
        parent=bodies["national"],
    )
    house(
        "KZ-61",
        "House of Friendship of Turkistan Region",
        "Түркістан облысының Достық үйі",
        "Дом дружбы Туркестанской области",
        house_kind=HouseKind.REGIONAL,
        status=BodyStatus.OPERATING,
        description_en="Opened in 2024.",
    )
    house(
        "KZ-19",
        "House of Friendship of Almaty Region",
        "Алматы облысының Достық үйі",
        "Дом дружбы Алматинской области",
        house_kind=HouseKind.REGIONAL,
        status=BodyStatus.PLANNED,
    )
    for district in District.objects.filter(kato__in=["3148", "1966", "6152", "3346"]).select_related("region"):
        house(
            district.region_id,
            f"Assembly centre of {district.name_en}",
            f"{district.name_kk} Ассамблея орталығы",
            f"Центр Ассамблеи ({district.name_ru})",
            house_kind=HouseKind.ASSEMBLY_CENTRE,
            status=BodyStatus.PLANNED,
            district=district,
            description_en="Proposed district Assembly centre.",
        )


def load(stdout):
    CACHE.clear()
    bodies = load_bodies()
    load_posts(bodies)
    nazarbayev, tokayev = load_people(bodies)
    load_sessions(nazarbayev, tokayev)
    load_documents(bodies)
    load_ethnic_groups()
    load_houses(bodies)
    stdout.write(
        f"assembly: {Body.objects.count()} bodies, {Session.objects.count()} sessions, "
        f"{EthnicGroup.objects.count()} ethnic groups, {HouseOfFriendship.objects.count()} Houses of Friendship"
    )
    CACHE.clear()
