"""The portal's registry pages (associations, Houses of Friendship, councils) for every role: list, record, create,
edit, archive; query counts; errors in the form."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from assembly.models import BodyKind, EthnoculturalAssociation, HouseOfFriendship, Level
from councils.models import Council
from portal.registries import COUNCILS, REGISTRIES
from portal.registry_forms import registry_form_class
from regions.models import District
from tests.assembly_factories import association, build_network, house

pytestmark = pytest.mark.django_db

ROLES = [None, "reader", "mediator-kz-10", "coord-kz-75", "coord-kz-10", "secretariat"]
WRITERS_OF_KZ_10 = {"coord-kz-10", "secretariat"}


def browser(users, role):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if role is not None:
        client.force_login(users[role])
    return client


def council(region, en, **values):
    values.setdefault("kind", BodyKind.COUNCIL_OF_MOTHERS)
    values.setdefault("level", Level.REGIONAL if region else Level.REPUBLICAN)
    return Council.objects.create(region_id=region, name_en=en, name_ru=f"{en} ru", name_kk=f"{en} kk", **values)


@pytest.fixture
def world(users):
    data = build_network()
    data["council_10"] = council("KZ-10", "Abai Council of Mothers")
    data["council_75"] = council("KZ-75", "Almaty Council of Elders", kind=BodyKind.COUNCIL_OF_ELDERS)
    data["council_national"] = council(None, "Republican Council of Mothers")
    data["house_75"] = house("KZ-75", "Test House Almaty")
    # one record of each registry in each of the two coordinators' regions
    data["records"] = {
        "associations": (data["abai_tatar"], data["uyghur_75"]),
        "houses-of-friendship": (data["house_10"], data["house_75"]),
        "councils": (data["council_10"], data["council_75"]),
    }
    return data


def test_anonymous_users_are_sent_to_the_login_page(client, world):
    for slug, (record, _other) in world["records"].items():
        for url in (
            f"/portal/registries/{slug}/",
            f"/portal/registries/{slug}/new/",
            f"/portal/registries/{slug}/{record.pk}/",
            f"/portal/registries/{slug}/{record.pk}/edit/",
        ):
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith("/portal/login/?next="), url
        response = client.post(f"/portal/registries/{slug}/{record.pk}/archive/")
        assert response.status_code == 302 and response["Location"].startswith("/portal/login/")
    assert client.get("/portal/registries/unknown/").status_code == 302


def test_an_unknown_registry_is_not_found(users):
    assert browser(users, "secretariat").get("/portal/registries/mediation-cases/").status_code == 404


def test_lists_per_role(users, world):
    """Coordinators see their region's rows only (no region selector); the others choose a region, all by default."""
    for role in ROLES[1:]:
        client = browser(users, role)
        for slug, (record_10, record_75) in world["records"].items():
            page = client.get(f"/portal/registries/{slug}/")
            assert page.status_code == 200, (role, slug)
            html = page.content.decode()
            assert (str(record_10) in html) == (role != "coord-kz-75"), (role, slug)
            assert (str(record_75) in html) == (role != "coord-kz-10"), (role, slug)
            assert ('name="region"' in html) == (not role.startswith("coord")), (role, slug)
            can_add = role in ("coord-kz-10", "coord-kz-75", "secretariat")
            assert (f'href="/portal/registries/{slug}/new/' in html) == can_add, (role, slug)
            if not role.startswith("coord"):
                only_75 = client.get(f"/portal/registries/{slug}/", {"region": "KZ-75"}).content.decode()
                assert str(record_75) in only_75 and str(record_10) not in only_75
        # a coordinator cannot widen the list to another region by URL tampering
        if role == "coord-kz-10":
            tampered = client.get("/portal/registries/associations/", {"region": "KZ-75"}).content.decode()
            assert str(world["uyghur_75"]) not in tampered and str(world["abai_tatar"]) in tampered


def test_list_filters_and_search(users, world):
    client = browser(users, "secretariat")
    rows = client.get("/portal/registries/associations/", {"region": "KZ-19", "status": "suspended"}).content.decode()
    assert "Suspended Uyghur club" in rows and "Korean centre" not in rows
    rows = client.get("/portal/registries/associations/", {"q": "korean"}).content.decode()
    assert "Korean centre of Almaty Region" in rows and "Uyghur" not in rows.split("<tbody>")[1]
    uyghurs = world["uyghur_19"].ethnic_groups.get()
    rows = client.get("/portal/registries/associations/", {"ethnic_groups": uyghurs.pk}).content.decode()
    assert "Uyghur association of Almaty city" in rows and "Korean centre" not in rows
    rows = client.get("/portal/registries/councils/", {"kind": "council_of_elders"}).content.decode()
    assert "Almaty Council of Elders" in rows and "Abai Council of Mothers" not in rows
    rows = client.get("/portal/registries/houses-of-friendship/", {"on_tourist_route": "true"}).content.decode()
    assert "Test House Konaev" in rows and "Test House Semey" not in rows
    assert client.get("/portal/registries/councils/", {"kind": "pope"}).status_code == 200  # an unknown value: none


def test_archived_records_leave_the_list(users, world):
    world["korean_19"].archive()
    rows = browser(users, "secretariat").get("/portal/registries/associations/").content.decode()
    assert "Korean centre of Almaty Region" not in rows


