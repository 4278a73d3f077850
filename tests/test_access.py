"""Token sign-in and the shared region rule for coordinators' writes (every role against every endpoint:
tests/test_permission_matrix.py)."""

import pytest

from accounts.access import AccessRule, Visibility
from regions.models import District

pytestmark = pytest.mark.django_db

NEW_DISTRICT = {
    "region": "KZ-10",
    "kind": "district",
    "names": {"kk": "Жаңа аудан", "ru": "Новый район", "en": "New District"},
}


def test_token_login_returns_a_token_that_authenticates(api, users):
    anonymous = api(None)
    response = anonymous.post("/api/v1/auth/token/", {"username": "reader", "password": "pw-reader"}, format="json")
    assert response.status_code == 200
    token = response.json()["token"]
    anonymous.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert anonymous.post("/api/v1/districts/", NEW_DISTRICT, format="json").status_code == 403
    wrong = api(None).post("/api/v1/auth/token/", {"username": "reader", "password": "nope"}, format="json")
    assert wrong.status_code == 400
    bad_token = api(None)
    bad_token.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert bad_token.get("/api/v1/regions/").status_code == 401


@pytest.fixture
def coordinators_keep_districts(monkeypatch):
    """The shared region rule, exercised on districts as if coordinators kept them."""
    monkeypatch.setattr(District, "access", AccessRule(Visibility.PUBLIC, "region", coordinator_writes=True))


def test_coordinator_writes_only_in_their_region(api, coordinators_keep_districts):
    coordinator = api("coord-kz-10")
    assert coordinator.post("/api/v1/districts/", NEW_DISTRICT, format="json").status_code == 201

    elsewhere = coordinator.post("/api/v1/districts/", {**NEW_DISTRICT, "region": "KZ-75"}, format="json")
    assert elsewhere.status_code == 400
    assert "KZ-10" in elsewhere.json()["region"][0]

    almaty_district = District.objects.filter(region_id="KZ-75").first()
    response = coordinator.patch(f"/api/v1/districts/{almaty_district.pk}/", {"kato": "751000"}, format="json")
    assert response.status_code == 403

    own = District.objects.get(name_en="New District")
    moved = coordinator.patch(f"/api/v1/districts/{own.pk}/", {"region": "KZ-75"}, format="json")
    assert moved.status_code == 400
    own.refresh_from_db()
    assert own.region_id == "KZ-10"


def test_coordinator_archives_only_in_their_region(api, coordinators_keep_districts):
    own = District.objects.get(name_en="Semey")
    other = District.objects.get(name_en="Medeu District")
    assert api("coord-kz-75").delete(f"/api/v1/districts/{own.pk}/").status_code == 403
    assert api("coord-kz-10").delete(f"/api/v1/districts/{own.pk}/").status_code == 204
    assert api("coord-kz-10").delete(f"/api/v1/districts/{other.pk}/").status_code == 403
