"""Relations a user sets, and the records they reveal: every link a coordinator writes (in the API or the admin)
points at a record they may read, of their region or national; mediation case numbers come from the server; the API
roster leaves archived memberships out; history records many-to-many changes; the case forms refuse a stale save.
docs/security.md says which test proves which rule."""

import pytest
from django.contrib import admin
from django.forms.models import model_to_dict
from django.test import RequestFactory
from django.utils import timezone

from assembly.models import Membership, MembershipRole
from councils.models import Council
from mediation.models import MediationCase
from tests.assembly_factories import association, house
from tests.eventkit import assembly_of, make_event

pytestmark = pytest.mark.django_db

REFUSED = "You may only link a record you may read"


@pytest.fixture
def elsewhere(councils_world):
    """Records of Almaty city (KZ-75) and national ones, next to the Abai (KZ-10) world."""
    return {
        "council_75": councils_world.almaty,
        "council_national": councils_world.republican,
        "house_75": house("KZ-75", "Test House Almaty"),
        "house_10": house("KZ-10", "Test House Semey"),
        "association_75": association("KZ-75", "Korean centre of Almaty city"),
        "association_10": association("KZ-10", "Tatar centre of Abai"),
    }


def refused_for(response, field):
    assert response.status_code == 400, response.content
    assert REFUSED in str(response.json()[field]), response.json()


# -- the API --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("field", ["parent", "successor"])
def test_a_coordinator_cannot_point_their_council_at_another_regions_council(api, councils_world, field):
    abai = councils_world.abai
    response = api("coord-kz-10").patch(
        f"/api/v1/councils/{abai.pk}/", {field: councils_world.almaty.pk}, format="json"
    )
    refused_for(response, field)
    abai.refresh_from_db()
    assert getattr(abai, f"{field}_id") != councils_world.almaty.pk


def test_a_coordinator_may_point_their_council_at_a_national_or_own_region_council(api, councils_world):
    abai = councils_world.abai
    client = api("coord-kz-10")
    assert client.patch(f"/api/v1/councils/{abai.pk}/", {"parent": None}, format="json").status_code == 200
    response = client.patch(f"/api/v1/councils/{abai.pk}/", {"parent": councils_world.republican.pk}, format="json")
    assert response.status_code == 200, response.content
    response = client.patch(f"/api/v1/councils/{abai.pk}/", {"successor": councils_world.old.pk}, format="json")
    assert response.status_code == 200, response.content


def test_the_secretariat_links_councils_across_regions(api, councils_world):
    abai = councils_world.abai
    response = api("secretariat").patch(
        f"/api/v1/councils/{abai.pk}/", {"successor": councils_world.almaty.pk}, format="json"
    )
    assert response.status_code == 200, response.content


def test_a_link_set_by_the_secretariat_does_not_block_the_coordinators_other_changes(api, councils_world):
    abai = councils_world.abai
    abai.successor = councils_world.almaty
    abai.save()
    client = api("coord-kz-10")
    body = client.get(f"/api/v1/councils/{abai.pk}/").json()
    body["declared_headcount"] = 77
    response = client.put(f"/api/v1/councils/{abai.pk}/", body, format="json")
    assert response.status_code == 200, response.content
    abai.refresh_from_db()
    assert abai.declared_headcount == 77


@pytest.mark.parametrize(
    ("endpoint", "record", "field", "foreign", "own"),
    [
        ("associations", "association_10", "parent", "association_75", "council_national"),
        ("associations", "association_10", "host_house", "house_75", "house_10"),
        ("houses-of-friendship", "house_10", "parent", "house_75", "council_national"),
    ],
)
def test_a_coordinator_cannot_hang_an_association_or_house_under_another_region(
    api, elsewhere, endpoint, record, field, foreign, own
):
    target = elsewhere[record]
    client = api("coord-kz-10")
    refused_for(client.patch(f"/api/v1/{endpoint}/{target.pk}/", {field: elsewhere[foreign].pk}, format="json"), field)
    response = client.patch(f"/api/v1/{endpoint}/{target.pk}/", {field: elsewhere[own].pk}, format="json")
    assert response.status_code == 200, response.content


