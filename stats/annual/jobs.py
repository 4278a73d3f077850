"""The annual report built by a background job: every section computed (the page follows them), then the workbook
and the printable page written privately, for the person who asked and the secretariat to download."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from jobs.files import private_dir, write_privately
from jobs.models import JobKind, JobPhase, JobStatus
from jobs.runner import job_task, start
from regions.models import Region
from stats.annual import SECTIONS, build_report
from stats.annual.html import html_page
from stats.annual.xlsx import xlsx_bytes

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
}


def reports_dir():
    return private_dir("annual-reports")


def start_annual_report(user, year, region, language):
    """Enqueue the report of `year` for `region` (a Region or None) in `language`, built for `user`."""
    name = f"{year}, {region.name}" if region is not None else str(year)
    return start(
        user,
        JobKind.ANNUAL_REPORT,
        build_annual_report,
        language=language,
        year=year,
        region=region.pk if region is not None else "",
        name=name,
    )


@job_task
def build_annual_report(job, progress):
    params = job.params
    region = Region.objects.get(pk=params["region"]) if params.get("region") else None
    progress.start(JobPhase.SECTIONS, len(SECTIONS))

    def advance(done, _total):
        progress.advance(done)

    report = build_report(params["year"], region, language=job.language, progress=advance)
    stem = f"annual-report-{report.year}{'-' + region.pk if region else ''}-{report.language}"
    directory = reports_dir()
    write_privately(directory / f"{job.pk}.xlsx", [xlsx_bytes(report)])
    write_privately(directory / f"{job.pk}.html", [html_page(report).encode("utf-8")])
    return {"files": {fmt: f"{stem}.{fmt}" for fmt in FORMATS}}


def report_file(jobs, pk, fmt):
    """The download of a finished report job's file: `jobs` are the jobs the person may see."""
    if fmt not in FORMATS:
        raise Http404()
    job = get_object_or_404(jobs, pk=pk, kind=JobKind.ANNUAL_REPORT, status=JobStatus.DONE)
    path = reports_dir() / f"{job.pk}.{fmt}"
    if not path.is_file():
        raise Http404()
    response = FileResponse(path.open("rb"), as_attachment=True, filename=job.result["files"][fmt])
    response["Content-Type"] = FORMATS[fmt]
    return response
