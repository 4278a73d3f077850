"""Confidential contacts of persons and associations through the API: only the secretariat and the coordinator of
the record's region see them, in lists, records, CSV and search alike."""

import csv
import io

import pytest

from tests.assembly_api_kit import results
from tests.conftest import SECRETARIAT

pytestmark = pytest.mark.django_db


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
def test_person_contacts_only_for_the_entitled(api, assembly_data, role, sees_abai, sees_almaty):
    client = api(role)
    listed = {row["id"]: row for row in results(client.get("/api/v1/persons/", {"page_size": 1000}))}
    for record, sees in ((assembly_data["abai_person"], sees_abai), (assembly_data["almaty_person"], sees_almaty)):
        for row in (listed[record.pk], client.get(f"/api/v1/persons/{record.pk}/").json()):
            assert all((field in row) is sees for field in CONTACTS), (role, row)
    exported = client.get("/api/v1/persons/", {"format": "csv", "page_size": 1000}).content.decode()
    assert ("abai.person@example.kz" in exported) is sees_abai
    assert ("almaty.person@example.kz" in exported) is sees_almaty
    assert "leader@example.kz" not in exported or role in SECRETARIAT


@pytest.mark.parametrize("role", ["coord-kz-10", "coord-kz-75", "mediator-kz-10", "reader"])
def test_searching_by_a_contact_reveals_nothing(api, assembly_data, role):
    for term in ["abai.person@example.kz", "+7 722 000 0010", "example.kz", "tatar10@example.kz"]:
        assert results(api(role).get("/api/v1/persons/", {"search": term})) == [], term
        assert results(api(role).get("/api/v1/associations/", {"search": term})) == [], term


def test_the_secretariat_finds_by_contact(api, assembly_data):
    found = results(api("secretariat").get("/api/v1/persons/", {"search": "abai.person@example.kz"}))
    assert [row["id"] for row in found] == [assembly_data["abai_person"].pk]
    found = results(api("secretariat").get("/api/v1/associations/", {"search": "uyghur19@example.kz"}))
    assert [row["id"] for row in found] == [assembly_data["uyghur_19"].pk]


@pytest.mark.parametrize("role", [None, "reader", "mediator-kz-10", "coord-kz-75"])
def test_association_contacts_hidden_in_list_detail_and_csv(api, assembly_data, role):
    client = api(role)
    rows = results(client.get("/api/v1/associations/", {"region": "KZ-19", "page_size": 1000}))
    assert rows and not any(field in row for row in rows for field in CONTACTS)
    detail = client.get(f"/api/v1/associations/{assembly_data['uyghur_19'].pk}/").json()
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


def test_the_coordinator_of_the_region_sees_its_association_contacts(api, assembly_data):
    own = api("coord-kz-10").get(f"/api/v1/associations/{assembly_data['abai_tatar'].pk}/").json()
    assert own["email"] == "tatar10@example.kz"
    other = api("coord-kz-10").get(f"/api/v1/associations/{assembly_data['uyghur_19'].pk}/").json()
    assert "email" not in other
