"""The secretariat's admin lists: names in the reader's language with numbers read as numbers, and filters offering
only the statuses a registry uses, each once."""

import pytest
from django.urls import reverse

from assembly.models import BodyKind, BodyStatus, HouseOfFriendship, Level
from councils.models import Council
from registry.ordering import natural_sql_key
from tests.assembly_factories import build_network
from tests.conftest import web_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def russian(users):
    return web_client(users["secretariat"], language="ru")


def filter_labels(response, title):
    spec = next(spec for spec in response.context["cl"].filter_specs if str(spec.title) == title)
    return [str(choice["display"]) for choice in spec.choices(response.context["cl"])]


def test_a_status_filter_lists_the_registrys_statuses_each_once(russian):
    build_network()
    labels = filter_labels(russian.get(reverse("admin:assembly_ethnoculturalassociation_changelist")), "статус")
    assert labels == ["Все", "действует", "приостановлен"]
    bodies = filter_labels(russian.get(reverse("admin:assembly_body_changelist")), "статус")
    assert bodies.count("действует") == 1
    assert "ликвидировано" not in bodies  # no body in the registry has that status


def test_one_status_link_selects_every_status_of_that_name(russian):
    build_network()
    house = HouseOfFriendship.objects.filter(status=BodyStatus.OPERATING).first() or HouseOfFriendship.objects.first()
    house.status = BodyStatus.OPERATING
    house.save()
    url = reverse("admin:assembly_body_changelist")
    listed = russian.get(url, {"status__in": "active,operating"}).context["cl"].queryset
    assert {body.status for body in listed} == {BodyStatus.ACTIVE, BodyStatus.OPERATING}
    assert house.pk in {body.pk for body in listed}


def test_numbered_names_are_listed_and_offered_in_natural_order(russian, councils_world):
    for number in (10, 2, 1):
        Council.objects.create(
            kind=BodyKind.COUNCIL_OF_MOTHERS,
            level=Level.LOCAL,
            region_id="KZ-10",
            parent=councils_world.abai,
            name_ru=f"Совет матерей школы №{number}",
            name_kk=f"№{number} мектептің аналар кеңесі",
            name_en=f"Council of Mothers of School No. {number}",
        )
    listed = [str(row) for row in russian.get(reverse("admin:councils_council_changelist")).context["cl"].result_list]
    schools = [name for name in listed if "школы №" in name]
    assert schools == ["Совет матерей школы №1", "Совет матерей школы №2", "Совет матерей школы №10"]
    found = russian.get(
        reverse("admin:autocomplete"),
        {"term": "школы", "app_label": "councils", "model_name": "council", "field_name": "parent"},
    ).json()["results"]
    assert [row["text"] for row in found] == schools


def test_the_database_key_orders_numbers_as_numbers():
    names = ["School №10", "school №2", "School №1"]
    assert sorted(names, key=natural_sql_key) == ["School №1", "school №2", "School №10"]
