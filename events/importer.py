"""Bulk upload of events from a CSV or XLSX file: read, check every row (listing each row's errors), then import all
of them in one transaction, or none.

Checking does a fixed number of queries whatever the number of rows (lookups are loaded once), and the import is a
few bulk inserts with history, so a year of a region's events (15,000 rows) imports in seconds.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from accounts import access
from assembly.models import Body
from events import inputs, lifecycle
from events.models import Event, Programme, Source
from events.tables import COLUMNS, UploadError
from events.titles import title_numbers, titles_look_alike
from jobs.models import JobPhase
from regions.models import District, Region
from registry import numbers
from registry.middleware import current_request_id

# Rows written between two reports of progress (all of them in the one transaction).
WRITE_CHUNK = 2000


@dataclass
class Row:
    number: int  # as the spreadsheet shows it: the header is row 1
    values: dict
    errors: dict = field(default_factory=dict)
    duplicates: list = field(default_factory=list)
    event: Event | None = None

    @property
    def title(self):
        return self.values.get("title", "")


@dataclass
class Report:
    rows: list

    @property
    def error_rows(self):
        return [row for row in self.rows if row.errors]

    @property
    def duplicate_rows(self):
        return [row for row in self.rows if row.duplicates and not row.errors]

    @property
    def ok(self):
        return bool(self.rows) and not self.error_rows


class EventImport:
    """Check and import a file of events for `user` (a coordinator imports into their own region only)."""

    def __init__(self, user):
        self.user = user
        self.own_region = None if access.is_secretariat(user) else user.region_id

    # -- checking -------------------------------------------------------------------------------------------
    def check(self, records, progress=None):
        """Check every row; `progress` (a jobs.progress.Progress) hears of each row checked."""
        self._load_lookups()
        rows = [Row(number, values) for number, values in records]
        if progress is not None:
            progress.start(JobPhase.CHECKING, len(rows))
        for done, row in enumerate(rows, start=1):
            self._build(row)
            if progress is not None:
                progress.advance(done)
        self._find_duplicates(rows)
        return Report(rows)

    def _load_lookups(self):
        self.regions = {}
        for region in Region.objects.active():
            for key in (region.iso_code, region.name_kk, region.name_ru, region.name_en, region.kato):
                self.regions[str(key).strip().lower()] = region
        self.districts = {}
        for district in District.objects.active():
            for key in (district.name_kk, district.name_ru, district.name_en, district.kato, district.centre_en):
                if key:
                    self.districts[(district.region_id, str(key).strip().lower())] = district
        self.bodies_by_id, self.bodies_by_name, self.assemblies = {}, {}, {}
        for body in Body.objects.active().only(
            "id", "name_kk", "name_ru", "name_en", "region_id", "kind", "archived_at"
        ):
            self.bodies_by_id[body.pk] = body
            for key in (body.name_kk, body.name_ru, body.name_en):
                if key:
                    self.bodies_by_name.setdefault((body.region_id, key.strip().lower()), body)
            if body.kind == "regional_assembly" and body.region_id:
                self.assemblies.setdefault(body.region_id, body)
        self.programmes = {}
        for programme in Programme.objects.active():
            for key in (programme.code, programme.name_kk, programme.name_ru, programme.name_en):
                self.programmes[key.strip().lower()] = programme

    def _build(self, row):
        values, errors = row.values, row.errors

        def text(column):
            value = values.get(column)
            return "" if value is None else str(value).strip()

        def parse(column, parser):
            try:
                return parser(values.get(column))
            except inputs.InputError as error:
                errors[column] = str(error)
                return None

        title = text("title")
        if not title:
            errors["title"] = _("Required.")
        kind = parse("kind", inputs.parse_kind)
        status = parse("status", inputs.parse_status) or "held"
        start_date = parse("start_date", inputs.parse_date)
        if start_date is None and "start_date" not in errors:
            errors["start_date"] = _("Required.")
        end_date = parse("end_date", inputs.parse_date)
        counts = {
            column: parse(column, inputs.parse_count)
            for column in ("participants_count", "volunteers_count", "beneficiaries_count")
        }
        funds = parse("funds_raised_kzt", inputs.parse_whole_tenge)
        languages = parse("languages", inputs.parse_languages) or []
        links = parse("press_links", inputs.parse_links) or []
        is_public = parse("is_public", inputs.parse_bool)

        region = None
        region_text = text("region")
        if not region_text:
            if self.own_region:
                region = self.regions.get(self.own_region.lower())
            else:
                errors["region"] = _("Required: the region's code, e.g. KZ-10.")
        else:
            region = self.regions.get(region_text.lower())
            if region is None:
                errors["region"] = _("Unknown region “%(value)s”; use its code, e.g. KZ-10.") % {"value": region_text}
        if region is not None and not access.can_write_region(self.user, Event, region.pk):
            errors["region"] = _("You may only upload events of your own region (%(region)s).") % {
                "region": self.own_region or "-"
            }
            region = None

        district = None
        if text("district") and region is not None:
            district = self.districts.get((region.pk, text("district").lower()))
            if district is None:
                errors["district"] = _("No district or city “%(value)s” in %(region)s.") % {
                    "value": text("district"),
                    "region": region.name,
                }

        organizer = None
        organizer_text = text("organizer")
        if organizer_text:
            if organizer_text.isdigit():
                organizer = self.bodies_by_id.get(numbers.bounded_id(organizer_text))
            elif region is not None:
                key = organizer_text.lower()
                organizer = self.bodies_by_name.get((region.pk, key)) or self.bodies_by_name.get((None, key))
            if organizer is None:
                errors["organizer"] = _("No active organisation “%(value)s” found.") % {"value": organizer_text}
        elif region is not None:
            organizer = self.assemblies.get(region.pk)

        programme = None
        if text("programme"):
            programme = self.programmes.get(text("programme").lower())
            if programme is None:
                errors["programme"] = _("No active programme “%(value)s”.") % {"value": text("programme")}

        if errors:
            return
        event = Event(
            title=title,
            kind=kind,
            status=status,
            start_date=start_date,
            end_date=end_date or start_date,
            region=region,
            district=district,
            venue=text("venue"),
            organizer=organizer,
            programme=programme,
            funds_raised_kzt=funds,
            languages=languages,
            description=text("description"),
            press_links=links,
            is_public=True if is_public is None else is_public,
            source=Source.UPLOAD,
            **counts,
        )
        try:
            event.clean_fields(exclude=["region", "district", "organizer", "programme", "languages", "press_links"])
            event.clean()
        except ValidationError as error:
            for column, messages in error.message_dict.items():
                errors[column if column in COLUMNS else "row"] = " ".join(messages)
            return
        row.event = event

    def _find_duplicates(self, rows):
        """Rows that look like an event already recorded (events.lifecycle's check, one query for the whole file)
        or like an earlier row of the file: same region, same day, similar title. Titles whose numbers differ are
        never alike, so a row is compared only with the earlier rows of its day that carry the same numbers."""
        built = [row for row in rows if row.event is not None]
        stored = lifecycle.find_duplicates(row.event for row in built)
        earlier = {}
        for row, duplicates in zip(built, stored, strict=True):
            event = row.event
            same = earlier.setdefault((event.region_id, event.start_date, title_numbers(event.title)), [])
            row.duplicates = [
                {"id": other.pk, "title": other.title, "date": other.start_date.isoformat()} for other in duplicates
            ] + [{"row": other.number} for other in same if titles_look_alike(other.event.title, event.title)]
            same.append(row)

    # -- importing -----------------------------------------------------------------------------------------
    def save(self, report, confirm_duplicates=False, progress=None):
        """Import every row or none; returns the number imported. Raises UploadError when the file is not ready.
        The rows are written in chunks inside one transaction; `progress` hears of each chunk written (it writes
        outside the transaction, see jobs.progress)."""
        if not report.ok:
            raise UploadError(_("Nothing was imported: correct the rows with errors first."))
        if report.duplicate_rows and not confirm_duplicates:
            raise UploadError(_("Nothing was imported: confirm the likely duplicates first."))
        events = [row.event for row in report.rows]
        for event in events:
            event.transition(self.user, lifecycle.Action.SUBMIT, save=False)
        if progress is not None:
            progress.start(JobPhase.WRITING, len(events))
        written = 0
        with transaction.atomic():
            for first in range(0, len(events), WRITE_CHUNK):
                written += len(
                    bulk_create_with_history(
                        events[first : first + WRITE_CHUNK],
                        Event,
                        batch_size=1000,
                        default_user=self.user,
                        custom_historical_attrs={"request_id": current_request_id.get()},
                    )
                )
                if progress is not None:
                    progress.advance(written)
        return written


def lookups_for(user):
    """What the template's help sheet lists: the region codes, and the user's region's districts and programmes."""
    regions = Region.objects.active().order_by("iso_code")
    districts = District.objects.active().select_related("region").order_by("region_id", "name_en")
    programmes = Programme.objects.active().order_by("code")
    if not access.is_secretariat(user) and user.region_id:
        districts = districts.filter(region_id=user.region_id)
        programmes = programmes.filter(Q(region_id=user.region_id) | Q(region__isnull=True))
    return regions, districts, programmes
