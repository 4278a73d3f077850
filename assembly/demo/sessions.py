"""Demo agendas, documents and awards of the latest sessions, and instructions with their progress."""

from datetime import date

from assembly.demo.base import DEMO
from assembly.models import (
    AgendaItem,
    Award,
    AwardPresentation,
    Body,
    BodyKind,
    Instruction,
    InstructionStatus,
    ProgressReport,
    Session,
    SessionDocument,
    SessionDocumentKind,
)
from assembly.reference import Existing


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
        {
            "kind": SessionDocumentKind.RESOLUTION,
            "title_ru": "Резолюция XXXIV сессии (демо)",
            "url": "https://assembly.kz/",
        },
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
