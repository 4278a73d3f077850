"""The annual report's figures: each one recomputed in Python from the rows the test made, by the definitions in
docs/statistics.md, and compared with the workbook's cells (read back with openpyxl) and the printable page."""

from collections import Counter, defaultdict

import pytest
from django.utils import translation

from assembly.models import BodyKind, Instruction, InstructionStatus, Membership
from councils.models import Council
from events.models import Event, EventKind, EventStatus, Verification
from regions.models import Region
from stats.annual import SECTIONS, build_report
from stats.annual.html import html_page
from stats.annual.report import long_date
from stats.annual.xlsx import xlsx_bytes
from tests.annual_reading import html_tables, number, sheet_tables, workbook
from tests.annual_world import YEAR, day
from tests.conftest import api_client

pytestmark = pytest.mark.django_db
ABAI = "Abai"  # the English name of KZ-10 in the reference data
FIGURES = ("participants_count", "volunteers_count", "beneficiaries_count", "funds_raised_kzt")


@pytest.fixture(scope="module")
def report(annual_world, django_db_blocker):
    with django_db_blocker.unblock():
        built = build_report(YEAR, language="en")
        return built, workbook(xlsx_bytes(built)), html_tables(html_page(built))


def counted(event, year=YEAR):
    return (
        event.archived_at is None
        and event.status != EventStatus.CANCELLED
        and event.verification == Verification.VERIFIED
        and event.start_date.year == year
    )


def recomputed_events(key):
    totals = defaultdict(Counter)
    for event in Event.objects.all():
        if counted(event):
            totals[key(event)]["events"] += 1
            for field in FIGURES:
                totals[key(event)][field] += getattr(event, field) or 0
    return totals


def expected_line(label, counter):
    return [label, counter["events"], *(counter[field] for field in FIGURES)]


def test_events_by_region_count_verified_events_of_the_year_with_their_reported_figures(report):
    _built, book, page = report
    by_region = recomputed_events(lambda event: event.region_id)
    regions = {region.name_en: region.pk for region in Region.objects.active()}
    table = sheet_tables(book["Events"], ["Events by region"])["Events by region"]
    assert table["headers"] == [
        "Region",
        "Events",
        "Participants",
        "Volunteers",
        "People helped",
        "Funds raised, tenge",
    ]
    assert len(table["rows"]) == len(regions)
    for row in table["rows"]:
        assert row == expected_line(row[0], by_region[regions[row[0]]])
    everything = sum(by_region.values(), Counter())
    assert table["total"] == expected_line("Total", everything)
    assert everything["events"] == 5  # the non-public verified event counts; drafts, cancelled, archived do not
    html = page.tables["Events by region"]
    assert [number(text) for text in html["total"][1:]] == table["total"][1:]
    assert html["rows"] == [[row[0], *(f"{value:,}" for value in row[1:])] for row in table["rows"]]


def test_events_by_kind_and_the_cross_table_add_up_to_the_same_events(report):
    _built, book, page = report
    by_kind = recomputed_events(lambda event: event.kind)
    tables = sheet_tables(book["Events"], ["Events by kind", "Events by region and kind"])
    labels = {str(label): kind for kind, label in EventKind.choices}
    for row in tables["Events by kind"]["rows"]:
        assert row == expected_line(row[0], by_kind[labels[row[0]]])
    cross = tables["Events by region and kind"]
    assert cross["headers"] == ["Region", "festival", "sports event", "charity event", "Total"]
    by_pair = recomputed_events(lambda event: (event.region.name_en, event.kind))
    abai = next(row for row in cross["rows"] if row[0] == ABAI)
    assert abai == [ABAI, by_pair[ABAI, "festival"]["events"], 1, 0, 3]
    assert cross["total"] == ["Total", 3, 1, 1, 5]
    assert [number(text) for text in page.tables["Events by region and kind"]["total"][1:]] == [3, 1, 1, 5]


