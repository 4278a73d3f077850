"""manage.py annual_report --year 2025 [--region KZ-10] [--language ru] [--output FILE.xlsx] [--html FILE.html]"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from regions.models import Region
from stats.annual import build_report
from stats.annual.html import html_page
from stats.annual.xlsx import xlsx_bytes
from stats.views import FIRST_YEAR


class Command(BaseCommand):
    help = (
        "Write the Assembly's annual report of a year (optionally of one region) as an XLSX workbook and/or a "
        "printable HTML page, from verified records only. Without --output or --html, writes "
        "annual-report-<year>[-<region>]-<language>.xlsx in the current folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="The calendar year, e.g. 2025.")
        parser.add_argument("--region", help="ISO 3166-2 code of one region, e.g. KZ-10; else the whole country.")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="Language of the sheets, headers and names (default: %(default)s).",
        )
        parser.add_argument("--output", help="Path of the XLSX workbook to write.")
        parser.add_argument("--html", help="Path of the printable HTML page to write.")

    def handle(self, *args, year, region, language, output, html, **options):
        last = timezone.localdate().year + 1
        if not FIRST_YEAR <= year <= last:
            raise CommandError(f"--year: give a year from {FIRST_YEAR} to {last}, not {year}.")
        chosen = None
        if region:
            chosen = Region.objects.active().filter(pk=region.strip().upper()).first()
            if chosen is None:
                raise CommandError(f"--region: no active region has the code {region!r} (e.g. KZ-10).")
        for option, path, suffix in (("--output", output, ".xlsx"), ("--html", html, ".html")):
            if path and not path.lower().endswith(suffix):
                raise CommandError(f"{option}: the file name must end in {suffix}: {path}")
            if path and not Path(path).resolve().parent.is_dir():
                raise CommandError(f"{option}: the folder of {path} does not exist.")
        if not output and not html:
            output = f"annual-report-{year}{'-' + chosen.pk if chosen else ''}-{language}.xlsx"

        def progress(done, total):
            self.stderr.write(f"{done}/{total} sections")

        report = build_report(year, chosen, language=language, progress=progress)
        if output:
            Path(output).write_bytes(xlsx_bytes(report))
            self.stdout.write(f"Wrote {output}")
        if html:
            Path(html).write_text(html_page(report), encoding="utf-8")
            self.stdout.write(f"Wrote {html}")
