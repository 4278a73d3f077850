"""A list's query count must not grow with its length."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/api/v1/regions/", "/api/v1/districts/"])
def test_list_queries_do_not_grow_with_page_size(api, url):
    client = api("reader")
    with CaptureQueriesContext(connection) as small:
        assert client.get(url, {"page_size": 2}).status_code == 200
    with CaptureQueriesContext(connection) as large:
        assert client.get(url, {"page_size": 1000}).status_code == 200
    assert len(large) == len(small)
    assert len(large) <= 4