def test_a_coordinator_cannot_give_their_mothers_home_another_regions_patron(api, councils_world):
    home = councils_world.home_abai
    client = api("coord-kz-10")
    response = client.patch(
        f"/api/v1/mothers-homes/{home.pk}/", {"patron_council": councils_world.almaty.pk}, format="json"
    )
    # The serializer's own choices already leave other regions' councils out: refused, naming the field.
    assert response.status_code == 400
    assert "patron_council" in response.json()
    home.refresh_from_db()
    assert home.patron_council_id == councils_world.abai.pk


def test_a_coordinator_cannot_name_another_regions_body_as_an_events_organiser(api, users):
    event = make_event(region="KZ-10")
    client = api("coord-kz-10")
    response = client.patch(f"/api/v1/events/{event.pk}/", {"organizer": assembly_of("KZ-75").pk}, format="json")
    refused_for(response, "organizer")
    event.refresh_from_db()
    assert event.organizer.region_id == "KZ-10"


def test_a_coordinator_cannot_put_another_regions_person_on_their_roster(api, councils_world):
    client = api("coord-kz-10")
    payload = {
        "person": councils_world.almaty_member.pk,
        "body": councils_world.abai.pk,
        "role": MembershipRole.MEMBER,
        "start_date": str(timezone.localdate()),
    }
    refused_for(client.post("/api/v1/memberships/", payload, format="json"), "person")
    payload["person"] = councils_world.former.pk
    assert client.post("/api/v1/memberships/", payload, format="json").status_code == 201


def test_a_mediator_cannot_assign_another_offices_mediator(api, councils_world):
    case = councils_world.case10
    response = api("mediator-kz-10").patch(
        f"/api/v1/mediation-cases/{case.pk}/", {"mediators": [councils_world.mediator75.pk]}, format="json"
    )
    assert response.status_code == 400
    assert "mediators" in response.json()


# -- the admin ------------------------------------------------------------------------------------------------
def staff(user):
    user.is_staff = True
    user.save()
    return user


def admin_form(model, user, obj, **changes):
    """The admin's change form for `obj` as `user` would submit it, with `changes` applied."""
    model_admin = admin.site._registry[model]
    request = RequestFactory().post("/")
    request.user = user
    form_class = model_admin.get_form(request, obj, change=True)
    data = {key: value for key, value in model_to_dict(obj, fields=form_class.base_fields).items() if value is not None}
    data.update(version=obj.version, **changes)
    return form_class(data=data, instance=obj)


@pytest.mark.parametrize("field", ["parent", "successor"])
def test_the_admin_refuses_a_coordinators_council_link_to_another_region(councils_world, field):
    coordinator = staff(councils_world.users["coord-kz-10"])
    form = admin_form(Council, coordinator, councils_world.abai, **{field: councils_world.almaty.pk})
    assert not form.is_valid()
    assert REFUSED in str(form.errors[field])
    allowed = admin_form(Council, coordinator, councils_world.abai, **{field: councils_world.old.pk})
    allowed.is_valid()
    assert field not in allowed.errors


def test_the_admin_refuses_a_coordinators_patron_of_another_region(councils_world):
    from councils.models import MothersHome

    coordinator = staff(councils_world.users["coord-kz-10"])
    form = admin_form(MothersHome, coordinator, councils_world.home_abai, patron_council=councils_world.almaty.pk)
    assert not form.is_valid()
    assert "patron_council" in form.errors


@pytest.mark.parametrize(
    ("model_path", "record", "field", "foreign"),
    [
        ("assembly.EthnoculturalAssociation", "association_10", "parent", "association_75"),
        ("assembly.EthnoculturalAssociation", "association_10", "host_house", "house_75"),
        ("assembly.HouseOfFriendship", "house_10", "parent", "house_75"),
    ],
)
def test_the_admin_refuses_a_coordinators_association_or_house_link_to_another_region(
    councils_world, elsewhere, model_path, record, field, foreign
):
    from django.apps import apps

    coordinator = staff(councils_world.users["coord-kz-10"])
    form = admin_form(apps.get_model(model_path), coordinator, elsewhere[record], **{field: elsewhere[foreign].pk})
    assert not form.is_valid()
    assert REFUSED in str(form.errors[field])