def test_programmes_show_each_target_against_the_verified_events_of_the_year_and_to_its_end(annual_world, report):
    _built, book, page = report
    table = sheet_tables(book["Programmes"], ["Programmes against their targets"])["Programmes against their targets"]
    expected = []
    for programme in sorted(annual_world.programmes, key=lambda p: p.name_en):
        events = [e for e in programme.events.all() if counted(e, e.start_date.year) and e.start_date <= day(12, 31)]
        for metric, target, field in (
            ("events", programme.target_events, None),
            ("participants", programme.target_participants, "participants_count"),
            ("volunteers", programme.target_volunteers, "volunteers_count"),
            ("funds raised, tenge", programme.target_funds_kzt, "funds_raised_kzt"),
        ):
            if not target:
                continue

            def total(rows, field=field):
                return len(rows) if field is None else sum(getattr(e, field) or 0 for e in rows)

            in_year = [e for e in events if e.start_date.year == YEAR]
            region = programme.region.name_en if programme.region else "national"
            achieved = total(events)
            period = [programme.start_date, programme.end_date]
            expected.append(
                [programme.name_en, region, *period, metric, target, total(in_year), achieved, achieved / target]
            )
    assert table["rows"] == expected
    assert expected[0][:2] == ["Abai youth", ABAI] and expected[0][6:8] == [2, 3]  # one event a year earlier
    share = table["cells"][0][8]
    assert share.number_format == "0%" and table["cells"][0][2].number_format == "D MMM YYYY"
    assert page.tables["Programmes against their targets"]["rows"][0][8] == "75\xa0%"


def test_councils_count_councils_existing_and_people_seated_at_the_end_of_the_year(report):
    _built, book, page = report
    end = day(12, 31)
    kinds = (BodyKind.COUNCIL_OF_ELDERS, BodyKind.COUNCIL_OF_MOTHERS)
    councils = [
        c
        for c in Council.objects.filter(kind__in=kinds, archived_at__isnull=True)
        if (c.founded_on is None or c.founded_on <= end) and (c.dissolved_on is None or c.dissolved_on > end)
    ]
    seated = [
        m
        for m in Membership.objects.filter(body__in=councils, archived_at__isnull=True)
        if (m.start_date is None or m.start_date <= end) and (m.end_date is None or m.end_date >= end)
    ]
    table = sheet_tables(book["Councils"], ["Councils of Elders and Councils of Mothers by region"])
    table = table["Councils of Elders and Councils of Mothers by region"]
    names = {region.name_en: region.pk for region in Region.objects.all()}
    for row in table["rows"]:
        region = names.get(row[0])
        expected = [row[0]]
        for kind in kinds:
            here = [c for c in councils if c.region_id == region and c.kind == kind]
            people = {m.person_id for m in seated if m.body.council in here}
            expected += [len(here), len(people), sum(c.declared_headcount or 0 for c in here)]
        assert row == expected
    people_by_kind = [len({m.person_id for m in seated if m.body.kind == kind}) for kind in kinds]
    assert table["total"][2] == people_by_kind[0] == 2 and table["total"][5] == people_by_kind[1] == 2
    assert table["total"][4] == 3  # Abai, Almaty and the republican Council of Mothers
    html = page.tables["Councils of Elders and Councils of Mothers by region"]
    assert [number(text) for text in html["total"][1:]] == table["total"][1:]


def test_mediation_cells_are_the_public_statistics_cells_and_a_protected_count_never_shows(report):
    _built, book, page = report
    published = api_client().get("/api/v1/stats/mediation/", {"year": YEAR}).json()
    rows = published["results"] if isinstance(published, dict) else published
    cells = {(r["region"], r["dimension"], r["value"]): r for r in rows if r["year"] == YEAR}
    tables = sheet_tables(book["Mediation"], ["Mediation cases by category", "Mediation cases by outcome"])
    category = tables["Mediation cases by category"]
    abai = next(row for row in category["rows"] if row[0] == ABAI)
    codes = ["family", "neighbours", "land_property", "labour", "interethnic", "religious", "other"]
    expected = [cells[("KZ-10", "total", "")], *(cells[("KZ-10", "category", code)] for code in codes)]
    assert abai[1:] == [row["count"] if row["count"] is not None else _shown(row["display"]) for row in expected]
    assert abai[1] == 10 and abai[2] == 8 and abai[5] == "<5"  # two labour cases: withheld
    almaty = next(row for row in category["rows"] if row[0] == "Almaty")
    assert almaty[1] == "withheld"  # seven cases, but 6 + one <5 cell would give the interethnic one away
    every_cell = [cell.value for line in book["Mediation"].iter_rows() for cell in line]
    assert 2 not in every_cell and 7 not in every_cell and 1 not in every_cell
    html_abai = next(row for row in page.tables["Mediation cases by category"]["rows"] if row[0] == ABAI)
    assert html_abai[4] == "<5" and "2" not in html_abai
    assert category["total"][:2] == ["All offices", 17]


def _shown(display):
    return "<5" if display == "<5" else "withheld"


