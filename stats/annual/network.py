"""Sections of the annual report drawn from bodies: councils with their members, and the changes of the network
(associations and Houses of Friendship opened, renamed or closed during the year)."""

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from assembly.models import BodyKind, BodyName, EthnoculturalAssociation, HouseOfFriendship
from councils.models import Council, held_on
from registry.models import NAME_FIELDS
from stats.annual.events import regions_of
from stats.annual.report import DATE, NUMBER, Column, Section, Table, long_date, total_of

COUNCIL_KINDS = (BodyKind.COUNCIL_OF_ELDERS, BodyKind.COUNCIL_OF_MOTHERS)


def councils_on(day):
    """Councils of Elders and of Mothers that exist on `day`: not archived, founded by then, not dissolved."""
    return (
        Council.objects.active()
        .filter(kind__in=COUNCIL_KINDS)
        .filter(Q(founded_on__isnull=True) | Q(founded_on__lte=day))
        .filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=day))
    )


def councils_section(scope):
    day = scope.reference_date
    councils = scope.in_region(councils_on(day))
    member = held_on(day, prefix="memberships__")
    figures = {
        "councils": Count("pk", distinct=True),
        "members": Count("memberships__person", filter=member, distinct=True),
    }
    counts = {(row["region_id"], row["kind"]): row for row in councils.values("region_id", "kind").annotate(**figures)}
    declared = {
        (row["region_id"], row["kind"]): row["declared"]
        for row in councils.filter(declared_headcount__isnull=False)
        .values("region_id", "kind")
        .annotate(declared=Sum("declared_headcount"))
    }
    columns = [Column(_("Region"))]
    for kind in COUNCIL_KINDS:
        label = BodyKind(kind).label
        columns += [
            Column(_("%(kind)s: councils") % {"kind": label}, NUMBER),
            Column(_("%(kind)s: members on the rosters") % {"kind": label}, NUMBER),
            Column(_("%(kind)s: members declared") % {"kind": label}, NUMBER),
        ]
    places = [(region.pk, region.name) for region in regions_of(scope)]
    if scope.region is None:
        places.append((None, str(_("Republican level"))))
    rows = []
    for region, name in places:
        row = [name]
        for kind in COUNCIL_KINDS:
            found = counts.get((region, kind), {})
            row += [found.get("councils", 0), found.get("members", 0), declared.get((region, kind)) or 0]
        rows.append(row)
    total = total_of(_("Total"), rows, columns)
    # The total of members counts each person once, even one on councils of two regions.
    for index, kind in enumerate(COUNCIL_KINDS):
        people = councils.filter(kind=kind).aggregate(n=Count("memberships__person", filter=member, distinct=True))
        total[2 + 3 * index] = people["n"]
    table = Table(_("Councils of Elders and Councils of Mothers by region"), columns, rows, total)
    notes = [
        _("Councils existing and members holding a seat on %(day)s; a person counts once in a row and in the total.")
        % {"day": long_date(day)},
        _("Members declared: the headcount a council reports where its roster is not kept in the registry."),
    ]
    return Section("councils", _("Councils of Elders and of Mothers"), _("Councils"), [table], notes)


