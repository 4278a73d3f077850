"""Every registry endpoint of the API router keeps every promise of the registry base (docs/architecture.md):
archive instead of delete, 409 for dependents and for edits of archived records, restore, 412 on a stale If-Match,
the history for the secretariat, CSV rows equal to JSON rows, `updated_since`, `?archived=`, names in the request's
language, list query counts that do not grow with the page size, and no write across regions or offices.

The endpoints come from the router; each registry brings only a sample payload (tests/contract_samples.py)."""

import csv
import datetime
import io
import json
import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from registry.kazakh_latin import transliterate
from registry.models import RegistryModel
from tests.api_endpoints import detail_url, endpoints, registry_endpoints
from tests.conftest import ROLES, api_client
from tests.contract_samples import NOT_REGISTRIES, SAMPLES

pytestmark = pytest.mark.django_db

REGISTRIES = registry_endpoints()
SAMPLED = sorted(prefix for prefix in REGISTRIES if prefix in SAMPLES)
SECRETARIAT = {"secretariat", "admin"}


def model_of(prefix):
    return REGISTRIES[prefix].queryset.model


def translated_texts():
    """(endpoint, text) for every three-language text a registry's serializer declares."""
    return [
        (prefix, base)
        for prefix in SAMPLED
        for base in getattr(REGISTRIES[prefix].serializer_class.Meta, "translated", ())
    ]


def referenced_registries():
    """Endpoints whose records other registries' records point at (so archiving one may be refused)."""
    found = []
    for prefix in SAMPLED:
        relations = [
            relation
            for relation in model_of(prefix)._meta.related_objects
            if issubclass(relation.related_model, RegistryModel)
            and not relation.many_to_many
            and not relation.parent_link
            and (relation.one_to_many or relation.one_to_one)
        ]
        if relations:
            found.append(prefix)
    return found


@pytest.fixture
def world(registry_world):
    registry_world.clients = {role: api_client(registry_world.users[role] if role else None) for role in ROLES}
    return registry_world


def create(world, prefix, n=1):
    response = world.clients["secretariat"].post(f"/api/v1/{prefix}/", SAMPLES[prefix](world, n), format="json")
    assert response.status_code == 201, response.content
    return response.json()


def listed_ids(client, prefix, **params):
    response = client.get(f"/api/v1/{prefix}/", {"page_size": 1000, **params})
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def stored(prefix, record):
    viewset = REGISTRIES[prefix]
    field = getattr(viewset, "lookup_field", "pk")
    key = record["id"] if field == "pk" else record[field]
    return model_of(prefix).objects.get(**{field: key})


def test_every_router_endpoint_is_a_registry_with_a_sample_or_a_known_figures_endpoint():
    missing = sorted(prefix for prefix in REGISTRIES if prefix not in SAMPLES)
    assert not missing, (
        f"registry endpoints without a sample: {missing}. Add to SAMPLES in tests/contract_samples.py a function "
        "(world, n) returning a payload the secretariat may POST (regional records in KZ-10)."
    )
    stale = sorted(set(SAMPLES) - set(REGISTRIES))
    assert not stale, f"samples for endpoints the router no longer has: {stale}"
    others = sorted(prefix for prefix, _viewset in endpoints() if prefix not in REGISTRIES)
    unknown = sorted(set(others) - NOT_REGISTRIES)
    assert not unknown, (
        f"endpoints that are not registries: {unknown}. Build them on RegistryViewSet, or list them in "
        "NOT_REGISTRIES in tests/contract_samples.py if they only serve figures."
    )


@pytest.mark.parametrize("prefix", SAMPLED)
def test_the_secretariat_creates_reads_and_changes_a_record(world, prefix):
    client = world.clients["secretariat"]
    record = create(world, prefix)
    for field in ("id", "archived", "created_at", "updated_at"):
        assert field in record, field
    assert record["archived"] is False
    url = detail_url(prefix, record)
    response = client.get(url)
    assert response.status_code == 200
    assert response["ETag"] == f'"{stored(prefix, record).version}"'
    assert client.put(url, SAMPLES[prefix](world, 1), format="json").status_code == 200
    assert client.patch(url, {}, format="json").status_code == 200


@pytest.mark.parametrize("prefix", SAMPLED)
def test_a_record_read_by_id_is_what_its_serializer_gives_each_reader_with_its_version(world, prefix):
    created = create(world, prefix)
    record, url, viewset = stored(prefix, created), detail_url(prefix, created), REGISTRIES[prefix]
    for role in ROLES:
        response = world.clients[role].get(url, HTTP_ACCEPT_LANGUAGE="ru")
        if response.status_code != 200:
            continue
        request = Request(APIRequestFactory().get(url, HTTP_ACCEPT_LANGUAGE="ru"))
        request.user = world.users[role] if role else AnonymousUser()
        with translation.override("ru"):
            expected = viewset.serializer_class(record, context={"request": request}).data
        assert response.json() == json.loads(JSONRenderer().render(expected)), role
        assert response["ETag"] == f'"{record.version}"'
    malformed = url.replace(str(getattr(record, viewset.lookup_field)), "not-a-key")
    assert world.clients["secretariat"].get(malformed).status_code == 404


