"""A list's query count must not grow with its length."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import queries_by_page_size

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/api/v1/regions/", "/api/v1/districts/"])
def test_list_queries_do_not_grow_with_page_size(api, url):
    client = api("reader")
    small, large, _response = queries_by_page_size(client, url)
    assert len(large) == len(small)
    assert len(large) <= 4


def test_history_queries_do_not_grow_with_its_length(api):
    from regions.models import District

    client = api("secretariat")
    district = District.objects.get(name_en="Taraz")
    url = f"/api/v1/districts/{district.pk}/history/"
    client.patch(url.replace("history/", ""), {"kato": "311000"}, format="json")
    with CaptureQueriesContext(connection) as short:
        assert client.get(url).status_code == 200
    for number in range(1, 8):
        client.patch(url.replace("history/", ""), {"kato": f"31100{number}"}, format="json")
    with CaptureQueriesContext(connection) as long:
        body = client.get(url).json()
    assert body["count"] == 9
    assert len(long) == len(short)
