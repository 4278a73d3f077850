"""The secretariat's admin for councils, homes and mediation; list endpoints' query counts; the demo data."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from assembly.models import BodyKind, Level, Membership
from councils.models import Council, MothersHome
from mediation.models import CaseStatus, MediationCase, MediationOffice, Mediator
from tests.conftest import queries_by_page_size

pytestmark = pytest.mark.django_db

MODELS = [
    "councils.council",
    "councils.mothershome",
    "mediation.mediationoffice",
    "mediation.mediator",
    "mediation.mediationcase",
    "mediation.casenote",
]


def test_admin_pages_render_for_the_secretariat(staff_client, councils_world):
    objects = {
        "councils.council": councils_world.abai,
        "councils.mothershome": councils_world.home_abai,
        "mediation.mediationoffice": councils_world.office10,
        "mediation.mediator": councils_world.mediator10,
        "mediation.mediationcase": councils_world.case10,
        "mediation.casenote": councils_world.case10.notes.first(),
    }
    for label in MODELS:
        obj = objects[label]
        model = label.replace(".", "_")
        for url in (
            reverse(f"admin:{model}_changelist"),
            reverse(f"admin:{model}_add"),
            reverse(f"admin:{model}_change", args=[obj.pk]),
            reverse(f"admin:{model}_history", args=[obj.pk]),
            reverse(f"admin:{model}_import"),
            reverse(f"admin:{model}_export"),
        ):
            assert staff_client.get(url).status_code == 200, url


def test_council_admin_shows_the_roster_inline_and_marks_declared_headcounts(staff_client, councils_world):
    change = staff_client.get(reverse("admin:councils_council_change", args=[councils_world.abai.pk]))
    assert "Test Abaikyzy" in change.content.decode() or "Abaikyzy" in change.content.decode()
    assert change.context["inline_admin_formsets"][0].formset.queryset.count() == 3
    listing = staff_client.get(reverse("admin:councils_council_changelist")).content.decode()
    assert "140 (declared)" in listing
    declared = staff_client.get(reverse("admin:councils_council_changelist"), {"headcount": "declared"})
    assert [c.pk for c in declared.context["cl"].queryset] == [councils_world.almaty.pk]


@pytest.mark.parametrize("term", ["Abai Council", "Абай облысының", "Совет матерей области"])
def test_council_admin_searches_three_languages(staff_client, councils_world, term):
    response = staff_client.get(reverse("admin:councils_council_changelist"), {"q": term})
    assert [c.pk for c in response.context["cl"].queryset] == [councils_world.abai.pk]


def test_admin_adds_a_council_with_its_chair_and_refuses_a_wrong_transition(staff_client, councils_world):
    person = councils_world.local_member
    data = {
        "kind": BodyKind.COUNCIL_OF_ELDERS,
        "level": Level.REGIONAL,
        "region": "KZ-10",
        "status": "active",
        "name_kk": "Жаңа кеңес",
        "name_ru": "Новый совет",
        "name_en": "New council",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-person": person.pk,
        "memberships-0-role": "chair",
        "memberships-0-start_date": "2025-01-01",
    }
    response = staff_client.post(reverse("admin:councils_council_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    council = Council.objects.get(name_en="New council")
    assert Membership.objects.get(body=council).role == "chair"
    assert Council.objects.with_member_count().get(pk=council.pk).member_count == 1

    case = councils_world.case10
    form = {
        "office": case.office_id,
        "received_on": str(case.received_on),
        "category": case.category,
        "parties_count": 2,
        "languages": ["kk"],
        "status": CaseStatus.AGREEMENT,
        "closed_on": str(case.received_on),
        "notes-TOTAL_FORMS": "0",
        "notes-INITIAL_FORMS": "0",
        "notes-MIN_NUM_FORMS": "0",
        "notes-MAX_NUM_FORMS": "1000",
    }
    refused = staff_client.post(reverse("admin:mediation_mediationcase_change", args=[case.pk]), form)
    assert refused.status_code == 200
    assert "status" in refused.context["adminform"].form.errors
    case.refresh_from_db()
    assert case.status == CaseStatus.RECEIVED


@pytest.mark.parametrize("role", ["coord-kz-10", "mediator-kz-10", "reader"])
def test_non_staff_roles_do_not_reach_the_councils_admin(client, councils_world, role):
    client.force_login(councils_world.users[role])
    response = client.get(reverse("admin:mediation_mediationcase_changelist"))
    assert response.status_code == 302


def test_case_export_is_by_reference_number(staff_client, councils_world):
    from mediation.admin import MediationCaseResource

    dataset = MediationCaseResource().export()
    assert "reference_number" in dataset.headers
    assert {row[dataset.headers.index("languages")] for row in dataset} <= {"kk", "ru,ug"}


# -- query counts ------------------------------------------------------------------------------------------------
def many(councils_world, count=12):
    for number in range(count):
        council = Council.objects.create(
            kind=BodyKind.COUNCIL_OF_MOTHERS,
            level=Level.LOCAL,
            region_id="KZ-10",
            parent=councils_world.abai,
            name_kk=f"к{number}",
            name_ru=f"с{number}",
            name_en=f"Local {number}",
        )
        Membership.objects.create(person=councils_world.local_member, body=council, role="member")
        MothersHome.objects.create(region_id="KZ-10", capacity=5, name_kk="ү", name_ru="д", name_en=f"Home {number}")
        case = MediationCase.objects.create(office=councils_world.office10, category="family")
        case.mediators.add(councils_world.mediator10, councils_world.head10)
        case.notes.create(text=f"note {number}", author=councils_world.users["mediator-kz-10"])
        office = MediationOffice.objects.create(level=Level.REPUBLICAN, name_kk="о", name_ru="о", name_en=f"O{number}")
        Mediator.objects.create(person=councils_world.almaty_member, office=office)


@pytest.mark.parametrize(
    ("url", "role"),
    [
        ("/api/v1/councils/", "reader"),
        ("/api/v1/mothers-homes/", "secretariat"),
        ("/api/v1/mediation-offices/", "reader"),
        ("/api/v1/mediators/", "secretariat"),
        ("/api/v1/mediation-cases/", "mediator-kz-10"),
        ("/api/v1/mediation-cases/", "secretariat"),
        ("roster", "coord-kz-10"),
    ],
)
def test_list_queries_do_not_grow_with_page_size(api, councils_world, url, role):
    many(councils_world)
    if url == "roster":
        url = f"/api/v1/councils/{councils_world.abai.pk}/members/"
        for _number in range(6):
            Membership.objects.create(person=councils_world.former, body=councils_world.abai, role="member")
    client = api(role)
    small, large, response = queries_by_page_size(client, url)
    assert len(response.json()["results"]) > 2
    assert len(large) == len(small), [q["sql"] for q in large.captured_queries]
    assert len(large) <= 8


# -- demo data ---------------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_seed_demo_builds_the_network_once_and_binds_the_demo_mediator(db):
    call_command("seed_demo", stdout=io.StringIO())
    counts = [
        model.objects.count() for model in (Council, MothersHome, MediationOffice, Mediator, MediationCase, Membership)
    ]
    call_command("seed_demo", stdout=io.StringIO())
    assert [
        model.objects.count() for model in (Council, MothersHome, MediationOffice, Mediator, MediationCase, Membership)
    ] == counts
    abai_local = Council.objects.filter(region_id="KZ-10", level=Level.LOCAL)
    assert abai_local.filter(kind=BodyKind.COUNCIL_OF_MOTHERS).count() == 78
    assert abai_local.filter(kind=BodyKind.COUNCIL_OF_ELDERS).count() == 123
    assert not abai_local.filter(declared_headcount__isnull=True).exists()
    assert Council.objects.filter(level=Level.REPUBLICAN, name_en__startswith="Republican Council of Mothers").exists()
    assert MediationOffice.objects.filter(level=Level.REGIONAL).count() == 20
    assert MediationOffice.objects.filter(level=Level.REPUBLICAN).count() == 1
    assert Mediator.objects.count() > 1200
    assert all(name.endswith("(demo)") for name in Council.objects.values_list("name_en", flat=True))
    mediator = Mediator.objects.get(user__username="mediator-kz-10")
    assert mediator.office.region_id == "KZ-10"
    from accounts import access
    from accounts.models import User

    user = User.objects.get(username="mediator-kz-10")
    visible = access.readable(user, MediationCase.objects.all())
    assert visible.count() >= 5
    assert set(visible.values_list("office__region", flat=True)) == {"KZ-10"}
    assert access.readable(User.objects.get(username="coord-kz-10"), MediationCase.objects.all()).count() == 0
