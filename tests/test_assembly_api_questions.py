"""The questions the assembly registry answers through the API (who held a post on a day, which associations a
region has, which instructions are overdue), and its filters."""

import pytest

from assembly.models import Body, BodyKind, EthnicGroup, Person
from tests.assembly_api_kit import ids, results

pytestmark = pytest.mark.django_db


# -- the questions the registry answers ------------------------------------------------------------------------
def test_who_were_the_deputy_chairmen_on_2019_06_01(api, assembly_data):
    response = api("secretariat").get(
        "/api/v1/memberships/", {"role": "deputy_chairman", "active_on": "2019-06-01", "page_size": 100}
    )
    holders = {row["person_name"] for row in results(response)}
    assert holders == {"Head Test", "First-Rotating Test", "Second-Rotating Test"}
    later = api("secretariat").get("/api/v1/memberships/", {"role": "deputy_chairman", "active_on": "2025-06-01"})
    assert {row["person_name"] for row in results(later)} == {"Later Test", "Marat Azilkhanov"}


@pytest.mark.parametrize("session", ["XXXIV", "34", "xxxiv"])
def test_which_instructions_of_the_xxxiv_session_are_overdue(api, assembly_data, session):
    response = api("secretariat").get("/api/v1/instructions/", {"session": session, "overdue": "true"})
    rows = results(response)
    assert {row["code"] for row in rows} == {"XXXIV-1", "XXXIV-2"}
    assert all(row["overdue"] for row in rows)
    rest = api("secretariat").get("/api/v1/instructions/", {"session": session, "overdue": "false"})
    assert {row["code"] for row in results(rest)} == {"XXXIV-3", "XXXIV-4", "XXXIV-5", "XXXIV-6"}


@pytest.mark.parametrize("group", ["Uyghurs", "uyghurs", "by-id"])
def test_which_uyghur_associations_are_active_in_almaty_region(api, assembly_data, group):
    if group == "by-id":
        group = str(EthnicGroup.objects.get(name_en="Uyghurs").pk)
    response = api("secretariat").get(
        "/api/v1/associations/", {"ethnic_group": group, "region": "KZ-19", "status": "active"}
    )
    assert ids(response) == {assembly_data["uyghur_19"].pk, assembly_data["uyghur_19_district"].pk}


# -- filters -------------------------------------------------------------------------------------------------
BAD_FILTERS = [
    ("/api/v1/memberships/", {"active_on": "2019-13-01"}, "active_on"),
    ("/api/v1/instructions/", {"session": "XXXXL"}, "session"),
    ("/api/v1/instructions/", {"status": "late"}, "status"),
    ("/api/v1/instructions/", {"overdue": "maybe"}, "overdue"),
    ("/api/v1/associations/", {"status": "dormant"}, "status"),
    ("/api/v1/associations/", {"region": "KZ-99"}, "region"),
    ("/api/v1/associations/", {"level": "galactic"}, "level"),
    ("/api/v1/houses-of-friendship/", {"kind": "palace"}, "kind"),
    ("/api/v1/bodies/", {"kind": "club"}, "kind"),
    ("/api/v1/posts/", {"active_on": "soon"}, "active_on"),
    ("/api/v1/documents/", {"active_on": "2024-02-30"}, "active_on"),
]


def test_bad_filters_are_400s_naming_the_field(api, assembly_data):
    for url, params, field in BAD_FILTERS:
        response = api("secretariat").get(url, params)
        assert response.status_code == 400, (url, params)
        assert field in response.json(), (url, params)


def test_assemblies_are_the_national_and_regional_assemblies(api, assembly_data):
    rows = results(api(None).get("/api/v1/assemblies/", {"page_size": 100}))
    assert len(rows) == 21
    assert {row["kind"] for row in rows} == {"national_assembly", "regional_assembly"}
    national = next(row for row in rows if row["kind"] == "national_assembly")
    assert national["former_names"][0]["names"]["en"] == "Assembly of Peoples of Kazakhstan"
    assert national["founded_on"] == "1995-03-01"
    refused = api("secretariat").post(
        "/api/v1/assemblies/", {"kind": "state_body", "names": {"kk": "a", "ru": "b", "en": "c"}}, format="json"
    )
    assert refused.status_code == 400 and "kind" in refused.json()


