"""Lists read from rows (registry.api.rows) give exactly what the DRF serializers give."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from rest_framework.test import APIRequestFactory

from assembly.models import EthnicGroup
from config.api_urls import router
from events.models import Event, Verification
from mediation.models import Mediator
from regions.models import District, Region
from registry.api import rows
from registry.api.viewsets import RegistryViewSet
from tests.eventkit import make_event, make_programme

pytestmark = pytest.mark.django_db


def serializer_output(viewset, queryset, user):
    request = APIRequestFactory().get("/")
    request.user = user
    serializer = viewset.serializer_class(queryset, many=True, context={"request": request, "view": None})
    return [dict(row) for row in serializer.data], request


@pytest.fixture
def events(users):
    programme = make_programme()
    make_event(region="KZ-10", title="Достық фестивалі", verification=Verification.VERIFIED, programme=programme)
    make_event(
        region="KZ-75",
        title="Festival",
        title_en="Festival of friendship",
        title_ru="",
        funds_raised_kzt=2_600_718,
        languages=["kk", "ru"],
        press_links=["https://example.kz/a"],
        start_date=datetime.date(2025, 3, 22),
        logged_by=users["coord-kz-75"],
        verified_by=users["secretariat"],
    )
    archived = make_event(region="KZ-10", title="Old")
    Event.objects.filter(pk=archived.pk).update(archived_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC))
    return Event.objects.order_by("id")


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize("who", ["secretariat", "coord-kz-10", "reader", None])
def test_event_rows_equal_the_serializer_in_every_language_and_role(users, events, language, who):
    from events.api.views import EventViewSet

    user = users[who] if who else AnonymousUser()
    plan = rows.plan_for(EventViewSet.serializer_class)
    assert plan is not None
    with translation.override(language):
        expected, request = serializer_output(EventViewSet, events, user)
        assert plan.build(plan.values(events), request) == expected
    assert {row["organizer_name"] for row in expected} != {None}


def test_every_registry_read_from_rows_matches_its_serializer(users, councils_world):
    EthnicGroup.objects.create(name_kk="a", name_ru="б", name_en="")
    District.objects.filter(pk=District.objects.first().pk).update(name_en="")
    checked = []
    for prefix, viewset, _basename in router.registry:
        if not issubclass(viewset, RegistryViewSet):
            continue
        plan = rows.plan_for(viewset.serializer_class)
        if plan is None:
            continue
        queryset = viewset.queryset.model.objects.order_by("pk")
        for who in ("secretariat", "coord-kz-10", "reader"):
            expected, request = serializer_output(viewset, queryset, users[who])
            assert plan.build(plan.values(queryset), request) == expected, (prefix, who)
        checked.append(prefix)
    assert {"regions", "districts", "events", "mediators"} <= set(checked)
    assert Mediator.objects.exists() and Region.objects.exists()


def test_a_list_read_from_rows_is_the_api_list(api, events):
    body = api("reader").get("/api/v1/events/", {"ordering": "id"}).json()
    assert body["count"] == 2
    assert [row["title"] for row in body["results"]] == ["Достық фестивалі", "Festival"]
    cursor = api("reader").get("/api/v1/events/", {"pagination": "cursor", "page_size": 1}).json()
    assert len(cursor["results"]) == 1 and cursor["next"]
    following = api("reader").get(cursor["next"]).json()
    assert following["results"][0]["id"] != cursor["results"][0]["id"]
