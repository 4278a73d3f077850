"""The portal's registry pages (associations, Houses of Friendship, councils) for every role: create, edit,
archive; errors in the form."""

import datetime

import pytest

from assembly.models import EthnoculturalAssociation, HouseOfFriendship, Level
from councils.models import Council
from portal.registries.declarations import COUNCILS, REGISTRIES
from portal.registries.forms import registry_form_class
from regions.models import District
from tests.assembly_factories import association
from tests.portal_registries_world import ROLES, WRITERS_OF_KZ_10, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(users):
    return make_world()


def test_create_per_role(world, browser):
    """Reader and mediator may not add; a coordinator's record lands in their region, whatever the request says."""
    for role in ROLES[1:]:
        client = browser(role)
        for slug in REGISTRIES:
            page = client.get(f"/portal/registries/{slug}/new/")
            if role in ("reader", "mediator-kz-10"):
                assert page.status_code == 403, (role, slug)
                continue
            assert page.status_code == 200, (role, slug)
            assert ('name="region"' in page.content.decode()) == (role == "secretariat"), (role, slug)
    for role in ("reader", "mediator-kz-10"):
        response = browser(role).post("/portal/registries/houses-of-friendship/new/", new_house("Refused"))
        assert response.status_code == 403
        assert not HouseOfFriendship.objects.filter(name_en="Refused").exists()


def new_house(name, **values):
    data = {
        "name_kk": f"{name} kk",
        "name_ru": f"{name} ru",
        "name_en": name,
        "house_kind": "district",
        "status": "operating",
        "opened_on": "2020-05-01",
        "capacity": "120",
    }
    data.update(values)
    return data


def test_a_coordinator_adds_a_house_of_their_region_with_history(users, world, browser):
    client = browser("coord-kz-10")
    semey = District.objects.filter(region_id="KZ-10").first()
    response = client.post(
        "/portal/registries/houses-of-friendship/new/", new_house("Ayagoz House", region="KZ-75", district=semey.pk)
    )
    assert response.status_code == 302, response.content.decode()
    created = HouseOfFriendship.objects.get(name_en="Ayagoz House")
    assert response["Location"] == f"/portal/registries/houses-of-friendship/{created.pk}/"
    assert created.region_id == "KZ-10"  # the posted region is not a field of theirs
    assert created.level == Level.DISTRICT and created.district == semey
    assert created.history.get().history_user == users["coord-kz-10"]


