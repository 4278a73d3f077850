"""A full sync reads cheaply: cursor pages of up to 5000 rows, and no filterset built for a request that names no
filter."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from councils.api.filters import RosterFilterSet
from events.api.views import EventViewSet
from registry.api import filters, pagination
from tests.eventkit import make_event

pytestmark = pytest.mark.django_db


def page_size(paginator, **params):
    return paginator.get_page_size(Request(APIRequestFactory().get("/", params)))


def test_a_cursor_page_holds_up_to_5000_rows_and_a_numbered_page_1000():
    assert page_size(pagination.RegistryCursorPagination(), page_size=5000) == 5000
    assert page_size(pagination.RegistryCursorPagination(), page_size=9000) == 5000
    assert page_size(pagination.RegistryPagination(), page_size=5000) == 1000


def test_a_sync_with_5000_a_page_walks_every_event_without_counting(api):
    for number in range(3):
        make_event(title=f"Event {number}")
    with CaptureQueriesContext(connection) as queries:
        body = api("reader").get("/api/v1/events/", {"pagination": "cursor", "page_size": 5000}).json()
    assert len(body["results"]) == 3 and body["next"] is None and "count" not in body
    assert not any("COUNT(" in query["sql"].upper() for query in queries.captured_queries)


def test_only_a_request_naming_a_filter_builds_the_filterset():
    filterset = filters.RegistryFilterBackend().get_filterset_class(EventViewSet(), EventViewSet.queryset)
    assert not filters.asks_filters(filterset, {"pagination": "cursor", "page_size": "5000", "cursor": "x"})
    assert filters.asks_filters(filterset, {"region": "KZ-10"})
    assert filters.asks_filters(filterset, {"archived": "only"})
    # A filterset that narrows rows without being asked (memberships leave out archived ones) is always built.
    assert filters.asks_filters(RosterFilterSet, {})


def test_a_filterset_made_from_filterset_fields_is_made_once_per_viewset():
    from assembly.api.views import IdentifierViewSet

    backend = filters.RegistryFilterBackend()
    made = backend.get_filterset_class(IdentifierViewSet(), IdentifierViewSet.queryset)
    assert backend.get_filterset_class(IdentifierViewSet(), IdentifierViewSet.queryset) is made
    assert {"body", "scheme", "value", "archived", "updated_since"} <= set(made.base_filters)


def test_filters_still_narrow_and_invalid_ones_still_answer_400(api):
    make_event(region="KZ-10", title="Abai")
    make_event(region="KZ-75", title="Almaty")
    client = api("reader")
    assert len(client.get("/api/v1/events/").json()["results"]) == 2
    assert [row["region"] for row in client.get("/api/v1/events/", {"region": "KZ-10"}).json()["results"]] == ["KZ-10"]
    assert client.get("/api/v1/events/", {"start_date__gte": "not a date"}).status_code == 400
