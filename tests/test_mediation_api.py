"""Mediation offices, mediators and confidential cases through the API, for every role."""

import datetime

import pytest
from django.utils import timezone

from mediation.models import CaseStatus, MediationCase
from tests.councils_world import for_every_role

pytestmark = pytest.mark.django_db

# Which of the world's cases each role may see: their office's, or all for the secretariat.
SEES = {
    "secretariat": {"KZ-10/2026/0001", "KZ-75/2026/0001"},
    "mediator-kz-10": {"KZ-10/2026/0001"},
    "mediator-kz-75": {"KZ-75/2026/0001"},
}
SECRETS = {"KZ-10/2026/0001": ("SECRET-CASE-ABAI", "SECRET-NOTE-ABAI"), "KZ-75/2026/0001": ("SECRET-CASE-ALMATY",)}


def denied(role):
    return 401 if role is None else None


def leaked(text, visible):
    """The secret markers in `text` that belong to cases the reader may not see."""
    return [
        marker
        for reference, markers in SECRETS.items()
        if reference not in visible
        for marker in (reference, *markers)
        if marker in text
    ]


def check_case_list_csv_search_and_filters_show_only_the_office_cases(api, councils_world, role):
    client = api(role)
    visible = SEES.get(role, set())
    queries = [
        {},
        {"format": "csv"},
        {"search": "KZ-75"},
        {"search": "SECRET"},
        {"region": "KZ-75"},
        {"office": councils_world.office75.pk},
        {"status": "in_mediation"},
        {"category": "interethnic"},
        {"language": "ug"},
        {"archived": "include"},
        {"pagination": "cursor"},
        {"ordering": "-reference_number"},
    ]
    for query in queries:
        response = client.get("/api/v1/mediation-cases/", query)
        if role is None:
            assert response.status_code == 401, query
            continue
        assert response.status_code == 200, query
        text = response.content.decode()
        assert leaked(text, visible) == [], (query, text)
        if query == {}:
            assert {row["reference_number"] for row in response.json()["results"]} == visible


def check_case_detail_and_history_follow_the_office_rule(api, councils_world, role):
    client = api(role)
    for case in (councils_world.case10, councils_world.case75):
        for suffix in ("", "?format=csv"):
            response = client.get(f"/api/v1/mediation-cases/{case.pk}/{suffix}")
            if role is None:
                assert response.status_code == 401
            elif case.reference_number in SEES.get(role, set()):
                assert response.status_code == 200
                assert SECRETS[case.reference_number][0] in response.content.decode()
            else:
                assert response.status_code == 404  # not even confirmed to exist
                assert "SECRET" not in response.content.decode()
        history = client.get(f"/api/v1/mediation-cases/{case.pk}/history/")
        expected = 200 if role == "secretariat" else (401 if role is None else 403)
        assert history.status_code == expected
        if expected != 200:
            assert "SECRET" not in history.content.decode()


def test_cases_never_reach_coordinators_even_of_the_same_region(api, councils_world):
    for role in ("coord-kz-10", "coord-kz-75", "reader"):
        assert api(role).get("/api/v1/mediation-cases/").json()["count"] == 0


def check_mediators_are_staff_only_and_mediators_see_their_office(api, councils_world, role):
    response = api(role).get("/api/v1/mediators/")
    if role is None:
        assert response.status_code == 401
        return
    assert response.status_code == 200
    offices = {row["office"] for row in response.json()["results"]}
    expected = {
        "secretariat": {councils_world.office10.pk, councils_world.office75.pk},
        "mediator-kz-10": {councils_world.office10.pk},
        "mediator-kz-75": {councils_world.office75.pk},
    }.get(role, set())
    assert offices == expected
    by_language = api(role).get("/api/v1/mediators/", {"language": "ug"}).json()["results"]
    assert {row["office"] for row in by_language} <= expected


def check_mediation_offices_are_public(api, councils_world, role):
    response = api(role).get("/api/v1/mediation-offices/")
    assert response.status_code == 200
    rows = {row["id"]: row for row in response.json()["results"]}
    assert rows[councils_world.office10.pk]["mediator_count"] == 2
    assert rows[councils_world.institute.pk]["is_institute"] is True
    assert rows[councils_world.office10.pk]["region"] == "KZ-10"


def test_a_region_has_one_mediation_office(api, councils_world):
    data = {"names": {"kk": "Екінші", "ru": "Второй", "en": "Second"}, "level": "regional", "region": "KZ-10"}
    response = api("secretariat").post("/api/v1/mediation-offices/", data, format="json")
    assert response.status_code == 400
    assert "region" in response.json()


NEW_CASE = {"category": "neighbours", "parties_count": 2, "languages": ["kk", "ru"]}


