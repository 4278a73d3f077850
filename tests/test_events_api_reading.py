"""Reading /api/v1/events/ as every role: what each sees, the fields, filters, CSV and flat query counts."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from events.models import REPORTED_FIELDS, Verification
from regions.models import District
from tests.conftest import API_ROLES, queries_by_page_size
from tests.eventkit import assembly_of, make_event, make_programme

pytestmark = pytest.mark.django_db


# -- reading ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", API_ROLES)
def test_every_role_lists_events_but_the_public_sees_only_verified_public_ones(api, users, role):
    verified = make_event(title="Verified public", verification=Verification.VERIFIED)
    hidden = make_event(title="Verified closed", verification=Verification.VERIFIED, is_public=False)
    submitted = make_event(title="Submitted", verification=Verification.SUBMITTED)
    response = api(role).get("/api/v1/events/")
    assert response.status_code == 200
    ids = {row["id"] for row in response.json()["results"]}
    if role is None:
        assert ids == {verified.pk}
        assert api(None).get(f"/api/v1/events/{submitted.pk}/").status_code == 404
        assert api(None).get(f"/api/v1/events/{hidden.pk}/").status_code == 404
        csv_body = api(None).get("/api/v1/events/", {"format": "csv"}).content.decode()
        assert "Submitted" not in csv_body and "Verified closed" not in csv_body
        assert api(None).get("/api/v1/events/", {"search": "Submitted"}).json()["count"] == 0
        assert api(None).get("/api/v1/events/", {"verified": "false"}).json()["count"] == 0
    else:
        assert ids == {verified.pk, hidden.pk, submitted.pk}


def test_event_fields_follow_the_contract(api, users):
    event = make_event(verification=Verification.VERIFIED, funds_raised_kzt=2600718)
    row = api("reader").get(f"/api/v1/events/{event.pk}/").json()
    for field in (
        "id",
        *REPORTED_FIELDS,
        "verified",
        "created_at",
        "updated_at",
    ):
        assert field in row, field
    assert row["region"] == "KZ-10"
    assert row["verified"] is True
    assert row["end_date"] == row["start_date"] == "2025-03-14"
    assert row["funds_raised_kzt"] == 2600718
    assert row["organizer_name"] == assembly_of("KZ-10").name


def test_filters(api, users):
    programme = make_programme()
    district = District.objects.filter(region_id="KZ-10").first()
    a = make_event(title="Жастар форумы", kind="forum", district=district, programme=programme)
    b = make_event(
        region="KZ-75",
        title="Спорт күні",
        kind="sports",
        start_date=datetime.date(2024, 6, 1),
        verification=Verification.VERIFIED,
    )
    soon = timezone.localdate() + datetime.timedelta(days=30)
    c = make_event(title="Planned gala", status="planned", start_date=soon)
    client = api("reader")

    def ids(**params):
        response = client.get("/api/v1/events/", params)
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}

    assert ids(region="KZ-75") == {b.pk}
    assert ids(district=district.pk) == {a.pk}
    assert ids(kind="forum") == {a.pk}
    assert ids(status="planned") == {c.pk}
    assert ids(programme=programme.pk) == {a.pk}
    assert ids(organizer=assembly_of("KZ-75").pk) == {b.pk}
    assert ids(verified="true") == {b.pk}
    assert ids(verified="false") == {a.pk, c.pk}
    assert ids(start_date__gte="2025-01-01", start_date__lte="2025-12-31") == {a.pk}
    assert ids(search="Жастар") == {a.pk}
    assert ids(updated_since=(timezone.now() + datetime.timedelta(hours=1)).isoformat()) == set()
    assert ids(active_on="2024-06-01") == {b.pk}


@pytest.mark.parametrize(
    ("param", "value"), [("region", "KZ-99"), ("start_date__gte", "soon"), ("kind", "party"), ("verified", "maybe")]
)
def test_bad_filters_are_400_naming_the_field(api, users, param, value):
    response = api("reader").get("/api/v1/events/", {param: value})
    assert response.status_code == 400
    assert param in response.json()


def test_csv_export(api, users):
    make_event(title="Абай оқулары", verification=Verification.VERIFIED)
    response = api("reader").get("/api/v1/events/", {"format": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["title"] == "Абай оқулары"
    assert rows[0]["region"] == "KZ-10"


@pytest.mark.parametrize("url", ["/api/v1/events/", "/api/v1/programmes/"])
def test_list_queries_do_not_grow_with_page_size(api, users, url):
    programme = make_programme()
    for day in range(1, 13):
        make_event(title=f"Event {day}", start_date=datetime.date(2025, 1, day), programme=programme)
    for number in range(5):
        make_programme(code=f"p{number}")
    client = api("reader")
    small, large, _response = queries_by_page_size(client, url)
    assert len(large) == len(small)
    assert len(large) <= 5
