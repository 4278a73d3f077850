"""Background jobs: the upload's import queued, run by the real database worker, followed on the job page; failures
leave nothing behind and say why; only the owner and the secretariat see a job."""

import csv
import datetime
import io
import os
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from accounts.models import Role
from events import importer
from events.models import Event
from events.tables import COLUMNS
from jobs.models import Job, JobKind, JobPhase, JobStatus
from jobs.progress import Progress
from tests.conftest import make_user, web_client
from tests.eventkit import assembly_of
from tests.jobkit import checked, run_jobs

try:
    from django.tasks import TaskResultStatus
except ImportError:
    from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db


def events_file(count, **values):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    first = datetime.date(2025, 1, 1)
    for n in range(count):
        row = {
            "title": f"Достық кеші {n}",
            "kind": "creative_evening",
            "start_date": (first + datetime.timedelta(days=n)).isoformat(),
            "participants_count": "80",
        }
        row.update(values)
        writer.writerow(row)
    return SimpleUploadedFile("events.csv", buffer.getvalue().encode("utf-8"), content_type="text/csv")


def upload_and_confirm(client, upload):
    checked(client, upload)
    confirmed = client.post("/portal/events/upload/", {"confirm": "1"})
    assert confirmed.status_code == 302
    return confirmed


def test_confirming_queues_a_job_that_the_worker_runs_and_the_page_follows(users, browser):
    assembly_of("KZ-10")
    client = browser("coord-kz-10")
    confirmed = upload_and_confirm(client, events_file(30))
    job = Job.objects.get(kind=JobKind.EVENT_UPLOAD)
    assert confirmed["Location"] == f"/portal/jobs/{job.pk}/"
    assert (job.kind, job.owner, job.status) == (JobKind.EVENT_UPLOAD, users["coord-kz-10"], JobStatus.QUEUED)
    assert not Event.objects.exists()
    waiting = client.get(confirmed["Location"]).content.decode()
    assert "Waiting for a worker" in waiting
    assert 'data-job-poll="2"' in waiting and "js/job.js" in waiting
    assert '<meta http-equiv="refresh"' in waiting  # inside <noscript>: the page follows the job without scripts

    run_jobs()

    assert Event.objects.filter(region_id="KZ-10").count() == 30
    job.refresh_from_db()
    assert (job.status, job.phase, job.done, job.total, job.result["count"]) == (
        JobStatus.DONE,
        JobPhase.WRITING,
        30,
        30,
        30,
    )
    assert job.started_at <= job.finished_at
    assert DBTaskResult.objects.get(id=job.task_id).status == TaskResultStatus.SUCCESSFUL
    page = client.get(confirmed["Location"]).content.decode()
    assert "30 events imported." in page
    assert 'href="/portal/events/"' in page
    assert '<progress id="job-progress" max="1" value="1">' in page
    assert "data-job-poll" not in page and "http-equiv" not in page
    assert "coord-kz-10" in page  # who started it


def test_a_running_job_shows_its_progress_in_numbers_and_a_bar(users):
    job = Job.objects.create(
        owner=users["coord-kz-10"], kind=JobKind.EVENT_UPLOAD, status=JobStatus.RUNNING, started_at=timezone.now()
    )
    Progress(job, interval=0).start(JobPhase.CHECKING, 50_000)
    Progress(job, interval=0).advance(12_500)
    page = web_client(users["coord-kz-10"]).get(f"/portal/jobs/{job.pk}/").content.decode()
    assert '<progress id="job-progress" max="50000" value="12500">25%</progress>' in page
    assert "Checking rows" in page
    assert "12,500 of 50,000 (25%)" in page or "12 500 of 50 000 (25%)" in page


def test_a_file_with_wrong_rows_fails_its_job_listing_every_error_and_imports_nothing(users, browser):
    client = browser("coord-kz-10")
    upload = events_file(3, kind="party")
    confirmed = upload_and_confirm(client, upload)
    run_jobs()
    assert not Event.objects.exists()
    job = Job.objects.get(kind=JobKind.EVENT_UPLOAD)
    assert job.status == JobStatus.FAILED
    assert job.message == "Nothing was imported: correct the rows with errors first."
    assert [(error["row"], error["column"]) for error in job.errors] == [(2, "kind"), (3, "kind"), (4, "kind")]
    page = client.get(confirmed["Location"]).content.decode()
    assert "Failed" in page and "No event was imported" in page
    assert page.count('<td data-label="Column">Kind</td>') == 3  # the column by its name, not its code
    assert "Достық кеші 2" in page


def test_a_failure_while_writing_rolls_back_every_row_and_fails_the_job(users, browser, monkeypatch):
    """The rows are written in chunks inside one transaction: the second chunk failing takes the first with it."""
    written = []
    real_bulk_create = importer.bulk_create_with_history

    def failing_second_chunk(objs, *args, **kwargs):
        if written:
            raise IntegrityError("the database refused the second chunk")
        written.append(len(objs))
        return real_bulk_create(objs, *args, **kwargs)

    monkeypatch.setattr(importer, "WRITE_CHUNK", 4)
    monkeypatch.setattr(importer, "bulk_create_with_history", failing_second_chunk)
    client = browser("coord-kz-10")
    confirmed = upload_and_confirm(client, events_file(10))
    run_jobs()
    assert written == [4]
    assert not Event.objects.exists()
    assert not Event.history.exists()
    job = Job.objects.get(kind=JobKind.EVENT_UPLOAD)
    assert job.status == JobStatus.FAILED
    assert job.message == "The job stopped on an unexpected error (IntegrityError)."
    assert DBTaskResult.objects.get(id=job.task_id).status == TaskResultStatus.FAILED
    page = client.get(confirmed["Location"]).content.decode()
    assert "unexpected error (IntegrityError)" in page and "No event was imported" in page
    # The waiting file went with the job: there is nothing left to confirm.
    client.post("/portal/events/upload/", {"confirm": "1"})
    assert Job.objects.filter(kind=JobKind.EVENT_UPLOAD).count() == 1