def check_who_may_open_a_case_through_the_api(api, councils_world, role):
    data = {**NEW_CASE, "office": councils_world.office10.pk}
    response = api(role).post("/api/v1/mediation-cases/", data, format="json")
    if role in ("secretariat", "mediator-kz-10"):
        assert response.status_code == 201, response.content
        body = response.json()
        assert body["status"] == "received"
        assert body["reference_number"].startswith(f"KZ-10-{timezone.localdate().year}-")
    elif role == "mediator-kz-75":
        assert response.status_code == 400
        assert "office" in response.json()
    else:
        assert response.status_code == (401 if role is None else 403)


def test_api_enforces_transitions_closing_dates_and_own_office_mediators(api, councils_world):
    client = api("mediator-kz-10")
    url = f"/api/v1/mediation-cases/{councils_world.case10.pk}/"
    skip = client.patch(url, {"status": "agreement", "closed_on": str(timezone.localdate())}, format="json")
    assert skip.status_code == 400
    assert "status" in skip.json()
    assert client.patch(url, {"status": "in_mediation"}, format="json").status_code == 200
    no_date = client.patch(url, {"status": "agreement"}, format="json")
    assert no_date.status_code == 400
    assert "closed_on" in no_date.json()
    future = client.patch(
        url, {"status": "agreement", "closed_on": str(timezone.localdate() + datetime.timedelta(days=3))}, format="json"
    )
    assert future.status_code == 400
    closed = client.patch(url, {"status": "agreement", "closed_on": str(timezone.localdate())}, format="json")
    assert closed.status_code == 200
    assert closed.json()["allowed_next_statuses"] == []
    reopen = client.patch(url, {"status": "in_mediation", "closed_on": None}, format="json")
    assert reopen.status_code == 400
    assert MediationCase.objects.get(pk=councils_world.case10.pk).status == CaseStatus.AGREEMENT

    stranger = client.patch(url, {"mediators": [councils_world.mediator75.pk]}, format="json")
    assert stranger.status_code == 400
    assert "mediators" in stranger.json()
    assert "SECRET" not in stranger.content.decode()
    colleague = client.patch(url, {"mediators": [councils_world.head10.pk]}, format="json")
    assert colleague.status_code == 200
    history = api("secretariat").get(f"{url}history/").json()["results"]
    assert any(change["field"] == "mediators" for entry in history for change in entry["changes"])

    assert (
        client.patch(f"/api/v1/mediation-cases/{councils_world.case75.pk}/", {"outcome_summary": "x"}).status_code
        == 404
    )
    moved = client.patch(url, {"office": councils_world.office75.pk}, format="json")
    assert moved.status_code == 400
    assert "office" in moved.json()


def test_a_new_case_starts_as_received_and_bad_input_is_a_400(api, councils_world):
    client = api("mediator-kz-10")
    office = councils_world.office10.pk
    for data, field in [
        ({**NEW_CASE, "office": office, "status": "agreement"}, "status"),
        ({**NEW_CASE, "office": office, "parties_count": 1}, "parties_count"),
        ({**NEW_CASE, "office": office, "languages": ["xx"]}, "languages"),
        ({**NEW_CASE, "office": office, "category": "gossip"}, "category"),
        ({**NEW_CASE, "office": office, "received_on": "2999-01-01"}, "received_on"),
        ({**NEW_CASE, "office": "nope"}, "office"),
    ]:
        response = client.post("/api/v1/mediation-cases/", data, format="json")
        assert response.status_code == 400, (data, response.content)
        assert field in response.json(), (field, response.json())


def test_an_archived_mediator_account_loses_the_cases(api, councils_world):
    councils_world.mediator10.active = False
    councils_world.mediator10.save()
    client = api("mediator-kz-10")
    assert client.get("/api/v1/mediation-cases/").json()["count"] == 0
    assert client.get(f"/api/v1/mediation-cases/{councils_world.case10.pk}/").status_code == 404


test_case_list_csv_search_and_filters_show_only_the_office_cases = for_every_role(
    check_case_list_csv_search_and_filters_show_only_the_office_cases
)
test_case_detail_and_history_follow_the_office_rule = for_every_role(
    check_case_detail_and_history_follow_the_office_rule
)
test_mediators_are_staff_only_and_mediators_see_their_office = for_every_role(
    check_mediators_are_staff_only_and_mediators_see_their_office
)
test_mediation_offices_are_public = for_every_role(check_mediation_offices_are_public)
test_who_may_open_a_case_through_the_api = for_every_role(check_who_may_open_a_case_through_the_api)


def test_filtering_by_mediator_tells_nothing_about_other_offices(api, councils_world):
    client = api("mediator-kz-10")
    own = client.get("/api/v1/mediation-cases/", {"mediators": councils_world.mediator10.pk})
    other_office = client.get("/api/v1/mediation-cases/", {"mediators": councils_world.mediator75.pk})
    unknown = client.get("/api/v1/mediation-cases/", {"mediators": 999_999})
    assert own.status_code == other_office.status_code == unknown.status_code == 200
    assert own.json()["count"] >= 1
    assert other_office.json() == unknown.json() == {"count": 0, "next": None, "previous": None, "results": []}
