"""The Assembly, its regional assemblies and the bodies it works with, and their posts."""

from datetime import date

from assembly.models import Body, BodyKind, BodyName, Level, MembershipRole, Post
from assembly.reference.base import existing
from regions.models import Region

RENAMED_ON = date(2007, 5, 21)  # constitutional amendments of May 2007: "of Peoples" became "of the People"
CHAIR_HANDOVER = date(2021, 4, 28)
REFERENDUM_2022 = date(2022, 6, 5)


def body(kind, name_en, name_kk, name_ru, **values):
    return existing(Body, "kind", "name_en").upsert(
        {"kind": kind, "name_en": name_en}, {"name_kk": name_kk, "name_ru": name_ru, **values}
    )


def post(where, role, seats, start_date, names, **values):
    return existing(Post, "body", "role", "start_date").upsert(
        {"body": where, "role": role, "start_date": start_date},
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
            "start_date": date(1995, 3, 1),
            "end_date": RENAMED_ON - date.resolution,
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
            MembershipRole.REGIONAL_CHAIR,
            1,
            None,
            ("Өңірлік ассамблея төрағасы (әкім)", "Председатель региональной ассамблеи (аким)", "Chair (akim)"),
        )
    return bodies


def load_posts(bodies):
    national = bodies["national"]
    post(
        national,
        MembershipRole.CHAIRMAN,
        1,
        date(1995, 3, 1),
        ("Ассамблея Төрағасы", "Председатель Ассамблеи", "Chairman"),
    )
    post(
        national,
        MembershipRole.HONORARY_CHAIRMAN,
        1,
        CHAIR_HANDOVER,
        ("Ассамблеяның Құрметті Төрағасы", "Почётный Председатель Ассамблеи", "Honorary Chairman"),
    )
    post(
        national,
        MembershipRole.DEPUTY_CHAIRMAN,
        3,
        date(1995, 3, 1),
        ("Төраға орынбасары", "Заместитель Председателя", "Deputy Chairman"),
        legal_basis="Two rotate, representing ethnic communities; the Head of the Secretariat is the third.",
    )
    post(
        bodies["secretariat"],
        MembershipRole.HEAD_OF_SECRETARIAT,
        1,
        None,
        ("Хатшылық меңгерушісі", "Заведующий Секретариатом", "Head of the Secretariat"),
    )
    post(
        bodies["mazhilis"],
        MembershipRole.MAZHILIS_DEPUTY,
        9,
        RENAMED_ON,
        (
            "Ассамблея сайлайтын Мәжіліс депутаты",
            "Депутат Мажилиса, избираемый Ассамблеей",
            "Mazhilis deputy elected by the Assembly",
        ),
        end_date=REFERENDUM_2022,
        legal_basis="Constitution (2007 amendments); the seats were removed by the referendum of 2022-06-05.",
    )
    post(
        bodies["senate"],
        MembershipRole.SENATOR,
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
        MembershipRole.KURULTAI_MEMBER,
        12,
        None,
        ("Ұлттық құрылтай мүшесі", "Член Национального курултая", "Member of the National Kurultai"),
    )