@pytest.mark.parametrize("prefix", SAMPLED)
def test_bad_input_is_a_400_naming_the_fields(world, prefix):
    client = world.clients["secretariat"]
    empty = client.post(f"/api/v1/{prefix}/", {}, format="json")
    assert empty.status_code == 400
    assert isinstance(empty.json(), dict) and empty.json()
    assert client.post(f"/api/v1/{prefix}/", [1, 2], format="json").status_code == 400
    garbage = client.post(f"/api/v1/{prefix}/", "{not json", content_type="application/json")
    assert garbage.status_code == 400


@pytest.mark.parametrize("prefix", SAMPLED)
def test_delete_archives_the_record_which_leaves_default_lists_but_stays_readable_by_id(world, prefix):
    client = world.clients["secretariat"]
    record = create(world, prefix)
    url = detail_url(prefix, record)
    assert client.delete(url).status_code == 204
    assert stored(prefix, record).archived_at is not None  # still there
    assert record["id"] not in listed_ids(client, prefix)
    assert record["id"] not in listed_ids(client, prefix, archived="exclude")
    assert record["id"] in listed_ids(client, prefix, archived="include")
    only = client.get(f"/api/v1/{prefix}/", {"archived": "only", "page_size": 1000}).json()["results"]
    assert record["id"] in [row["id"] for row in only]
    assert all(row["archived"] for row in only)
    read = client.get(url)
    assert read.status_code == 200
    assert read.json()["archived"] is True
    assert client.get(f"/api/v1/{prefix}/", {"archived": "sometimes"}).status_code == 400


@pytest.mark.parametrize("prefix", SAMPLED)
def test_an_archived_record_is_a_409_to_edit_until_it_is_restored(world, prefix):
    client = world.clients["secretariat"]
    record = create(world, prefix)
    url = detail_url(prefix, record)
    assert client.post(f"{url}restore/").status_code == 400  # not archived
    assert client.delete(url).status_code == 204
    assert client.patch(url, {}, format="json").status_code == 409
    assert client.put(url, SAMPLES[prefix](world, 1), format="json").status_code == 409
    restored = client.post(f"{url}restore/")
    assert restored.status_code == 200
    assert restored.json()["archived"] is False
    assert stored(prefix, record).archived_at is None
    assert record["id"] in listed_ids(client, prefix)
    assert client.patch(url, {}, format="json").status_code == 200


@pytest.mark.parametrize("prefix", referenced_registries())
def test_archiving_a_record_that_active_records_point_at_is_a_409_and_changes_nothing(world, prefix):
    model = model_of(prefix)
    referenced = set()
    for relation in model._meta.related_objects:
        related = relation.related_model
        if issubclass(related, RegistryModel) and not relation.many_to_many and not relation.parent_link:
            referenced.update(
                related.objects.active()
                .exclude(**{f"{relation.field.name}__isnull": True})
                # a relation may point at a parent row (e.g. a House of Friendship's body), not at this model's
                .values_list(relation.field.attname, flat=True)[:50]
            )
    target = REGISTRIES[prefix].queryset.filter(pk__in=referenced, archived_at__isnull=True).first()
    assert target is not None, (
        f"nothing in the world points at an active {model.__name__}: give tests/contract_samples.py's world one"
    )
    lookup = getattr(REGISTRIES[prefix], "lookup_field", "pk")
    response = world.clients["secretariat"].delete(f"/api/v1/{prefix}/{getattr(target, lookup)}/")
    assert response.status_code == 409, response.content
    assert response.json()["dependents"]
    target.refresh_from_db()
    assert target.archived_at is None


@pytest.mark.parametrize("prefix", SAMPLED)
def test_a_stale_if_match_is_a_412_and_changes_nothing(world, prefix):
    client = world.clients["secretariat"]
    record = create(world, prefix)
    url = detail_url(prefix, record)
    etag = client.get(url)["ETag"]
    assert client.patch(url, {}, format="json", HTTP_IF_MATCH=etag).status_code == 200
    fresh = client.get(url)["ETag"]
    assert fresh != etag
    assert client.patch(url, {}, format="json", HTTP_IF_MATCH=etag).status_code == 412
    assert client.put(url, SAMPLES[prefix](world, 1), format="json", HTTP_IF_MATCH=etag).status_code == 412
    assert client.delete(url, HTTP_IF_MATCH=etag).status_code == 412
    assert client.get(url)["ETag"] == fresh
    assert stored(prefix, record).archived_at is None
    assert client.delete(url, HTTP_IF_MATCH=fresh).status_code == 204


