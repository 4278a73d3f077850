"""Demo mediation offices, mediators and cases. Every record is marked "(demo)"/DEMO.

Figures follow the reference facts: 20 regional mediation offices and the Ethnomediation Institute with over 1,200
mediators. The demo people's names come from the councils' demo (seeded before this one). Large sets are written with
bulk operations (with history); re-running changes nothing.
"""

import datetime
from itertools import cycle

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from assembly.models import Level, Person
from councils.demo import ABAI, DEMO_NOTE, ELDER_GIVEN, ELDER_SURNAMES, GIVEN, MARK, SURNAMES, names, person
from mediation.models import CaseCategory, CaseNote, CaseStatus, MediationCase, MediationOffice, Mediator
from regions.models import Region

MEDIATORS_PER_OFFICE = 60

OUTCOMES = {
    CaseStatus.AGREEMENT: f"{MARK}: the parties signed a written agreement.",
    CaseStatus.NO_AGREEMENT: f"{MARK}: the parties did not agree; advised on other remedies.",
    CaseStatus.REFERRED_TO_COURT: f"{MARK}: one party chose to go to court.",
    CaseStatus.WITHDRAWN: f"{MARK}: the application was withdrawn.",
}


def seed(stdout):
    today = timezone.localdate()
    regions = list(Region.objects.active().order_by("iso_code"))
    offices = seed_offices(regions)
    mediators = seed_mediators(offices, today)
    cases = seed_cases(offices, today)
    stdout.write(
        f"Mediation (demo): {len(offices)} mediation offices, {mediators} mediators, {cases} mediation cases; "
        "mediator-kz-10 works in the Abai office."
    )


def seed_offices(regions):
    offices = {}
    for region in regions:
        values = names(
            f"{region.name_kk}: медиация кабинеті",
            f"Кабинет медиации: {region.name_ru}",
            f"Mediation office of {region.name_en}",
        )
        office = MediationOffice.objects.filter(region=region, name_en=values["name_en"]).first()
        if office is None:
            office = MediationOffice.objects.create(
                level=Level.REGIONAL, region=region, address=region.centre_en, **DEMO_NOTE, **values
            )
        offices[region.iso_code] = office
    values = names("Этномедиация институты", "Институт этномедиации", "Ethnomediation Institute")
    institute = MediationOffice.objects.filter(region=None, name_en=values["name_en"]).first()
    if institute is None:
        institute = MediationOffice.objects.create(level=Level.REPUBLICAN, **DEMO_NOTE, **values)
    offices[None] = institute
    return offices


def seed_mediators(offices, today):
    """About 60 mediators per regional office and a few at the Institute; mediator-kz-10 in the Abai office."""
    extra_languages = {"KZ-61": "uz", "KZ-79": "uz", "KZ-19": "ug", "KZ-75": "ug", "KZ-31": "dng"}
    pending = []
    serial = Person.objects.count() + 1
    names_cycle = cycle((s, g) for g in GIVEN + ELDER_GIVEN for s in SURNAMES + ELDER_SURNAMES)
    for region, office in offices.items():
        if Mediator.objects.filter(office=office).exists():
            continue
        size = MEDIATORS_PER_OFFICE if region else 8
        for index in range(size):
            surname, given = next(names_cycle)
            new = person(surname, given, region or "KZ-71", serial)
            serial += 1
            languages = ["kk", "ru"] + ([extra_languages[region]] if region in extra_languages and index % 3 else [])
            pending.append((new, office, index == 0, languages, today - datetime.timedelta(days=200 + 37 * index)))
    if pending:
        bulk_create_with_history([new for new, *_rest in pending], Person, batch_size=500)
        bulk_create_with_history(
            [
                Mediator(person=new, office=office, is_head=head, languages=languages, certified_on=certified)
                for new, office, head, languages, certified in pending
            ],
            Mediator,
            batch_size=500,
        )
    user = User.objects.filter(username="mediator-kz-10").first()
    if user is not None and not Mediator.objects.filter(user=user).exists():
        abai = offices[ABAI]
        new = person(("Мұратова", "Муратова", "Muratova"), ("Әсем", "Асем", "Assem"), ABAI, serial)
        new.save()
        Mediator.objects.create(
            person=new, office=abai, user=user, languages=["kk", "ru"], certified_on=today - datetime.timedelta(days=90)
        )
    return Mediator.objects.count()


def seed_cases(offices, today):
    """A handful of cases for the Abai office (every status, with notes), and a few elsewhere for the statistics."""
    plan = {
        ABAI: [
            (CaseCategory.FAMILY, CaseStatus.AGREEMENT, 300, 40),
            (CaseCategory.FAMILY, CaseStatus.AGREEMENT, 250, 30),
            (CaseCategory.NEIGHBOURS, CaseStatus.AGREEMENT, 220, 20),
            (CaseCategory.NEIGHBOURS, CaseStatus.NO_AGREEMENT, 200, 45),
            (CaseCategory.PROPERTY, CaseStatus.REFERRED_TO_COURT, 180, 60),
            (CaseCategory.LABOUR, CaseStatus.WITHDRAWN, 150, 10),
            (CaseCategory.FAMILY, CaseStatus.AGREEMENT, 120, 25),
            (CaseCategory.INTERETHNIC, CaseStatus.AGREEMENT, 90, 35),
            (CaseCategory.FAMILY, CaseStatus.IN_MEDIATION, 40, None),
            (CaseCategory.NEIGHBOURS, CaseStatus.IN_MEDIATION, 25, None),
            (CaseCategory.RELIGIOUS, CaseStatus.RECEIVED, 6, None),
            (CaseCategory.OTHER, CaseStatus.RECEIVED, 2, None),
        ],
        "KZ-75": [
            (CaseCategory.FAMILY, CaseStatus.AGREEMENT, 200, 30),
            (CaseCategory.LABOUR, CaseStatus.AGREEMENT, 160, 30),
            (CaseCategory.NEIGHBOURS, CaseStatus.IN_MEDIATION, 20, None),
        ],
        None: [(CaseCategory.INTERETHNIC, CaseStatus.AGREEMENT, 100, 50)],
    }
    created = 0
    for region, cases in plan.items():
        office = offices[region]
        if MediationCase.objects.filter(office=office).exists():
            continue
        staff = list(Mediator.objects.filter(office=office).order_by("-is_head", "id")[:3])
        bound = list(Mediator.objects.filter(office=office, user__isnull=False))
        team = list(dict.fromkeys([*staff[:1], *bound, *staff[1:]]))[:3]
        for index, (category, status, age, duration) in enumerate(cases):
            received = today - datetime.timedelta(days=age)
            case = MediationCase.objects.create(
                office=office,
                received_on=received,
                category=category,
                parties_count=2 + index % 3,
                languages=["kk", "ru"] if index % 2 else ["kk"],
                status=status,
                closed_on=received + datetime.timedelta(days=duration) if duration else None,
                outcome_summary=OUTCOMES.get(status, ""),
            )
            case.mediators.set(team[: 1 + index % 2])
            created += 1
            author = (
                next((m.user for m in team if m.user_id), None)
                or User.objects.filter(username="mediator-kz-10").first()
            )
            notes = [
                CaseNote(case=case, written_on=received, author=author, text=f"{MARK}: application registered."),
            ]
            if status != CaseStatus.RECEIVED:
                notes.append(
                    CaseNote(
                        case=case,
                        written_on=min(received + datetime.timedelta(days=7), today),
                        author=author,
                        text=f"{MARK}: first joint meeting held.",
                    )
                )
            bulk_create_with_history(notes, CaseNote)
    return MediationCase.objects.count()
