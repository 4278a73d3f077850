"""/api/docs/ and /api/schema/ for the people who read them: operations grouped by registry under plain names, every
parameter described, the conventions linked, all in one language."""

import re

import pytest

from tests.conftest import web_client

pytestmark = pytest.mark.django_db

METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    with django_db_blocker.unblock():
        response = web_client(language="ru").get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield f"{method.upper()} {path}", operation


def parameter(schema, path, name, method="get"):
    return next(p for p in schema["paths"][path][method]["parameters"] if p["name"] == name)


def test_every_operation_has_a_plain_tag_and_every_parameter_a_description(schema):
    untagged, undescribed = [], []
    for name, operation in operations(schema):
        tags = operation.get("tags") or []
        if not tags or any(tag == "v1" or "-" in tag for tag in tags):
            untagged.append(f"{name}: {tags}")
        undescribed += [f"{name} ?{p['name']}" for p in operation.get("parameters", []) if not p.get("description")]
    assert not untagged, untagged
    assert not undescribed, undescribed


def test_operations_are_grouped_by_registry_in_plain_words(schema):
    tags = {tag for _name, operation in operations(schema) for tag in operation["tags"]}
    assert {"Events", "Regions", "Associations", "Houses of Friendship", "Mediation cases", "Statistics"} <= tags
    assert schema["paths"]["/api/v1/events/{id}/verify/"]["post"]["tags"] == ["Events"]


def test_the_common_parameters_say_what_they_take(schema):
    assert "ISO 3166-2" in parameter(schema, "/api/v1/events/", "region")["description"]
    assert "KZ-10" in parameter(schema, "/api/v1/events/", "region")["description"]
    ordering = parameter(schema, "/api/v1/events/", "ordering")["description"]
    assert "`start_date`" in ordering and "`participants_count`" in ordering
    search = parameter(schema, "/api/v1/associations/", "search")["description"]
    assert "name (Russian)" in search
    for name in ("updated_since", "archived", "pagination", "page_size"):
        assert len(parameter(schema, "/api/v1/regions/", name)["description"]) > 20, name
    assert "ndjson" in parameter(schema, "/api/v1/events/export/", "format")["description"]


def test_the_description_links_the_conventions_which_are_served(schema):
    assert "(/api/conventions/)" in schema["info"]["description"]
    response = web_client().get("/api/conventions/")
    assert response.status_code == 200
    assert response.content.decode().startswith("# API conventions")


def texts(node):
    """Every text of the schema but its examples (which show names in the three languages on purpose)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("example", "examples"):
                yield from texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from texts(value)
    elif isinstance(node, str):
        yield node


def test_the_schema_is_in_one_language_whatever_the_reader_asks(schema):
    cyrillic = [text for text in texts(schema) if re.search("[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", text)]
    assert not cyrillic, cyrillic[:5]


def test_the_docs_page_opens(client):
    assert web_client(language="ru").get("/api/docs/").status_code == 200
