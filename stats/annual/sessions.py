"""Sections of the annual report on the Assembly's own work and its confidential figures: the instructions of the
sessions by status with the overdue ones listed, and mediation cases by category and outcome (protected)."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from assembly.models import Instruction, InstructionStatus, Session
from assembly.models.instructions import OPEN_STATUSES
from mediation.models import CaseCategory, CaseStatus
from mediation.stats import OPEN, OUTCOMES, mediation_statistics
from stats.annual.report import DATE, NUMBER, Column, Section, Table, Withheld, long_date, total_of


def instructions_in_work(scope):
    """Instructions of sessions held by the reference date that were in work during the year: those of the year's
    sessions, and those of earlier sessions not yet done or cancelled when the year began."""
    day = scope.reference_date
    instructions = Instruction.objects.active().filter(session__start_date__lte=day, session__archived_at__isnull=True)
    earlier_open = Q(session__start_date__lt=scope.first_day) & (
        Q(status__in=OPEN_STATUSES) | Q(status_changed_on__isnull=True) | Q(status_changed_on__gte=scope.first_day)
    )
    instructions = instructions.filter(Q(session__start_date__gte=scope.first_day) | earlier_open)
    return scope.in_region(instructions)


def overdue_on(day):
    """Open on `day` with a deadline before it: open now, or done or cancelled only after `day`."""
    return Q(deadline__lt=day) & (Q(status__in=OPEN_STATUSES) | Q(status_changed_on__gt=day))


def instructions_section(scope):
    day = scope.reference_date
    instructions = instructions_in_work(scope)
    figures = {status: Count("pk", filter=Q(status=status)) for status in InstructionStatus.values}
    figures["overdue"] = Count("pk", filter=overdue_on(day))
    by_session = {row["session"]: row for row in instructions.values("session").annotate(**figures).order_by()}
    sessions = Session.objects.filter(pk__in=by_session).order_by("number")
    columns = [
        Column(_("Session")),
        Column(_("Date of the session"), DATE),
        *(Column(label, NUMBER) for _status, label in InstructionStatus.choices),
        Column(_("Total"), NUMBER),
        Column(_("Overdue"), NUMBER),
    ]
    rows = []
    for session in sessions:
        found = by_session[session.pk]
        counts = [found[status] for status in InstructionStatus.values]
        rows.append([_session_name(session), session.start_date, *counts, sum(counts), found["overdue"]])
    by_status = Table(_("Instructions of the sessions by status"), columns, rows, total_of(_("Total"), rows, columns))

    columns = [
        Column(_("Instruction")),
        Column(_("Session")),
        Column(_("Text"), wide=True),
        Column(_("Addressee")),
        Column(_("Region")),
        Column(_("Deadline"), DATE),
        Column(_("Status")),
        Column(_("Progress, %"), NUMBER),
        Column(_("Days overdue"), NUMBER),
    ]
    overdue = instructions.filter(overdue_on(day)).select_related("session", "addressee", "region").order_by("deadline")
    rows = [
        [
            instruction.code,
            _session_name(instruction.session),
            instruction.text,
            instruction.addressee.name if instruction.addressee else "",
            instruction.region.name if instruction.region else "",
            instruction.deadline,
            str(instruction.get_status_display()),
            instruction.progress_percent,
            (day - instruction.deadline).days,
        ]
        for instruction in overdue
    ]
    listing = Table(_("Overdue instructions on %(day)s") % {"day": long_date(day)}, columns, rows)
    notes = [
        _(
            "Instructions of the year's sessions, and of earlier sessions still open when the year began; a "
            "sub-instruction counts on its own. Status as recorded today."
        ),
        _("Overdue: not done or cancelled by the date shown, with a deadline before it."),
    ]
    if scope.region is not None:
        notes.append(_("Only the instructions addressed to this region."))
    return Section("instructions", _("Instructions of the sessions"), _("Instructions"), [by_status, listing], notes)


def _session_name(session):
    return str(_("Session %(roman)s") % {"roman": session.roman})


OUTCOME_LABELS = {
    OPEN: _("open (received or in mediation)"),
    **{status.value: status.label for status in CaseStatus if status.value in OUTCOMES},
}


def mediation_section(scope):
    """The public mediation statistics of the year, cell for cell: a count the API withholds is withheld here."""
    rows = [row for row in mediation_statistics() if row["year"] == scope.year]
    if scope.region is not None:
        rows = [row for row in rows if row["region"] == scope.region.pk]
    cells = {(row["scope"], row["region"], row["dimension"], row["value"]): _cell(row) for row in rows}
    offices = sorted(
        {(row["scope"], row["region"]) for row in rows if row["scope"] != "national"},
        key=lambda office: (office[0] != "region", office[1] or ""),
    )
    names = _office_names(offices)
    tables = []
    for dimension, values, title in (
        ("category", [(code, label) for code, label in CaseCategory.choices], _("Mediation cases by category")),
        ("outcome", list(OUTCOME_LABELS.items()), _("Mediation cases by outcome")),
    ):
        columns = [Column(_("Mediation office")), Column(_("Cases"), NUMBER)]
        columns += [Column(label, NUMBER) for _code, label in values]
        table_rows = [
            [
                names[office],
                cells[(*office, "total", "")],
                *(cells[(*office, dimension, code)] for code, _label in values),
            ]
            for office in offices
        ]
        total = None
        if scope.region is None and table_rows:
            total = [str(_("All offices")), cells[("national", None, "total", "")], *([None] * len(values))]
        tables.append(Table(title, columns, table_rows, total))
    notes = [
        _(
            "Cases received in the year. A count below 5 is shown as <5, and some other counts are withheld, so "
            "that no case can be made out; the figures are those of the public statistics."
        )
    ]
    if not rows:
        notes.append(_("No mediation case was received in the year, or the region has no mediation office."))
    return Section("mediation", _("Mediation cases"), _("Mediation"), tables, notes)


def _cell(row):
    if row["count"] is None:
        return Withheld(small=row["display"] == "<5")
    return row["count"]


def _office_names(offices):
    from regions.models import Region

    regions = {region.pk: region.name for region in Region.objects.filter(pk__in=[r for _s, r in offices if r])}
    return {
        (kind, region): regions.get(region, region) if region else str(_("Ethnomediation Institute"))
        for kind, region in offices
    }
