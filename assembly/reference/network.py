"""Ethnic groups from the 2021 census, and the Houses of Friendship that are known."""

from decimal import Decimal

from assembly.models import BodyStatus, EthnicGroup, HouseKind, HouseOfFriendship
from assembly.reference.base import existing, read_rows
from regions.models import District


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
