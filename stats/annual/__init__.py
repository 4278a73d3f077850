"""The Assembly's annual report: every figure of a year (optionally of one region) computed from the registries.

    report = build_report(2025, region=None, language="ru", progress=lambda done, total: ...)
    xlsx_bytes(report), html_page(report)

`build_report` is a plain function: a command, a page or a background job may call it, and `progress` hears of each
section as it is done. Definitions of every figure: docs/statistics.md.
"""

from django.utils import timezone, translation

from stats.annual.events import events_section, programmes_section
from stats.annual.network import councils_section, network_section
from stats.annual.report import Report, Scope
from stats.annual.sessions import instructions_section, mediation_section

SECTIONS = (
    events_section,
    programmes_section,
    councils_section,
    mediation_section,
    instructions_section,
    network_section,
)


def build_report(year, region=None, language=None, progress=None):
    """The report of `year` for `region` (a Region, or None for the whole country) in `language` (the active one by
    default). `progress(done, total)` is called after each section."""
    language = language or translation.get_language()
    scope = Scope(year, region)
    sections = []
    with translation.override(language):
        for done, builder in enumerate(SECTIONS, start=1):
            sections.append(builder(scope))
            if progress is not None:
                progress(done, len(SECTIONS))
    return Report(scope=scope, language=language, sections=sections, generated_at=timezone.now())