def test_the_admin_refuses_a_coordinators_event_organiser_of_another_region(users):
    from events.models import Event

    event = make_event(region="KZ-10")
    form = admin_form(Event, staff(users["coord-kz-10"]), event, organizer=assembly_of("KZ-75").pk)
    assert not form.is_valid()
    assert REFUSED in str(form.errors["organizer"])


def test_the_admin_roster_refuses_a_person_of_another_region(councils_world):
    coordinator = staff(councils_world.users["coord-kz-10"])
    model_admin = admin.site._registry[Council]
    request = RequestFactory().post("/")
    request.user = coordinator
    inline = next(inline for inline in model_admin.get_inline_instances(request, councils_world.abai))
    formset_class = inline.get_formset(request, councils_world.abai)
    prefix = formset_class.get_default_prefix()
    data = {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        f"{prefix}-0-person": councils_world.almaty_member.pk,
        f"{prefix}-0-role": MembershipRole.MEMBER,
        f"{prefix}-0-start_date": str(timezone.localdate()),
    }
    formset = formset_class(data=data, instance=councils_world.abai, prefix=prefix, queryset=Membership.objects.none())
    assert not formset.is_valid()
    assert REFUSED in str(formset.forms[0].errors["person"])
    data[f"{prefix}-0-person"] = councils_world.former.pk
    formset = formset_class(data=data, instance=councils_world.abai, prefix=prefix, queryset=Membership.objects.none())
    assert formset.is_valid(), formset.errors


# -- the API roster -------------------------------------------------------------------------------------------
def test_the_api_roster_leaves_archived_memberships_out_unless_asked(api, councils_world):
    membership = Membership.objects.get(person=councils_world.former, body=councils_world.abai)
    membership.archive(councils_world.users["secretariat"])
    url = f"/api/v1/councils/{councils_world.abai.pk}/members/"
    client = api("secretariat")
    listed = {row["id"] for row in client.get(url).json()["results"]}
    assert membership.pk not in listed
    assert len(listed) == 2
    included = {row["id"] for row in client.get(url, {"archived": "include"}).json()["results"]}
    assert included == listed | {membership.pk}
    only = {row["id"] for row in client.get(url, {"archived": "only"}).json()["results"]}
    assert only == {membership.pk}


def test_the_membership_list_leaves_archived_memberships_out_unless_asked(api, councils_world):
    membership = Membership.objects.get(person=councils_world.former, body=councils_world.abai)
    membership.archive(councils_world.users["secretariat"])
    client = api("secretariat")
    listed = {
        row["id"] for row in client.get("/api/v1/memberships/", {"body": councils_world.abai.pk}).json()["results"]
    }
    assert membership.pk not in listed
    included = client.get("/api/v1/memberships/", {"body": councils_world.abai.pk, "archived": "include"}).json()
    assert membership.pk in {row["id"] for row in included["results"]}


# -- mediation case numbers -----------------------------------------------------------------------------------
def test_case_numbers_are_given_by_the_server_per_office_and_year(api, councils_world):
    year = timezone.localdate().year
    client = api("mediator-kz-10")
    new = {"office": councils_world.office10.pk, "category": "family", "parties_count": 2}
    first = client.post("/api/v1/mediation-cases/", {**new, "reference_number": "MINE-1"}, format="json").json()
    second = client.post("/api/v1/mediation-cases/", new, format="json").json()
    assert first["reference_number"] == f"KZ-10-{year}-0001"
    assert second["reference_number"] == f"KZ-10-{year}-0002"
    other = api("mediator-kz-75").post(
        "/api/v1/mediation-cases/", {**new, "office": councils_world.office75.pk}, format="json"
    )
    assert other.json()["reference_number"] == f"KZ-75-{year}-0001"
    institute = MediationCase(office=councils_world.institute, category="family")
    institute.save()
    assert institute.reference_number == f"EMI-{year}-0001"
    # Existing numbers are kept.
    councils_world.case10.refresh_from_db()
    assert councils_world.case10.reference_number == "KZ-10/2026/0001"


