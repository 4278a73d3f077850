"""Writing assembly records through the API: instruction statuses and sub-instructions, membership quotas, BINs
and the statuses of Houses and associations."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assembly.models import Body, BodyKind, HouseOfFriendship, Instruction, Membership, MembershipRole
from tests.assembly_api_kit import new_association, new_house

pytestmark = pytest.mark.django_db


# -- instructions through the API ------------------------------------------------------------------------------
def test_status_transitions_through_the_api(api, assembly_data):
    client = api("secretariat")
    url = f"/api/v1/instructions/{assembly_data['cancelled'].pk}/"
    refused = client.patch(url, {"status": "in_progress"}, format="json")
    assert refused.status_code == 400 and "status" in refused.json()
    url = f"/api/v1/instructions/{assembly_data['on_time'].pk}/"
    assert client.patch(url, {"status": "done"}, format="json").json()["progress_percent"] == 100
    assert client.patch(url, {"status": "in_progress"}, format="json").status_code == 200


def test_sub_instructions_through_the_api(api, assembly_data):
    client = api("secretariat")
    parent = assembly_data["on_time"]
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
def test_bad_instructions_are_400s_naming_the_field(api, assembly_data, payload, field):
    response = api("secretariat").post("/api/v1/instructions/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json(), response.json()


# -- memberships, quotas, BINs through the API -----------------------------------------------------------------
def test_a_membership_over_the_quota_is_a_400_naming_the_field(api, assembly_data):
    client = api("secretariat")
    national = Body.objects.get(kind=BodyKind.NATIONAL_ASSEMBLY)
    person = assembly_data["abai_person"]

    def deputy_chairman(**dates):
        payload = {"person": person.pk, "body": national.pk, "role": "deputy_chairman", **dates}
        return client.post("/api/v1/memberships/", payload, format="json")

    response = deputy_chairman(start_date="2019-01-01")
    assert response.status_code == 400
    assert "role" in response.json()
    assert not Membership.objects.filter(person=person, role=MembershipRole.DEPUTY_CHAIRMAN).exists()
    ended = deputy_chairman(start_date="2010-01-01", end_date="2012-01-01", end_reason="rotation")
    assert ended.status_code == 201, ended.content


def test_bin_is_checked_through_the_api(api, assembly_data):
    payload = new_association(assembly_data)
    payload["bin"] = payload["bin"][:-1] + str((int(payload["bin"][-1]) + 1) % 10)
    response = api("secretariat").post("/api/v1/associations/", payload, format="json")
    assert response.status_code == 400 and "bin" in response.json()
    identifier = api("secretariat").post(
        "/api/v1/identifiers/", {"body": assembly_data["ministry"].pk, "scheme": "bin", "value": "12345"}, format="json"
    )
    assert identifier.status_code == 400 and "value" in identifier.json()


def test_house_and_association_statuses_are_their_own(api, assembly_data):
    client = api("secretariat")
    bad = client.patch(
        f"/api/v1/houses-of-friendship/{assembly_data['house_10'].pk}/", {"status": "active"}, format="json"
    )
    assert bad.status_code == 400 and "status" in bad.json()
    closed = client.patch(
        f"/api/v1/houses-of-friendship/{assembly_data['house_10'].pk}/", {"status": "closed"}, format="json"
    )
    assert closed.status_code == 400 and "dissolved_on" in closed.json()
    liquidated = client.patch(
        f"/api/v1/associations/{assembly_data['korean_19'].pk}/",
        {"status": "liquidated", "dissolved_on": "2025-01-31", "status_since": "2025-01-31"},
        format="json",
    )
    assert liquidated.status_code == 200
    created = client.post(
        "/api/v1/houses-of-friendship/", {**new_house(assembly_data), "opened_on": None}, format="json"
    )
    assert created.status_code == 201 and created.json()["status"] == "planned"
    assert HouseOfFriendship.objects.get(pk=created.json()["id"]).level == "local"
