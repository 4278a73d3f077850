"""A small, complete world for the councils tests: every confidential thing carries a SECRET marker, so a test can
look for it in any response."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from assembly.models import BodyKind, Level, Membership, MembershipRole, Person
from councils.models import Council, MothersHome
from mediation.models import CaseNote, CaseStatus, MediationCase, MediationOffice, Mediator

ROLES = [None, "reader", "coord-kz-10", "coord-kz-75", "mediator-kz-10", "mediator-kz-75", "secretariat"]


def names(en, kk=None, ru=None):
    return {"name_en": en, "name_kk": kk or f"{en} kk", "name_ru": ru or f"{en} ru"}


def person(surname, region, email):
    return Person.objects.create(
        surname=surname,
        given_name="Test",
        name_en=f"Test {surname}",
        region_id=region,
        email=email,
        phone="+7 700 111 22 33",
        address=f"SECRET-ADDRESS-{surname}",
    )


def build(users):
    today = timezone.localdate()

    republican = Council.objects.create(
        kind=BodyKind.COUNCIL_OF_MOTHERS,
        level=Level.REPUBLICAN,
        **names("Republican Council of Mothers", "Республикалық аналар кеңесі", "Республиканский совет матерей"),
    )
    abai = Council.objects.create(
        kind=BodyKind.COUNCIL_OF_MOTHERS,
        level=Level.REGIONAL,
        region_id="KZ-10",
        parent=republican,
        founded_on=datetime.date(2022, 9, 1),
        **names("Abai Council of Mothers", "Абай облысының аналар кеңесі", "Совет матерей области Абай"),
    )
    almaty = Council.objects.create(
        kind=BodyKind.COUNCIL_OF_ELDERS,
        level=Level.REGIONAL,
        region_id="KZ-75",
        declared_headcount=140,
        **names("Almaty Council of Elders", "Алматы ақсақалдар кеңесі", "Совет старейшин Алматы"),
    )
    old = Council.objects.create(
        kind=BodyKind.COUNCIL_OF_ELDERS,
        level=Level.REGIONAL,
        region_id="KZ-10",
        founded_on=datetime.date(2000, 1, 1),
        dissolved_on=datetime.date(2010, 1, 1),
        **names("Old Semipalatinsk Council of Elders"),
    )
    local_member = person("Abaikyzy", "KZ-10", "secret.abai@example.kz")
    almaty_member = person("Almatova", "KZ-75", "secret.almaty@example.kz")
    former = person("Formerova", "KZ-10", "secret.former@example.kz")
    chair = Membership.objects.create(
        person=local_member, body=abai, role=MembershipRole.CHAIR, start_date=today - datetime.timedelta(days=100)
    )
    Membership.objects.create(
        person=almaty_member, body=abai, role=MembershipRole.MEMBER, start_date=today - datetime.timedelta(days=50)
    )
    Membership.objects.create(
        person=former,
        body=abai,
        role=MembershipRole.CHAIR,
        start_date=today - datetime.timedelta(days=900),
        end_date=today - datetime.timedelta(days=101),
    )

    home_abai = MothersHome.objects.create(
        region_id="KZ-10", patron_council=abai, capacity=20, occupancy=7, **names("SECRET-HOME-Abai")
    )
    home_almaty = MothersHome.objects.create(
        region_id="KZ-75", capacity=30, occupancy=12, **names("SECRET-HOME-Almaty")
    )

    office10 = MediationOffice.objects.create(
        level=Level.REGIONAL, region_id="KZ-10", **names("Abai mediation office", "Абай медиация кабинеті")
    )
    office75 = MediationOffice.objects.create(
        level=Level.REGIONAL, region_id="KZ-75", **names("Almaty mediation office")
    )
    institute = MediationOffice.objects.create(level=Level.REPUBLICAN, **names("Ethnomediation Institute"))
    mediator10 = Mediator.objects.create(
        person=person("Mediatorova", "KZ-10", "m10@example.kz"),
        office=office10,
        user=users["mediator-kz-10"],
        languages=["kk", "ru"],
    )
    head10 = Mediator.objects.create(
        person=person("Headova", "KZ-10", "h10@example.kz"), office=office10, is_head=True, languages=["kk"]
    )
    mediator75 = Mediator.objects.create(
        person=person("Almatinova", "KZ-75", "m75@example.kz"),
        office=office75,
        user=users["mediator-kz-75"],
        languages=["ru", "ug"],
    )
    case10 = MediationCase.objects.create(
        office=office10,
        reference_number="KZ-10/2026/0001",
        received_on=today - datetime.timedelta(days=20),
        category="family",
        languages=["kk"],
        outcome_summary="SECRET-CASE-ABAI",
    )
    case10.mediators.add(mediator10)
    CaseNote.objects.create(case=case10, author=users["mediator-kz-10"], text="SECRET-NOTE-ABAI")
    case75 = MediationCase.objects.create(
        office=office75,
        reference_number="KZ-75/2026/0001",
        received_on=today - datetime.timedelta(days=40),
        category="interethnic",
        languages=["ru", "ug"],
        status=CaseStatus.IN_MEDIATION,
        outcome_summary="SECRET-CASE-ALMATY",
    )
    case75.mediators.add(mediator75)
    CaseNote.objects.create(case=case75, author=users["mediator-kz-75"], text="SECRET-NOTE-ALMATY")
    return SimpleNamespace(**locals())


def for_every_role(check):
    """A test that runs `check(api, councils_world, role)` for every role on one world, naming the role that fails."""

    def test(api, councils_world):
        for role in ROLES:
            try:
                check(api, councils_world, role)
            except AssertionError as error:
                raise AssertionError(f"as {role or 'anonymous'}: {error}") from error

    test.__doc__ = check.__doc__
    return test
