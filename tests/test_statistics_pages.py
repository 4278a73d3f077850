"""The public statistics pages: every figure recomputed from the rows the test makes, in tables, charts and files."""

import csv
import datetime
import io
import re
from collections import Counter, defaultdict
from urllib.parse import quote

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from assembly.models import BodyStatus, EthnicGroup, EthnoculturalAssociation
from events.models import Event, EventKind, EventStatus, Verification
from regions.models import Region
from tests.assembly_factories import association, build_network
from tests.conftest import web_client
from tests.eventkit import make_event

pytestmark = pytest.mark.django_db

YEAR = 2025
FIGURES = {
    "events": None,
    "participants": "participants_count",
    "volunteers": "volunteers_count",
    "beneficiaries": "beneficiaries_count",
    "funds": "funds_raised_kzt",
}


def day(month, year=YEAR):
    return datetime.date(year, month, 14)


@pytest.fixture
def events(reference):
    """Counted events in two regions and months, and every kind of event the public figures must leave out."""
    counted = [
        make_event(
            verification=Verification.VERIFIED,
            start_date=day(3),
            participants_count=120,
            volunteers_count=12,
            beneficiaries_count=30,
            funds_raised_kzt=250_000,
        ),
        make_event(
            verification=Verification.VERIFIED,
            start_date=day(7),
            kind=EventKind.SPORTS,
            participants_count=1_500,
            volunteers_count=40,
            beneficiaries_count=0,
            funds_raised_kzt=None,
        ),
        make_event(
            region="KZ-75",
            verification=Verification.VERIFIED,
            start_date=day(3),
            kind=EventKind.CHARITY,
            participants_count=60,
            volunteers_count=25,
            beneficiaries_count=400,
            funds_raised_kzt=1_200_000,
        ),
        make_event(
            region="KZ-75",
            verification=Verification.VERIFIED,
            start_date=day(11),
            status=EventStatus.PLANNED,
            participants_count=None,
            volunteers_count=None,
            beneficiaries_count=None,
        ),
    ]
    left_out = [
        make_event(verification=Verification.DRAFT, start_date=day(3), participants_count=9_000),
        make_event(verification=Verification.SUBMITTED, start_date=day(3), participants_count=9_000),
        make_event(verification=Verification.RETURNED, start_date=day(3), participants_count=9_000),
        make_event(verification=Verification.VERIFIED, start_date=day(3), is_public=False, participants_count=9_000),
        make_event(
            verification=Verification.VERIFIED,
            start_date=day(3),
            status=EventStatus.CANCELLED,
            participants_count=9_000,
        ),
        make_event(verification=Verification.VERIFIED, start_date=day(3, YEAR - 1), participants_count=9_000),
    ]
    archived = make_event(verification=Verification.VERIFIED, start_date=day(3), participants_count=9_000)
    Event.objects.filter(pk=archived.pk).update(archived_at=timezone.now())
    return counted, [*left_out, archived]


def recomputed(key):
    """The figures per `key` of an event, recomputed in Python from every event row by the published definition."""
    totals = defaultdict(Counter)
    for event in Event.objects.all():
        if (
            event.archived_at is None
            and event.status != EventStatus.CANCELLED
            and event.verification == Verification.VERIFIED
            and event.is_public
            and event.start_date.year == YEAR
        ):
            figures = totals[key(event)]
            figures["events"] += 1
            for name, field in FIGURES.items():
                if field:
                    figures[name] += getattr(event, field) or 0
    return totals


def section(response, slug):
    return next(s for s in response.context["sections"] if s["table"].slug == slug)


def figures_of(table, label):
    row = next(row for row in table.rows if row["label"] == label)
    return {name: row[name] for name in FIGURES}


def full(counter):
    return {name: counter.get(name, 0) for name in FIGURES}


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_page_answers_in_each_language_with_region_names_in_that_language(events, language):
    response = web_client(language=language).get("/statistics/", {"year": YEAR})
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()
    table = section(response, "events-by-region")["table"]
    abai = Region.objects.get(pk="KZ-10")
    assert getattr(abai, f"name_{language}") in [row["label"] for row in table.rows]
    assert not [row for row in table.rows if re.fullmatch(r"KZ-\d\d", row["label"])]


