"""Kazakh in the Latin script as readers meet it: pages, the API, exports and the calendar feed, each in one script."""

import csv
import datetime
import io
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from openpyxl import load_workbook

from events.models import Verification
from tests.conftest import api_client, web_client
from tests.eventkit import make_event

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile("[\u0400-\u04ff]+")
LANGUAGE_SWITCH = re.compile(r'<form[^>]*class="langs".*?</form>', re.S)
PUBLIC_PAGES = ["/", "/calendar/", "/statistics/", "/directory/houses-of-friendship/", "/portal/login/"]


def interface_text(html):
    """The page without the language switch, which names every language in its own script."""
    return LANGUAGE_SWITCH.sub("", html)


@pytest.fixture
def festival(reference):
    day = timezone.localdate() + datetime.timedelta(days=5)
    return make_event(
        title="Наурыз мерекесі",
        title_kk="Наурыз мерекесі",
        title_ru="Праздник Наурыз",
        title_en="Nauryz holiday",
        status="planned",
        start_date=day,
        end_date=day,
        verification=Verification.VERIFIED,
        venue="Semey",
        description="Concert and games",
    )


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_a_page_in_kazakh_latin_has_no_cyrillic_left(festival, url):
    client = web_client()
    client.cookies["django_language"] = "kk-latn"
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="kk-latn">' in html
    assert CYRILLIC.findall(interface_text(html)) == []


@pytest.mark.parametrize(
    ("language", "cyrillic_interface"), [("kk", True), ("ru", True), ("en", False), ("kk-latn", False)]
)
def test_each_language_writes_the_interface_in_its_own_script(festival, language, cyrillic_interface):
    client = web_client(language=language)
    for url in PUBLIC_PAGES:
        html = interface_text(client.get(url).content.decode())
        assert bool(CYRILLIC.search(html)) is cyrillic_interface, (language, url)


def test_the_home_page_lists_regions_in_latin_and_the_switch_offers_qaz(reference):
    html = web_client(language="kk-Latn").get("/").content.decode()
    assert "Abai oblysy" in html and "Şyğys Qazaqstan oblysy" in html
    assert 'value="kk-latn"' in html and 'title="Qazaqşa"' in html and ">QAZ</button>" in html
    assert ">KK</button>" in html and ">RU</button>" in html and ">EN</button>" in html


def test_choosing_qaz_in_the_switch_keeps_the_reader_in_kazakh_latin(reference):
    client = web_client(language="en")
    response = client.post("/i18n/setlang/", {"language": "kk-latn", "next": "/"})
    assert response.status_code == 302
    assert client.cookies["django_language"].value == "kk-latn"
    assert "Kıru" in client.get("/portal/login/").content.decode()


def test_the_api_answers_accept_language_kk_latn_with_latin_names_and_keeps_the_stored_three(reference):
    client = api_client(language="kk-Latn")
    region = client.get("/api/v1/regions/KZ-63/").json()
    assert region["name"] == "Şyğys Qazaqstan oblysy"
    assert region["names"] == {
        "kk": "Шығыс Қазақстан облысы",
        "ru": "Восточно-Казахстанская область",
        "en": "East Kazakhstan",
    }
    listed = {row["id"]: row["name"] for row in client.get("/api/v1/regions/").json()["results"]}
    assert listed["KZ-10"] == "Abai oblysy"
    assert listed["KZ-62"] == "Ūlytau oblysy"
    groups = client.get("/api/v1/ethnic-groups/", {"page_size": 100}).json()["results"]
    assert "özbekter" in {row["name"] for row in groups}
    assert all(not CYRILLIC.search(row["name"]) for row in groups)


