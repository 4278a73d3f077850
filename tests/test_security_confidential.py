"""Confidential fields: the events API's workflow fields, and the admin asking the same access rules as the API."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from accounts.models import Role
from assembly.admin import PersonAdmin
from assembly.models import Person
from events.models import Verification
from tests.conftest import make_user
from tests.eventkit import make_event
from tests.security_kit import signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_counters")]

# -- the events API: who logged, who verified and what was sent back are the workflow's --------------------------

WORKFLOW_FIELDS = {"logged_by", "verified_by", "return_comment"}


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        (None, False),
        ("reader", False),
        ("mediator-kz-10", False),
        ("mediator-kz-75", False),
        ("coord-kz-75", False),
        ("coord-kz-10", True),
        ("secretariat", True),
        ("admin", True),
    ],
)
def test_event_workflow_fields_reach_only_the_secretariat_and_the_region_s_coordinator(api, users, role, sees):
    event = make_event(
        verification=Verification.VERIFIED,
        is_public=True,
        logged_by=users["coord-kz-10"],
        verified_by=users["secretariat"],
    )
    body = api(role).get(f"/api/v1/events/{event.pk}/").json()
    assert (set(body) >= WORKFLOW_FIELDS) is sees
    assert not sees or body["verified_by"] == "secretariat"
    listing = api(role).get("/api/v1/events/?format=csv").content.decode()
    assert ("secretariat" in listing) is sees


# -- the admin asks the same access rules for confidential fields ------------------------------------------------


@pytest.fixture
def staff_coordinator(users):
    return make_user("staff-coord-kz-75", Role.COORDINATOR, region="KZ-75", staff=True)


@pytest.fixture
def people():
    return {
        "KZ-10": Person.objects.create(
            surname="Abaiuly", given_name="Erlan", region_id="KZ-10", email="erlan@abai.kz", phone="+77220001122"
        ),
        "KZ-75": Person.objects.create(
            surname="Almatyuly", given_name="Dias", region_id="KZ-75", email="dias@almaty.kz", phone="+77270003344"
        ),
    }


def test_a_staff_coordinator_sees_no_contacts_of_another_region_s_person(client, staff_coordinator, people):
    browser = signed_in(client, staff_coordinator)
    other = browser.get(reverse("admin:assembly_person_change", args=[people["KZ-10"].pk])).content.decode()
    assert "Abaiuly" in other
    assert "erlan@abai.kz" not in other and "+77220001122" not in other and 'name="address"' not in other
    own = browser.get(reverse("admin:assembly_person_change", args=[people["KZ-75"].pk])).content.decode()
    assert "dias@almaty.kz" in own


def test_the_secretariat_sees_every_person_s_contacts_in_the_admin(client, users, people):
    page = signed_in(client, users["secretariat"]).get(
        reverse("admin:assembly_person_change", args=[people["KZ-10"].pk])
    )
    assert "erlan@abai.kz" in page.content.decode()


def test_the_admin_export_leaves_other_regions_contacts_empty(staff_coordinator, users, people):
    def exported(user):
        request = RequestFactory().get("/admin/assembly/person/export/")
        request.user = user
        admin = PersonAdmin(Person, None)
        return admin.get_data_for_export(request, admin.get_queryset(request)).csv

    coordinator_csv = exported(staff_coordinator)
    assert "Abaiuly" in coordinator_csv and "erlan@abai.kz" not in coordinator_csv
    assert "dias@almaty.kz" in coordinator_csv
    assert "erlan@abai.kz" in exported(users["secretariat"])


def test_the_admin_history_hides_other_regions_contact_changes(client, staff_coordinator, users, people):
    person = people["KZ-10"]
    person.email = "new-erlan@abai.kz"
    person.save()
    browser = signed_in(client, staff_coordinator)
    history = browser.get(reverse("admin:assembly_person_history", args=[person.pk])).content.decode()
    assert "new-erlan@abai.kz" not in history and "erlan@abai.kz" not in history
    version = person.history.earliest()
    old = browser.get(
        reverse("admin:assembly_person_simple_history", args=[person.pk, version.history_id])
    ).content.decode()
    assert "erlan@abai.kz" not in old
    secretariat = signed_in(client, users["secretariat"])
    assert (
        "new-erlan@abai.kz"
        in secretariat.get(reverse("admin:assembly_person_history", args=[person.pk])).content.decode()
    )


def test_a_staff_coordinator_cannot_search_persons_by_contact(client, staff_coordinator, people):
    found = signed_in(client, staff_coordinator).get(reverse("admin:assembly_person_changelist"), {"q": "erlan@abai"})
    assert "Abaiuly" not in found.content.decode()


def test_a_staff_coordinator_sees_no_mediation_cases_in_the_admin(client, staff_coordinator, councils_world):
    from mediation.models import MediationCase

    assert MediationCase.objects.exists()
    listing = signed_in(client, staff_coordinator).get(reverse("admin:mediation_mediationcase_changelist"))
    assert listing.status_code in (200, 403)
    if listing.status_code == 200:
        assert listing.context["cl"].result_count == 0
    case = MediationCase.objects.first()
    assert signed_in(client, staff_coordinator).get(
        reverse("admin:mediation_mediationcase_change", args=[case.pk])
    ).status_code in (302, 403, 404)