def test_events_by_region_equal_a_recomputation_from_the_rows_and_leave_unverified_and_hidden_events_out(events):
    response = web_client().get("/statistics/", {"year": YEAR})
    table = section(response, "events-by-region")["table"]
    expected = recomputed(lambda event: event.region_id)
    for region in Region.objects.active():
        assert figures_of(table, region.name_en) == full(expected.get(region.pk, {})), region.pk
    assert figures_of(table, "Abai")["participants"] == 1_620
    assert dict(zip(table.keys, table.totals, strict=True)) == {
        "events": 4,
        "participants": 1_680,
        "volunteers": 77,
        "beneficiaries": 430,
        "funds": 1_450_000,
    }


def test_events_by_month_and_by_kind_equal_a_recomputation_from_the_rows(events):
    response = web_client().get("/statistics/", {"year": YEAR})
    months = section(response, "events-by-month")["table"]
    by_month = recomputed(lambda event: event.start_date.month)
    assert [row["label"] for row in months.rows][:3] == ["January", "February", "March"]
    for number, row in enumerate(months.rows, start=1):
        assert {name: row[name] for name in FIGURES} == full(by_month.get(number, {}))
    kinds = section(response, "events-by-kind")["table"]
    by_kind = recomputed(lambda event: event.kind)
    for kind, label in EventKind.choices:
        assert figures_of(kinds, str(label)) == full(by_kind.get(kind, {}))


def test_choosing_a_region_counts_only_its_events(events):
    response = web_client().get("/statistics/", {"year": YEAR, "region": "KZ-75"})
    assert response.status_code == 200
    table = section(response, "events-by-region")["table"]
    expected = recomputed(lambda event: event.region_id)
    assert [row["label"] for row in table.rows] == ["Almaty"]
    assert figures_of(table, "Almaty") == full(expected["KZ-75"])
    months = section(response, "events-by-month")["table"]
    assert sum(row["events"] for row in months.rows) == 2


def test_the_page_shows_figures_in_the_readers_number_format(events):
    russian = web_client(language="ru").get("/statistics/", {"year": YEAR}).content.decode()
    english = web_client(language="en").get("/statistics/", {"year": YEAR}).content.decode()
    assert "1\xa0450\xa0000" in russian or "1 450 000" in russian
    assert "1,450,000" in english


def test_the_year_defaults_to_the_current_one(events):
    response = web_client().get("/statistics/")
    assert response.status_code == 200
    assert str(timezone.localdate().year) in section(response, "events-by-region")["title"]


def test_associations_by_region_and_ethnic_group_equal_a_recomputation_from_the_registry(reference):
    network = build_network()
    association(
        "KZ-19", "Liquidated club", ["Uyghurs"], status=BodyStatus.LIQUIDATED, dissolved_on=datetime.date(2020, 1, 1)
    )
    gone = association("KZ-10", "Archived club", ["Tatars"])
    EthnoculturalAssociation.objects.filter(pk=gone.pk).update(archived_at=timezone.now())
    listed = [
        a
        for a in EthnoculturalAssociation.objects.prefetch_related("ethnic_groups")
        if a.archived_at is None and a.status in ("registered", "active", "suspended")
    ]
    response = web_client().get("/statistics/")
    regions = section(response, "associations-by-region")["table"]
    for region in Region.objects.active():
        mine = [a for a in listed if a.region_id == region.pk]
        row = next(row for row in regions.rows if row["label"] == region.name_en)
        assert (row["associations"], row["active"]) == (len(mine), sum(a.status == "active" for a in mine))
    groups = section(response, "associations-by-ethnic-group")["table"]
    for group in ("Uyghurs", "Koreans", "Tatars"):
        mine = [a for a in listed if group in {g.name_en for g in a.ethnic_groups.all()}]
        row = next(row for row in groups.rows if row["label"] == group)
        assert (row["associations"], row["active"]) == (len(mine), sum(a.status == "active" for a in mine))
    assert next(row for row in groups.rows if row["label"] == "Uyghurs")["associations"] == 4
    assert groups.totals is None
    assert network["uyghur_19_suspended"].status == "suspended"


