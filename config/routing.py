"""Reads from PostgreSQL read replicas, writes to the primary (docs/operations.md, "Read replicas").

With `DATABASE_REPLICA_URLS` set, settings add the databases `replica_0`, `replica_1`, … and this module decides,
query by query, where a read goes:

- only during a request that `ReadReplicaMiddleware` let through: a safe method (GET, HEAD, OPTIONS) on the API or
  the public pages, from a client that has not written within `READ_YOUR_WRITES_SECONDS` (a signed cookie, or for
  token clients a mark in the cache, set after each write); everything else (the admin, the portal, every write,
  management commands, the background worker) reads from the primary;
- never inside a transaction (its reads must see its own writes), never for the tables that must be exact at once
  (sessions, users and their tokens, sign-in lockout, background jobs and their queue, the admin's log);
- one replica per request, chosen at random among those that answered their last health probe; a probe opens (or
  pings) the replica's connection with a short connect timeout and its answer is kept `REPLICA_HEALTH_SECONDS`;
  with no healthy replica the request reads from the primary;
- a safe request whose replica fails in the middle is marked unhealthy and the view is run again on the primary.

Without replicas the router is not installed and the middleware passes every request through untouched.
"""

import contextvars
import dataclasses
import hashlib
import logging
import random
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, Error, InterfaceError, OperationalError, connections

logger = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Tables read from the primary only: a session just written, a token just issued or revoked (a replica lagging
# behind must not accept a revoked token), a lockout just counted, a job's live progress.
PRIMARY_ONLY_APPS = frozenset({"sessions", "accounts", "auth", "axes", "jobs", "django_tasks_database", "admin"})
PIN_COOKIE = "shanyrak_primary"
PIN_SALT = "config.routing.read-your-writes"


@dataclasses.dataclass
class ReadState:
    """Where this request's reads may go: `pinned` to the primary, else the replica `alias` once one is chosen."""

    pinned: bool = False
    alias: str | None = None
    used: set = dataclasses.field(default_factory=set)


# None outside a request that the middleware let read from replicas: then every read goes to the primary.
_read_state = contextvars.ContextVar("replica_read_state", default=None)

# alias -> (healthy, time.monotonic() of the probe); shared by the threads of a process.
_health = {}


def replica_aliases():
    return list(getattr(settings, "DATABASE_REPLICAS", []))


def probe(alias):
    """True if the replica answers now. A new connection is bounded by the replica's connect timeout; an open one
    is pinged. A failure closes the connection, so the next probe starts afresh."""
    connection = connections[alias]
    try:
        if connection.connection is not None and not connection.is_usable():
            connection.close()
        connection.ensure_connection()
    except Error as error:
        logger.warning("Read replica %s is unreachable, reading from the primary: %s", alias, error)
        connection.close()
        return False
    return True


def replica_is_healthy(alias, force=False):
    checked = _health.get(alias)
    now = time.monotonic()
    if checked is not None and not force and now - checked[1] < settings.REPLICA_HEALTH_SECONDS:
        return checked[0]
    healthy = probe(alias)
    _health[alias] = (healthy, now)
    return healthy


def mark_unhealthy(alias):
    _health[alias] = (False, time.monotonic())
    connections[alias].close()


def forget_health():
    """Forget every probe's answer (tests, and after a configuration change)."""
    _health.clear()


def choose_replica():
    healthy = [alias for alias in replica_aliases() if replica_is_healthy(alias)]
    return random.choice(healthy) if healthy else DEFAULT_DB_ALIAS


def read_alias():
    """The database this request's reads go to now."""
    state = _read_state.get()
    if state is None or state.pinned or connections[DEFAULT_DB_ALIAS].in_atomic_block:
        return DEFAULT_DB_ALIAS
    if state.alias is None:
        state.alias = choose_replica()
    if state.alias != DEFAULT_DB_ALIAS:
        state.used.add(state.alias)
    return state.alias


class ReplicaRouter:
    """Writes and migrations on the primary; reads where `read_alias` says."""

    def db_for_read(self, model, **hints):
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return DEFAULT_DB_ALIAS
        return read_alias()

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Every alias holds the same data: an object read from a replica may relate to one read from the primary.
        same_data = {DEFAULT_DB_ALIAS, *replica_aliases()}
        if obj1._state.db in same_data and obj2._state.db in same_data:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


def _token_mark(request):
    authorization = request.headers.get("Authorization", "")
    if not authorization:
        return None
    return "read-your-writes:" + hashlib.sha256(authorization.encode()).hexdigest()


def replica_paths():
    return tuple(settings.REPLICA_READ_PATHS)


def streamed_within(state, content):
    """Each chunk of `content` made with this request's read state (set around each step rather than across the
    whole iteration: under ASGI successive steps may run in different contexts)."""
    iterator = iter(content)
    while True:
        token = _read_state.set(state)
        try:
            chunk = next(iterator)
        except StopIteration:
            return
        finally:
            _read_state.reset(token)
        yield chunk


class ReadReplicaMiddleware:
    """Lets a request read from a replica, or pins it to the primary (see the module's text)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replica_aliases():
            return self.get_response(request)
        state = ReadState(pinned=self.pinned(request))
        token = _read_state.set(state)
        try:
            response = self.get_response(request)
        finally:
            _read_state.reset(token)
        if request.method not in SAFE_METHODS:
            self.remember_write(request, response)
        elif response.streaming and not state.pinned:
            # A streamed export reads while it is sent, after this method returned: from the same replica.
            response.streaming_content = streamed_within(state, response.streaming_content)
        return response

    def pinned(self, request):
        if request.method not in SAFE_METHODS:
            return True
        path = request.path_info
        if path != "/" and not path.startswith(replica_paths()):
            return True
        window = settings.READ_YOUR_WRITES_SECONDS
        if request.get_signed_cookie(PIN_COOKIE, default=None, salt=PIN_SALT, max_age=window):
            return True
        mark = _token_mark(request)
        return bool(mark and cache.get(mark))

    def remember_write(self, request, response):
        """For the next READ_YOUR_WRITES_SECONDS this client reads from the primary: its browser by a signed
        cookie, a token client (which may keep no cookies) by a mark in the cache, shared when it is Redis."""
        window = settings.READ_YOUR_WRITES_SECONDS
        response.set_signed_cookie(
            PIN_COOKIE,
            "1",
            salt=PIN_SALT,
            max_age=window,
            httponly=True,
            secure=settings.SESSION_COOKIE_SECURE,
            samesite="Lax",
        )
        mark = _token_mark(request)
        if mark:
            cache.set(mark, 1, window)

    def process_exception(self, request, exception):
        """A replica failing in the middle of a safe request: mark it unhealthy and run the view again on the
        primary, so the user gets the page rather than an error."""
        state = _read_state.get()
        if state is None or not state.used or not isinstance(exception, OperationalError | InterfaceError):
            return None
        for alias in state.used:
            logger.warning("Read replica %s failed during a request, reading from the primary: %s", alias, exception)
            mark_unhealthy(alias)
        state.pinned, state.alias, state.used = True, None, set()
        match = request.resolver_match
        response = match.func(request, *match.args, **match.kwargs)
        if callable(getattr(response, "render", None)):
            response = response.render()
        return response