def test_a_reorganisation_is_data(api, assembly_data):
    client = api("secretariat")
    national = Body.objects.get(kind=BodyKind.NATIONAL_ASSEMBLY)
    council = client.post(
        "/api/v1/assemblies/",
        {
            "kind": "national_assembly",
            "names": {"kk": "Халық кеңесі", "ru": "Народный совет", "en": "People's Council"},
        },
        format="json",
    ).json()
    response = client.patch(
        f"/api/v1/assemblies/{national.pk}/",
        {"successor": council["id"], "status": "reorganised", "dissolved_on": "2026-07-01"},
        format="json",
    )
    assert response.status_code == 200
    assert client.get(f"/api/v1/bodies/{council['id']}/").json()["predecessors"] == [national.pk]
    on_day = client.get("/api/v1/assemblies/", {"active_on": "2026-08-01", "kind": "national_assembly"})
    assert ids(on_day) == {council["id"]}


def test_former_names_by_date(api, assembly_data):
    rows = results(api(None).get("/api/v1/body-names/", {"active_on": "2000-01-01"}))
    assert [row["names"]["en"] for row in rows] == ["Assembly of Peoples of Kazakhstan"]
    assert results(api(None).get("/api/v1/body-names/", {"active_on": "2010-01-01"})) == []
    found = results(api(None).get("/api/v1/bodies/", {"search": "Assembly of Peoples"}))
    assert [row["kind"] for row in found] == ["national_assembly"]


def test_posts_in_force_on_a_day(api, assembly_data):
    roles_2020 = {row["role"] for row in results(api(None).get("/api/v1/posts/", {"active_on": "2020-01-01"}))}
    roles_2024 = {row["role"] for row in results(api(None).get("/api/v1/posts/", {"active_on": "2024-01-01"}))}
    assert "mazhilis_deputy" in roles_2020 and "senator" not in roles_2020
    assert "senator" in roles_2024 and "mazhilis_deputy" not in roles_2024


def test_documents_in_force(api, assembly_data):
    names = {row["names"]["en"] for row in results(api(None).get("/api/v1/documents/", {"active_on": "2027-01-01"}))}
    assert "Law “On the Assembly of the People of Kazakhstan”" in names
    assert not any("2022–2025" in name for name in names)
    law = results(api(None).get("/api/v1/documents/", {"kind": "law"}))[0]
    assert (law["number"], law["adopted_on"]) == ("70-IV", "2008-10-20")


def test_sessions_by_number_with_agenda_and_awards_for_signed_in_readers(api, assembly_data):
    public = api(None).get("/api/v1/sessions/34/").json()
    assert (public["roman"], public["city"], public["start_date"]) == ("XXXIV", "Astana", "2025-04-23")
    assert public["awards"] == []
    signed_in = api("reader").get("/api/v1/sessions/34/").json()
    assert signed_in["awards"][0]["person_name"] == "Abaieva Test"
    assert "abai.person@example.kz" not in str(signed_in)
    rows = results(api(None).get("/api/v1/sessions/", {"year": 2022}))
    assert [row["roman"] for row in rows] == ["XXXI"]
    assert api(None).get("/api/v1/sessions/99/").status_code == 404


def test_houses_filters(api, assembly_data):
    operating_19 = ids(api(None).get("/api/v1/houses-of-friendship/", {"region": "KZ-19", "status": "operating"}))
    assert operating_19 == {assembly_data["house_19"].pk}
    house = api(None).get(f"/api/v1/houses-of-friendship/{assembly_data['house_19'].pk}/").json()
    assert (house["kind"], house["associations_hosted"], house["on_tourist_route"]) == ("regional", 1, True)
    centres = results(api(None).get("/api/v1/houses-of-friendship/", {"kind": "assembly_centre"}))
    assert len(centres) == 4 and {row["status"] for row in centres} == {"planned"}
    planned_now = ids(api(None).get("/api/v1/houses-of-friendship/", {"active_on": "2026-01-01", "region": "KZ-19"}))
    assert planned_now == {assembly_data["house_19"].pk}  # the planned House of Almaty Region is not operating yet


def test_person_shows_whole_membership_history(api, assembly_data):
    nazarbayev = Person.objects.get(surname="Nazarbayev")
    body = api("reader").get(f"/api/v1/persons/{nazarbayev.pk}/").json()
    assert [(m["role"], m["start_date"], m["end_date"]) for m in body["memberships"]] == [
        ("honorary_chairman", "2021-04-28", None),
        ("chairman", "1995-03-01", "2021-04-28"),
    ]


def test_association_shows_leader_to_signed_in_readers_only(api, assembly_data):
    url = f"/api/v1/associations/{assembly_data['uyghur_19'].pk}/"
    assert api("reader").get(url).json()["leader"]["name"] == "Leaderova Test"
    anonymous = api(None).get(url).json()
    assert "leader" not in anonymous
    assert anonymous["activities"][0]["language"] == "ug"
    assert anonymous["ethnic_group_names"] == ["Uyghurs"]