def test_records_per_role(users, world):
    """Everyone signed in reads a record; only its region's coordinator and the secretariat get edit and archive."""
    for role in ROLES[1:]:
        client = browser(users, role)
        for slug, (record_10, record_75) in world["records"].items():
            for record in (record_10, record_75):
                page = client.get(f"/portal/registries/{slug}/{record.pk}/")
                assert page.status_code == 200, (role, slug)
                html = page.content.decode()
                writer = role == "secretariat" or role == f"coord-{record.region_id.lower()}"
                assert (f"/portal/registries/{slug}/{record.pk}/edit/" in html) == writer, (role, slug, record)
                assert (f"/portal/registries/{slug}/{record.pk}/archive/" in html) == writer, (role, slug, record)


def test_association_contacts_only_for_its_coordinator_and_the_secretariat(users, world):
    url = f"/portal/registries/associations/{world['abai_tatar'].pk}/"
    for role in ROLES[1:]:
        html = browser(users, role).get(url).content.decode()
        assert ("tatar10@example.kz" in html) == (role in WRITERS_OF_KZ_10), role
    listing = browser(users, "coord-kz-10").get("/portal/registries/associations/").content.decode()
    assert "tatar10@example.kz" not in listing


def test_create_per_role(users, world):
    """Reader and mediator may not add; a coordinator's record lands in their region, whatever the request says."""
    for role in ROLES[1:]:
        client = browser(users, role)
        for slug in REGISTRIES:
            page = client.get(f"/portal/registries/{slug}/new/")
            if role in ("reader", "mediator-kz-10"):
                assert page.status_code == 403, (role, slug)
                continue
            assert page.status_code == 200, (role, slug)
            assert ('name="region"' in page.content.decode()) == (role == "secretariat"), (role, slug)
    for role in ("reader", "mediator-kz-10"):
        response = browser(users, role).post("/portal/registries/houses-of-friendship/new/", new_house("Refused"))
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


def test_a_coordinator_adds_a_house_of_their_region_with_history(users, world):
    client = browser(users, "coord-kz-10")
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


def test_a_district_of_another_region_is_not_offered(users, world):
    client = browser(users, "coord-kz-10")
    almaty_district = District.objects.filter(region_id="KZ-75").first()
    page = client.get("/portal/registries/houses-of-friendship/new/").content.decode()
    assert f'value="{almaty_district.pk}"' not in page
    response = client.post(
        "/portal/registries/houses-of-friendship/new/", new_house("Wrong district", district=almaty_district.pk)
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not HouseOfFriendship.objects.filter(name_en="Wrong district").exists()


def test_the_secretariat_adds_a_republican_council_and_a_regional_one(users, world):
    client = browser(users, "secretariat")
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


def test_edit_per_role(users, world):
    """Only the record's region's coordinator and the secretariat change it; others get 403, nothing changes."""
    for slug, (record, _other) in world["records"].items():
        registry = REGISTRIES[slug]
        url = f"/portal/registries/{slug}/{record.pk}/edit/"
        for role in ROLES[1:]:
            client = browser(users, role)
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


def test_a_coordinator_cannot_move_a_record_to_another_region(users, world):
    record = world["abai_tatar"]
    data = edit_data(record, REGISTRIES["associations"], region="KZ-75")
    response = browser(users, "coord-kz-10").post(f"/portal/registries/associations/{record.pk}/edit/", data)
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.region_id == "KZ-10"


def test_validation_errors_appear_in_the_form(users, world):
    client = browser(users, "coord-kz-10")
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
    assert "Please correct the fields marked below." in html
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


def test_archive_per_role_and_dependents(users, world):
    lonely = association("KZ-10", "Lonely club")
    url = f"/portal/registries/associations/{lonely.pk}/archive/"
    for role in ("reader", "mediator-kz-10", "coord-kz-75"):
        assert browser(users, role).post(url).status_code == 403, role
        lonely.refresh_from_db()
        assert lonely.archived_at is None
    client = browser(users, "coord-kz-10")
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


@pytest.mark.parametrize("slug", list(REGISTRIES))
def test_list_queries_do_not_grow_with_rows(users, world, slug):
    client = browser(users, "secretariat")
    url = f"/portal/registries/{slug}/"
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for number in range(12):
        if slug == "associations":
            association("KZ-10", f"Extra association {number}", ["Tatars"], host_house=world["house_10"])
        elif slug == "houses-of-friendship":
            house("KZ-10", f"Extra house {number}")
        else:
            extra = council("KZ-10", f"Extra council {number}", parent=world["council_national"])
            from assembly.models import Membership, Person

            person = Person.objects.create(surname=f"Extra {number}", given_name="T", region_id="KZ-10")
            Membership.objects.create(person=person, body=extra, role="member")
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    assert "Extra" in html
    assert len(many) == len(few), [query["sql"] for query in many.captured_queries]


def test_the_portal_home_links_the_registries(users):
    for role in ROLES[1:]:
        html = browser(users, role).get("/portal/").content.decode()
        for slug in REGISTRIES:
            assert f'href="/portal/registries/{slug}/' in html, (role, slug)
