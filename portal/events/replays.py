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
"""

import uuid

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from events.models import Event

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
