from accounts import access
from events.models import Event


def offline_app(request):
    """`offline_app`: whether the page offers the installable, offline-capable event form — to those who log events."""
    user = getattr(request, "user", None)
    return {"offline_app": bool(user and user.is_authenticated and access.can_write_model(user, Event))}
