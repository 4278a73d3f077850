"""The assembly registries through the API, role by role: who reads, who writes, and that a list's queries do not
grow with its page size."""

import pytest
from django.utils import timezone

from assembly.models import Body, BodyKind, BodyName, EthnoculturalAssociation, Instruction, Session
from tests.assembly_api_kit import ensure_progress_report, new_activity, new_association, new_house, results
from tests.assembly_factories import association, make_bin
from tests.conftest import API_ROLES, SECRETARIAT, queries_by_page_size

pytestmark = pytest.mark.django_db


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


@pytest.mark.parametrize("role", API_ROLES)
def test_everyone_reads_the_public_registries(api, assembly_data, role):
    client = api(role)
    for url in PUBLIC_LISTS:
        rows = results(client.get(url))
        assert rows, url
        key = rows[0]["number"] if url == "/api/v1/sessions/" else rows[0]["id"]
        assert client.get(f"{url}{key}/").status_code == 200, url


@pytest.mark.parametrize("role", API_ROLES)
def test_internal_registries_need_a_signed_in_user(api, assembly_data, role):
    ensure_progress_report(assembly_data)
    client = api(role)
    for url in INTERNAL_LISTS:
        response = client.get(url)
        if role is None:
            assert response.status_code == 401, url
            continue
        rows = results(response)
        assert rows, url
        assert client.get(f"{url}{rows[0]['id']}/").status_code == 200, url


# -- writes per role -----------------------------------------------------------------------------------------


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
def test_only_the_secretariat_writes_the_national_registries(api, assembly_data, url):
    for role in WRITE_ORDER:
        response = api(role).post(url, SECRETARIAT_WRITES[url](assembly_data), format="json")
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
def test_coordinators_write_the_network_of_their_own_region(api, assembly_data, url):
    for role in [None, "reader", "mediator-kz-10", "coord-kz-75", "coord-kz-10"]:
        response = api(role).post(url, COORDINATOR_WRITES[url](assembly_data, "KZ-10"), format="json")
        if role == "coord-kz-10":
            assert response.status_code == 201, response.content
        elif role == "coord-kz-75":
            assert response.status_code == 400
            field = "association" if "activities" in url else "region"
            assert "KZ-75" in str(response.json()[field])
        else:
            assert response.status_code == (401 if role is None else 403)
    payload = COORDINATOR_WRITES[url](assembly_data, "KZ-75")
    if "bin" in payload:
        payload["bin"] = make_bin(500)
    assert api("secretariat").post(url, payload, format="json").status_code == 201


@pytest.mark.parametrize("role", ["coord-kz-10", "coord-kz-75"])
def test_coordinator_edits_and_archives_only_their_region(api, assembly_data, role):
    client = api(role)
    own, other = (
        (assembly_data["abai_tatar"], assembly_data["uyghur_75"])
        if role == "coord-kz-10"
        else (assembly_data["uyghur_75"], assembly_data["abai_tatar"])
    )
    assert client.patch(f"/api/v1/associations/{own.pk}/", {"status": "suspended"}, format="json").status_code == 200
    assert client.patch(f"/api/v1/associations/{other.pk}/", {"status": "suspended"}, format="json").status_code == 403
    moved = client.patch(f"/api/v1/associations/{own.pk}/", {"region": "KZ-19"}, format="json")
    assert moved.status_code == 400 and "region" in moved.json()
    assert client.delete(f"/api/v1/associations/{other.pk}/").status_code == 403
    assert client.delete(f"/api/v1/associations/{own.pk}/").status_code == 204
    assert EthnoculturalAssociation.objects.get(pk=own.pk).is_archived
    house_other = assembly_data["house_19"]
    assert (
        client.patch(f"/api/v1/houses-of-friendship/{house_other.pk}/", {"capacity": 1}, format="json").status_code
        == 403
    )
    assert client.patch("/api/v1/sessions/34/", {"city": "Almaty"}, format="json").status_code == 403
    assert client.delete(f"/api/v1/instructions/{assembly_data['overdue'].pk}/").status_code == 403


def test_history_of_an_association_is_for_the_secretariat(api, assembly_data):
    for role in API_ROLES:
        response = api(role).get(f"/api/v1/associations/{assembly_data['uyghur_19'].pk}/history/")
        assert response.status_code == (200 if role in SECRETARIAT else 401 if role is None else 403)


# -- query counts ----------------------------------------------------------------------------------------------
def test_list_queries_do_not_grow_with_page_size(api, assembly_data):
    ensure_progress_report(assembly_data)
    for number in range(2, 5):
        Instruction.objects.create(
            session=Session.objects.get(number=34), parent=assembly_data["on_time"], number=number, text_en="part"
        )
    client = api("secretariat")
    for url in PUBLIC_LISTS + INTERNAL_LISTS:
        small, large, response = queries_by_page_size(client, url)
        assert response.json()["count"] > 2 or url in FEW_ROWS, url
        assert len(large) == len(small), url
        assert len(large) <= 12, url


FEW_ROWS = (
    "/api/v1/body-names/",
    "/api/v1/progress-reports/",
    "/api/v1/identifiers/",
    "/api/v1/association-activities/",
)


def test_a_search_matching_several_related_rows_lists_the_record_once(assembly_data, api):
    slavic = association("KZ-10", "Slavic centre", ["Russians", "Ukrainians"])
    body = Body.objects.order_by("pk").first()
    for number in range(2):
        BodyName.objects.create(body=body, name_en=f"Former Peoples name {number}", name_kk="a", name_ru="b")
    client = api("reader")
    found = [row["id"] for row in results(client.get("/api/v1/associations/", {"search": "ians"}))]
    assert found.count(slavic.pk) == 1
    bodies = [row["id"] for row in results(client.get("/api/v1/bodies/", {"search": "Former Peoples"}))]
    assert bodies == [body.pk]
