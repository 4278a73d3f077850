"""The councils registry and its rosters through the API, for every role."""

import pytest

from assembly.models import Membership
from councils.models import Council
from tests.councils_world import for_every_role

pytestmark = pytest.mark.django_db

CONTACTS = ("email", "phone", "address")


def rows(response):
    assert response.status_code == 200, response.content
    return {row["names"]["en"]: row for row in response.json()["results"]}


def check_councils_are_public_with_derived_and_declared_headcounts(api, councils_world, role):
    listed = rows(api(role).get("/api/v1/councils/"))
    abai = listed["Abai Council of Mothers"]
    assert abai["member_count"] == 2  # the chair and a member today; the former chair's term ended
    assert abai["headcount_declared"] is False
    assert abai["headcount"] == 2
    almaty = listed["Almaty Council of Elders"]
    assert almaty["member_count"] == 0
    assert almaty["declared_headcount"] == 140
    assert almaty["headcount_declared"] is True
    assert almaty["headcount"] == 140
    detail = api(role).get(f"/api/v1/councils/{councils_world.abai.pk}/")
    assert detail.status_code == 200
    assert detail.json()["member_count"] == 2


COUNCIL_FILTERS = [
    ({"kind": "council_of_elders"}, {"Almaty Council of Elders", "Old Semipalatinsk Council of Elders"}),
    ({"level": "republican"}, {"Republican Council of Mothers"}),
    ({"region": "KZ-75"}, {"Almaty Council of Elders"}),
    ({"region": "KZ-10", "active_on": "2005-06-01"}, {"Old Semipalatinsk Council of Elders"}),
    ({"region": "KZ-10", "active_on": "2024-01-01"}, {"Abai Council of Mothers"}),
    ({"declared": "true"}, {"Almaty Council of Elders"}),
    ({"search": "Абай облысының"}, {"Abai Council of Mothers"}),
    ({"search": "Совет матерей области"}, {"Abai Council of Mothers"}),
    ({"search": "secret.abai@example.kz"}, set()),  # members' contacts are not searchable
    ({"search": "Abaikyzy"}, set()),
]


def test_council_filters(api, councils_world):
    for query, expected in COUNCIL_FILTERS:
        assert set(rows(api("reader").get("/api/v1/councils/", query))) == expected, query


def test_parent_and_district_filters_and_member_count_on_a_date(api, councils_world):
    children = rows(api(None).get("/api/v1/councils/", {"parent": councils_world.republican.pk}))
    assert set(children) == {"Abai Council of Mothers"}
    past = rows(api(None).get("/api/v1/councils/", {"active_on": "2025-01-01", "region": "KZ-10"}))
    assert "Abai Council of Mothers" in past
    assert api(None).get("/api/v1/councils/", {"district": "abc"}).status_code == 400
    assert api(None).get("/api/v1/councils/", {"active_on": "2025-13-45"}).status_code == 400
    assert api(None).get("/api/v1/councils/", {"kind": "mediation_office"}).status_code == 400


def check_roster_hides_members_contacts_from_all_but_staff_and_their_regions_coordinator(api, councils_world, role):
    url = f"/api/v1/councils/{councils_world.abai.pk}/members/"
    response = api(role).get(url)
    csv = api(role).get(url, {"format": "csv"})
    if role is None:
        assert response.status_code == csv.status_code == 401
        return
    assert response.status_code == csv.status_code == 200
    entries = {row["person_name"]: row for row in response.json()["results"]}
    assert set(entries) == {"Test Abaikyzy", "Test Almatova", "Test Formerova"}
    sees = {
        "secretariat": {"Test Abaikyzy", "Test Almatova", "Test Formerova"},
        "coord-kz-10": {"Test Abaikyzy", "Test Formerova"},  # members living in Abai region
        "coord-kz-75": {"Test Almatova"},  # the member living in Almaty
    }.get(role, set())
    for name, entry in entries.items():
        shown = {field for field in CONTACTS if field in entry}
        assert shown == (set(CONTACTS) if name in sees else set()), (name, entry)
    text = csv.content.decode()
    for name, email in [
        ("Test Abaikyzy", "secret.abai@example.kz"),
        ("Test Almatova", "secret.almaty@example.kz"),
        ("Test Formerova", "secret.former@example.kz"),
    ]:
        assert (email in text) == (name in sees)
        assert (email in response.content.decode()) == (name in sees)


def test_roster_filters_by_role_and_date(api, councils_world):
    url = f"/api/v1/councils/{councils_world.abai.pk}/members/"
    chairs = api("reader").get(url, {"role": "chair"}).json()["results"]
    assert {row["person_name"] for row in chairs} == {"Test Abaikyzy", "Test Formerova"}
    today = api("reader").get(url, {"role": "chair", "active_on": str(councils_world.today)}).json()["results"]
    assert [row["person_name"] for row in today] == ["Test Abaikyzy"]
    assert api("reader").get(url, {"role": "pope"}).status_code == 400


