"""The public front page and the region pages: figures from verified records only, counted when the page is asked
for; each region's page shows that region's network and nothing of another's; names, never codes, for people."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone, translation

from assembly.models import BodyKind, BodyStatus, EthnoculturalAssociation, HouseOfFriendship, Level
from councils.models import Council
from events.models import Event
from tests.assembly_factories import build_network, house
from tests.eventkit import assembly_of, make_event

pytestmark = pytest.mark.django_db

COUNTED_STATUSES = {"registered", "active", "suspended"}


def visible_text(page):
    """What a person reads: the page without its tags, attributes, style sheet links and scripts."""
    return re.sub(r"<[^>]+>", " ", page)


def this_year(month=1, day=10):
    return datetime.date(timezone.localdate().year, month, day)


def soon(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def council(region, kind, english, kazakh):
    return Council.objects.create(
        kind=kind, level=Level.REGIONAL, region_id=region, name_en=english, name_ru=f"{english} (ru)", name_kk=kazakh
    )


@pytest.fixture
def world(reference):
    made = build_network()
    made["house_75_closed"] = house("KZ-75", "Closed House of Almaty", status=BodyStatus.PLANNED)
    made["events"] = {
        "abai_held": make_event(
            "KZ-10", "Abai held", start_date=this_year(), verification="verified", participants_count=120
        ),
        "almaty_held": make_event(
            "KZ-75", "Almaty held", start_date=this_year(), verification="verified", participants_count=30
        ),
        "abai_unverified": make_event("KZ-10", "Abai unverified", start_date=this_year(), participants_count=5000),
        "abai_returned": make_event(
            "KZ-10", "Abai returned", start_date=this_year(), verification="returned", participants_count=700
        ),
        "abai_last_year": make_event(
            "KZ-10",
            "Abai last year",
            start_date=this_year().replace(year=this_year().year - 1),
            verification="verified",
            participants_count=900,
        ),
        "abai_coming": make_event(
            "KZ-10",
            "Abai coming",
            title_en="Abai festival ahead",
            start_date=soon(3),
            status="planned",
            verification="verified",
            participants_count=None,
        ),
        "abai_coming_unverified": make_event("KZ-10", "Abai coming unverified", start_date=soon(4), status="planned"),
        "almaty_coming": make_event(
            "KZ-75",
            "Almaty coming",
            start_date=soon(5),
            status="planned",
            verification="verified",
            participants_count=None,
        ),
    }
    made["councils"] = {
        "abai_elders": council(
            "KZ-10", BodyKind.COUNCIL_OF_ELDERS, "Council of Elders of Abai", "Абай ақсақалдар кеңесі"
        ),
        "almaty_mothers": council(
            "KZ-75", BodyKind.COUNCIL_OF_MOTHERS, "Council of Mothers of Almaty", "Алматы аналар кеңесі"
        ),
    }
    return made


def expected_figures(region=None):
    """The front page's figures recomputed from the rows in Python, by the rules the page promises."""
    year = timezone.localdate().year

    def here(row):
        return region is None or row.region_id == region

    events = [
        event
        for event in Event.objects.all()
        if here(event)
        and event.start_date.year == year
        and event.verification == "verified"
        and event.is_public
        and event.archived_at is None
        and event.status != "cancelled"
    ]
    associations = [
        row
        for row in EthnoculturalAssociation.objects.all()
        if here(row) and row.archived_at is None and row.status in COUNTED_STATUSES
    ]
    houses = [
        row
        for row in HouseOfFriendship.objects.all()
        if here(row) and row.archived_at is None and row.status == "operating"
    ]
    return {
        "events": len(events),
        "participants": sum(event.participants_count or 0 for event in events),
        "associations": len(associations),
        "houses": len(houses),
    }


def shown_figures(response):
    figures = response.context["figures"]
    return {name: getattr(figures, name) for name in ("events", "participants", "associations", "houses")}


def test_the_front_page_counts_verified_events_of_this_year_and_the_listed_network(client, world):
    response = client.get("/")
    assert response.status_code == 200
    assert shown_figures(response) == expected_figures()
    # the unverified (5000) and returned (700) events and last year's (900) are not counted
    assert shown_figures(response)["participants"] == 150
    page = response.content.decode()
    assert ">150<" in page


def test_the_front_page_figures_follow_a_change_at_once(client, world):
    before = shown_figures(client.get("/"))
    unverified = world["events"]["abai_unverified"]
    unverified.verification = "verified"
    unverified.save()
    world["uyghur_75"].archive(None)
    after = shown_figures(client.get("/"))
    assert after == expected_figures()
    assert after["events"] == before["events"] + 1
    assert after["participants"] == before["participants"] + 5000
    assert after["associations"] == before["associations"] - 1


