"""Who gets the annual report and how: the secretariat's page and download, coordinators for their own region only,
the command that writes the files, and headers in the language chosen."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from regions.models import Region
from stats.annual.report import long_date
from tests.annual_reading import html_tables, sheet_tables, workbook
from tests.annual_world import YEAR
from tests.conftest import web_client

pytestmark = pytest.mark.django_db
PAGE = "/statistics/annual-report/"
XLSX = "/statistics/annual-report.xlsx"


def as_user(annual_world, name, language="en"):
    return web_client(annual_world.users[name] if name else None, language=language)


@pytest.mark.parametrize("url", [PAGE, XLSX])
def test_anonymous_visitors_are_sent_to_sign_in(annual_world, url):
    response = as_user(annual_world, None).get(url, {"year": YEAR})
    assert response.status_code == 302
    assert response["Location"].startswith("/portal/login/")


@pytest.mark.parametrize("name", ["reader", "mediator-kz-10"])
@pytest.mark.parametrize("url", [PAGE, XLSX])
def test_roles_other_than_the_secretariat_and_coordinators_are_refused(annual_world, name, url):
    assert as_user(annual_world, name).get(url, {"year": YEAR}).status_code == 403


def test_the_secretariat_reads_the_report_of_the_country_and_downloads_the_same_workbook(annual_world):
    client = as_user(annual_world, "secretariat")
    response = client.get(PAGE, {"year": YEAR, "language": "en"})
    assert response.status_code == 200
    page = html_tables(response.content.decode())
    events = page.tables["Events by region"]
    assert len(events["rows"]) == Region.objects.active().count()
    assert f'href="{XLSX}?year={YEAR}&amp;language=en"' in response.content.decode()
    download = client.get(XLSX, {"year": YEAR, "language": "en"})
    assert download.status_code == 200
    assert download["Content-Disposition"] == f'attachment; filename="annual-report-{YEAR}-en.xlsx"'
    book = workbook(download.content)
    sheet = sheet_tables(book["Events"], ["Events by region"])["Events by region"]
    assert [str(value) for value in sheet["total"][1:2]] == events["total"][1:2]


def test_the_secretariat_may_choose_any_region(annual_world):
    response = as_user(annual_world, "secretariat").get(PAGE, {"year": YEAR, "region": "KZ-75", "language": "en"})
    assert response.status_code == 200
    rows = html_tables(response.content.decode()).tables["Events by region"]["rows"]
    assert [row[0] for row in rows] == [Region.objects.get(pk="KZ-75").name_en]


def test_a_coordinator_gets_the_report_of_their_own_region_only(annual_world):
    client = as_user(annual_world, "coord-kz-10")
    response = client.get(PAGE, {"year": YEAR, "language": "en"})
    assert response.status_code == 200
    page = html_tables(response.content.decode())
    assert [row[0] for row in page.tables["Events by region"]["rows"]] == [Region.objects.get(pk="KZ-10").name_en]
    download = client.get(XLSX, {"year": YEAR})
    assert download.status_code == 200
    assert "-KZ-10-" in download["Content-Disposition"]


@pytest.mark.parametrize("url", [PAGE, XLSX])
def test_a_coordinator_asking_for_another_region_is_refused(annual_world, url):
    assert as_user(annual_world, "coord-kz-10").get(url, {"year": YEAR, "region": "KZ-75"}).status_code == 403


def test_a_bad_year_is_a_form_error_naming_the_field(annual_world):
    client = as_user(annual_world, "secretariat")
    response = client.get(PAGE, {"year": 1800})
    assert response.status_code == 400
    assert response.context["form"].errors["year"]
    download = client.get(XLSX, {"year": "soon"})
    assert download.status_code == 400
    assert download.content.decode().startswith("Year:")


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_sheets_headers_and_names_come_in_the_chosen_language(annual_world, language, tmp_path):
    out = tmp_path / "report.xlsx"
    call_command(
        "annual_report", year=YEAR, language=language, output=str(out), stdout=io.StringIO(), stderr=io.StringIO()
    )
    book = workbook(out.read_bytes())
    with translation.override(language):
        expected_sheets = [
            translation.gettext(name)
            for name in ("Events", "Programmes", "Councils", "Mediation", "Instructions", "Network changes")
        ]
        title, region, total = (translation.gettext(t) for t in ("Events by region", "Region", "Total"))
        headers = [translation.gettext(h) for h in ("Events", "Participants", "Volunteers")]
        name_of = {r.pk: r.name for r in Region.objects.active()}
        status_label = translation.gettext("in progress")
    assert book.sheetnames == expected_sheets
    assert "Events" not in book.sheetnames and title != "Events by region"
    table = sheet_tables(book[expected_sheets[0]], [title])[title]
    assert table["headers"][:4] == [region, *headers]
    assert {row[0] for row in table["rows"]} == set(name_of.values())
    assert table["total"][0] == total
    statuses = [cell.value for line in book[expected_sheets[4]].iter_rows() for cell in line]
    assert status_label in statuses and "in_progress" not in statuses and "in progress" not in statuses


def test_the_command_writes_the_workbook_and_the_printable_page_and_tells_its_progress(annual_world, tmp_path):
    xlsx, html = tmp_path / "r.xlsx", tmp_path / "r.html"
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "annual_report",
        year=YEAR,
        region="kz-10",
        language="ru",
        output=str(xlsx),
        html=str(html),
        stdout=out,
        stderr=err,
    )
    assert f"Wrote {xlsx}" in out.getvalue() and f"Wrote {html}" in out.getvalue()
    assert err.getvalue().splitlines()[-1] == "6/6 sections"
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="ru">' in page
    assert "@page { size: A4" in page and "break-before: page" in page
    with translation.override("ru"):
        abai = Region.objects.get(pk="KZ-10").name
        deadline = long_date(annual_world.instructions["done_after_the_year"].deadline)
    assert abai in page
    assert "1\xa0200" in page  # the participants of the first event, grouped as Russian writes them
    assert deadline == "1 октября 2025 г." and deadline in page and "2025-10-01" not in page
    book = workbook(xlsx.read_bytes())
    assert book.properties.title.endswith(abai)


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"year": 1800}, "--year"),
        ({"year": YEAR, "region": "KZ-99"}, "--region"),
        ({"year": YEAR, "output": "report.csv"}, "--output"),
        ({"year": YEAR, "html": "/no/such/folder/report.html"}, "--html"),
    ],
)
def test_the_command_names_the_bad_option(annual_world, options, field):
    with pytest.raises(CommandError, match=field):
        call_command("annual_report", stdout=io.StringIO(), stderr=io.StringIO(), **options)
