"""The whole OpenAPI schema, exercised with generated requests as the secretariat and as a coordinator: no request
may end in a server error, and every response must match what the schema declares for it."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from accounts.models import ApiToken
from config.wsgi import application

pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.end_to_end]

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


# Generated requests only: the coverage phase (every boundary of every parameter) would multiply the run time.
CONFIG = SchemathesisConfig.from_dict({"phases": {"coverage": {"enabled": False}}})
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application, config=CONFIG)


@pytest.fixture(autouse=True)
def connection_kept_between_requests():
    """The app is called as WSGI, not through the test client: keep Django from closing the database connection
    after each request, which would end the test's transaction on PostgreSQL (the test client does the same)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def call_in_savepoint(case, headers):
    """Each generated request on its own, as in production where every request gets a fresh transaction: a request
    the database refused (answered 400) must not leave the test's transaction aborted for the next one."""
    savepoint = transaction.savepoint()
    try:
        case.call_and_validate(headers=headers, checks=CHECKS)
    finally:
        transaction.savepoint_rollback(savepoint)


def token_header(users, name):
    _token, key = ApiToken.issue(users[name])
    return {"Authorization": f"Token {key}", "Accept-Language": "en"}


FUZZ_SETTINGS = settings(
    max_examples=5,
    derandomize=True,
    deadline=None,
    database=None,
    # A failure is reported as generated: shrinking it would cost more than the whole run.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@FUZZ_SETTINGS
def test_every_operation_answers_the_secretariat_without_a_server_error_and_as_declared(case, users):
    call_in_savepoint(case, token_header(users, "secretariat"))


@schema.parametrize()
@FUZZ_SETTINGS
def test_every_operation_answers_a_coordinator_without_a_server_error_and_as_declared(case, users):
    call_in_savepoint(case, token_header(users, "coord-kz-10"))
