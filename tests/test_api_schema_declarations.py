"""What the schema fuzzing found, pinned: the schema declares what the API answers, and an empty table of figures
is still a CSV document."""

import pytest
from drf_spectacular.generators import SchemaGenerator

pytestmark = pytest.mark.django_db

STATS = ["councils", "events", "mediation", "mothers-homes"]


@pytest.fixture(scope="module")
def openapi():
    return SchemaGenerator().get_schema(request=None, public=True)


def json_schema_of(openapi, path):
    return openapi["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]


@pytest.mark.parametrize("name", STATS)
def test_figures_are_declared_as_one_document_not_an_array(openapi, name):
    schema = json_schema_of(openapi, f"/api/v1/stats/{name}/")
    assert "$ref" in schema
    assert schema.get("type") != "array"


def test_a_list_page_needs_no_count_because_a_cursor_page_has_none(openapi, api):
    page = openapi["components"]["schemas"]["PaginatedRegionList"]
    assert page["required"] == ["results"]
    body = api("secretariat").get("/api/v1/regions/?pagination=cursor").json()
    assert "count" not in body
    assert body["results"]


@pytest.mark.parametrize(
    ("name", "first_column"), [("councils", "region"), ("events", "region"), ("mediation", "year")]
)
def test_empty_figures_as_csv_are_a_header_line_with_a_csv_content_type(api, name, first_column):
    response = api("secretariat").get(f"/api/v1/stats/{name}/?format=csv&region=KZ-10")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0].split(",")[0] == first_column
