"""The laws, concepts and doctrines the Assembly works under, and its own award."""

from datetime import date

from assembly.models import Award, StrategicDocument, StrategicDocumentKind
from assembly.reference.base import existing


def load_documents(bodies):
    existing(StrategicDocument, "kind", "name_en").upsert(
        {"kind": StrategicDocumentKind.LAW, "name_en": "Law “On the Assembly of the People of Kazakhstan”"},
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
        {"kind": StrategicDocumentKind.DOCTRINE, "name_en": "Doctrine of National Unity"},
        {"name_kk": "Ұлттық бірлік доктринасы", "name_ru": "Доктрина национального единства", "adopted_year": 2010},
    )
    existing(StrategicDocument, "kind", "name_en").upsert(
        {"kind": StrategicDocumentKind.CONCEPT, "name_en": "Development Concept of the Assembly for 2022–2025"},
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
