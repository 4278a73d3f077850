"""The statistics pages as the secretariat sees them: figures awaiting verification and drafts beside the verified
ones, recomputed from the rows; the public and every other role see the verified figures only."""

import csv
import datetime
import io
from collections import Counter, defaultdict

import pytest
from django.utils import timezone

from events.models import Event, EventStatus, Verification
from regions.models import Region
from tests.conftest import web_client
from tests.eventkit import make_event

pytestmark = pytest.mark.django_db

YEAR = 2025
DRAFT_PARTICIPANTS = 7_777_123
STAGES = {
    "": (Verification.VERIFIED,),
    "_awaiting": (Verification.SUBMITTED, Verification.RETURNED),
    "_draft": (Verification.DRAFT,),
}
FIGURES = {"participants": "participants_count", "volunteers": "volunteers_count", "funds": "funds_raised_kzt"}


def day(month, year=YEAR):
    return datetime.date(year, month, 14)


@pytest.fixture
def events(users):
    make_event(verification=Verification.VERIFIED, start_date=day(3), participants_count=120, volunteers_count=4)
    make_event(verification=Verification.SUBMITTED, start_date=day(3), participants_count=450, funds_raised_kzt=9)
    make_event(verification=Verification.RETURNED, start_date=day(5), participants_count=80, volunteers_count=3)
    make_event(verification=Verification.DRAFT, start_date=day(5), participants_count=DRAFT_PARTICIPANTS)
    make_event(region="KZ-75", verification=Verification.DRAFT, start_date=day(7), participants_count=15)
    make_event(region="KZ-75", verification=Verification.SUBMITTED, start_date=day(7), participants_count=33)
    # Left out of every column: cancelled, hidden from the public, another year, archived.
    make_event(verification=Verification.DRAFT, start_date=day(3), status=EventStatus.CANCELLED, participants_count=1)
    make_event(verification=Verification.SUBMITTED, start_date=day(3), is_public=False, participants_count=2)
    make_event(verification=Verification.DRAFT, start_date=day(3, YEAR - 1), participants_count=3)
    archived = make_event(verification=Verification.DRAFT, start_date=day(3), participants_count=4)
    Event.objects.filter(pk=archived.pk).update(archived_at=timezone.now())


def recomputed(key):
    """Per `key` of an event and per stage suffix, its figures recomputed in Python from every event row."""
    totals = defaultdict(Counter)
    for event in Event.objects.all():
        if event.archived_at or event.status == EventStatus.CANCELLED or not event.is_public:
            continue
        if event.start_date.year != YEAR:
            continue
        suffix = next(suffix for suffix, stages in STAGES.items() if event.verification in stages)
        figures = totals[key(event)]
        figures[f"events{suffix}"] += 1
        for name, field in FIGURES.items():
            figures[f"{name}{suffix}"] += getattr(event, field) or 0
    return totals


def section(response, slug):
    return next(s for s in response.context["sections"] if s["table"].slug == slug)


def row_of(table, label):
    return next(row for row in table.rows if row["label"] == label)


@pytest.mark.parametrize("who", [None, "reader", "coord-kz-10", "mediator-kz-10"])
def test_the_public_and_other_roles_see_no_draft_or_unverified_figure(users, events, who):
    client = web_client(users[who] if who else None)
    response = client.get("/statistics/", {"year": YEAR})
    page = response.content.decode()
    assert response.status_code == 200
    for shown in (f"{DRAFT_PARTICIPANTS:,}", str(DRAFT_PARTICIPANTS), "awaiting verification", "drafts"):
        assert shown not in page
    table = section(response, "events-by-region")["table"]
    assert table.keys == ["events", "participants", "volunteers", "beneficiaries", "funds"]
    assert row_of(table, "Abai")["participants"] == 120
    download = client.get("/statistics/events-by-region.csv", {"year": YEAR}).content.decode("utf-8-sig")
    assert str(DRAFT_PARTICIPANTS) not in download


def test_the_secretariat_sees_each_stage_in_its_own_labelled_column(users, events):
    response = web_client(users["secretariat"]).get("/statistics/", {"year": YEAR})
    page = response.content.decode()
    assert "Participants · verified" in page
    assert "Participants · awaiting verification" in page
    assert "Participants · drafts" in page
    assert f"{DRAFT_PARTICIPANTS:,}" in page
    table = section(response, "events-by-region")["table"]
    abai = row_of(table, "Abai")
    assert (abai["participants"], abai["participants_awaiting"], abai["participants_draft"]) == (
        120,
        530,
        DRAFT_PARTICIPANTS,
    )
    assert table.chart_key == "events"  # the chart stays the verified figure


@pytest.mark.parametrize(
    ("slug", "key", "label"),
    [
        ("events-by-region", lambda event: event.region_id, lambda key: Region.objects.get(pk=key).name_en),
        ("events-by-month", lambda event: event.start_date.month, lambda key: day(key).strftime("%B")),
    ],
)
def test_the_secretariats_figures_equal_a_recomputation_from_the_rows(users, events, slug, key, label):
    table = section(web_client(users["secretariat"]).get("/statistics/", {"year": YEAR}), slug)["table"]
    expected = recomputed(key)
    assert expected
    for group, figures in expected.items():
        row = row_of(table, label(group))
        assert {name: row[name] for name in figures} == dict(figures), group
    totals = dict(zip(table.keys, table.totals, strict=True))
    assert totals["events_draft"] == 2 and totals["events_awaiting"] == 3 and totals["events"] == 1


def test_the_secretariats_download_has_the_same_columns_as_its_page(users, events):
    client = web_client(users["secretariat"])
    lines = list(
        csv.reader(
            io.StringIO(client.get("/statistics/events-by-region.csv", {"year": YEAR}).content.decode("utf-8-sig"))
        )
    )
    assert lines[0][:4] == ["Region", "Events · verified", "Events · awaiting verification", "Events · drafts"]
    abai = next(line for line in lines if line[0] == "Abai")
    participants = lines[0].index("Participants · drafts")
    assert abai[participants] == str(DRAFT_PARTICIPANTS)


@pytest.mark.parametrize(
    ("language", "awaiting", "drafts"), [("ru", "ожидают проверки", "черновики"), ("kk", "тексеруді күтуде", "жобалар")]
)
def test_the_secretariats_columns_are_labelled_in_the_readers_language(users, events, language, awaiting, drafts):
    page = web_client(users["secretariat"], language=language).get("/statistics/", {"year": YEAR}).content.decode()
    assert f"· {awaiting}" in page and f"· {drafts}" in page