def test_a_number_taken_by_another_office_is_skipped_without_a_word(api, councils_world):
    year = timezone.localdate().year
    taken = MediationCase.objects.get(pk=councils_world.case75.pk)
    taken.reference_number = f"KZ-10-{year}-0001"
    taken.save()
    response = api("mediator-kz-10").post(
        "/api/v1/mediation-cases/",
        {"office": councils_world.office10.pk, "category": "family", "parties_count": 2},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["reference_number"] == f"KZ-10-{year}-0002"


def test_a_stale_case_update_cannot_probe_another_offices_numbers(api, councils_world):
    case = councils_world.case10
    client = api("mediator-kz-10")
    response = client.patch(
        f"/api/v1/mediation-cases/{case.pk}/",
        {"reference_number": councils_world.case75.reference_number, "parties_count": 3},
        format="json",
        HTTP_IF_MATCH='"0"',
    )
    assert response.status_code == 412
    response = client.patch(
        f"/api/v1/mediation-cases/{case.pk}/",
        {"reference_number": councils_world.case75.reference_number, "parties_count": 3},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["reference_number"] == "KZ-10/2026/0001"


def test_the_portal_case_form_has_no_reference_number(browser, councils_world):
    from django.urls import reverse

    page = browser("mediator-kz-10").get(reverse("mediation:case-new")).content.decode()
    assert 'name="reference_number"' not in page


# -- history of many-to-many relations ------------------------------------------------------------------------
def latest_changes(client, url):
    return client.get(f"{url}history/").json()["results"]


def test_history_records_an_associations_ethnic_groups(api, elsewhere):
    from assembly.models import EthnicGroup

    record = elsewhere["association_10"]
    url = f"/api/v1/associations/{record.pk}/"
    client = api("secretariat")
    before = len(latest_changes(client, url))
    tatars = EthnicGroup.objects.get(name_en="Tatars")
    assert client.patch(url, {"ethnic_groups": [tatars.pk]}, format="json").status_code == 200
    entries = latest_changes(client, url)
    assert len(entries) == before + 1
    change = next(change for change in entries[0]["changes"] if change["field"] == "ethnic_groups")
    assert str(tatars.pk) in change["new"]
    assert str(tatars.pk) not in str(change["old"])


def test_history_shows_the_former_mediators_of_a_case_as_the_old_value(api, councils_world):
    case = councils_world.case10
    url = f"/api/v1/mediation-cases/{case.pk}/"
    client = api("secretariat")
    before = len(latest_changes(client, url))
    response = client.patch(url, {"mediators": [councils_world.head10.pk], "parties_count": 3}, format="json")
    assert response.status_code == 200, response.content
    entries = latest_changes(client, url)
    assert len(entries) == before + 1
    changes = {change["field"]: change for change in entries[0]["changes"]}
    assert changes["parties_count"]["old"] == 2 and changes["parties_count"]["new"] == 3
    assert f"'mediator': {councils_world.mediator10.pk}" in changes["mediators"]["old"]
    assert f"'mediator': {councils_world.head10.pk}" in changes["mediators"]["new"]
    assert f"'mediator': {councils_world.mediator10.pk}" not in changes["mediators"]["new"]


# -- the case forms carry the version -------------------------------------------------------------------------
def test_the_case_status_form_carries_the_version_and_refuses_a_stale_move(browser, councils_world):
    import re

    from django.urls import reverse

    case = councils_world.case10
    client = browser("mediator-kz-10")
    page = client.get(reverse("mediation:case", args=[case.pk])).content.decode()
    opened_at = re.search(r'name="version" value="(\d+)"', page).group(1)
    assert opened_at == case.version

    newer = MediationCase.objects.get(pk=case.pk)
    newer.outcome_summary = "changed by a colleague"
    newer.save()

    move = {"status": "in_mediation", "version": opened_at}
    refused = client.post(reverse("mediation:case-status", args=[case.pk]), move)
    assert refused.status_code == 400
    assert "after you opened it" in refused.content.decode()
    case.refresh_from_db()
    assert case.status == "received"

    move["version"] = case.version
    accepted = client.post(reverse("mediation:case-status", args=[case.pk]), move)
    assert accepted.status_code == 302
    case.refresh_from_db()
    assert case.status == "in_mediation"
