"""The import of a checked spreadsheet of events, as a background job: every row checked again (the registries
may have changed since the preview), then all of them imported in one transaction, or none."""

import datetime

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from events.importer import EventImport
from events.tables import UploadError
from jobs.models import JobKind
from jobs.runner import JobFailed, job_task, start
from portal.events.checks import read_waiting_file


def start_import(user, path, name, confirm_duplicates):
    """Enqueue the import of the waiting upload at `path` (in the private upload folder) for `user`."""
    return start(
        user,
        JobKind.EVENT_UPLOAD,
        import_events,
        file=path.name,
        name=name,
        confirm_duplicates=confirm_duplicates,
    )


def row_errors(report):
    """Every error of every row, in the order of the file, as the job page lists them."""
    return [
        {"row": row.number, "title": row.title, "column": column, "message": str(message)}
        for row in report.error_rows
        for column, message in row.errors.items()
    ]


def duplicate_label(other):
    """A likely duplicate in words: a stored event («title», its date, its number) or an earlier row of the file."""
    if "row" in other:
        return _("row %(number)s") % {"number": other["row"]}
    day = formats.date_format(datetime.date.fromisoformat(other["date"]), "SHORT_DATE_FORMAT")
    return _("event «%(title)s» of %(date)s (no. %(id)s)") % {"title": other["title"], "date": day, "id": other["id"]}


def duplicate_errors(report):
    return [
        {
            "row": row.number,
            "title": row.title,
            "column": "",
            "message": _("Looks like %(others)s.")
            % {"others": ", ".join(duplicate_label(other) for other in row.duplicates)},
        }
        for row in report.duplicate_rows
    ]


@job_task
def import_events(job, progress):
    path, records = read_waiting_file(job)
    try:
        importer = EventImport(job.owner)
        report = importer.check(records, progress=progress)
        if not report.ok:
            raise JobFailed(_("Nothing was imported: correct the rows with errors first."), row_errors(report))
        if report.duplicate_rows and not job.params.get("confirm_duplicates"):
            raise JobFailed(_("Nothing was imported: confirm the likely duplicates first."), duplicate_errors(report))
        count = importer.save(report, confirm_duplicates=True, progress=progress)
    except UploadError as error:
        raise JobFailed(str(error)) from error
    finally:
        path.unlink(missing_ok=True)
    return {"count": count, "url": reverse("portal:events")}
