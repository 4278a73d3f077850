"""Who gets the annual report and how: the secretariat's page and download, coordinators for their own region only,
the command that writes the files, and headers in the language chosen."""

import io
import os
import stat

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from jobs.models import Job, JobKind, JobPhase, JobStatus
from jobs.progress import Progress
from regions.models import Region
from stats.annual.report import long_date
from tests.annual_reading import html_tables, sheet_tables, workbook
from tests.annual_world import YEAR
from tests.conftest import web_client
from tests.jobkit import run_jobs

pytestmark = pytest.mark.django_db
PAGE = "/statistics/annual-report/"


def as_user(annual_world, name, language="en"):
    return web_client(annual_world.users[name] if name else None, language=language)


def build(client, **choice):
    """Ask for the report on its page and run the job the page starts; returns the job."""
    started = client.post(PAGE, choice)
    assert started.status_code == 302, started.content.decode()[:2000]
    job = Job.objects.get(kind=JobKind.ANNUAL_REPORT, pk=started["Location"].split("/")[-2])
    run_jobs()
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.message
    return job


def download(client, job, fmt):
    return client.get(f"/statistics/annual-report/{job.pk}/report.{fmt}")


def html_of(client, job):
    return b"".join(download(client, job, "html").streaming_content).decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_sign_in(annual_world, method):
    response = getattr(as_user(annual_world, None), method)(PAGE, {"year": YEAR})
    assert response.status_code == 302
    assert response["Location"].startswith("/portal/login/")