def network_section(scope):
    changes = []
    for model, opened_field in ((EthnoculturalAssociation, "registered_on"), (HouseOfFriendship, "opened_on")):
        changes += _changes(scope, model, opened_field)
    changes.sort(key=lambda change: (change["date"], change["registry"], change["name"]))

    places = [(region.pk, region.name) for region in regions_of(scope)]
    if scope.region is None:
        places.append((None, str(_("Republican level"))))
    kinds = (
        ("opened", pgettext_lazy("change of the network", "opened")),
        ("renamed", pgettext_lazy("change of the network", "renamed")),
        ("closed", pgettext_lazy("change of the network", "closed")),
    )
    columns = [Column(_("Region"))]
    registries = (
        (EthnoculturalAssociation, _("Associations")),
        (HouseOfFriendship, _("Houses of Friendship")),
    )
    for _model, plural in registries:
        columns += [Column(f"{plural}: {label}", NUMBER) for _kind, label in kinds]
    rows = []
    for region, name in places:
        row = [name]
        for model, _plural in registries:
            for kind, _label in kinds:
                row.append(
                    sum(1 for c in changes if c["model"] is model and c["change"] == kind and c["region"] == region)
                )
        rows.append(row)
    summary = Table(_("Changes of the network by region"), columns, rows, total_of(_("Total"), rows, columns))

    columns = [
        Column(_("Date"), DATE),
        Column(_("Registry")),
        Column(_("Name")),
        Column(_("Region")),
        Column(_("Change")),
        Column(_("Former name")),
    ]
    labels = dict(kinds)
    rows = [
        [c["date"], str(c["registry"]), c["name"], c["region_name"], str(labels[c["change"]]), c["former"]]
        for c in changes
    ]
    listing = Table(_("Associations and Houses of Friendship opened, renamed or closed"), columns, rows)
    notes = [
        _(
            "Opened: an association registered or a House opened during the year. Closed: liquidated or closed "
            "during the year. Renamed: a former name that ceased to be used during the year, or a change of name "
            "recorded in the registry's history during the year."
        )
    ]
    return Section(
        "network", _("Associations and Houses of Friendship"), _("Network changes"), [summary, listing], notes
    )


def _changes(scope, model, opened_field):
    bodies = scope.in_region(model.objects.active()).select_related("region")
    registry = model._meta.verbose_name
    first, last = scope.first_day, scope.last_day

    def change(body, kind, day, former=""):
        return {
            "model": model,
            "registry": registry,
            "name": body.name,
            "region": body.region_id,
            "region_name": body.region.name if body.region else str(_("Republican level")),
            "change": kind,
            "date": day,
            "former": former,
        }

    found = []
    opened = Q(**{f"{opened_field}__range": (first, last)})
    if model is EthnoculturalAssociation:
        opened |= Q(registered_on__isnull=True, founded_on__range=(first, last))
    for body in bodies.filter(opened):
        found.append(change(body, "opened", getattr(body, opened_field) or body.founded_on))
    for body in bodies.filter(dissolved_on__range=(first, last)):
        found.append(change(body, "closed", body.dissolved_on))

    renamed = set()
    former_names = BodyName.objects.active().filter(body__in=bodies, end_date__range=(first, last))
    by_pk = {body.pk: body for body in bodies.filter(former_names__in=former_names).distinct()}
    for former in former_names.order_by("end_date"):
        renamed.add(former.body_id)
        found.append(change(by_pk[former.body_id], "renamed", former.end_date, former.name))
    found += [change(body, "renamed", day, old) for body, day, old in _renamed_in_history(bodies, scope, renamed)]
    return found


def _renamed_in_history(bodies, scope, known):
    """(body, day, former name) for each change of name its history records during the year, for the bodies whose
    renaming no former name already tells."""
    history = bodies.model.history
    changed = (
        history.filter(history_type="~", history_date__year=scope.year)
        .exclude(id__in=known)
        .values_list("id", flat=True)
        .distinct()
    )
    records = history.filter(id__in=changed, history_date__year__lte=scope.year).order_by(
        "id", "history_date", "history_id"
    )
    by_pk = {body.pk: body for body in bodies.filter(pk__in=changed)}
    previous = {}
    for record in records:
        names = tuple(getattr(record, name) for name in NAME_FIELDS)
        day = timezone.localtime(record.history_date).date()
        before = previous.get(record.id)
        previous[record.id] = (names, record)
        if before is None or before[0] == names or day.year != scope.year:
            continue
        if record.id in by_pk:
            old = before[1]
            yield by_pk[record.id], day, _name_of(old)


def _name_of(record):
    language = (get_language() or "en").split("-")[0]
    return getattr(record, f"name_{language}", "") or record.name_en or record.name_ru or record.name_kk
