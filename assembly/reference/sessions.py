"""The sessions of the Assembly, from the reference CSV."""

from datetime import date

from assembly.models import Session
from assembly.reference.base import existing, read_rows
from assembly.reference.bodies import CHAIR_HANDOVER


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
