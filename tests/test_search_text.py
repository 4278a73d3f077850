"""`?search=` on the two largest registries reads one generated column: every searched field is found, in any case
and alphabet, a contact only by the secretariat, and the column follows every change without entering history."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assembly.models import Person
from events.models import Event
from registry import search
from tests.assembly_factories import person
from tests.eventkit import make_event

pytestmark = pytest.mark.django_db


def found(client, url, term):
    return {row["id"] for row in client.get(url, {"search": term}).json()["results"]}


@pytest.mark.parametrize(
    ("field", "text", "term"),
    [
        ("title", "Наурыз мерекесі", "НАУРЫЗ"),
        ("title_kk", "Тіл мерекесі", "тіл"),
        ("title_ru", "Праздник языков", "ПРАЗДНИК"),
        ("title_en", "Festival of languages", "festival"),
        ("venue", "Дом дружбы, Семей", "дом дружбы"),
        ("description", "Концерт и выставка ремёсел", "ремёсел"),
    ],
)
def test_an_event_is_found_by_a_word_of_any_searched_field_in_any_case(api, users, field, text, term):
    event = make_event(**{"title": "Кеш", field: text})
    make_event(title="Другое")
    assert found(api("reader"), "/api/v1/events/", term) == {event.pk}


def test_a_quoted_phrase_does_not_match_across_two_fields(api, users):
    make_event(title="Ночь музыки", venue="Парк Абая")
    assert found(api("reader"), "/api/v1/events/", '"музыки Парк"') == set()
    assert len(found(api("reader"), "/api/v1/events/", '"Ночь музыки"')) == 1


def test_the_search_text_follows_a_change_and_stays_out_of_history(users):
    event = make_event(title="Первое название", venue="Зал")
    event.title = "Второе название"
    event.save()
    assert Event.objects.filter(search_text__icontains="второе").get() == event
    assert not Event.objects.filter(search_text__icontains="первое").exists()
    entry = event.history.first()
    assert not hasattr(entry, "search_text")
    assert entry.title == "Второе название"


def test_a_person_is_found_by_name_by_everyone_and_by_e_mail_by_the_secretariat_only(api, users):
    found_person = person("Ахметов", "KZ-10", patronymic="Серикович", email="akhmetov@example.kz")
    person("Иванов", "KZ-10")
    for role in ("reader", "secretariat"):
        assert found(api(role), "/api/v1/persons/", "серикович") == {found_person.pk}
    assert found(api("secretariat"), "/api/v1/persons/", "akhmetov@") == {found_person.pk}
    assert found(api("reader"), "/api/v1/persons/", "akhmetov@") == set()


@pytest.mark.parametrize(("model", "url"), [(Event, "/api/v1/events/"), (Person, "/api/v1/persons/")])
def test_a_search_reads_the_one_search_column_instead_of_an_or_over_every_field(api, users, model, url):
    with CaptureQueriesContext(connection) as queries:
        assert api("secretariat").get(url, {"search": "x"}).status_code == 200
    searched = [query["sql"] for query in queries if "LIKE" in query["sql"]]
    assert searched and all('"search_text"' in sql for sql in searched)
    field = model._meta.get_field("search_text")
    assert all(f'"{name}"' not in sql.split("WHERE", 1)[1] for sql in searched for name in field.fields)


def test_fields_are_compacted_only_when_the_column_covers_all_of_them():
    every = Event.search_fields
    assert search.compact(Event, every) == ("search_text",)
    assert search.compact(Event, ("title", "venue")) == ("title", "venue")
    assert search.compact(Person, (*Person.search_text.field.fields, "email")) == ("search_text", "email")
