"""The events' vocabularies: kinds, statuses, verification, sources, and the fields a report gives."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from registry.languages import SPOKEN_LANGUAGES


class EventKind(models.TextChoices):
    FORUM = "forum", _("forum")
    FESTIVAL = "festival", _("festival")
    SPORTS = "sports", _("sports event")
    THEATRE = "theatre", _("theatre performance")
    CREATIVE_EVENING = "creative_evening", _("creative evening")
    EXPEDITION = "expedition", _("expedition")
    YOUTH_CAMP = "youth_camp", _("youth camp")
    ROUND_TABLE = "round_table", _("round table")
    CHARITY = "charity", _("charity event")
    VOLUNTEER_ACTION = "volunteer_action", _("volunteer action")
    TRAINING = "training", _("training or seminar")
    EXHIBITION = "exhibition", _("exhibition")
    OTHER = "other", _("other")


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")


class Verification(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted for verification")
    VERIFIED = "verified", _("verified")
    RETURNED = "returned", _("returned for correction")


class Source(models.TextChoices):
    PORTAL = "portal", _("portal form")
    UPLOAD = "upload", _("spreadsheet upload")
    API = "api", _("API")
    ADMIN = "admin", _("admin")
    DEMO = "demo", _("demo data")


EVENT_LANGUAGES = SPOKEN_LANGUAGES

# What happened, when and where: the part of a report every layer (form, spreadsheet, export, API) lists together.
OCCASION_FIELDS = ("kind", "status", "start_date", "end_date", "region", "district")
# What a coordinator reports about an event, in the order forms, spreadsheets and exports show it.
REPORTED_FIELDS = (
    "title",
    *OCCASION_FIELDS,
    "venue",
    "organizer",
    "programme",
    "participants_count",
    "volunteers_count",
    "beneficiaries_count",
    "funds_raised_kzt",
)
DESCRIPTIVE_FIELDS = ("languages", "description", "press_links", "is_public")
