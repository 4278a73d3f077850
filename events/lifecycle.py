"""The life cycle of an event, in one place: who may bring an event from which stage to which, and which events a new
or re-identified one may repeat. The portal, the API, the upload and the admin all ask this module (through
`Event.next_verification`, `Event.transition`, `Event.archive`/`restore` and `likely_duplicates`).

A stage is the event's verification state and whether it is archived; a new event, not yet stored, is at `NEW`.
`RULES[role][stage][action]` is the stage the action brings the event to; an action missing there is refused.
"""

from typing import NamedTuple

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts import access


class Action(models.TextChoices):
    SAVE_DRAFT = "save_draft", _("save as draft")
    SUBMIT = "submit", _("save and submit")
    EDIT = "edit", _("save")
    VERIFY = "verify", _("verify")
    RETURN = "return", _("return for correction")
    ARCHIVE = "archive", _("archive")
    RESTORE = "restore", _("restore")


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("secretariat")
    COORDINATOR = "coordinator", _("coordinator of the event's region")


class Stage(NamedTuple):
    verification: str | None  # None: not stored yet
    archived: bool = False

    def __str__(self):
        if self.verification is None:
            return "new"
        return f"{self.verification} (archived)" if self.archived else self.verification


# Verification states; spelled here rather than imported so the model can import this module.
_DRAFT, _SUBMITTED, _VERIFIED, _RETURNED = "draft", "submitted", "verified", "returned"

NEW = Stage(None)
DRAFT, SUBMITTED, RETURNED, VERIFIED = (Stage(state) for state in (_DRAFT, _SUBMITTED, _RETURNED, _VERIFIED))
ARCHIVED_DRAFT, ARCHIVED_SUBMITTED, ARCHIVED_RETURNED, ARCHIVED_VERIFIED = (
    Stage(state, archived=True) for state in (_DRAFT, _SUBMITTED, _RETURNED, _VERIFIED)
)
STAGES = (
    NEW,
    DRAFT,
    SUBMITTED,
    RETURNED,
    VERIFIED,
    ARCHIVED_DRAFT,
    ARCHIVED_SUBMITTED,
    ARCHIVED_RETURNED,
    ARCHIVED_VERIFIED,
)

A = Action
RULES = {
    # A coordinator's work waits for the secretariat: whatever they submit or change is `submitted`, a draft stays a
    # draft while they only save it; they cannot verify, return, or archive what the secretariat has verified, and
    # restoring a verified event sends it back to the secretariat's queue.
    Role.COORDINATOR: {
        NEW: {A.SAVE_DRAFT: DRAFT, A.SUBMIT: SUBMITTED, A.EDIT: SUBMITTED},
        DRAFT: {A.SAVE_DRAFT: DRAFT, A.SUBMIT: SUBMITTED, A.EDIT: DRAFT, A.ARCHIVE: ARCHIVED_DRAFT},
        SUBMITTED: {A.SAVE_DRAFT: DRAFT, A.SUBMIT: SUBMITTED, A.EDIT: SUBMITTED, A.ARCHIVE: ARCHIVED_SUBMITTED},
        RETURNED: {A.SAVE_DRAFT: DRAFT, A.SUBMIT: SUBMITTED, A.EDIT: SUBMITTED, A.ARCHIVE: ARCHIVED_RETURNED},
        VERIFIED: {A.SUBMIT: SUBMITTED, A.EDIT: SUBMITTED},
        ARCHIVED_DRAFT: {A.RESTORE: DRAFT},
        ARCHIVED_SUBMITTED: {A.RESTORE: SUBMITTED},
        ARCHIVED_RETURNED: {A.RESTORE: RETURNED},
        ARCHIVED_VERIFIED: {A.RESTORE: SUBMITTED},
    },
    # The secretariat's own new entries are verified at once, its edits keep the state, and it alone verifies,
    # returns, and archives or restores a verified event as it stands.
    Role.SECRETARIAT: {
        NEW: {A.SAVE_DRAFT: DRAFT, A.SUBMIT: VERIFIED, A.EDIT: VERIFIED},
        DRAFT: {A.SAVE_DRAFT: DRAFT, A.SUBMIT: SUBMITTED, A.EDIT: DRAFT, A.ARCHIVE: ARCHIVED_DRAFT},
        SUBMITTED: {
            A.SAVE_DRAFT: DRAFT,
            A.SUBMIT: SUBMITTED,
            A.EDIT: SUBMITTED,
            A.VERIFY: VERIFIED,
            A.RETURN: RETURNED,
            A.ARCHIVE: ARCHIVED_SUBMITTED,
        },
        RETURNED: {
            A.SAVE_DRAFT: DRAFT,
            A.SUBMIT: SUBMITTED,
            A.EDIT: RETURNED,
            A.VERIFY: VERIFIED,
            A.ARCHIVE: ARCHIVED_RETURNED,
        },
        VERIFIED: {A.SUBMIT: VERIFIED, A.EDIT: VERIFIED, A.RETURN: RETURNED, A.ARCHIVE: ARCHIVED_VERIFIED},
        ARCHIVED_DRAFT: {A.RESTORE: DRAFT},
        ARCHIVED_SUBMITTED: {A.RESTORE: SUBMITTED},
        ARCHIVED_RETURNED: {A.RESTORE: RETURNED},
        ARCHIVED_VERIFIED: {A.RESTORE: VERIFIED},
    },
}
del A

