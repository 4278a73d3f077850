"""Archive instead of delete, 409 for dependents, 412 for stale edits, 400s naming fields, the change history."""

import pytest

from regions.models import District, Region

pytestmark = pytest.mark.django_db


def test_delete_archives_and_the_record_leaves_default_lists(api):
    client = api("secretariat")
    district = District.objects.get(name_en="Baikonyr District")  # no registry points at it
    assert client.delete(f"/api/v1/districts/{district.pk}/").status_code == 204
    district.refresh_from_db()
    assert district.archived_at is not None  # still in the database
    listed = {row["id"] for row in client.get("/api/v1/districts/", {"page_size": 1000}).json()["results"]}
    assert district.pk not in listed
    archived = client.get("/api/v1/districts/", {"archived": "only"}).json()["results"]
    assert [row["id"] for row in archived] == [district.pk]
    assert client.get(f"/api/v1/districts/{district.pk}/").json()["archived"] is True

    assert client.post(f"/api/v1/districts/{district.pk}/restore/").status_code == 200
    district.refresh_from_db()
    assert district.archived_at is None


def test_deleting_a_region_with_districts_is_a_409_and_changes_nothing(api):
    response = api("secretariat").delete("/api/v1/regions/KZ-10/")
    assert response.status_code == 409
    assert any("districts" in blocker for blocker in response.json()["dependents"])
    assert Region.objects.get(pk="KZ-10").archived_at is None


def test_models_refuse_hard_deletion(reference):
    from registry.models import Dependents

    with pytest.raises(Dependents):
        District.objects.first().delete()
    with pytest.raises(Dependents):
        District.objects.all().delete()
    assert District.objects.count() > 0


def test_stale_if_match_is_a_412(api):
    client = api("secretariat")
    district = District.objects.get(name_en="Taraz")
    etag = client.get(f"/api/v1/districts/{district.pk}/")["ETag"]
    first = client.patch(f"/api/v1/districts/{district.pk}/", {"kato": "311000"}, format="json", HTTP_IF_MATCH=etag)
    assert first.status_code == 200
    second = client.patch(f"/api/v1/districts/{district.pk}/", {"kato": "311001"}, format="json", HTTP_IF_MATCH=etag)
    assert second.status_code == 412
    district.refresh_from_db()
    assert district.kato == "311000"


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


def test_history_records_who_when_which_request_and_what(api, users):
    client = api("secretariat")
    district = District.objects.get(name_en="Taraz")
    response = client.patch(
        f"/api/v1/districts/{district.pk}/", {"kato": "311010"}, format="json", HTTP_X_REQUEST_ID="req-42"
    )
    assert response["X-Request-ID"] == "req-42"
    client.delete(f"/api/v1/districts/{district.pk}/")

    entries = client.get(f"/api/v1/districts/{district.pk}/history/").json()["results"]
    archive, edit, creation = entries[0], entries[1], entries[-1]
    assert edit["user"] == "secretariat"
    assert edit["request_id"] == "req-42"
    assert {"field": "kato", "old": None, "new": "311010"} in edit["changes"]
    assert archive["user"] == "secretariat"
    assert [change["field"] for change in archive["changes"]] == ["archived_at"]
    assert creation["action"] == "created"