@pytest.mark.parametrize("name", ["reader", "mediator-kz-10"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_roles_other_than_the_secretariat_and_coordinators_are_refused(annual_world, name, method):
    assert getattr(as_user(annual_world, name), method)(PAGE, {"year": YEAR}).status_code == 403
    assert not Job.objects.exists()


def test_the_page_only_shows_the_form_and_builds_nothing_in_the_request(annual_world):
    page = as_user(annual_world, "secretariat").get(PAGE, {"year": YEAR})
    assert page.status_code == 200
    assert "Build the report" in page.content.decode()
    assert "Events by region" not in page.content.decode()


def test_building_is_a_job_whose_page_counts_the_sections_then_offers_both_files(annual_world):
    client = as_user(annual_world, "secretariat")
    started = client.post(PAGE, {"year": YEAR, "language": "en"})
    job = Job.objects.get()
    assert started["Location"] == f"/portal/jobs/{job.pk}/"
    assert (job.kind, job.status, job.language, job.params["year"]) == (JobKind.ANNUAL_REPORT, "queued", "en", YEAR)
    assert "Waiting for a worker" in client.get(started["Location"]).content.decode()
    run_jobs()
    job.refresh_from_db()
    assert (job.status, job.phase, job.done, job.total) == (JobStatus.DONE, JobPhase.SECTIONS, 6, 6)
    page = client.get(started["Location"]).content.decode()
    assert f'href="/statistics/annual-report/{job.pk}/report.xlsx"' in page
    assert f'href="/statistics/annual-report/{job.pk}/report.html"' in page
    assert f'href="/portal/jobs/{job.pk}/"' in client.get(PAGE).content.decode()  # listed under the form


def test_a_report_being_built_shows_the_sections_done_out_of_all(annual_world):
    owner = annual_world.users["secretariat"]
    job = Job.objects.create(owner=owner, kind=JobKind.ANNUAL_REPORT, status=JobStatus.RUNNING, params={"name": "2025"})
    Progress(job, interval=0).start(JobPhase.SECTIONS, 6)
    Progress(job, interval=0).advance(2)
    page = web_client(owner).get(f"/portal/jobs/{job.pk}/").content.decode()
    assert "Annual report: 2025" in page and "Computing sections" in page
    assert '<progress id="job-progress" max="6" value="2">33%</progress>' in page
    assert "2 of 6 (33%)" in page
    assert "report.xlsx" not in page


def test_the_secretariat_builds_the_report_of_the_country_and_both_files_agree(annual_world):
    client = as_user(annual_world, "secretariat")
    job = build(client, year=YEAR, language="en")
    page = html_tables(html_of(client, job))
    events = page.tables["Events by region"]
    assert len(events["rows"]) == Region.objects.active().count()
    xlsx = download(client, job, "xlsx")
    assert xlsx.status_code == 200
    assert xlsx["Content-Disposition"] == f'attachment; filename="annual-report-{YEAR}-en.xlsx"'
    assert xlsx["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    book = workbook(b"".join(xlsx.streaming_content))
    sheet = sheet_tables(book["Events"], ["Events by region"])["Events by region"]
    assert [str(value) for value in sheet["total"][1:2]] == events["total"][1:2]
    html = download(client, job, "html")
    assert html["Content-Disposition"] == f'attachment; filename="annual-report-{YEAR}-en.html"'


def test_the_files_are_kept_privately(annual_world, settings, tmp_path):
    settings.PRIVATE_UPLOAD_DIR = str(tmp_path)
    job = build(as_user(annual_world, "secretariat"), year=YEAR, language="en")
    directory = tmp_path / "annual-reports"
    assert stat.S_IMODE(os.stat(directory).st_mode) == 0o700
    assert sorted(path.name for path in directory.iterdir()) == [f"{job.pk}.html", f"{job.pk}.xlsx"]
    assert {stat.S_IMODE(os.stat(path).st_mode) for path in directory.iterdir()} == {0o600}


def test_only_the_owner_and_the_secretariat_download_a_report(annual_world):
    job = build(as_user(annual_world, "coord-kz-10"), year=YEAR, language="en")
    for fmt in ("xlsx", "html"):
        assert download(as_user(annual_world, "coord-kz-10"), job, fmt).status_code == 200
        assert download(as_user(annual_world, "secretariat"), job, fmt).status_code == 200
        assert download(as_user(annual_world, "coord-kz-75"), job, fmt).status_code == 404
        assert download(as_user(annual_world, "mediator-kz-10"), job, fmt).status_code == 404
        assert download(as_user(annual_world, None), job, fmt)["Location"].startswith("/portal/login/")
    assert download(as_user(annual_world, "secretariat"), job, "pdf").status_code == 404


def test_a_report_not_built_yet_has_nothing_to_download(annual_world):
    client = as_user(annual_world, "secretariat")
    client.post(PAGE, {"year": YEAR, "language": "en"})
    job = Job.objects.get()
    assert download(client, job, "xlsx").status_code == 404


def test_the_secretariat_may_choose_any_region(annual_world):
    client = as_user(annual_world, "secretariat")
    job = build(client, year=YEAR, region="KZ-75", language="en")
    rows = html_tables(html_of(client, job)).tables["Events by region"]["rows"]
    assert [row[0] for row in rows] == [Region.objects.get(pk="KZ-75").name_en]


def test_a_coordinator_gets_the_report_of_their_own_region_only(annual_world):
    client = as_user(annual_world, "coord-kz-10")
    job = build(client, year=YEAR, language="en")
    page = html_tables(html_of(client, job))
    assert [row[0] for row in page.tables["Events by region"]["rows"]] == [Region.objects.get(pk="KZ-10").name_en]
    assert "-KZ-10-" in download(client, job, "xlsx")["Content-Disposition"]


def test_a_coordinator_asking_for_another_region_is_refused(annual_world):
    client = as_user(annual_world, "coord-kz-10")
    assert client.post(PAGE, {"year": YEAR, "region": "KZ-75"}).status_code == 403
    assert not Job.objects.exists()


def test_a_bad_year_is_a_form_error_naming_the_field(annual_world):
    client = as_user(annual_world, "secretariat")
    response = client.post(PAGE, {"year": 1800})
    assert response.status_code == 400
    assert response.context["form"].errors["year"]
    assert "Year" in response.content.decode()
    assert not Job.objects.exists()


def test_the_report_is_built_in_the_language_chosen(annual_world):
    client = as_user(annual_world, "secretariat")
    job = build(client, year=YEAR, language="ru")
    assert job.language == "ru"
    assert '<html lang="ru">' in html_of(client, job)
    assert "annual-report-" in job.result["files"]["xlsx"] and job.result["files"]["xlsx"].endswith("-ru.xlsx")


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
