"""How the portal's forms speak to a person: an error summary that leads to each field, choice groups with a legend,
no answer chosen for them, long lists in a reader's order, and a clear word before an edit changes official figures."""

import re

import pytest

from assembly.models import Body
from events.models import Event, Verification
from registry.ordering import natural_key
from tests.eventkit import assembly_of, make_event

pytestmark = pytest.mark.django_db


def test_an_invalid_event_shows_one_summary_linking_to_every_field_in_error(browser):
    response = browser("coord-kz-10").post(
        "/portal/events/new/", {"title": "", "kind": "", "status": "held", "start_date": "31.02.2025"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    summary = page[page.index("data-error-summary") : page.index("</div>", page.index("data-error-summary"))]
    assert "There is a problem" in summary
    links = re.findall(r'<a href="#field-(\w+)">([^<]+)</a>', summary)
    assert {field for field, _text in links} >= {"title", "kind", "start_date"}
    assert all(f'id="field-{field}"' in page for field, _text in links), "every link leads to its field"
    assert any(text.startswith("Title:") for _field, text in links), "each error names its field"
    assert Event.objects.count() == 0


def test_a_new_event_s_kind_is_chosen_by_the_coordinator_not_preselected(browser):
    page = browser("coord-kz-10").get("/portal/events/new/").content.decode()
    kind = page[page.index('name="kind"') : page.index("</select>", page.index('name="kind"'))]
    assert '<option value="" selected>Choose the kind</option>' in kind
    assert kind.count("selected") == 1


def test_the_languages_are_a_fieldset_with_a_legend(browser):
    page = browser("coord-kz-10").get("/portal/events/new/").content.decode()
    fieldset = page[page.index('<fieldset class="field group" id="field-languages">') :]
    fieldset = fieldset[: fieldset.index("</fieldset>")]
    assert "<legend>Languages used" in fieldset
    assert fieldset.count('type="checkbox"') >= 3


def test_organisers_are_listed_with_numbers_in_natural_order_and_searchable(browser):
    assembly_of("KZ-10")
    for number in (10, 2, 100, 1):
        Body.objects.create(
            kind="council_of_elders",
            level="local",
            region_id="KZ-10",
            name_kk=f"№{number} ақсақалдар кеңесі",
            name_ru=f"Совет старейшин №{number}",
            name_en=f"Council of Elders №{number}",
        )
    page = browser("coord-kz-10").get("/portal/events/new/").content.decode()
    select = page[page.index('name="organizer"') : page.index("</select>", page.index('name="organizer"'))]
    assert "data-searchable=" in select
    numbers = [int(number) for number in re.findall(r"Council of Elders №(\d+)", select)]
    assert numbers == [1, 2, 10, 100]


def test_natural_order_reads_numbers_as_numbers_and_ignores_case():
    names = ["School №10", "school №2", "School №1", "Aqsu", "aqmola"]
    assert sorted(names, key=natural_key) == ["aqmola", "Aqsu", "School №1", "school №2", "School №10"]


def test_a_coordinator_is_warned_before_editing_a_verified_event(browser):
    event = make_event(verification=Verification.VERIFIED)
    coordinator = browser("coord-kz-10").get(f"/portal/events/{event.pk}/").content.decode()
    assert "leaves them and goes back to the secretariat" in coordinator
    assert "Save as draft" not in coordinator
    secretariat = browser("secretariat").get(f"/portal/events/{event.pk}/").content.decode()
    assert "Your changes keep it verified" in secretariat


def test_the_queue_shows_what_it_takes_to_judge_an_event_and_only_regions_with_work(browser):
    make_event(
        title="Фестиваль дружбы",
        venue="Дом дружбы, Семей",
        description="Концерт ансамблей пяти этнокультурных объединений.",
        press_links=["https://example.kz/news/1"],
        funds_raised_kzt=1250000,
    )
    page = browser("secretariat").get("/portal/verification/").content.decode()
    assert "Дом дружбы, Семей" in page and "Концерт ансамблей" in page
    assert 'href="https://example.kz/news/1"' in page
    assert "1,250,000 ₸" in page
    region_choice = page[page.index('<select name="region">') : page.index("</select>")]
    assert "Abai" in region_choice and "Almaty" not in region_choice


def test_the_events_list_names_the_region_rather_than_its_code(browser):
    make_event()
    page = browser("coord-kz-10").get("/portal/events/").content.decode()
    assert "Abai" in page and "KZ-10 ·" not in page
