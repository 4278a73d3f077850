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


@pytest.fixture
def network(users, assembly_data):
    """The assembly API world with what the association and person rows must get right: leaders past, present and
    future, archived memberships and activities, several ethnic groups, names in one language only."""
    from assembly.models import AssociationActivity, EthnicGroup, Membership, MembershipRole, Person

    uyghurs = assembly_data["uyghur_19"]
    uyghurs.ethnic_groups.add(EthnicGroup.objects.get(name_en="Koreans"))
    former = Person.objects.create(surname="Former", given_name="Leader", patronymic="Ұлы", name_kk="Бұрынғы")
    Membership.objects.create(
        person=former, body=uyghurs, role=MembershipRole.LEADER, start_date=datetime.date(2010, 1, 1)
    )
    Membership.objects.create(
        person=former, body=assembly_data["abai_tatar"], role=MembershipRole.LEADER, end_date=datetime.date(2015, 1, 1)
    )
    future = Person.objects.create(surname="Future", given_name="Leader", region_id="KZ-10", name_ru="Будущий")
    Membership.objects.create(
        person=future,
        body=assembly_data["abai_tatar"],
        role=MembershipRole.LEADER,
        start_date=datetime.date(2099, 1, 1),
    )
    undated = Person.objects.create(surname="Undated", given_name="Leader", region_id="KZ-75")
    Membership.objects.create(person=undated, body=assembly_data["uyghur_75"], role=MembershipRole.LEADER)
    gone = Membership.objects.create(person=undated, body=assembly_data["korean_19"], role=MembershipRole.LEADER)
    Membership.objects.filter(pk=gone.pk).update(archived_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC))
    Membership.objects.create(person=undated, body=uyghurs, role=MembershipRole.MEMBER, note="x")
    old = AssociationActivity.objects.create(
        association=uyghurs, kind="media_outlet", language="ru", name_kk="", name_ru="Газета", name_en=""
    )
    AssociationActivity.objects.filter(pk=old.pk).update(archived_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC))
    AssociationActivity.objects.create(
        association=assembly_data["abai_tatar"], kind="theatre", language="tt", name_kk="Театр", name_ru="", name_en=""
    )
    return assembly_data


@pytest.mark.parametrize("language", ["kk", "kk-latn", "ru", "en"])
@pytest.mark.parametrize("who", ["secretariat", "coord-kz-10", "coord-kz-75", "reader", None])
@pytest.mark.parametrize("registry", ["associations", "persons"])
def test_association_and_person_rows_equal_the_serializer_in_every_language_and_role(
    users, network, registry, language, who
):
    viewset = next(viewset for prefix, viewset, _basename in router.registry if prefix == registry)
    user = users[who] if who else AnonymousUser()
    plan = rows.plan_for(viewset.serializer_class)
    assert plan is not None
    queryset = viewset.queryset.order_by("pk")
    with translation.override(language):
        expected, request = serializer_output(viewset, queryset, user)
        assert plan.build(plan.values(queryset), request) == expected
    assert len(expected) >= 6
    if registry == "associations":
        uyghurs = next(row for row in expected if row["id"] == network["uyghur_19"].pk)
        assert len(uyghurs["ethnic_groups"]) == len(uyghurs["ethnic_group_names"]) == 2
        assert [activity["kind"] for activity in uyghurs["activities"]] == ["media_outlet"]  # not the archived one
        assert ("leader" in uyghurs) is (who is not None)
        if who is not None:
            assert uyghurs["leader"]["id"] == network["leader"].pk
        almaty = next(row for row in expected if row["id"] == network["uyghur_75"].pk)
        assert ("email" in uyghurs) is (who == "secretariat")
        assert ("email" in almaty) is (who in ("secretariat", "coord-kz-75"))
    else:
        undated = next(row for row in expected if row["full_name"] == "Undated Leader")
        assert undated["name"] == "Undated Leader" and len(undated["memberships"]) == 2


def test_association_and_person_lists_do_not_grow_in_queries_with_their_page(api, network):
    from tests.conftest import queries_by_page_size

    for who in ("secretariat", "reader"):
        for url in ("/api/v1/associations/", "/api/v1/persons/"):
            small, large, response = queries_by_page_size(api(who), url)
            assert len(large) == len(small), (who, url)
            assert len(response.json()["results"]) >= 6