def csv_lines(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("slug", ["events-by-region", "events-by-month", "events-by-kind"])
def test_the_csv_and_xlsx_downloads_hold_the_rows_of_the_table_on_the_page(events, slug):
    client = web_client(language="ru")
    table = section(client.get("/statistics/", {"year": YEAR}), slug)["table"]
    total = ["Итого", *table.totals]  # the Russian page, its Russian total row
    expected = [table.headers, *([row["label"], *table.values(row)] for row in table.rows), total]
    as_csv = client.get(f"/statistics/{slug}.csv", {"year": YEAR})
    assert as_csv.status_code == 200
    assert as_csv["Content-Type"].startswith("text/csv")
    lines = csv_lines(as_csv)
    assert lines[0] == expected[0]
    assert [[line[0], *map(int, line[1:])] for line in lines[1:]] == expected[1:]

    as_xlsx = client.get(f"/statistics/{slug}.xlsx", {"year": YEAR})
    assert as_xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(as_xlsx.content)).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == expected
    assert sheet.freeze_panes == "B2"
    assert sheet.title == str(table.title)[:31]
    name = f"{table.title}, {YEAR}.xlsx" if slug.startswith("events-") else f"{table.title}.xlsx"
    assert as_xlsx["Content-Disposition"] == f"attachment; filename*=utf-8''{quote(name)}"


def test_the_csv_headers_are_human_and_the_rows_name_regions(events):
    lines = csv_lines(web_client().get("/statistics/events-by-region.csv", {"year": YEAR}))
    assert lines[0] == ["Region", "Events", "Participants", "Volunteers", "People helped", "Funds raised, tenge"]
    assert ["Abai", "2", "1620", "52", "30", "250000"] in lines


def test_every_chart_is_an_image_with_an_accessible_name_and_text_labels(events):
    page = web_client().get("/statistics/", {"year": YEAR}).content.decode()
    charts = re.findall(r"<svg[^>]*>.*?</svg>", page, re.S)
    assert len(charts) == 5
    for chart in charts:
        assert 'role="img"' in chart
        labelled_by = re.search(r'aria-labelledby="([^"]+)"', chart).group(1)
        title = re.search(rf'<title id="{labelled_by}">([^<]+)</title>', chart).group(1)
        assert "bar chart" in title
    region_chart = next(chart for chart in charts if "chart-events-by-region" in chart)
    assert '<text class="bar-label" x="0" y="16">Abai</text>' in region_chart
    assert ">1,620<" not in region_chart  # the region chart draws events, not participants
    assert re.search(r'class="bar-value"[^>]*>2</text>', region_chart)
    assert " style=" not in page and "<script>" not in page


@pytest.mark.parametrize(
    "query",
    [{"year": "abc"}, {"year": "1800"}, {"year": str(timezone.localdate().year + 5)}, {"region": "KZ-99"}],
)
def test_a_bad_year_or_region_is_a_form_error_with_400_never_a_500(events, query):
    response = web_client().get("/statistics/", query)
    assert response.status_code == 400
    assert response.context["form"].errors
    assert response.context["sections"] == []
    download = web_client().get("/statistics/events-by-region.csv", query)
    assert download.status_code == 400


def test_an_unknown_table_is_not_found(events):
    assert web_client().get("/statistics/events-by-nothing.csv").status_code == 404


def test_the_public_navigation_links_the_statistics(reference):
    assert 'href="/statistics/"' in web_client().get("/calendar/").content.decode()


def test_a_long_table_charts_its_first_twenty_rows_and_says_so(reference):
    for number in range(23):
        EthnicGroup.objects.create(name_en=f"Group {number}", name_kk=f"Топ {number}")
        association("KZ-10", f"Association {number}", [f"Group {number}"])
    response = web_client().get("/statistics/")
    chosen = section(response, "associations-by-ethnic-group")
    assert len(chosen["table"].rows) == 23
    assert chosen["chart"].count('class="bar"') == 20
    assert "The chart shows the first 20 rows; the table has them all." in response.content.decode()
