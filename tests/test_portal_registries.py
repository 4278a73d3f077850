"""The portal's registry pages (associations, Houses of Friendship, councils) for every role: lists, filters and
records; query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.registries.declarations import REGISTRIES
from regions.models import District
from tests.assembly_factories import association, house
from tests.portal_registries_world import ROLES, WRITERS_OF_KZ_10, council, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(users):
    return make_world()


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