NEW_COUNCIL = {
    "kind": "council_of_mothers",
    "level": "district",
    "names": {"kk": "Аягөз аналар кеңесі", "ru": "Совет матерей Аягоза", "en": "Ayagoz Council of Mothers"},
}


def check_coordinators_keep_their_own_regions_councils(api, councils_world, role):
    from regions.models import District

    semey = District.objects.get(name_en="Semey")
    data = {**NEW_COUNCIL, "region": "KZ-10", "district": semey.pk, "parent": councils_world.abai.pk}
    response = api(role).post("/api/v1/councils/", data, format="json")
    if role in ("secretariat", "coord-kz-10"):
        assert response.status_code == 201, response.content
        assert response.json()["member_count"] == 0
    elif role == "coord-kz-75":
        assert response.status_code == 400
        assert "KZ-75" in response.json()["region"][0]
    else:
        assert response.status_code == (401 if role is None else 403)
    patch = api(role).patch(f"/api/v1/councils/{councils_world.almaty.pk}/", {"declared_headcount": 150}, format="json")
    expected = 200 if role in ("secretariat", "coord-kz-75") else (401 if role is None else 403)
    assert patch.status_code == expected


COUNCIL_ERRORS = [
    ({"kind": "mediation_office"}, "kind"),
    ({"wing": "student_assembly"}, "wing"),
    ({"kind": "university_department"}, "university_en"),
    ({"level": "district"}, "district"),
    ({"dissolved_on": "1990-01-01", "founded_on": "2000-01-01"}, "dissolved_on"),
    ({"declared_headcount": -3}, "declared_headcount"),
    ({"parent": 999999}, "parent"),
]


def test_council_validation_errors_are_400_per_field(api, councils_world):
    for change, field in COUNCIL_ERRORS:
        data = {**NEW_COUNCIL, "level": "regional", "region": "KZ-10", **change}
        response = api("secretariat").post("/api/v1/councils/", data, format="json")
        assert response.status_code == 400, response.content
        assert field in response.json(), (change, response.json())


def test_a_regional_council_cannot_sit_under_a_local_one(api, councils_world):
    local = Council.objects.create(
        kind="council_of_mothers", level="local", region_id="KZ-10", name_kk="a", name_ru="b", name_en="Local"
    )
    response = api("secretariat").patch(
        f"/api/v1/councils/{councils_world.abai.pk}/", {"parent": local.pk}, format="json"
    )
    assert response.status_code == 400
    assert "parent" in response.json()


def test_archiving_a_council_with_active_members_is_refused(api, councils_world):
    response = api("secretariat").delete(f"/api/v1/councils/{councils_world.abai.pk}/")
    assert response.status_code == 409
    assert any("membership" in text for text in response.json()["dependents"])
    for membership in Membership.objects.filter(body=councils_world.abai):
        membership.archive()
    assert api("secretariat").delete(f"/api/v1/councils/{councils_world.abai.pk}/").status_code == 409  # a home
    councils_world.home_abai.archive()
    assert api("secretariat").delete(f"/api/v1/councils/{councils_world.abai.pk}/").status_code == 204
    history = api("secretariat").get(f"/api/v1/councils/{councils_world.abai.pk}/history/").json()["results"]
    assert history[0]["changes"][0]["field"] == "archived_at"


def check_council_statistics_are_public_and_derived(api, councils_world, role):
    response = api(role).get("/api/v1/stats/councils/", {"region": "KZ-10"})
    assert response.status_code == 200
    by_kind = {row["kind"]: row for row in response.json()["results"]}
    assert by_kind["council_of_mothers"]["members_on_roster"] == 2
    assert by_kind["council_of_mothers"]["councils"] == 1
    almaty = api(role).get("/api/v1/stats/councils/", {"region": "KZ-75"}).json()["results"][0]
    assert almaty["declared_headcount"] == 140
    assert almaty["councils_declaring_headcount"] == 1
    assert "secret" not in response.content.decode().lower()
    assert api(role).get("/api/v1/stats/councils/", {"active_on": "x"}).status_code == 400


test_councils_are_public_with_derived_and_declared_headcounts = for_every_role(
    check_councils_are_public_with_derived_and_declared_headcounts
)
test_roster_hides_members_contacts_from_all_but_staff_and_their_regions_coordinator = for_every_role(
    check_roster_hides_members_contacts_from_all_but_staff_and_their_regions_coordinator
)
test_coordinators_keep_their_own_regions_councils = for_every_role(check_coordinators_keep_their_own_regions_councils)
test_council_statistics_are_public_and_derived = for_every_role(check_council_statistics_are_public_and_derived)
