"""The Assembly's share of the national seed (see registry/national.py): ethnocultural associations, public
organisations and Houses of Friendship; and `RegionalPart`, the base of every app's part, which spreads rows over the
regions (weighted by population) and their districts and makes the demo bodies and persons."""

import datetime

from django.db import connection

from assembly.models import (
    AssociationStatus,
    Body,
    BodyKind,
    BodyStatus,
    EthnicGroup,
    EthnoculturalAssociation,
    HouseKind,
    HouseOfFriendship,
    Level,
    Person,
)
from regions.models import District, Region
from registry.national import BATCH, HOUSES, NATIONAL_MARK, Part, insert, weighted

# Weights roughly proportional to each unit's population (thousands), so Turkistan and Almaty log more than Ulytau.
REGION_WEIGHTS = {
    "KZ-10": 600,
    "KZ-11": 790,
    "KZ-15": 930,
    "KZ-19": 1500,
    "KZ-23": 700,
    "KZ-27": 690,
    "KZ-31": 1220,
    "KZ-33": 700,
    "KZ-35": 1130,
    "KZ-39": 830,
    "KZ-43": 840,
    "KZ-47": 770,
    "KZ-55": 750,
    "KZ-59": 530,
    "KZ-61": 2150,
    "KZ-62": 220,
    "KZ-63": 720,
    "KZ-71": 1420,
    "KZ-75": 2250,
    "KZ-79": 1230,
}
THEMES = [
    ("Бір шаңырақ астында", "Под одним шаныраком", "Under one shanyrak"),
    ("Достық көпірі", "Мост дружбы", "Bridge of friendship"),
    ("Тіл – достық кілті", "Язык – ключ к дружбе", "Language is the key to friendship"),
    ("Наурыз мерекесі", "Праздник Наурыз", "Nauryz celebration"),
    ("Бірлік күні", "День единства", "Unity Day"),
    ("Жүректен жүрекке", "От сердца к сердцу", "Heart to heart"),
    ("Татулық пен келісім", "Мир и согласие", "Peace and accord"),
    ("Ұлттар шеруі", "Парад народов", "Parade of peoples"),
    ("Әдеп пен дәстүр", "Обычаи и традиции", "Customs and traditions"),
    ("Жастар бастамасы", "Молодёжная инициатива", "Youth initiative"),
    ("Отбасы құндылықтары", "Семейные ценности", "Family values"),
    ("Ортақ үй", "Общий дом", "Our common home"),
]
SURNAMES = [
    ("Ахметов", "Ахметов", "Akhmetov"),
    ("Сейітқали", "Сейткали", "Seitkali"),
    ("Омаров", "Омаров", "Omarov"),
    ("Ким", "Ким", "Kim"),
    ("Шмидт", "Шмидт", "Schmidt"),
    ("Иванов", "Иванов", "Ivanov"),
    ("Юсупов", "Юсупов", "Yusupov"),
    ("Нұрланов", "Нурланов", "Nurlanov"),
    ("Петренко", "Петренко", "Petrenko"),
    ("Исмаилов", "Исмаилов", "Ismailov"),
    ("Қасымов", "Касымов", "Kassymov"),
    ("Әлиев", "Алиев", "Aliyev"),
]
GIVEN = [
    ("Айгүл", "Айгуль", "Aigul"),
    ("Серік", "Серик", "Serik"),
    ("Динара", "Динара", "Dinara"),
    ("Болат", "Болат", "Bolat"),
    ("Марина", "Марина", "Marina"),
    ("Ерлан", "Ерлан", "Yerlan"),
    ("Зарина", "Зарина", "Zarina"),
    ("Виктор", "Виктор", "Viktor"),
    ("Сәуле", "Сауле", "Saule"),
    ("Тимур", "Тимур", "Timur"),
]


def names(kk, ru, en):
    return {"name_kk": f"{kk} (демо)", "name_ru": f"{ru} (демо)", "name_en": f"{en} (demo)"}


def insert_bodies(model, bodies, extras, progress, label, of):
    """Bulk-insert multi-table children of Body: the Body rows first, then the child rows pointing at them."""
    created = []
    for start in range(0, len(bodies), BATCH):
        parents = Body.objects.bulk_create(bodies[start : start + BATCH])
        children = []
        for parent, extra in zip(parents, extras[start : start + BATCH], strict=True):
            child = model(body_ptr_id=parent.pk, **extra)
            child.__dict__.update({f.attname: getattr(parent, f.attname) for f in Body._meta.concrete_fields})
            children.append(child)
        model._base_manager._insert(children, fields=model._meta.local_concrete_fields, using=connection.alias)
        created.extend(children)
        progress.step(label, len(children), (of[0] + start + len(children), of[1]))
    return created