@pytest.mark.parametrize("prefix", SAMPLED)
def test_the_history_shows_the_secretariat_who_created_and_changed_the_record_and_nobody_else(world, prefix, settings):
    settings.TRUSTED_PROXY_COUNT = 1  # behind our proxy, which names each request with a UUID
    request_id = str(uuid.uuid5(uuid.NAMESPACE_URL, prefix))
    record = create(world, prefix)
    url = detail_url(prefix, record)
    client = world.clients["secretariat"]
    assert client.patch(url, {}, format="json", HTTP_X_REQUEST_ID=request_id).status_code == 200
    history = client.get(f"{url}history/")
    assert history.status_code == 200
    entries = history.json()["results"]
    assert entries[0]["user"] == "secretariat"
    assert entries[0]["request_id"] == request_id
    assert entries[-1]["action"] == "created"
    assert entries[-1]["user"] == "secretariat"
    for role in ROLES:
        expected = 200 if role in SECRETARIAT else 401 if role is None else 403
        assert world.clients[role].get(f"{url}history/").status_code == expected, role


@pytest.mark.parametrize("prefix", SAMPLED)
def test_csv_gives_the_same_rows_as_json(world, prefix):
    create(world, prefix)
    client = world.clients["secretariat"]
    rows = client.get(f"/api/v1/{prefix}/", {"page_size": 1000}).json()["results"]
    response = client.get(f"/api/v1/{prefix}/", {"page_size": 1000, "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["id"] for row in table] == [str(row["id"]) for row in rows]
    assert "archived" in table[0] and "updated_at" in table[0]


@pytest.mark.parametrize("prefix", SAMPLED)
def test_updated_since_lists_only_the_records_changed_since(world, prefix):
    client = world.clients["secretariat"]
    record = create(world, prefix)
    model_of(prefix).objects.update(updated_at=timezone.now() - datetime.timedelta(days=1))
    cutoff = timezone.now()
    assert client.patch(detail_url(prefix, record), {}, format="json").status_code == 200
    assert listed_ids(client, prefix, updated_since=cutoff.isoformat(), archived="include") == [record["id"]]
    bad = client.get(f"/api/v1/{prefix}/", {"updated_since": "last week"})
    assert bad.status_code == 400
    assert "updated_since" in bad.json()


@pytest.mark.parametrize(("prefix", "text"), translated_texts())
def test_texts_come_in_the_request_language_and_in_all_three(world, prefix, text):
    record = world.records[prefix]
    url = detail_url(prefix, record)
    plural = "names" if text == "name" else f"{text}_translations"
    for language in ("kk", "ru", "en"):
        client = api_client(world.users["secretariat"], language=language)
        body = client.get(url).json()
        assert set(body[plural]) == {"kk", "ru", "en"}
        assert body[text] == body[plural][language], language
        assert body[text]
    # Kazakh in the Latin script is the Kazakh text transliterated, never a stored fourth language.
    body = api_client(world.users["secretariat"], language="kk-Latn").get(url).json()
    assert set(body[plural]) == {"kk", "ru", "en"}
    kazakh, english = body[plural]["kk"], body[plural]["en"]
    assert body[text] == (transliterate(kazakh) if kazakh else english or body[plural]["ru"])


@pytest.mark.parametrize("prefix", SAMPLED)
def test_list_queries_do_not_grow_with_the_page_size(world, prefix):
    create(world, prefix, 1)
    create(world, prefix, 2)
    for role in ("secretariat", "coord-kz-10", "mediator-kz-10", "reader", None):
        client = world.clients[role]
        with CaptureQueriesContext(connection) as one:
            first = client.get(f"/api/v1/{prefix}/", {"page_size": 1})
        if first.status_code in (401, 403):
            continue  # the registry is not public; tests/permission_matrix.py says who reads it
        assert first.status_code == 200
        with CaptureQueriesContext(connection) as many:
            response = client.get(f"/api/v1/{prefix}/", {"page_size": 1000})
        assert response.status_code == 200
        if role == "secretariat":
            assert response.json()["count"] >= 3
        assert len(many) == len(one), f"as {role or 'anonymous'}: {len(one)} queries for one row, {len(many)} for all"


@pytest.mark.parametrize("prefix", SAMPLED)
def test_a_coordinator_or_mediator_never_writes_another_region_or_office(world, prefix):
    """The samples live in KZ-10 (and its mediation office): whatever else the rule allows, the coordinator and the
    mediator of KZ-75 change none of them and create none like them."""
    record = create(world, prefix)
    url = detail_url(prefix, record)
    for role in ("coord-kz-75", "mediator-kz-75"):
        client = world.clients[role]
        created = client.post(f"/api/v1/{prefix}/", SAMPLES[prefix](world, 2), format="json")
        assert created.status_code in (400, 403), (role, created.status_code)
        assert client.patch(url, {}, format="json").status_code in (403, 404), role
        assert client.delete(url).status_code in (403, 404), role
    assert stored(prefix, record).archived_at is None
