import re
import uuid
from contextvars import ContextVar

from accounts.network import behind_trusted_proxy

current_request_id = ContextVar("current_request_id", default="")

_UUID = re.compile(r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")


def incoming_request_id(request):
    """The X-Request-ID our proxy set, if it is a UUID (with or without dashes); None when there is no proxy of
    ours (a client could then name its request after another's) or the id is not a UUID."""
    if not behind_trusted_proxy():
        return None
    value = request.headers.get("X-Request-ID", "").strip()
    if not _UUID.match(value):
        return None
    return value.lower()


class RequestIdMiddleware:
    """Gives every request an id (or keeps the one our proxy set) so each history entry can name its request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = incoming_request_id(request) or uuid.uuid4().hex
        token = current_request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-ID"] = request.id
        return response
