"""Deep page numbers are steered to cursors; counts of huge unfiltered lists are estimates on PostgreSQL."""

import pytest
from django.db import connection

from registry.api import pagination
from tests.eventkit import make_event

pytestmark = pytest.mark.django_db


def test_a_page_deeper_than_the_limit_is_a_400_that_points_to_cursors(api, monkeypatch):
    monkeypatch.setattr(pagination, "MAX_OFFSET", 4)
    for number in range(6):
        make_event(title=f"Event {number}")
    client = api("reader")
    assert client.get("/api/v1/events/", {"page_size": 2, "page": 2}).status_code == 200
    response = client.get("/api/v1/events/", {"page_size": 2, "page": 3})
    assert response.status_code == 400
    assert "pagination=cursor" in response.json()["page"][0]
    cursor = client.get("/api/v1/events/", {"page_size": 2, "pagination": "cursor"}).json()
    walked = len(cursor["results"])
    while cursor["next"]:
        cursor = client.get(cursor["next"]).json()
        walked += len(cursor["results"])
    assert walked == 6


def test_a_filtered_count_is_exact_and_an_unfiltered_count_stays_a_number(api, monkeypatch):
    monkeypatch.setattr(pagination, "ESTIMATE_ABOVE", -1)
    for number in range(3):
        make_event(title=f"Event {number}", region="KZ-10" if number else "KZ-75")
    client = api("reader")
    assert client.get("/api/v1/events/", {"region": "KZ-10"}).json()["count"] == 2
    count = client.get("/api/v1/events/").json()["count"]
    if connection.vendor == "postgresql":
        assert isinstance(count, int) and count >= 0  # the planner's estimate
    else:
        assert count == 3
