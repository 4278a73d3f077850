"""The check of an uploaded spreadsheet of events, as a background job: every row read and checked, and the report
the person reads before confirming (every row's errors, the likely duplicates, the first rows) kept as the job's
result. Nothing is written to the registry: the import is a job of its own, started from the report."""

from dataclasses import dataclass
from pathlib import Path

from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from events.importer import EventImport
from events.models import EventKind
from events.tables import UploadError, column_label, read_table
from jobs.models import JobKind
from jobs.runner import JobFailed, job_task, start
from portal.events.files import upload_dir

# Rows of a good file shown before it is confirmed.
SAMPLE_ROWS = 20


def start_check(user, path, name):
    """Enqueue the check of the upload waiting at `path` (in the private upload folder) for `user`."""
    return start(user, JobKind.EVENT_CHECK, check_events, file=path.name, name=name)


def waiting_file(job):
    """The private file a check or import job reads, or None when it is gone (imported, expired, or refused)."""
    name = Path(str(job.params.get("file", ""))).name
    path = upload_dir() / name if name else None
    return path if path is not None and path.is_file() else None


def read_waiting_file(job):
    """(path, rows) of the upload a check or import job reads; JobFailed when it is gone, or unreadable (then it is
    removed)."""
    path = waiting_file(job)
    if path is None:
        raise JobFailed(_("The uploaded file has expired; upload it again."))
    try:
        with open(path, "rb") as handle:
            return path, read_table(handle, job.params.get("name") or path.name)
    except UploadError as error:
        path.unlink(missing_ok=True)
        raise JobFailed(str(error)) from error


@job_task
def check_events(job, progress):
    _path, records = read_waiting_file(job)
    report = EventImport(job.owner).check(records, progress=progress)
    return {
        "rows": len(report.rows),
        "errors": [{"row": row.number, "title": row.title, "errors": row.errors} for row in report.error_rows],
        "duplicates": [
            {"row": row.number, "title": row.title, "like": row.duplicates} for row in report.duplicate_rows
        ],
        "sample": [
            {
                "row": row.number,
                "title": row.event.title,
                "kind": row.event.kind,
                "date": row.event.start_date.isoformat(),
                "participants": row.event.participants_count,
            }
            for row in report.rows[:SAMPLE_ROWS]
            if row.event is not None
        ],
    }


@dataclass
class CheckedRow:
    number: int
    title: str
    errors: dict
    duplicates: list

    @property
    def labelled_errors(self):
        """The row's errors keyed by the column's name in the page's language ("Participants") for its code."""
        return {str(column_label(column)): message for column, message in self.errors.items()}


@dataclass
class CheckedFile:
    """A finished check as its page shows it (the shape of events.importer.Report, read from the job's result)."""

    count: int
    error_rows: list
    duplicate_rows: list
    sample: list

    @classmethod
    def of(cls, job):
        result = job.result or {}
        return cls(
            count=result.get("rows", 0),
            error_rows=[
                CheckedRow(item["row"], item["title"], item["errors"], []) for item in result.get("errors", [])
            ],
            duplicate_rows=[
                CheckedRow(item["row"], item["title"], {}, [_like(other) for other in item["like"]])
                for item in result.get("duplicates", [])
            ],
            sample=[
                {**item, "kind": _kind_label(item["kind"]), "date": parse_date(item["date"])}
                for item in result.get("sample", [])
            ],
        )

    @property
    def ok(self):
        return bool(self.count) and not self.error_rows


def _like(other):
    """A likely duplicate as the page links it: a stored event (its title and date) or an earlier row of the file."""
    if "id" in other:
        return {**other, "date": parse_date(other["date"])}
    return other


def _kind_label(code):
    return EventKind(code).label if code in EventKind.values else code