def test_a_job_whose_worker_died_is_shown_as_failed(users, settings):
    settings.JOBS_STALE_AFTER = datetime.timedelta(minutes=30)
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    job = Job.objects.create(
        owner=users["coord-kz-10"],
        kind=JobKind.EVENT_UPLOAD,
        language="en",
        status=JobStatus.RUNNING,
        started_at=long_ago,
        heartbeat_at=long_ago,
        done=20_000,
        total=50_000,
    )
    page = web_client(users["coord-kz-10"]).get(f"/portal/jobs/{job.pk}/").content.decode()
    assert "The worker running this job stopped answering." in page
    assert "No event was imported" in page
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.finished_at is not None


def test_only_the_owner_and_the_secretariat_see_a_job(users, browser):
    job = Job.objects.create(owner=users["coord-kz-10"], kind=JobKind.EVENT_UPLOAD)
    url = f"/portal/jobs/{job.pk}/"
    assert browser("coord-kz-10").get(url).status_code == 200
    assert browser("secretariat").get(url).status_code == 200
    assert browser("coord-kz-75").get(url).status_code == 404
    assert browser("mediator-kz-10").get(url).status_code == 404
    assert browser(None).get(url)["Location"].startswith("/portal/login/")
    assert browser("coord-kz-10").get("/portal/jobs/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_the_job_page_speaks_russian(users):
    client = web_client(users["coord-kz-10"], language="ru")
    upload_and_confirm(client, events_file(2, kind="party"))
    run_jobs()
    job = Job.objects.get(kind=JobKind.EVENT_UPLOAD)
    assert job.language == "ru"
    page = client.get(f"/portal/jobs/{job.pk}/").content.decode()
    assert "Импорт таблицы мероприятий" in page
    assert "Ошибка" in page
    assert "Ничего не импортировано" in page  # the job's own message, written in the language it was started in
    assert "Ни одно мероприятие не импортировано" in page


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor == "sqlite", reason="SQLite allows one writer: no progress inside a write")
def test_progress_written_inside_a_transaction_is_seen_at_once_and_survives_its_rollback():
    owner = make_user("secretariat", Role.SECRETARIAT, staff=True)
    job = Job.objects.create(owner=owner, kind=JobKind.EVENT_UPLOAD, status=JobStatus.RUNNING)
    with Progress(job, interval=0) as progress:
        try:
            with transaction.atomic():
                progress.start(JobPhase.WRITING, 10)
                progress.advance(6)
                assert Job.objects.get(pk=job.pk).done == 6  # committed at once: every connection sees it
                raise IntegrityError("rolled back")
        except IntegrityError:
            pass
    job.refresh_from_db()
    assert (job.phase, job.done, job.total) == (JobPhase.WRITING, 6, 10)


def settings_in_a_subprocess(**environment):
    code = (
        "from config import settings; "
        "print(settings.TASKS['default']['BACKEND'], 'django_tasks_rq' in settings.INSTALLED_APPS)"
    )
    env = {key: value for key, value in os.environ.items() if key not in ("TASKS_BACKEND", "REDIS_URL")}
    env.update(DEBUG="1", **environment)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.slow
def test_the_database_queue_is_the_default_and_redis_only_on_request():
    assert settings_in_a_subprocess().stdout.split() == ["django_tasks_db.DatabaseBackend", "False"]
    rq = settings_in_a_subprocess(TASKS_BACKEND="rq", REDIS_URL="redis://127.0.0.1:6379/0")
    assert rq.stdout.split() == ["django_tasks_rq.RQBackend", "True"]
    missing = settings_in_a_subprocess(TASKS_BACKEND="rq", REDIS_URL="")
    assert missing.returncode != 0 and "TASKS_BACKEND=rq needs REDIS_URL" in missing.stderr


def test_the_secretariat_publishes_the_open_data_archive_as_a_job(users, browser, settings, tmp_path):
    settings.OPEN_DATA_DIR = tmp_path / "published"
    assert "Publish today" not in browser("coord-kz-10").get("/open-data/").content.decode()
    assert browser("coord-kz-10").post("/open-data/publish/").status_code == 403
    assert browser(None).post("/open-data/publish/")["Location"].startswith("/portal/login/")
    assert not Job.objects.exists()
    client = browser("secretariat")
    assert 'action="/open-data/publish/"' in client.get("/open-data/").content.decode()
    started = client.post("/open-data/publish/")
    job = Job.objects.get()
    assert started["Location"] == f"/portal/jobs/{job.pk}/"
    assert job.kind == JobKind.OPEN_DATA
    run_jobs()
    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert (job.phase, job.done) == (JobPhase.TABLES, job.total) and job.total > 10
    [archive] = settings.OPEN_DATA_DIR.glob("shanyrak-open-data-*.zip")
    assert job.result["archive"] == archive.name
    page = client.get(started["Location"]).content.decode()
    assert f"Published {archive.name}." in page and 'href="/open-data/"' in page