def test_a_district_of_another_region_is_not_offered(world, browser):
    client = browser("coord-kz-10")
    almaty_district = District.objects.filter(region_id="KZ-75").first()
    page = client.get("/portal/registries/houses-of-friendship/new/").content.decode()
    assert f'value="{almaty_district.pk}"' not in page
    response = client.post(
        "/portal/registries/houses-of-friendship/new/", new_house("Wrong district", district=almaty_district.pk)
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not HouseOfFriendship.objects.filter(name_en="Wrong district").exists()


def test_the_secretariat_adds_a_republican_council_and_a_regional_one(world, browser):
    client = browser("secretariat")
    data = {"name_kk": "Кеңес", "name_ru": "Совет", "name_en": "Youth council", "kind": "youth_assembly"}
    response = client.post("/portal/registries/councils/new/", {**data, "level": "republican", "status": "active"})
    assert response.status_code == 302, response.content.decode()
    national = Council.objects.get(name_en="Youth council")
    assert national.region_id is None
    response = client.post(
        "/portal/registries/councils/new/",
        {**data, "name_en": "Abai youth", "level": "regional", "region": "KZ-10", "parent": national.pk},
    )
    assert response.status_code == 400  # the status is required
    response = client.post(
        "/portal/registries/councils/new/",
        {
            **data,
            "name_en": "Abai youth",
            "level": "regional",
            "region": "KZ-10",
            "parent": national.pk,
            "status": "active",
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert Council.objects.get(name_en="Abai youth").parent_id == national.pk


def edit_data(record, registry, **changes):
    form = registry_form_class(registry)(instance=record, user=None, registry=registry)
    data = {}
    for name in form.fields:
        value = form.initial.get(name)
        if value is None:
            continue
        if isinstance(value, list):
            data[name] = [getattr(item, "pk", item) for item in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, datetime.date):
            data[name] = value.isoformat()
        else:
            data[name] = value
    data.update(changes)
    return data


def test_edit_per_role(users, world, browser):
    """Only the record's region's coordinator and the secretariat change it; others get 403, nothing changes."""
    for slug, (record, _other) in world["records"].items():
        registry = REGISTRIES[slug]
        url = f"/portal/registries/{slug}/{record.pk}/edit/"
        for role in ROLES[1:]:
            client = browser(role)
            page = client.get(url)
            data = edit_data(record, registry, name_en=f"Renamed by {role}")
            if role != "secretariat":
                data.pop("region", None)
            response = client.post(url, data)
            record.refresh_from_db()
            if role in WRITERS_OF_KZ_10:
                assert page.status_code == 200, (slug, role)
                assert response.status_code == 302, (slug, role, response.content.decode()[-3000:])
                assert record.name_en == f"Renamed by {role}"
                assert record.region_id == "KZ-10"
                assert record.history.first().history_user == users[role]
            else:
                assert page.status_code == 403, (slug, role)
                assert response.status_code == 403, (slug, role)
                assert record.name_en != f"Renamed by {role}"


def test_a_coordinator_cannot_move_a_record_to_another_region(world, browser):
    record = world["abai_tatar"]
    data = edit_data(record, REGISTRIES["associations"], region="KZ-75")
    response = browser("coord-kz-10").post(f"/portal/registries/associations/{record.pk}/edit/", data)
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.region_id == "KZ-10"


def test_validation_errors_appear_in_the_form(world, browser):
    client = browser("coord-kz-10")
    record = world["abai_tatar"]
    url = f"/portal/registries/associations/{record.pk}/edit/"
    data = edit_data(
        record, REGISTRIES["associations"], founded_on="2010-01-01", registered_on="2005-01-01", bin="123456789012"
    )
    response = client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "An association cannot be registered before it was founded." in html
    assert 'id="field-registered_on"' in html and 'class="field has-error' in html
    assert "There is a problem" in html and 'href="#field-registered_on"' in html
    response = client.post(
        "/portal/registries/houses-of-friendship/new/", new_house("Closed house", status="closed", opened_on="")
    )
    assert response.status_code == 400
    assert "Give the date the House closed." in response.content.decode()
    response = client.post(
        "/portal/registries/councils/new/",
        {"name_kk": "a", "name_ru": "b", "name_en": "District council", "kind": "council_of_elders"}
        | {"level": "district", "status": "active"},
    )
    assert response.status_code == 400
    assert "A district council needs its district." in response.content.decode()
    assert not Council.objects.filter(name_en="District council").exists()


def test_a_model_rule_about_a_field_not_on_the_form_is_shown_above_it(users, world):
    from django.core.exceptions import ValidationError

    form = registry_form_class(COUNCILS)(
        data={}, instance=world["council_10"], user=users["coord-kz-10"], registry=COUNCILS
    )
    assert "region" not in form.fields
    form.is_valid()
    form.add_error(None, ValidationError({"region": "A regional body needs its region."}))
    assert "Region: A regional body needs its region." in form.non_field_errors()


def test_archive_per_role_and_dependents(users, world, browser):
    lonely = association("KZ-10", "Lonely club")
    url = f"/portal/registries/associations/{lonely.pk}/archive/"
    for role in ("reader", "mediator-kz-10", "coord-kz-75"):
        assert browser(role).post(url).status_code == 403, role
        lonely.refresh_from_db()
        assert lonely.archived_at is None
    client = browser("coord-kz-10")
    # a House that hosts an association is refused, with the reason
    house_url = f"/portal/registries/houses-of-friendship/{world['house_10'].pk}/"
    response = client.post(house_url + "archive/", follow=True)
    assert "was not archived: it is still referenced by 1 ethnocultural associations" in response.content.decode()
    world["house_10"].refresh_from_db()
    assert world["house_10"].archived_at is None
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == "/portal/registries/associations/"
    lonely.refresh_from_db()
    assert lonely.archived_at is not None
    assert lonely.history.first().history_user == users["coord-kz-10"]
    # an archived record keeps its page, without edit or archive buttons
    page = client.get(f"/portal/registries/associations/{lonely.pk}/").content.decode()
    assert "Archived on" in page and "/archive/" not in page
    assert client.get("/portal/registries/councils/").status_code == 200
    # no delete anywhere
    assert client.delete(f"/portal/registries/associations/{lonely.pk}/").status_code == 405
    assert EthnoculturalAssociation.objects.filter(pk=lonely.pk).exists()
