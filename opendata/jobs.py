"""Publishing today's open-data archive as a background job, started by the secretariat from /open-data/."""

import tempfile

from django.urls import reverse

from jobs.models import JobKind
from jobs.runner import job_task, start
from opendata.package import OpenDataPackage, publish


@job_task
def publish_open_data(job, progress):
    with tempfile.TemporaryDirectory(prefix="open-data-") as scratch:
        counts = OpenDataPackage(scratch).write(progress=progress)
        archive = publish(scratch)
    return {"archive": archive.name, "rows": sum(counts.values()), "url": reverse("opendata:index")}


def start_publication(user):
    return start(user, JobKind.OPEN_DATA, publish_open_data)