class RegionalPart(Part):
    def __init__(self, factor):
        self.regions = {region.iso_code: region for region in Region.objects.active().order_by("iso_code")}
        self.region_weights = {iso: REGION_WEIGHTS.get(iso, 500) for iso in self.regions}
        self.districts = {iso: [] for iso in self.regions}
        for district_id, region_id in District.objects.active().values_list("id", "region_id"):
            self.districts.setdefault(region_id, []).append(district_id)
        self.assemblies = dict(
            Body.objects.filter(kind=BodyKind.REGIONAL_ASSEMBLY, archived_at__isnull=True).values_list(
                "region_id", "id"
            )
        )
        super().__init__(factor)

    def region_and_district(self, rng, district_share=0.7):
        iso = weighted(rng, self.region_weights)
        districts = self.districts.get(iso) or []
        district = rng.choice(districts) if districts and rng.random() < district_share else None
        return iso, district

    def body(self, kind, level, iso, district, kk, ru, en, status=BodyStatus.ACTIVE, founded=None):
        return Body(
            kind=kind,
            level=level,
            region_id=iso,
            district_id=district,
            status=status,
            founded_on=founded,
            description_kk=f"{NATIONAL_MARK}: демо жазба.",
            description_ru=f"{NATIONAL_MARK}: демонстрационная запись.",
            description_en=f"{NATIONAL_MARK}: demo record.",
            **names(kk, ru, en),
        )

    def person(self, rng, iso, number, female=None):
        surname = rng.choice(SURNAMES)
        given = rng.choice(GIVEN)
        return Person(
            surname=surname[1],
            given_name=given[1],
            name_kk=f"{given[0]} {surname[0]} (демо)",
            name_ru=f"{given[1]} {surname[1]} (демо)",
            name_en=f"{given[2]} {surname[2]} {number + 1} (demo)",
            biography_en=NATIONAL_MARK,
            region_id=iso,
        )

    def insert_people(self, key, homes, linked):
        """The missing persons of `key` in batches: `homes(rng, number)` gives the number-th person's home (a body's
        id) and region, `linked(rng, person_id, home_id)` the row that ties them (a membership, a mediator's post).
        Returns how many were missing."""
        label, have, missing, rng = self.todo(key)
        if not missing:
            return 0
        persons, links = [], []
        for number in range(have, have + missing):
            home, iso = homes(rng, number)
            persons.append(self.person(rng, iso, number))
            links.append(home)
        made = 0
        for start in range(0, len(persons), BATCH):
            chunk = Person.objects.bulk_create(persons[start : start + BATCH])
            rows = [
                linked(rng, person.pk, home) for person, home in zip(chunk, links[start : start + BATCH], strict=True)
            ]
            type(rows[0]).objects.bulk_create(rows)
            made += len(chunk)
            self.progress.step(label, len(chunk), (have + made, have + missing))
        return missing


class NetworkPart(RegionalPart):
    def make_plan(self):
        national = {"description_en__startswith": NATIONAL_MARK}
        bodies = Body.objects.filter(archived_at__isnull=True)
        associations = EthnoculturalAssociation.objects.filter(archived_at__isnull=True)
        self.want_rows("associations", "associations", associations, national, "associations")
        organisations = bodies.filter(kind=BodyKind.PUBLIC_ASSOCIATION)
        self.want_rows("organisations", "public organisations", organisations, national, "public_organisations")
        houses = HouseOfFriendship.objects.filter(archived_at__isnull=True)
        self.want_rows("houses", "Houses of Friendship", houses, national, HOUSES)

    def associations(self):
        label, have, missing, rng = self.todo("associations")
        if not missing:
            return 0
        ethnic = list(EthnicGroup.objects.values_list("name_kk", "name_ru", "name_en")) or [("", "", "")]
        bodies, extras = [], []
        for number in range(have, have + missing):
            iso, district = self.region_and_district(rng, 0.3)
            group = rng.choice(ethnic)
            bodies.append(
                self.body(
                    BodyKind.ETHNOCULTURAL_ASSOCIATION,
                    Level.REGIONAL if district is None else Level.DISTRICT,
                    iso,
                    district,
                    f"{group[0].capitalize()} этномәдени бірлестігі № {number + 1}",
                    f"Этнокультурное объединение ({group[1]}) № {number + 1}",
                    f"{group[2]} ethnocultural association No. {number + 1}",
                    status=AssociationStatus.ACTIVE if rng.random() < 0.93 else AssociationStatus.SUSPENDED,
                    founded=datetime.date(rng.randint(1992, 2024), rng.randint(1, 12), 1),
                )
            )
            extras.append({"registered_on": bodies[-1].founded_on})
        insert_bodies(EthnoculturalAssociation, bodies, extras, self.progress, label, (have, have + missing))
        return missing

    def organisations(self):
        label, have, missing, rng = self.todo("organisations")
        if not missing:
            return 0
        bodies = []
        for number in range(have, have + missing):
            iso, district = self.region_and_district(rng, 0.6)
            theme = rng.choice(THEMES)
            bodies.append(
                self.body(
                    BodyKind.PUBLIC_ASSOCIATION,
                    Level.LOCAL if district else Level.REGIONAL,
                    iso,
                    district,
                    f"«{theme[0]}» қоғамдық бірлестігі № {number + 1}",
                    f"Общественное объединение «{theme[1]}» № {number + 1}",
                    f"Public association “{theme[2]}” No. {number + 1}",
                    founded=datetime.date(rng.randint(1995, 2024), rng.randint(1, 12), 1),
                )
            )
        insert(Body, bodies, self.progress, label, (have, have + missing))
        return missing

    def houses(self):
        label, have, missing, rng = self.todo("houses")
        if not missing:
            return 0
        bodies, extras = [], []
        for number in range(have, have + missing):
            iso, district = self.region_and_district(rng, 1.0)
            centre = self.regions[iso].centre_en
            bodies.append(
                self.body(
                    BodyKind.HOUSE_OF_FRIENDSHIP,
                    Level.DISTRICT if district else Level.REGIONAL,
                    iso,
                    district,
                    f"Достық үйі № {number + 1}",
                    f"Дом дружбы № {number + 1}",
                    f"House of Friendship No. {number + 1}",
                    status="operating",
                    founded=datetime.date(rng.randint(1996, 2023), 1, 1),
                )
            )
            extras.append(
                {"house_kind": HouseKind.DISTRICT if district else HouseKind.CITY, "address": f"{centre} (demo)"}
            )
        insert_bodies(HouseOfFriendship, bodies, extras, self.progress, label, (have, have + missing))
        return missing

    def run(self):
        return {
            "associations": self.associations(),
            "public organisations": self.organisations(),
            "Houses of Friendship": self.houses(),
        }


PARTS = (NetworkPart,)
