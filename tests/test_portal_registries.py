"""The portal's registry pages (associations, Houses of Friendship, councils) for every role: list, record, create,
edit, archive; query counts; errors in the form."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assembly.models import BodyKind, EthnoculturalAssociation, HouseOfFriendship, Level
from councils.models import Council
from portal.registries.declarations import COUNCILS, REGISTRIES
from portal.registries.forms import registry_form_class
from regions.models import District
from tests.assembly_factories import association, build_network, house

pytestmark = pytest.mark.django_db

ROLES = [None, "reader", "mediator-kz-10", "coord-kz-75", "coord-kz-10", "secretariat"]
WRITERS_OF_KZ_10 = {"coord-kz-10", "secretariat"}


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


def test_an_unknown_registry_is_not_found(browser):
    assert browser("secretariat").get("/portal/registries/mediation-cases/").status_code == 404


def test_lists_per_role(world, browser):
    """Coordinators see their region's rows only (no region selector); the others choose a region, all by default."""
    for role in ROLES[1:]:
        client = browser(role)
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


def test_list_filters_and_search(world, browser):
    client = browser("secretariat")
    rows = client.get("/portal/registries/associations/", {"region": "KZ-19", "status": "suspended"}).content.decode()
    assert "Suspended Uyghur club" in rows and "Korean centre" not in rows
    rows = client.get("/portal/registries/associations/", {"search": "korean"}).content.decode()
    assert "Korean centre of Almaty Region" in rows and "Uyghur" not in rows.split("<tbody>")[1]
    uyghurs = world["uyghur_19"].ethnic_groups.get()
    rows = client.get("/portal/registries/associations/", {"ethnic_group": uyghurs.pk}).content.decode()
    assert "Uyghur association of Almaty city" in rows and "Korean centre" not in rows
    rows = client.get("/portal/registries/councils/", {"kind": "council_of_elders"}).content.decode()
    assert "Almaty Council of Elders" in rows and "Abai Council of Mothers" not in rows
    rows = client.get("/portal/registries/houses-of-friendship/", {"on_tourist_route": "true"}).content.decode()
    assert "Test House Konaev" in rows and "Test House Semey" not in rows
    assert client.get("/portal/registries/councils/", {"kind": "pope"}).status_code == 200  # an unknown value: none


def test_the_district_choices_narrow_to_the_chosen_region(world, browser):
    semey = District.objects.filter(region_id="KZ-10").first()
    almaty_district = District.objects.filter(region_id="KZ-75").first()
    client = browser("secretariat")
    everywhere = client.get("/portal/registries/houses-of-friendship/").content.decode()
    assert 'name="district"' not in everywhere  # no region chosen yet: no district to choose
    abai = client.get("/portal/registries/houses-of-friendship/", {"region": "KZ-10"}).content.decode()
    assert f'<option value="{semey.pk}"' in abai and f'<option value="{almaty_district.pk}"' not in abai
    coordinator = browser("coord-kz-10").get("/portal/registries/councils/").content.decode()
    assert f'<option value="{semey.pk}"' in coordinator and f'<option value="{almaty_district.pk}"' not in coordinator
    # a district of another region than the chosen one is left out, not an error
    elsewhere = {"region": "KZ-10", "district": almaty_district.pk}
    tampered = client.get("/portal/registries/houses-of-friendship/", elsewhere)
    assert tampered.status_code == 200 and "Test House Semey" in tampered.content.decode()


@pytest.mark.parametrize(
    ("slug", "api", "params"),
    [
        ("associations", "/api/v1/associations/", {"search": "korean", "region": "KZ-19", "status": "active"}),
        ("houses-of-friendship", "/api/v1/houses-of-friendship/", {"kind": "regional", "on_tourist_route": "true"}),
        ("councils", "/api/v1/councils/", {"kind": "council_of_elders", "level": "regional", "search": "almaty"}),
    ],
)
def test_the_page_and_the_api_take_the_same_parameters(world, browser, slug, api, params):
    client = browser("secretariat")
    shown = client.get(f"/portal/registries/{slug}/", params).content.decode()
    answer = client.get(api, params, HTTP_ACCEPT="application/json")
    assert answer.status_code == 200
    found = {row["id"] for row in answer.json()["results"]}
    assert found, params
    assert set(map(int, re.findall(r'<tr id="record-(\d+)"', shown))) == found


def test_archived_records_leave_the_list(world, browser):
    world["korean_19"].archive()
    rows = browser("secretariat").get("/portal/registries/associations/").content.decode()
    assert "Korean centre of Almaty Region" not in rows


def test_records_per_role(world, browser):
    """Everyone signed in reads a record; only its region's coordinator and the secretariat get edit and archive."""
    for role in ROLES[1:]:
        client = browser(role)
        for slug, (record_10, record_75) in world["records"].items():
            for record in (record_10, record_75):
                page = client.get(f"/portal/registries/{slug}/{record.pk}/")
                assert page.status_code == 200, (role, slug)
                html = page.content.decode()
                writer = role == "secretariat" or role == f"coord-{record.region_id.lower()}"
                assert (f"/portal/registries/{slug}/{record.pk}/edit/" in html) == writer, (role, slug, record)
                assert (f"/portal/registries/{slug}/{record.pk}/archive/" in html) == writer, (role, slug, record)


def test_association_contacts_only_for_its_coordinator_and_the_secretariat(world, browser):
    url = f"/portal/registries/associations/{world['abai_tatar'].pk}/"
    for role in ROLES[1:]:
        html = browser(role).get(url).content.decode()
        assert ("tatar10@example.kz" in html) == (role in WRITERS_OF_KZ_10), role
    listing = browser("coord-kz-10").get("/portal/registries/associations/").content.decode()
    assert "tatar10@example.kz" not in listing


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


@pytest.mark.parametrize("slug", list(REGISTRIES))
def test_list_queries_do_not_grow_with_rows(world, slug, browser):
    client = browser("secretariat")
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


def test_the_portal_home_links_the_registries(browser):
    for role in ROLES[1:]:
        html = browser(role).get("/portal/").content.decode()
        for slug in REGISTRIES:
            assert f'href="/portal/registries/{slug}/' in html, (role, slug)
