"""The 20 top-level units and their district-level places, from fixtures/reference/."""

import csv
from pathlib import Path

from django.conf import settings

from regions.models import District, DistrictKind, Region, RegionKind

REFERENCE_DIR = Path(settings.BASE_DIR) / "fixtures" / "reference"


def read_rows(filename):
    with open(REFERENCE_DIR / filename, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def upsert(model, lookup, values):
    """Create or update one record, saving (and so writing history) only when something differs."""
    record = model.objects.filter(**lookup).first()
    if record is None:
        return model.objects.create(**lookup, **values), True
    changed = [field for field, value in values.items() if getattr(record, field) != value]
    if changed:
        for field in changed:
            setattr(record, field, values[field])
        record.save()
    return record, False


def load(stdout):
    created = 0
    for row in read_rows("regions.csv"):
        _region, is_new = upsert(
            Region,
            {"iso_code": row["iso_code"]},
            {
                "kato": row["kato"],
                "kind": row["kind"],
                "name_kk": row["name_kk"],
                "name_ru": row["name_ru"],
                "name_en": row["name_en"],
                "centre_en": row["centre_en"],
            },
        )
        created += is_new
    for row in read_rows("region_centres.csv"):
        region = Region.objects.get(iso_code=row["region_iso"])
        upsert(
            Region,
            {"iso_code": region.iso_code},
            {"centre_kk": row["centre_kk"], "centre_ru": row["centre_ru"]},
        )
        if region.kind == RegionKind.REGION:
            # The centre of an oblys is a city of regional significance: a district-level place of its own.
            created += upsert(
                District,
                {"region": region, "name_en": row["centre_en"]},
                {
                    "name_kk": row["centre_kk"],
                    "name_ru": row["centre_ru"],
                    "kind": DistrictKind.CITY,
                    "centre_en": row["centre_en"],
                    "is_region_centre": True,
                },
            )[1]
    for row in read_rows("city_districts.csv"):
        created += upsert(
            District,
            {"region_id": row["region_iso"], "name_en": row["name_en"]},
            {"name_kk": row["name_kk"], "name_ru": row["name_ru"], "kind": DistrictKind.CITY_DISTRICT},
        )[1]
    for row in read_rows("districts.csv"):
        created += upsert(
            District,
            {"region_id": row["region_iso"], "name_en": row["name_en"]},
            {
                "name_kk": row["name_kk"],
                "name_ru": row["name_ru"],
                "kato": row["kato"],
                "kind": DistrictKind.DISTRICT,
                "centre_en": row["centre_en"],
            },
        )[1]
    stdout.write(f"regions: {Region.objects.count()} regions, {District.objects.count()} districts ({created} new)")