def test_the_api_csv_in_kazakh_latin_names_regions_in_latin(reference):
    response = api_client(language="kk-Latn").get("/api/v1/regions/", {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    abai = next(row for row in rows if row["id"] == "KZ-10")
    assert abai["name"] == "Abai oblysy"
    assert abai["names.kk"] == "Абай облысы"


def test_the_calendar_feed_in_kazakh_latin_is_written_in_latin(festival):
    client = web_client(language="kk-latn")
    body = client.get("/calendar.ics").content.decode("utf-8").replace("\r\n ", "")
    assert "SUMMARY:Nauryz merekesı" in body
    assert "Abai oblysy" in body  # the region in the event's location
    assert "X-WR-CALNAME:" in body
    assert CYRILLIC.findall(body) == []
    kazakh = web_client(language="kk").get("/calendar.ics").content.decode("utf-8").replace("\r\n ", "")
    assert "SUMMARY:Наурыз мерекесі" in kazakh


def test_statistics_downloads_in_kazakh_latin_name_regions_in_latin(festival):
    client = web_client(language="kk-latn")
    year = festival.start_date.year
    as_csv = client.get("/statistics/events-by-region.csv", {"year": year}).content.decode("utf-8-sig")
    assert "Abai oblysy" in as_csv and not CYRILLIC.search(as_csv)
    sheet = load_workbook(io.BytesIO(client.get("/statistics/events-by-region.xlsx", {"year": year}).content)).active
    cells = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert "Abai oblysy" in cells
    assert not [cell for cell in cells if CYRILLIC.search(cell)]


def test_dates_and_numbers_in_kazakh_latin_follow_kazakh_in_latin_letters(festival):
    from django.utils import formats, translation

    with translation.override("kk-latn"):
        assert formats.date_format(datetime.date(2026, 11, 28)) == "2026 jylğy 28 qaraşa"
        assert formats.date_format(datetime.date(2026, 11, 28), "SHORT_DATE_FORMAT") == "28.11.2026"
        assert formats.number_format(1463000.5, 2, use_l10n=True, force_grouping=True) == "1\xa0463\xa0000,50"


def test_the_latin_catalogue_is_made_from_the_kazakh_one_at_compile_time(tmp_path):
    kazakh = tmp_path / "kk" / "LC_MESSAGES"
    kazakh.mkdir(parents=True)
    shutil.copy(Path(settings.LOCALE_PATHS[0]) / "kk" / "LC_MESSAGES" / "django.po", kazakh / "django.po")
    with override_settings(LOCALE_PATHS=[tmp_path]):
        out = io.StringIO()
        call_command("compile_translations", stdout=out)
    assert "Kazakh Latin catalogue made" in out.getvalue()
    latin = polib.mofile(str(tmp_path / "kk_Latn" / "LC_MESSAGES" / "django.mo"))
    messages = {(entry.msgctxt, entry.msgid): entry for entry in latin}
    source = polib.pofile(str(kazakh / "django.po"))
    for entry in source.translated_entries():
        made = messages[(entry.msgctxt, entry.msgid)]
        texts = made.msgstr_plural.values() if made.msgid_plural else [made.msgstr]
        assert all(text and not CYRILLIC.search(text) for text in texts), entry.msgid
    assert messages[(None, "Log in")].msgstr == "Kıru"
    assert messages[(None, "This field is required.")].msgstr == "Būl män mındettı."  # Django's own message too
    assert not (tmp_path / "kk_Latn" / "LC_MESSAGES" / "django.po").exists()  # never a second catalogue to keep


def test_statistics_list_regions_in_the_order_of_the_kazakh_latin_alphabet(festival):
    response = web_client(language="kk-latn").get("/statistics/", {"year": festival.start_date.year})
    table = next(s for s in response.context["sections"] if s["table"].slug == "events-by-region")["table"]
    labels = [row["label"] for row in table.rows]
    # Ş comes after S and before T, Ū after U: the 2021 alphabet's order, not the order of the code points.
    expected = ["Soltüstık Qazaqstan oblysy", "Şyğys Qazaqstan oblysy", "Şymkent qalasy", "Türkıstan oblysy"]
    assert [label for label in labels if label[0] in "SŞT"] == expected
    assert labels[-1] == "Ūlytau oblysy"
    assert labels[:3] == ["Abai oblysy", "Almaty oblysy", "Almaty qalasy"]
