import csv
import io

import pytest

from regions.models import District

pytestmark = pytest.mark.django_db


def test_regions_list_follows_the_pagination_contract(api):
    response = api(None).get("/api/v1/regions/")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 20
    assert len(body["results"]) == 20
    assert body["results"][0]["id"] == "KZ-10"


def test_page_size_is_honoured_and_capped_at_1000(api):
    body = api(None).get("/api/v1/districts/", {"page_size": 5}).json()
    assert len(body["results"]) == 5
    assert "page=2" in body["next"]
    capped = api(None).get("/api/v1/districts/", {"page_size": 5000}).json()
    assert len(capped["results"]) == District.objects.count()  # all fit under the 1000 cap


def test_region_detail_is_addressed_by_iso_code(api):
    body = api(None).get("/api/v1/regions/KZ-10/").json()
    assert body["iso_code"] == "KZ-10"
    assert body["kato"] == "10"
    assert body["names"] == {"kk": "Абай облысы", "ru": "область Абай", "en": "Abai"}
    assert body["centre_translations"]["en"] == "Semey"
    assert api(None).get("/api/v1/regions/KZ-99/").status_code == 404


@pytest.mark.parametrize(
    ("language", "name"),
    [("kk", "Абай облысы"), ("kk-Latn", "Abai oblysy"), ("ru", "область Абай"), ("en", "Abai")],
)
def test_names_come_in_the_requested_language_and_all_three(api, language, name):
    body = api(None).get("/api/v1/regions/KZ-10/", HTTP_ACCEPT_LANGUAGE=language).json()
    assert body["name"] == name
    assert set(body["names"]) == {"kk", "ru", "en"}


def test_districts_filter_by_region_iso_code(api):
    body = api(None).get("/api/v1/districts/", {"region": "KZ-31"}).json()
    names = {row["names"]["en"] for row in body["results"]}
    assert names == {"Kordai District", "Taraz"}
    assert all(row["region"] == "KZ-31" for row in body["results"])


def test_unknown_region_filter_is_a_400_naming_the_field(api):
    response = api(None).get("/api/v1/districts/", {"region": "KZ-99"})
    assert response.status_code == 400
    assert "region" in response.json()


@pytest.mark.parametrize("term", ["Abai", "Абай облысы", "область Абай", "Semey"])
def test_search_finds_regions_in_each_language(api, term):
    body = api(None).get("/api/v1/regions/", {"search": term}).json()
    assert [row["id"] for row in body["results"]] == ["KZ-10"]


def test_ordering_parameter(api):
    body = api(None).get("/api/v1/regions/", {"ordering": "-kato"}).json()
    assert [row["id"] for row in body["results"][:2]] == ["KZ-79", "KZ-75"]


def test_cursor_mode_walks_every_row_once(api):
    client = api(None)
    seen, url, params = [], "/api/v1/districts/", {"pagination": "cursor", "page_size": 7}
    while url:
        body = client.get(url, params).json()
        assert "count" not in body  # cursors never count: they stay fast deep into a table
        seen.extend(row["id"] for row in body["results"])
        url, params = body["next"], None
    assert sorted(seen) == sorted(District.objects.values_list("id", flat=True))
    assert len(seen) == len(set(seen))


def test_csv_returns_the_same_rows(api):
    client = api(None)
    json_rows = client.get("/api/v1/districts/", {"region": "KZ-75"}).json()["results"]
    response = client.get("/api/v1/districts/", {"region": "KZ-75", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [int(row["id"]) for row in rows] == [row["id"] for row in json_rows]
    assert rows[0]["names.en"] == json_rows[0]["names"]["en"]
    assert list(rows[0])[:3] == ["id", "region", "kind"]


def test_region_centres_are_district_level_places(api):
    body = api(None).get("/api/v1/districts/", {"region": "KZ-10", "is_region_centre": "true"}).json()
    assert [row["names"]["en"] for row in body["results"]] == ["Semey"]
    almaty = api(None).get("/api/v1/districts/", {"region": "KZ-75", "kind": "city_district"}).json()
    assert almaty["count"] == 8


@pytest.mark.parametrize("term", ["абай облысы", "АБАЙ", "семей", "ОБЛАСТЬ абай"])
def test_search_ignores_case_in_every_alphabet(api, term):
    body = api(None).get("/api/v1/regions/", {"search": term}).json()
    assert "KZ-10" in [row["id"] for row in body["results"]]


def test_sqlite_like_keeps_wildcards_and_escapes():
    from registry.sqlite import unicode_like

    assert unicode_like("%абай%", "Абай облысы", "\\")
    assert unicode_like("а_ай", "АБАЙ")
    assert not unicode_like("100\\%", "1000", "\\")
    assert unicode_like("100\\%", "100%", "\\")
    assert unicode_like("%x%", None) is None