def test_instructions_by_session_and_status_with_those_overdue_at_the_years_end(annual_world, report):
    _built, book, page = report
    end = day(12, 31)
    titles = ["Instructions of the sessions by status", f"Overdue instructions on {long_date(end)}"]
    tables = sheet_tables(book["Instructions"], titles)
    rows = {}
    overdue = []
    for instruction in Instruction.objects.select_related("session"):
        session = instruction.session
        open_at_start = instruction.status in ("assigned", "in_progress") or (
            instruction.status_changed_on is None or instruction.status_changed_on >= day(1, 1)
        )
        if session.start_date.year != YEAR and not (session.start_date.year < YEAR and open_at_start):
            continue
        counts = rows.setdefault(session.roman, Counter())
        counts[instruction.status] += 1
        late = instruction.deadline < end and (
            instruction.status in ("assigned", "in_progress") or instruction.status_changed_on > end
        )
        if late:
            counts["overdue"] += 1
            overdue.append(instruction.code)
    statuses = [status for status, _label in InstructionStatus.choices]
    got = {row[0]: row for row in tables[titles[0]]["rows"]}
    assert set(got) == {f"Session {roman}" for roman in rows}
    for roman, counts in rows.items():
        line = got[f"Session {roman}"]
        assert line[2:] == [*(counts[s] for s in statuses), sum(counts[s] for s in statuses), counts["overdue"]]
    assert sorted(row[0] for row in tables[titles[1]]["rows"]) == sorted(overdue) == ["XXXIII-1", "XXXIV-1", "XXXIV-3"]
    late = next(row for row in tables[titles[1]]["rows"] if row[0] == "XXXIV-1")
    assert late[5] == annual_world.instructions["overdue"].deadline and late[8] == (end - late[5]).days
    assert "XXXIV-2" not in [row[0] for row in page.tables[titles[1]]["rows"]]


def test_network_changes_list_openings_renamings_and_closings_of_the_year(annual_world, report):
    _built, book, page = report
    title = "Associations and Houses of Friendship opened, renamed or closed"
    listing = sheet_tables(book["Network changes"], [title])[title]["rows"]
    net = annual_world.network
    assert [(row[0], row[2], row[4]) for row in listing] == [
        (day(4, 2), net.registered.name_en, "opened"),
        (day(5, 1), net.opened_house.name_en, "opened"),
        (day(6, 2), net.founded.name_en, "opened"),
        (day(8, 1), net.closed_house.name_en, "closed"),
        (day(9, 30), net.renamed.name_en, "renamed"),
        (day(10, 3), net.liquidated.name_en, "closed"),
        (day(11, 5), "Azerbaijani cultural centre of Almaty", "renamed"),
    ]
    assert listing[4][5] == "Uzbek centre of Semey" and listing[6][5] == "Azerbaijani centre"
    summary = sheet_tables(book["Network changes"], ["Changes of the network by region"])
    assert summary["Changes of the network by region"]["total"] == ["Total", 2, 2, 1, 1, 0, 1]
    assert len(page.tables[title]["rows"]) == len(listing)


def test_sheets_freeze_their_header_and_number_cells_are_grouped(report):
    _built, book, _page = report
    assert book.sheetnames == ["Events", "Programmes", "Councils", "Mediation", "Instructions", "Network changes"]
    sheet = book["Events"]
    assert sheet.freeze_panes == "B6"
    assert sheet["B6"].number_format == "#,##0"
    longest = max(len(region.name_en) for region in Region.objects.active())
    assert sheet.column_dimensions["A"].width >= longest


def test_the_report_tells_its_progress_section_by_section(annual_world):
    heard = []
    build_report(YEAR, progress=lambda done, total: heard.append((done, total)))
    assert heard == [(done, len(SECTIONS)) for done in range(1, len(SECTIONS) + 1)]


def test_a_regional_report_holds_only_that_regions_rows(annual_world):
    abai = Region.objects.get(pk="KZ-10")
    built = build_report(YEAR, abai, language="en")
    book = workbook(xlsx_bytes(built))
    events = sheet_tables(book["Events"], ["Events by region"])["Events by region"]
    assert [row[0] for row in events["rows"]] == [ABAI]
    assert events["total"][1] == 3
    mediation = sheet_tables(book["Mediation"], ["Mediation cases by category"])["Mediation cases by category"]
    assert [row[0] for row in mediation["rows"]] == [ABAI] and mediation["total"] is None
    overdue = built.section("instructions").tables[1].rows
    assert [row[0] for row in overdue] == ["XXXIV-3"]  # the only overdue one addressed to Abai
    with translation.override("en"):
        assert ABAI in html_page(built)
