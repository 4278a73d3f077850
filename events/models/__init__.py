"""Events of the Assembly's network and the programmes they belong to.

A coordinator logs an event of their region; it is "submitted" until the secretariat verifies it or returns it with
a comment (the whole life cycle is in events.lifecycle). Official figures count verified events; dashboards may show
both. `choices` holds the vocabularies, `programmes` the programmes and their progress, `events` the event itself;
whether two titles name the same event is decided in events.titles.
"""

from events.models.choices import (
    DESCRIPTIVE_FIELDS,
    EVENT_LANGUAGES,
    OCCASION_FIELDS,
    REPORTED_FIELDS,
    EventKind,
    EventStatus,
    Source,
    Verification,
)
from events.models.events import COUNT_FIELDS, Event, EventAccess, EventQuerySet
from events.models.programmes import METRIC_LABELS, PROGRESS_SUMS, TARGETS, Programme, ProgrammeQuerySet

__all__ = [
    "COUNT_FIELDS",
    "DESCRIPTIVE_FIELDS",
    "EVENT_LANGUAGES",
    "METRIC_LABELS",
    "OCCASION_FIELDS",
    "PROGRESS_SUMS",
    "REPORTED_FIELDS",
    "TARGETS",
    "Event",
    "EventAccess",
    "EventKind",
    "EventQuerySet",
    "EventStatus",
    "Programme",
    "ProgrammeQuerySet",
    "Source",
    "Verification",
]
