"""The public events calendar and its iCalendar feed: verified public events only, RFC 5545 done right."""

import datetime

import pytest
from django.utils import timezone

from tests.eventkit import make_event

pytestmark = pytest.mark.django_db

ROLES = ["admin", "secretariat", "coord-kz-10", "coord-kz-75", "mediator-kz-10", "reader", None]


def soon(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def calendar_events(users):
    return {
        "public": make_event(
            title="Наурыз; фестиваль, достық",
            status="planned",
            start_date=soon(5),
            end_date=soon(7),
            verification="verified",
            venue="Семей, Абай алаңы",
            description="Line one\nLine two",
        ),
        "almaty": make_event(
            region="KZ-75",
            title="Almaty sports day",
            kind="sports",
            status="planned",
            start_date=soon(10),
            verification="verified",
        ),
        "closed": make_event(
            title="Closed meeting", status="planned", start_date=soon(3), verification="verified", is_public=False
        ),
        "submitted": make_event(title="Not yet verified", status="planned", start_date=soon(4)),
        "past": make_event(title="Long ago", start_date=datetime.date(2024, 1, 5), verification="verified"),
    }


@pytest.mark.parametrize("role", ROLES)
def test_the_calendar_shows_upcoming_verified_public_events_to_everyone(browser, calendar_events, role):
    page = browser(role).get("/calendar/").content.decode()
    assert "Наурыз; фестиваль, достық" in page
    assert "Almaty sports day" in page
    for hidden in ("Closed meeting", "Not yet verified", "Long ago"):
        assert hidden not in page
    assert "/calendar.ics" in page and "webcal://" in page


def test_calendar_filters_by_region_and_kind(client, calendar_events):
    page = client.get("/calendar/", {"region": "KZ-75"}).content.decode()
    assert "Almaty sports day" in page and "Наурыз" not in page
    assert "calendar.ics?region=KZ-75" in page
    page = client.get("/calendar/", {"kind": "festival"}).content.decode()
    assert "Наурыз" in page and "Almaty sports day" not in page
    assert client.get("/calendar/", {"region": "KZ-99"}).status_code == 200  # explained, not a 500


def test_public_event_page(client, calendar_events):
    assert client.get(f"/calendar/{calendar_events['public'].pk}/").status_code == 200
    assert client.get(f"/calendar/{calendar_events['submitted'].pk}/").status_code == 404
    assert client.get(f"/calendar/{calendar_events['closed'].pk}/").status_code == 404


def unfold(body):
    return body.replace("\r\n ", "")


def test_ics_feed_is_valid_rfc_5545(client, calendar_events):
    response = client.get("/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode("utf-8")
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert body.endswith("END:VCALENDAR\r\n")
    assert "\n" not in body.replace("\r\n", "")  # CRLF only
    for line in body.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    text = unfold(body)
    assert text.count("BEGIN:VEVENT") == 2  # the 2024 event is older than the feed keeps
    public = calendar_events["public"]
    assert f"UID:event-{public.pk}@testserver" in text
    assert f"DTSTART;VALUE=DATE:{public.start_date:%Y%m%d}" in text
    assert f"DTEND;VALUE=DATE:{public.end_date + datetime.timedelta(days=1):%Y%m%d}" in text  # exclusive end
    assert "SUMMARY:Наурыз\\; фестиваль\\, достық" in text
    assert "Line one\\nLine two" in text
    assert "DTSTAMP:" in text and text.split("DTSTAMP:")[1][:16].endswith("Z")
    for hidden in ("Closed meeting", "Not yet verified"):
        assert hidden not in text


def test_ics_filters(client, calendar_events):
    text = unfold(client.get("/calendar.ics", {"region": "KZ-75"}).content.decode())
    assert text.count("BEGIN:VEVENT") == 1 and "Almaty sports day" in text
    text = unfold(client.get("/calendar.ics", {"kind": "festival"}).content.decode())
    assert "Наурыз" in text and "Almaty sports day" not in text
    bad = client.get("/calendar.ics", {"region": "KZ-99", "kind": "party"})
    assert bad.status_code == 400
    assert "region" in bad.content.decode() and "kind" in bad.content.decode()


def test_folding_never_splits_a_character_and_escaping_keeps_the_text(client, calendar_events):
    title = "Қазақстан халқы Ассамблеясы " * 6
    make_event(
        title=title.strip(),
        start_date=soon(8),
        verification="verified",
        status="planned",
        description="a\\b;c,d\ne",
    )
    body = client.get("/calendar.ics").content
    for line in body.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # a folded line never ends inside a character
    text = unfold(body.decode("utf-8"))
    assert f"SUMMARY:{title.strip()}" in text
    assert "a\\\\b\\;c\\,d\\ne" in text


def test_the_calendar_shows_each_event_under_its_title_in_the_readers_language(client, calendar_events):
    almaty = calendar_events["almaty"]
    almaty.title_kk = "Алматы спорт күні"
    almaty.save()
    page = client.get("/calendar/", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert "Алматы спорт күні" in page
    event_page = client.get(f"/calendar/{almaty.pk}/", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert "<h1>Алматы спорт күні</h1>" in event_page
    assert "Almaty sports day" in event_page  # the title as announced stays beside the translation
    feed = unfold(client.get("/calendar.ics", HTTP_ACCEPT_LANGUAGE="kk").content.decode())
    assert "SUMMARY:Алматы спорт күні" in feed


def test_an_untranslated_title_falls_back_to_the_one_as_announced(client, calendar_events):
    almaty = calendar_events["almaty"]
    almaty.title_kk = "Алматы спорт күні"
    almaty.save()
    page = client.get(f"/calendar/{almaty.pk}/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "<h1>Almaty sports day</h1>" in page
    assert "Алматы спорт күні" not in page


@pytest.fixture
def translated_event(users):
    return make_event(
        title="Наурыз мерекесі",
        title_kk="Наурыз мерекесі",
        title_ru="Праздник Наурыз",
        title_en="Nauryz celebration",
        kind="festival",
        status="planned",
        start_date=soon(6),
        end_date=soon(6),
        verification="verified",
    )


def test_the_feed_speaks_the_language_its_link_names_without_any_cookie(translated_event):
    from django.test import Client

    phone = Client()  # a calendar app: no session, no language cookie, no Accept-Language
    russian = unfold(phone.get("/calendar.ics", {"lang": "ru"}).content.decode())
    assert "SUMMARY:Праздник Наурыз" in russian
    assert "область Абай" in russian  # the place in Russian too
    assert "X-WR-CALNAME:" in russian and "Nauryz celebration" not in russian
    english = unfold(phone.get("/calendar.ics", {"lang": "en"}).content.decode())
    assert "SUMMARY:Nauryz celebration" in english and "Abai" in english
    kazakh = unfold(phone.get("/calendar.ics", {"lang": "kk"}).content.decode())
    assert "SUMMARY:Наурыз мерекесі" in kazakh and "Абай облысы" in kazakh


def test_a_feed_asking_for_an_unknown_language_is_told_which_parameter_is_wrong(client, translated_event):
    response = client.get("/calendar.ics", {"lang": "fr"})
    assert response.status_code == 400
    assert response.content.decode().startswith("lang:")


def test_the_calendar_page_links_the_feed_in_the_pages_language_and_explains_subscribing(client, translated_event):
    page = client.get("/calendar/", {"region": "KZ-10"}, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "/calendar.ics?region=KZ-10&amp;lang=ru" in page
    assert "webcal://testserver/calendar.ics?region=KZ-10&amp;lang=ru" in page
    assert 'id="ics-address"' in page and "iPhone" in page and "Android" in page


def test_one_event_as_a_file_for_ones_own_calendar(client, translated_event):
    from icalendar import Calendar

    event = translated_event
    response = client.get(f"/calendar/{event.pk}.ics", {"lang": "ru"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="event-{event.pk}.ics"'
    parsed = Calendar.from_ical(response.content)
    entries = parsed.walk("VEVENT")
    assert len(entries) == 1
    entry = entries[0]
    assert str(entry["UID"]) == f"event-{event.pk}@testserver"  # the same UID as in the feed: no duplicate
    assert str(entry["SUMMARY"]) == "Праздник Наурыз"
    assert entry.decoded("DTSTART") == event.start_date
    assert entry.decoded("DTEND") == event.start_date + datetime.timedelta(days=1)
    assert str(entry["URL"]) == f"http://testserver/calendar/{event.pk}/"
    feed = unfold(client.get("/calendar.ics", {"lang": "ru"}).content.decode())
    assert f"UID:event-{event.pk}@testserver" in feed
    kazakh = Calendar.from_ical(client.get(f"/calendar/{event.pk}.ics", {"lang": "kk"}).content)
    assert str(kazakh.walk("VEVENT")[0]["SUMMARY"]) == "Наурыз мерекесі"


def test_only_public_verified_events_can_be_added_to_a_calendar(client, calendar_events, translated_event):
    assert client.get(f"/calendar/{calendar_events['submitted'].pk}.ics").status_code == 404
    assert client.get(f"/calendar/{calendar_events['closed'].pk}.ics").status_code == 404
    assert client.get(f"/calendar/{translated_event.pk}.ics", {"lang": "xx"}).status_code == 400


def test_the_event_page_offers_it_for_ones_own_calendar_in_the_pages_language(client, translated_event):
    page = client.get(f"/calendar/{translated_event.pk}/", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert f'href="/calendar/{translated_event.pk}.ics?lang=kk"' in page
    assert 'href="/regions/KZ-10/"' in page
