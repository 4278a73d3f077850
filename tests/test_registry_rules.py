"""Hard deletion refused, 400s naming fields, what the change history records (the promises every registry keeps:
tests/test_registry_contract.py)."""

import pytest

from regions.models import District

pytestmark = pytest.mark.django_db


def test_models_refuse_hard_deletion(reference):
    from registry.models import Dependents

    with pytest.raises(Dependents):
        District.objects.first().delete()
    with pytest.raises(Dependents):
        District.objects.all().delete()
    assert District.objects.count() > 0


def test_bad_input_names_the_field_and_writes_nothing(api):
    client = api("secretariat")
    before = District.objects.count()
    response = client.post(
        "/api/v1/districts/",
        {"region": "KZ-10", "kato": "12ab", "names": {"kk": "", "ru": "Район", "fr": "x"}},
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()
    assert "kato" in errors
    assert set(errors["names"]) == {"kk", "en", "fr"}
    assert District.objects.count() == before

    garbage = client.post("/api/v1/districts/", "not json", content_type="application/json")
    assert garbage.status_code == 400
    wrong_type = client.post("/api/v1/districts/", {"region": "KZ-10", "names": "Район"}, format="json")
    assert wrong_type.status_code == 400
    assert "names" in wrong_type.json()


def test_duplicate_name_in_a_region_is_a_400(api):
    response = api("secretariat").post(
        "/api/v1/districts/",
        {"region": "KZ-31", "names": {"kk": "Қордай", "ru": "Кордай", "en": "Kordai District"}},
        format="json",
    )
    assert response.status_code == 400
    assert "Name (English)" in response.json()["non_field_errors"][0]


def test_history_records_who_when_which_request_and_what(api, users, settings):
    settings.TRUSTED_PROXY_COUNT = 1  # the request id is our proxy's
    proxy_id = "5f0c2a9e-3b7d-4c41-9a55-0d2f6e8b1c3a"
    client = api("secretariat")
    district = District.objects.get(name_en="Taraz")
    response = client.patch(
        f"/api/v1/districts/{district.pk}/", {"kato": "311010"}, format="json", HTTP_X_REQUEST_ID=proxy_id
    )
    assert response["X-Request-ID"] == proxy_id
    client.delete(f"/api/v1/districts/{district.pk}/")

    entries = client.get(f"/api/v1/districts/{district.pk}/history/").json()["results"]
    archive, edit, creation = entries[0], entries[1], entries[-1]
    assert edit["user"] == "secretariat"
    assert edit["request_id"] == proxy_id
    assert {"field": "kato", "old": None, "new": "311010"} in edit["changes"]
    assert archive["user"] == "secretariat"
    assert [change["field"] for change in archive["changes"]] == ["archived_at"]
    assert creation["action"] == "created"