def test_the_front_page_lists_the_next_verified_public_events_with_local_dates(client, world):
    response = client.get("/")
    titles = [event.title for event in response.context["upcoming"]]
    assert titles == ["Abai coming", "Almaty coming"]
    page = response.content.decode()
    assert "Abai festival ahead" in page  # the title in the reader's language
    assert "Abai coming unverified" not in page and "Abai held" not in page
    with translation.override("ru"):
        month = formats.date_format(soon(3), "M")
    russian = client.get("/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert f'<span class="mon">{month}</span>' in russian
    assert re.search("[а-я]", month.lower())  # the month's name in Russian, not in English


def test_the_tile_map_links_every_region_by_name_and_is_readable_without_script(client, world):
    page = client.get("/").content.decode()
    svg = re.search(r'<svg class="tilemap".*?</svg>', page, re.S).group(0)
    links = re.findall(r'<a href="/regions/(KZ-\d\d)/" aria-label="([^"]+)"', svg)
    assert len(links) == 20
    labels = dict(links)
    year = timezone.localdate().year
    abai, almaty = expected_figures("KZ-10")["events"], expected_figures("KZ-75")["events"]
    assert labels["KZ-10"] == f"Abai: {abai} {'event' if abai == 1 else 'events'} in {year}"
    assert labels["KZ-75"] == f"Almaty: {almaty} {'event' if almaty == 1 else 'events'} in {year}"
    assert labels["KZ-59"] == f"North Kazakhstan: 0 events in {year}"
    assert "<title" in svg and 'aria-labelledby="tilemap-title tilemap-desc"' in svg
    # drawn by the server: no script, no event handler, nothing from the internet
    assert "<script" not in svg and not re.search(r" on[a-z]+=", svg) and "https://" not in page
    assert "KZ-" not in visible_text(page)


def test_the_front_page_asks_the_database_a_fixed_number_of_times(client, world):
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    for index in range(5):
        make_event("KZ-19", f"More {index}", start_date=this_year(), verification="verified")
        make_event("KZ-19", f"Coming {index}", start_date=soon(10), status="planned", verification="verified")
    with CaptureQueriesContext(connection) as more:
        client.get("/")
    assert len(more) == len(few) <= 12


def test_a_region_page_shows_its_own_network_and_not_another_regions(client, world):
    response = client.get("/regions/KZ-10/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Abai</h1>" in page
    assert assembly_of("KZ-10").name_en in page and assembly_of("KZ-75").name_en not in page
    assert "Test House Semey" in page and "Test House Konaev" not in page
    assert "Tatars" in page and "Uyghurs" not in page
    assert "Council of Elders of Abai" in page and "Council of Mothers of Almaty" not in page
    assert "Abai festival ahead" in page
    for hidden in ("Almaty coming", "Abai coming unverified", "Abai held"):
        assert hidden not in page, hidden
    assert shown_figures(response) == expected_figures("KZ-10")
    for link in (
        "/directory/houses-of-friendship/?region=KZ-10",
        "/directory/associations/?region=KZ-10",
        "/calendar/?region=KZ-10",
        "/statistics/?region=KZ-10",
    ):
        assert link in page, link
    tatars = world["abai_tatar"].ethnic_groups.get()
    assert f"/directory/associations/?region=KZ-10&amp;ethnic_group={tatars.pk}" in page


def test_a_region_page_speaks_the_readers_language_and_shows_no_codes(client, world):
    page = client.get("/regions/KZ-10/", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert "Абай облысы" in page and "Абай ақсақалдар кеңесі" in page
    assert "KZ-10" not in visible_text(page)


def test_a_region_address_is_forgiving_about_case_and_clear_about_unknown_codes(client, world):
    response = client.get("/regions/kz-10/")
    assert response.status_code == 301 and response["Location"] == "/regions/KZ-10/"
    assert client.get("/regions/KZ-99/").status_code == 404
    assert client.get("/regions/abai/").status_code == 301  # made upper case, then not found
    assert client.get("/regions/ABAI/").status_code == 404


def test_the_regions_page_lists_every_region_in_alphabetical_order(client, world):
    response = client.get("/regions/", HTTP_ACCEPT_LANGUAGE="en")
    names = [row["region"].name for row in response.context["rows"]]
    assert len(names) == 20
    assert names[:4] == ["Abai", "Akmola", "Aktobe", "Almaty"]