# Why an action is refused when another role could take it (a 403) ...
ROLE_REFUSALS = {
    Action.VERIFY: _("Only the secretariat verifies events."),
    Action.RETURN: _("Only the secretariat returns events for correction."),
    Action.ARCHIVE: _("Only the secretariat archives a verified event."),
}
# ... and when no role could take it from this stage (a 400 naming `verification`).
STAGE_REFUSALS = {
    Action.SAVE_DRAFT: _("A verified event cannot go back to draft."),
    Action.VERIFY: _("Only a submitted or returned event can be verified; this one is %(state)s."),
    Action.RETURN: _("Only a submitted or verified event can be returned; this one is %(state)s."),
    Action.RESTORE: _("Only an archived event can be restored; this one is %(state)s."),
}
ARCHIVED_REFUSAL = _("This event is archived; restore it first.")
ALREADY_ARCHIVED = _("This event is archived already.")
NEW_REFUSAL = _("Save the event first.")


def stage_of(event):
    if event.pk is None:
        return NEW
    return Stage(event.verification, archived=event.archived_at is not None)


def role_of(user, event):
    """The role `user` acts in on `event`, or None when they may not write it. Without a user (a management command,
    a data fix) the system acts with the secretariat's rules."""
    if user is None or access.is_secretariat(user):
        return Role.SECRETARIAT
    if access.can_write_object(user, event):
        return Role.COORDINATOR
    return None


def decide(role, stage, action):
    """The stage `action` brings an event at `stage` to when taken in `role`; raises PermissionDenied when the role
    may not take it, ValidationError({"verification": ...}) when no one may take it from this stage."""
    action = Action(action)
    if role is None:
        raise PermissionDenied(_("You may only change events of your own region."))
    target = RULES[role][stage].get(action)
    if target is not None:
        return target
    if any(action in RULES[other][stage] for other in RULES):
        raise PermissionDenied(ROLE_REFUSALS[action])
    if stage.archived:
        message = ALREADY_ARCHIVED if action == Action.ARCHIVE else ARCHIVED_REFUSAL
    elif stage == NEW:
        message = NEW_REFUSAL
    else:
        from events.models import Verification

        message = STAGE_REFUSALS[action] % {"state": Verification(stage.verification).label}
    raise ValidationError({"verification": [message]})


# -- likely duplicates --------------------------------------------------------------------------------------------
IDENTITY_FIELDS = ("title", "start_date", "region_id")


def needs_duplicate_check(event):
    """A new event, or a stored one whose title, start date or region is being changed."""
    if event.pk is None:
        return True
    stored = type(event).objects.filter(pk=event.pk).values_list(*IDENTITY_FIELDS).first()
    return stored != tuple(getattr(event, name) for name in IDENTITY_FIELDS)


def find_duplicates(events):
    """For each of `events` (same order), the active stored events it may repeat: same region, same start date, a
    similar title. One query, however many events."""
    from events.models import Event
    from events.titles import titles_look_alike

    events = list(events)
    keyed = [event for event in events if event.region_id and event.start_date and event.title]
    if not keyed:
        return [[] for _event in events]
    dates = [event.start_date for event in keyed]
    stored = {}
    candidates = Event.objects.active().filter(
        region_id__in={event.region_id for event in keyed}, start_date__gte=min(dates), start_date__lte=max(dates)
    )
    for candidate in candidates.only("id", "title", "start_date", "region_id").order_by("id"):
        stored.setdefault((candidate.region_id, candidate.start_date), []).append(candidate)
    return [
        [
            candidate
            for candidate in stored.get((event.region_id, event.start_date), [])
            if candidate.pk != event.pk and titles_look_alike(candidate.title, event.title)
        ]
        for event in events
    ]


def likely_duplicates(event):
    """The stored events a new or re-identified `event` may repeat; none when its identity is unchanged."""
    if not (event.region_id and event.start_date and event.title) or not needs_duplicate_check(event):
        return []
    return find_duplicates([event])[0]
