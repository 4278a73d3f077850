"""The check of an uploaded spreadsheet runs as a background job: the upload answers at once, the job page counts
the rows checked, then shows the report (every row's errors, likely duplicates linked with their title and date)
and the button that starts the import."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import formats, translation

from events.models import Event
from jobs.models import Job, JobKind, JobPhase, JobStatus
from tests.eventkit import make_event
from tests.jobkit import checked, run_jobs
from tests.test_jobs import events_file

pytestmark = pytest.mark.django_db


def test_uploading_keeps_the_file_and_starts_a_check_job_without_checking_in_the_request(users, browser):
    client = browser("coord-kz-10")
    started = client.post("/portal/events/upload/", {"file": events_file(3)})
    job = Job.objects.get()
    assert started["Location"] == f"/portal/jobs/{job.pk}/"
    assert (job.kind, job.status, job.result) == (JobKind.EVENT_CHECK, JobStatus.QUEUED, {})
    assert job.params["name"] == "events.csv"
    waiting = client.get(started["Location"]).content.decode()
    assert "Check of an events spreadsheet: events.csv" in waiting and "Waiting for a worker" in waiting

    run_jobs()

    job.refresh_from_db()
    assert (job.status, job.phase, job.done, job.total) == (JobStatus.DONE, JobPhase.CHECKING, 3, 3)
    assert job.result["rows"] == 3 and job.result["errors"] == []
    page = client.get(started["Location"]).content.decode()
    assert "3 rows read." in page
    assert f'<input type="hidden" name="check" value="{job.pk}">' in page
    assert "Import all 3 events" in page
    assert "Достық кеші 2" in page  # the first rows, as they will be imported
    assert not Event.objects.exists()


def test_the_report_links_each_likely_duplicate_with_its_title_and_date(users, browser):
    stored = make_event(title="Достық кеші 0", start_date=datetime.date(2025, 1, 1))
    client = browser("coord-kz-10")
    page = checked(client, events_file(2)).content.decode()
    assert "1 row looks like an event already recorded." in page
    with translation.override("en"):
        day = formats.date_format(stored.start_date, "SHORT_DATE_FORMAT")
    assert f'<a href="/portal/events/{stored.pk}/">Достық кеші 0</a> ({day})' in page
    assert 'name="confirm_duplicates"' in page


def test_a_row_repeating_an_earlier_row_of_the_file_names_that_row(users, browser):
    upload = events_file(2, start_date="2025-03-01", title="Наурыз мерекесі")
    page = checked(browser("coord-kz-10"), upload).content.decode()
    assert "row 2 of this file" in page


def test_confirming_from_the_report_starts_the_import_once(users, browser):
    client = browser("coord-kz-10")
    checked(client, events_file(4))
    check = Job.objects.get()
    confirmed = client.post("/portal/events/upload/", {"confirm": "1", "check": str(check.pk)})
    imported = Job.objects.get(kind=JobKind.EVENT_UPLOAD)
    assert confirmed["Location"] == f"/portal/jobs/{imported.pk}/"
    again = client.post("/portal/events/upload/", {"confirm": "1", "check": str(check.pk)})
    assert again["Location"] == f"/portal/jobs/{imported.pk}/"
    run_jobs()
    assert Event.objects.count() == 4
    page = client.get(f"/portal/jobs/{check.pk}/").content.decode()
    assert f'href="/portal/jobs/{imported.pk}/"' in page and 'name="confirm"' not in page


def test_nobody_confirms_someone_elses_check(users, browser):
    checked(browser("coord-kz-10"), events_file(2))
    check = Job.objects.get()
    other = browser("coord-kz-75")
    refused = other.post("/portal/events/upload/", {"confirm": "1", "check": str(check.pk)}, follow=True)
    assert "The uploaded file has expired; upload it again." in refused.content.decode()
    assert browser("coord-kz-75").get(f"/portal/jobs/{check.pk}/").status_code == 404
    for forged in ("not-a-uuid", "00000000-0000-0000-0000-000000000000"):
        assert other.post("/portal/events/upload/", {"confirm": "1", "check": forged}).status_code == 302
    assert Job.objects.filter(kind=JobKind.EVENT_UPLOAD).count() == 0


def test_a_check_not_finished_cannot_be_confirmed(users, browser):
    client = browser("coord-kz-10")
    client.post("/portal/events/upload/", {"file": events_file(2)})
    check = Job.objects.get()
    waiting = client.post("/portal/events/upload/", {"confirm": "1"}, follow=True)
    assert "The file has not been checked yet" in waiting.content.decode()
    assert waiting.redirect_chain[-1][0] == f"/portal/jobs/{check.pk}/"
    assert not Job.objects.filter(kind=JobKind.EVENT_UPLOAD).exists()


def test_an_unreadable_file_fails_its_check_with_the_reason_and_removes_the_file(users, browser, settings, tmp_path):
    settings.PRIVATE_UPLOAD_DIR = str(tmp_path)
    page = checked(browser("coord-kz-10"), SimpleUploadedFile("events.xlsx", b"not a workbook")).content.decode()
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED and "XLSX" in job.message
    assert 'class="error" role="alert"' in page and "XLSX" in page
    assert not list((tmp_path / "event-uploads").iterdir())


def test_a_new_upload_replaces_the_one_waiting_unconfirmed(users, browser, settings, tmp_path):
    settings.PRIVATE_UPLOAD_DIR = str(tmp_path)
    client = browser("coord-kz-10")
    checked(client, events_file(2))
    checked(client, events_file(3))
    assert len(list((tmp_path / "event-uploads").iterdir())) == 1
    client.post("/portal/events/upload/", {"confirm": "1"})
    run_jobs()
    assert Event.objects.count() == 3


def test_the_check_page_speaks_russian(users, browser):
    from tests.conftest import web_client

    client = web_client(users["coord-kz-10"], language="ru")
    page = checked(client, events_file(2, kind="party")).content.decode()
    assert "Проверка таблицы мероприятий" in page
    assert "Неизвестное значение поля" in page  # every row's error, in the language the check was started in
