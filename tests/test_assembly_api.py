"""The assembly registries through the API: every role on every endpoint, filters, and the questions the registry
answers (who held a post on a day, which associations a region has, what an instruction's progress is)."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assembly.models import (
    AssociationActivity,
    Award,
    AwardPresentation,
    Body,
    BodyKind,
    BodyName,
    EthnicGroup,
    EthnoculturalAssociation,
    HouseOfFriendship,
    Identifier,
    Instruction,
    Membership,
    MembershipRole,
    Person,
    Session,
)
from tests.assembly_factories import (
    association,
    build_deputy_chairmen,
    build_instructions,
    build_network,
    make_bin,
    person,
)

pytestmark = pytest.mark.django_db

ROLES = ["admin", "secretariat", "coord-kz-10", "coord-kz-75", "mediator-kz-10", "reader", None]
SECRETARIAT = {"admin", "secretariat"}


@pytest.fixture
def data(users):
    made = build_network()
    made.update(build_instructions())
    made["deputies"] = build_deputy_chairmen()
    made["abai_person"] = person("Abaieva", "KZ-10", email="abai.person@example.kz", phone="+7 722 000 0010")
    made["almaty_person"] = person("Almatova", "KZ-75", email="almaty.person@example.kz", address="Almaty, Dostyk 5")
    AssociationActivity.objects.create(
        association=made["uyghur_19"], kind="media_outlet", language="ug", name_kk="a", name_ru="b", name_en="Paper"
    )
    Identifier.objects.create(body=made["uyghur_19"], scheme="bin", value=made["uyghur_19"].bin)
    award = Award.objects.get()
    AwardPresentation.objects.create(award=award, person=made["abai_person"], session=Session.objects.get(number=34))
    return made


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def ids(response):
    return {row["id"] for row in results(response)}


# -- reads per role ------------------------------------------------------------------------------------------
PUBLIC_LISTS = [
    "/api/v1/assemblies/",
    "/api/v1/bodies/",
    "/api/v1/body-names/",
    "/api/v1/identifiers/",
    "/api/v1/posts/",
    "/api/v1/sessions/",
    "/api/v1/documents/",
    "/api/v1/ethnic-groups/",
    "/api/v1/associations/",
    "/api/v1/houses-of-friendship/",
    "/api/v1/association-activities/",
]
INTERNAL_LISTS = ["/api/v1/persons/", "/api/v1/memberships/", "/api/v1/instructions/", "/api/v1/progress-reports/"]


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_the_public_registries(api, data, role):
    client = api(role)
    for url in PUBLIC_LISTS:
        rows = results(client.get(url))
        assert rows, url
        key = rows[0]["number"] if url == "/api/v1/sessions/" else rows[0]["id"]
        assert client.get(f"{url}{key}/").status_code == 200, url


@pytest.mark.parametrize("role", ROLES)
def test_internal_registries_need_a_signed_in_user(api, data, role):
    ProgressReportFixture.make(data)
    client = api(role)
    for url in INTERNAL_LISTS:
        response = client.get(url)
        if role is None:
            assert response.status_code == 401, url
            continue
        rows = results(response)
        assert rows, url
        assert client.get(f"{url}{rows[0]['id']}/").status_code == 200, url


class ProgressReportFixture:
    @staticmethod
    def make(data):
        from assembly.models import ProgressReport

        if not ProgressReport.objects.exists():
            ProgressReport.objects.create(
                instruction=data["overdue"], reported_on=timezone.localdate(), progress_percent=40, text_en="Half way"
            )


# -- writes per role -----------------------------------------------------------------------------------------
def new_association(data, region="KZ-10"):
    return {
        "names": {"kk": "Жаңа бірлестік", "ru": "Новое объединение", "en": "New association"},
        "region": region,
        "level": "regional",
        "ethnic_groups": [EthnicGroup.objects.get(name_en="Germans").pk],
        "bin": make_bin(77),
        "registered_on": "2015-03-01",
        "email": "new@example.kz",
    }


def new_house(data, region="KZ-10"):
    return {
        "names": {"kk": "Жаңа Достық үйі", "ru": "Новый Дом дружбы", "en": "New House of Friendship"},
        "region": region,
        "kind": "city",
        "address": "Semey, Abai street 10",
        "opened_on": "2019-09-01",
        "capacity": 250,
    }


def new_activity(data, region="KZ-10"):
    target = data["abai_tatar"] if region == "KZ-10" else data["uyghur_75"]
    return {
        "association": target.pk,
        "kind": "language_school",
        "language": "tt",
        "names": {"kk": "Жексенбі мектебі", "ru": "Воскресная школа", "en": "Sunday school"},
    }


SECRETARIAT_WRITES = {
    "/api/v1/bodies/": lambda d: {
        "kind": "state_body",
        "names": {"kk": "Министрлік", "ru": "Министерство", "en": "A ministry"},
    },
    "/api/v1/assemblies/": lambda d: {
        "kind": "national_assembly",
        "names": {"kk": "Халық кеңесі", "ru": "Народный совет", "en": "People's Council"},
        "founded_on": "2026-07-01",
    },
    "/api/v1/body-names/": lambda d: {
        "body": d["ministry"].pk,
        "names": {"en": "Ministry of Information"},
        "start_date": "2019-01-01",
        "end_date": "2022-12-31",
    },
    "/api/v1/identifiers/": lambda d: {"body": d["ministry"].pk, "scheme": "bin", "value": make_bin(900)},
    "/api/v1/memberships/": lambda d: {
        "person": d["abai_person"].pk,
        "body": Body.objects.get(kind=BodyKind.COUNCIL_OF_ASSEMBLY).pk,
        "role": "council_member",
        "start_date": "2024-01-01",
    },
    "/api/v1/posts/": lambda d: {
        "body": Body.objects.get(kind=BodyKind.COUNCIL_OF_ASSEMBLY).pk,
        "role": "council_member",
        "seats": 60,
        "names": {"kk": "Кеңес мүшесі", "ru": "Член Совета", "en": "Council member"},
    },
    "/api/v1/sessions/": lambda d: {"number": 35, "start_date": "2026-04-24", "city": "Astana"},
    "/api/v1/instructions/": lambda d: {
        "session": 34,
        "number": 20,
        "text_translations": {"ru": "Разработать концепцию на 2026–2030 годы"},
        "addressee": d["ministry"].pk,
        "deadline": "2026-12-31",
    },
    "/api/v1/progress-reports/": lambda d: {
        "instruction": d["on_time"].pk,
        "reported_on": timezone.localdate().isoformat(),
        "progress_percent": 35,
        "text_translations": {"en": "Draft submitted"},
    },
    "/api/v1/documents/": lambda d: {
        "kind": "concept",
        "names": {"kk": "Тұжырымдама 2026–2030", "ru": "Концепция 2026–2030", "en": "Concept 2026–2030"},
        "start_date": "2026-01-01",
        "end_date": "2030-12-31",
    },
    "/api/v1/ethnic-groups/": lambda d: {"names": {"kk": "дүнгендер", "ru": "дунгане", "en": "Dungans"}},
}
COORDINATOR_WRITES = {
    "/api/v1/associations/": new_association,
    "/api/v1/houses-of-friendship/": new_house,
    "/api/v1/association-activities/": new_activity,
}


WRITE_ORDER = [None, "reader", "mediator-kz-10", "coord-kz-75", "coord-kz-10", "secretariat"]


@pytest.mark.parametrize("url", list(SECRETARIAT_WRITES))
def test_only_the_secretariat_writes_the_national_registries(api, data, url):
    for role in WRITE_ORDER:
        response = api(role).post(url, SECRETARIAT_WRITES[url](data), format="json")
        if role in SECRETARIAT:
            assert response.status_code == 201, response.content
            created = response.json()
            key = created.get("number") if url == "/api/v1/sessions/" else created["id"]
            for other in WRITE_ORDER[:-1]:
                changed = api(other).patch(f"{url}{key}/", {}, format="json")
                assert changed.status_code == (401 if other is None else 403), (url, other)
            assert api("admin").patch(f"{url}{key}/", {}, format="json").status_code == 200
        else:
            assert response.status_code == (401 if role is None else 403), (url, role, response.content)


@pytest.mark.parametrize("url", list(COORDINATOR_WRITES))
def test_coordinators_write_the_network_of_their_own_region(api, data, url):
    for role in [None, "reader", "mediator-kz-10", "coord-kz-75", "coord-kz-10"]:
        response = api(role).post(url, COORDINATOR_WRITES[url](data, "KZ-10"), format="json")
        if role == "coord-kz-10":
            assert response.status_code == 201, response.content
        elif role == "coord-kz-75":
            assert response.status_code == 400
            field = "association" if "activities" in url else "region"
            assert "KZ-75" in str(response.json()[field])
        else:
            assert response.status_code == (401 if role is None else 403)
    payload = COORDINATOR_WRITES[url](data, "KZ-75")
    if "bin" in payload:
        payload["bin"] = make_bin(500)
    assert api("secretariat").post(url, payload, format="json").status_code == 201


@pytest.mark.parametrize("role", ["coord-kz-10", "coord-kz-75"])
def test_coordinator_edits_and_archives_only_their_region(api, data, role):
    client = api(role)
    own, other = (
        (data["abai_tatar"], data["uyghur_75"]) if role == "coord-kz-10" else (data["uyghur_75"], data["abai_tatar"])
    )
    assert client.patch(f"/api/v1/associations/{own.pk}/", {"status": "suspended"}, format="json").status_code == 200
    assert client.patch(f"/api/v1/associations/{other.pk}/", {"status": "suspended"}, format="json").status_code == 403
    moved = client.patch(f"/api/v1/associations/{own.pk}/", {"region": "KZ-19"}, format="json")
    assert moved.status_code == 400 and "region" in moved.json()
    assert client.delete(f"/api/v1/associations/{other.pk}/").status_code == 403
    assert client.delete(f"/api/v1/associations/{own.pk}/").status_code == 204
    assert EthnoculturalAssociation.objects.get(pk=own.pk).is_archived
    house_other = data["house_19"]
    assert (
        client.patch(f"/api/v1/houses-of-friendship/{house_other.pk}/", {"capacity": 1}, format="json").status_code
        == 403
    )
    assert client.patch("/api/v1/sessions/34/", {"city": "Almaty"}, format="json").status_code == 403
    assert client.delete(f"/api/v1/instructions/{data['overdue'].pk}/").status_code == 403


def test_history_of_an_association_is_for_the_secretariat(api, data):
    for role in ROLES:
        response = api(role).get(f"/api/v1/associations/{data['uyghur_19'].pk}/history/")
        assert response.status_code == (200 if role in SECRETARIAT else 401 if role is None else 403)


# -- the questions the registry answers ------------------------------------------------------------------------
def test_who_were_the_deputy_chairmen_on_2019_06_01(api, data):
    response = api("secretariat").get(
        "/api/v1/memberships/", {"role": "deputy_chairman", "active_on": "2019-06-01", "page_size": 100}
    )
    holders = {row["person_name"] for row in results(response)}
    assert holders == {"Head Test", "First-Rotating Test", "Second-Rotating Test"}
    later = api("secretariat").get("/api/v1/memberships/", {"role": "deputy_chairman", "active_on": "2025-06-01"})
    assert {row["person_name"] for row in results(later)} == {"Later Test", "Marat Azilkhanov"}


@pytest.mark.parametrize("session", ["XXXIV", "34", "xxxiv"])
def test_which_instructions_of_the_xxxiv_session_are_overdue(api, data, session):
    response = api("secretariat").get("/api/v1/instructions/", {"session": session, "overdue": "true"})
    rows = results(response)
    assert {row["code"] for row in rows} == {"XXXIV-1", "XXXIV-2"}
    assert all(row["overdue"] for row in rows)
    rest = api("secretariat").get("/api/v1/instructions/", {"session": session, "overdue": "false"})
    assert {row["code"] for row in results(rest)} == {"XXXIV-3", "XXXIV-4", "XXXIV-5", "XXXIV-6"}


@pytest.mark.parametrize("group", ["Uyghurs", "uyghurs", "by-id"])
def test_which_uyghur_associations_are_active_in_almaty_region(api, data, group):
    if group == "by-id":
        group = str(EthnicGroup.objects.get(name_en="Uyghurs").pk)
    response = api("secretariat").get(
        "/api/v1/associations/", {"ethnic_group": group, "region": "KZ-19", "status": "active"}
    )
    assert ids(response) == {data["uyghur_19"].pk, data["uyghur_19_district"].pk}


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


def test_bad_filters_are_400s_naming_the_field(api, data):
    for url, params, field in BAD_FILTERS:
        response = api("secretariat").get(url, params)
        assert response.status_code == 400, (url, params)
        assert field in response.json(), (url, params)


def test_assemblies_are_the_national_and_regional_assemblies(api, data):
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


def test_a_reorganisation_is_data(api, data):
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


def test_former_names_by_date(api, data):
    rows = results(api(None).get("/api/v1/body-names/", {"active_on": "2000-01-01"}))
    assert [row["names"]["en"] for row in rows] == ["Assembly of Peoples of Kazakhstan"]
    assert results(api(None).get("/api/v1/body-names/", {"active_on": "2010-01-01"})) == []
    found = results(api(None).get("/api/v1/bodies/", {"search": "Assembly of Peoples"}))
    assert [row["kind"] for row in found] == ["national_assembly"]


def test_posts_in_force_on_a_day(api, data):
    roles_2020 = {row["role"] for row in results(api(None).get("/api/v1/posts/", {"active_on": "2020-01-01"}))}
    roles_2024 = {row["role"] for row in results(api(None).get("/api/v1/posts/", {"active_on": "2024-01-01"}))}
    assert "mazhilis_deputy" in roles_2020 and "senator" not in roles_2020
    assert "senator" in roles_2024 and "mazhilis_deputy" not in roles_2024


def test_documents_in_force(api, data):
    names = {row["names"]["en"] for row in results(api(None).get("/api/v1/documents/", {"active_on": "2027-01-01"}))}
    assert "Law “On the Assembly of the People of Kazakhstan”" in names
    assert not any("2022–2025" in name for name in names)
    law = results(api(None).get("/api/v1/documents/", {"kind": "law"}))[0]
    assert (law["number"], law["adopted_on"]) == ("70-IV", "2008-10-20")


def test_sessions_by_number_with_agenda_and_awards_for_signed_in_readers(api, data):
    public = api(None).get("/api/v1/sessions/34/").json()
    assert (public["roman"], public["city"], public["start_date"]) == ("XXXIV", "Astana", "2025-04-23")
    assert public["awards"] == []
    signed_in = api("reader").get("/api/v1/sessions/34/").json()
    assert signed_in["awards"][0]["person_name"] == "Abaieva Test"
    assert "abai.person@example.kz" not in str(signed_in)
    rows = results(api(None).get("/api/v1/sessions/", {"year": 2022}))
    assert [row["roman"] for row in rows] == ["XXXI"]
    assert api(None).get("/api/v1/sessions/99/").status_code == 404


def test_houses_filters(api, data):
    operating_19 = ids(api(None).get("/api/v1/houses-of-friendship/", {"region": "KZ-19", "status": "operating"}))
    assert operating_19 == {data["house_19"].pk}
    house = api(None).get(f"/api/v1/houses-of-friendship/{data['house_19'].pk}/").json()
    assert (house["kind"], house["associations_hosted"], house["on_tourist_route"]) == ("regional", 1, True)
    centres = results(api(None).get("/api/v1/houses-of-friendship/", {"kind": "assembly_centre"}))
    assert len(centres) == 4 and {row["status"] for row in centres} == {"planned"}
    planned_now = ids(api(None).get("/api/v1/houses-of-friendship/", {"active_on": "2026-01-01", "region": "KZ-19"}))
    assert planned_now == {data["house_19"].pk}  # the planned House of Almaty Region is not operating yet


def test_person_shows_whole_membership_history(api, data):
    nazarbayev = Person.objects.get(surname="Nazarbayev")
    body = api("reader").get(f"/api/v1/persons/{nazarbayev.pk}/").json()
    assert [(m["role"], m["start_date"], m["end_date"]) for m in body["memberships"]] == [
        ("honorary_chairman", "2021-04-28", None),
        ("chairman", "1995-03-01", "2021-04-28"),
    ]


def test_association_shows_leader_to_signed_in_readers_only(api, data):
    url = f"/api/v1/associations/{data['uyghur_19'].pk}/"
    assert api("reader").get(url).json()["leader"]["name"] == "Leaderova Test"
    anonymous = api(None).get(url).json()
    assert "leader" not in anonymous
    assert anonymous["activities"][0]["language"] == "ug"
    assert anonymous["ethnic_group_names"] == ["Uyghurs"]


# -- confidential contacts -------------------------------------------------------------------------------------
CONTACTS = ("email", "phone", "address")


@pytest.mark.parametrize(
    ("role", "sees_abai", "sees_almaty"),
    [
        ("admin", True, True),
        ("secretariat", True, True),
        ("coord-kz-10", True, False),
        ("coord-kz-75", False, True),
        ("mediator-kz-10", False, False),
        ("reader", False, False),
    ],
)
def test_person_contacts_only_for_the_entitled(api, data, role, sees_abai, sees_almaty):
    client = api(role)
    listed = {row["id"]: row for row in results(client.get("/api/v1/persons/", {"page_size": 1000}))}
    for record, sees in ((data["abai_person"], sees_abai), (data["almaty_person"], sees_almaty)):
        for row in (listed[record.pk], client.get(f"/api/v1/persons/{record.pk}/").json()):
            assert all((field in row) is sees for field in CONTACTS), (role, row)
    exported = client.get("/api/v1/persons/", {"format": "csv", "page_size": 1000}).content.decode()
    assert ("abai.person@example.kz" in exported) is sees_abai
    assert ("almaty.person@example.kz" in exported) is sees_almaty
    assert "leader@example.kz" not in exported or role in SECRETARIAT


@pytest.mark.parametrize("role", ["coord-kz-10", "coord-kz-75", "mediator-kz-10", "reader"])
def test_searching_by_a_contact_reveals_nothing(api, data, role):
    for term in ["abai.person@example.kz", "+7 722 000 0010", "example.kz", "tatar10@example.kz"]:
        assert results(api(role).get("/api/v1/persons/", {"search": term})) == [], term
        assert results(api(role).get("/api/v1/associations/", {"search": term})) == [], term


def test_the_secretariat_finds_by_contact(api, data):
    found = results(api("secretariat").get("/api/v1/persons/", {"search": "abai.person@example.kz"}))
    assert [row["id"] for row in found] == [data["abai_person"].pk]
    found = results(api("secretariat").get("/api/v1/associations/", {"search": "uyghur19@example.kz"}))
    assert [row["id"] for row in found] == [data["uyghur_19"].pk]


@pytest.mark.parametrize("role", [None, "reader", "mediator-kz-10", "coord-kz-75"])
def test_association_contacts_hidden_in_list_detail_and_csv(api, data, role):
    client = api(role)
    rows = results(client.get("/api/v1/associations/", {"region": "KZ-19", "page_size": 1000}))
    assert rows and not any(field in row for row in rows for field in CONTACTS)
    detail = client.get(f"/api/v1/associations/{data['uyghur_19'].pk}/").json()
    assert not any(field in detail for field in CONTACTS)
    exported = client.get("/api/v1/associations/", {"format": "csv", "region": "KZ-19"}).content.decode()
    header = next(csv.reader(io.StringIO(exported)))
    assert not set(CONTACTS) & set(header)
    for secret in ("uyghur19@example.kz", "+7 727 000 0019", "Abai street 1", "leader@example.kz"):
        assert secret not in exported
    ordered = client.get("/api/v1/associations/", {"ordering": "email"})
    assert ordered.status_code == 200
    memberships = client.get("/api/v1/memberships/", {"format": "csv"}).content.decode()
    assert "leader@example.kz" not in memberships


def test_the_coordinator_of_the_region_sees_its_association_contacts(api, data):
    own = api("coord-kz-10").get(f"/api/v1/associations/{data['abai_tatar'].pk}/").json()
    assert own["email"] == "tatar10@example.kz"
    other = api("coord-kz-10").get(f"/api/v1/associations/{data['uyghur_19'].pk}/").json()
    assert "email" not in other


# -- instructions through the API ------------------------------------------------------------------------------
def test_status_transitions_through_the_api(api, data):
    client = api("secretariat")
    url = f"/api/v1/instructions/{data['cancelled'].pk}/"
    refused = client.patch(url, {"status": "in_progress"}, format="json")
    assert refused.status_code == 400 and "status" in refused.json()
    url = f"/api/v1/instructions/{data['on_time'].pk}/"
    assert client.patch(url, {"status": "done"}, format="json").json()["progress_percent"] == 100
    assert client.patch(url, {"status": "in_progress"}, format="json").status_code == 200


def test_sub_instructions_through_the_api(api, data):
    client = api("secretariat")
    parent = data["on_time"]
    for number, region in ((1, "KZ-10"), (2, "KZ-75")):
        response = client.post(
            "/api/v1/instructions/",
            {"parent": parent.pk, "number": number, "region": region, "text_translations": {"en": f"Part {number}"}},
            format="json",
        )
        assert response.status_code == 201, response.content
        assert response.json()["code"] == f"XXXIV-5.{number}"
    sub = Instruction.objects.get(code="XXXIV-5.1")
    report = client.post(
        "/api/v1/progress-reports/",
        {
            "instruction": sub.pk,
            "reported_on": timezone.localdate().isoformat(),
            "progress_percent": 50,
            "text_translations": {"kk": "Жартысы орындалды"},
        },
        format="json",
    )
    assert report.status_code == 201, report.content
    body = client.get(f"/api/v1/instructions/{parent.pk}/").json()
    assert body["progress_percent"] == 25
    assert len(body["sub_instructions"]) == 2
    refused = client.patch(f"/api/v1/instructions/{parent.pk}/", {"progress_percent": 90}, format="json")
    assert refused.status_code == 400 and "progress_percent" in refused.json()
    duplicate = client.post(
        "/api/v1/instructions/",
        {"parent": parent.pk, "number": 1, "text_translations": {"en": "Again"}},
        format="json",
    )
    assert duplicate.status_code == 400
    future = client.post(
        "/api/v1/progress-reports/",
        {
            "instruction": sub.pk,
            "reported_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
            "progress_percent": 90,
            "text_translations": {"en": "Tomorrow"},
        },
        format="json",
    )
    assert future.status_code == 400 and "reported_on" in future.json()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"number": 1, "text_translations": {"en": "x"}}, "session"),
        ({"session": 99, "number": 1, "text_translations": {"en": "x"}}, "session"),
        ({"session": 34, "number": 1, "text_translations": {"en": "x"}}, "non_field_errors"),
        ({"session": 34, "number": 30, "text_translations": {}}, "text_translations"),
        ({"session": 34, "number": 31, "text_translations": {"en": "x"}, "progress_percent": 120}, "progress_percent"),
        ({"session": 34, "number": 32, "text_translations": {"en": "x"}, "deadline": "soon"}, "deadline"),
    ],
)
def test_bad_instructions_are_400s_naming_the_field(api, data, payload, field):
    response = api("secretariat").post("/api/v1/instructions/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json(), response.json()


# -- memberships, quotas, BINs through the API -----------------------------------------------------------------
def test_a_membership_over_the_quota_is_a_400_naming_the_field(api, data):
    client = api("secretariat")
    national = Body.objects.get(kind=BodyKind.NATIONAL_ASSEMBLY)
    response = client.post(
        "/api/v1/memberships/",
        {"person": data["abai_person"].pk, "body": national.pk, "role": "deputy_chairman", "start_date": "2019-01-01"},
        format="json",
    )
    assert response.status_code == 400
    assert "role" in response.json()
    assert not Membership.objects.filter(person=data["abai_person"], role=MembershipRole.DEPUTY_CHAIRMAN).exists()
    ended = client.post(
        "/api/v1/memberships/",
        {
            "person": data["abai_person"].pk,
            "body": national.pk,
            "role": "deputy_chairman",
            "start_date": "2010-01-01",
            "end_date": "2012-01-01",
            "end_reason": "rotation",
        },
        format="json",
    )
    assert ended.status_code == 201, ended.content


def test_bin_is_checked_through_the_api(api, data):
    payload = new_association(data)
    payload["bin"] = payload["bin"][:-1] + str((int(payload["bin"][-1]) + 1) % 10)
    response = api("secretariat").post("/api/v1/associations/", payload, format="json")
    assert response.status_code == 400 and "bin" in response.json()
    identifier = api("secretariat").post(
        "/api/v1/identifiers/", {"body": data["ministry"].pk, "scheme": "bin", "value": "12345"}, format="json"
    )
    assert identifier.status_code == 400 and "value" in identifier.json()


def test_house_and_association_statuses_are_their_own(api, data):
    client = api("secretariat")
    bad = client.patch(f"/api/v1/houses-of-friendship/{data['house_10'].pk}/", {"status": "active"}, format="json")
    assert bad.status_code == 400 and "status" in bad.json()
    closed = client.patch(f"/api/v1/houses-of-friendship/{data['house_10'].pk}/", {"status": "closed"}, format="json")
    assert closed.status_code == 400 and "dissolved_on" in closed.json()
    liquidated = client.patch(
        f"/api/v1/associations/{data['korean_19'].pk}/",
        {"status": "liquidated", "dissolved_on": "2025-01-31", "status_since": "2025-01-31"},
        format="json",
    )
    assert liquidated.status_code == 200
    created = client.post("/api/v1/houses-of-friendship/", {**new_house(data), "opened_on": None}, format="json")
    assert created.status_code == 201 and created.json()["status"] == "planned"
    assert HouseOfFriendship.objects.get(pk=created.json()["id"]).level == "local"


# -- query counts ----------------------------------------------------------------------------------------------
def test_list_queries_do_not_grow_with_page_size(api, data):
    ProgressReportFixture.make(data)
    for number in range(2, 5):
        Instruction.objects.create(
            session=Session.objects.get(number=34), parent=data["on_time"], number=number, text_en="part"
        )
    client = api("secretariat")
    for url in PUBLIC_LISTS + INTERNAL_LISTS:
        with CaptureQueriesContext(connection) as small:
            assert client.get(url, {"page_size": 2}).status_code == 200
        with CaptureQueriesContext(connection) as large:
            response = client.get(url, {"page_size": 1000})
            assert response.status_code == 200
        assert response.json()["count"] > 2 or url in FEW_ROWS, url
        assert len(large) == len(small), url
        assert len(large) <= 12, url


FEW_ROWS = (
    "/api/v1/body-names/",
    "/api/v1/progress-reports/",
    "/api/v1/identifiers/",
    "/api/v1/association-activities/",
)


def test_a_search_matching_several_related_rows_lists_the_record_once(data, api):
    slavic = association("KZ-10", "Slavic centre", ["Russians", "Ukrainians"])
    body = Body.objects.order_by("pk").first()
    for number in range(2):
        BodyName.objects.create(body=body, name_en=f"Former Peoples name {number}", name_kk="a", name_ru="b")
    client = api("reader")
    found = [row["id"] for row in results(client.get("/api/v1/associations/", {"search": "ians"}))]
    assert found.count(slavic.pk) == 1
    bodies = [row["id"] for row in results(client.get("/api/v1/bodies/", {"search": "Former Peoples"}))]
    assert bodies == [body.pk]
