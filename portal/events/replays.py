"""Logging an event from a phone whose connection comes and goes: each new event carries a key made on the phone when
it was first saved (the `Idempotency-Key` header or the form's hidden `client_key`), stored on the event; a retry
with a key already used answers with the event it created, never a second one. The phone's sender asks for JSON
(`Accept: application/json`) and gets these answers:

| status | body `status` | when |
|---|---|---|
| 201 | `created` | the event is logged now |
| 200 | `existing` | the key was used before by the same person: the event it created |
| 400 | `invalid` | the form's errors, each with its field's label |
| 403 | `refused` | the role or region may not log this event |
| 409 | `conflict` | the key belongs to another person's event |

A change of an existing event sent from the phone carries the version it was based on in `If-Match` (and its own
key in `Idempotency-Key`):

| status | body `status` | when |
|---|---|---|
| 200 | `saved` | the change is made now |
| 200 | `existing` | the change with this key was made before: not made twice |
| 412 | `stale` | the event changed meanwhile (returned, verified, edited): who, when, what, what to do |

Nothing of a stale change is saved; its answer also names the fields changed and the event's version now.
"""

import uuid

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from events.models import Event
from registry.versions import changes_since

KEY_HEADER = "Idempotency-Key"
KEY_FIELD = "client_key"


def submitted_key(request):
    """The key of this submission: the header, else the hidden field; None when absent or not a UUID (the form
    then names the field)."""
    raw = request.headers.get(KEY_HEADER) or request.POST.get(KEY_FIELD) or ""
    try:
        return uuid.UUID(raw.strip())
    except ValueError:
        return None


def event_with_key(key):
    return Event.objects.filter(client_key=key).select_related("logged_by").first() if key else None


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def describe(event):
    return {"id": event.pk, "title": event.title, "url": event_url(event), "verification": event.verification}


def event_url(event):
    from django.urls import reverse

    return reverse("portal:event", args=[event.pk])


def already_saved(request, event):
    """The answer to a key used before: the event it created, when the same person logged it; a conflict
    otherwise (nothing about another person's event is told)."""
    if event.logged_by_id != request.user.pk:
        message = _("This submission's key was already used for another event. Nothing was saved; save it again.")
        if wants_json(request):
            return JsonResponse({"status": "conflict", "message": message}, status=409)
        messages.error(request, message)
        return redirect("portal:event-new")
    message = _("«%(title)s» was already saved; it was not logged twice.") % {"title": event.title}
    if wants_json(request):
        response = JsonResponse({"status": "existing", "message": message, **describe(event)}, status=200)
        response["Idempotent-Replayed"] = "true"
        return response
    messages.info(request, message)
    return redirect(event_url(event))


def created(event, message):
    return JsonResponse({"status": "created", "message": message, **describe(event)}, status=201)


def invalid(form, status=400):
    """The form's errors as the phone shows them: one message, and each field's label with its errors."""
    errors = []
    for name, messages_ in form.errors.items():
        label = str(form.fields[name].label) if name in form.fields else ""
        errors.append({"field": name, "label": label, "messages": [str(text) for text in messages_]})
    summary = " ".join(
        f"{error['label']}: {' '.join(error['messages'])}" if error["label"] else " ".join(error["messages"])
        for error in errors
    )
    return JsonResponse(
        {"status": "invalid" if status == 400 else "conflict", "message": summary, "errors": errors}, status=status
    )


def refused(message):
    return JsonResponse({"status": "refused", "message": str(message)}, status=403)


# A change of an existing event sent from the phone carries its key too (the header), kept as the history record's
# change reason: a repeat of a change already made answers with the event instead of taking it for a stale edit.
EDIT_REASON = "phone edit "


def edit_applied(request, event, key):
    """True when the change sent with `key` was already made to `event` by this person."""
    if key is None:
        return False
    return event.history.filter(history_change_reason=f"{EDIT_REASON}{key}", history_user=request.user).exists()


def edit_already_saved(event):
    message = _("Your change of «%(title)s» was already saved; it was not made twice.") % {"title": event.title}
    response = JsonResponse({"status": "existing", "message": message, **describe(event)}, status=200)
    response["Idempotent-Replayed"] = "true"
    return response


def saved(event, message):
    return JsonResponse({"status": "saved", "message": message, **describe(event)}, status=200)


def stale(event, since_version):
    """412: the event changed since the version the phone's change was based on. Says who changed what and when,
    the event's state now, and what the coordinator may do; nothing of the change is saved."""
    changes = changes_since(event, since_version)
    if changes is None:
        return JsonResponse({"status": "stale", "message": str(_("The record no longer exists.")), "fields": []}, 412)
    current = changes["current"]
    message = _(
        "«%(title)s» was changed by %(user)s at %(time)s after this phone kept it (changed: %(fields)s); it is now "
        "“%(state)s”. Your change was not saved over theirs: discard it, or open the event online and make your "
        "change again."
    ) % {
        "title": current.title,
        "user": changes["user"],
        "time": changes["time"],
        "fields": ", ".join(changes["fields"]) if changes["fields"] else _("see its history"),
        "state": current.get_verification_display(),
    }
    response = JsonResponse(
        {
            "status": "stale",
            "message": message,
            "fields": changes["fields"],
            "version": current.version,
            **describe(current),
        },
        status=412,
    )
    response["ETag"] = f'"{current.version}"'
    return response


def expected_version(request):
    """The version named by `If-Match`, or None when absent (or `*`)."""
    expected = (request.headers.get("If-Match") or "").strip()
    if not expected or expected == "*":
        return None
    return expected.removeprefix("W/").strip('"')
