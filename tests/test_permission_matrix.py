"""Every operation of the API router, as every role, against the expected table in tests/permission_matrix.py.

Each operation is tried on the contract suite's world (tests/contract_samples.py): writes send the registry's
sample, detail operations act on the sample record the secretariat created in Abai region (KZ-10) and its mediation
office, and every request is rolled back, so each role meets the same state."""

import pytest
from django.db import transaction

from tests.api_endpoints import operations
from tests.conftest import ROLES, api_client
from tests.contract_samples import ACTION_BODIES, ACTION_STATES, SAMPLES
from tests.permission_matrix import COLUMNS, EXPECTED

pytestmark = pytest.mark.django_db

OPERATIONS = {operation.key: operation for operation in operations()}


def role_name(role):
    return role or "anonymous"


def body_for(operation, world):
    record = world.records.get(operation.prefix)
    if operation.method == "get":
        return {"page_size": 1} if not operation.detail else None  # the status does not depend on the page
    if operation.action == "create":
        return SAMPLES[operation.prefix](world, 2)
    if operation.action in ("update", "partial_update"):
        return SAMPLES[operation.prefix](world, 0)
    builder = ACTION_BODIES.get((operation.prefix, operation.action))
    return builder(record) if builder else None


def status_as(world, operation, role):
    """The status `role` gets for `operation`; whatever it changed is rolled back."""
    with transaction.atomic():
        record = world.records.get(operation.prefix)
        if operation.action == "restore":
            operation.viewset.queryset.model.objects.get(pk=record["id"]).archive()
        if (operation.prefix, operation.action) in ACTION_STATES:
            ACTION_STATES[operation.prefix, operation.action](record)
        client = api_client(world.users[role] if role else None)
        method = getattr(client, operation.method)
        body = body_for(operation, world)
        if body is None:
            response = method(operation.url(record))
        elif operation.method == "get":
            response = method(operation.url(record), body)
        else:
            response = method(operation.url(record), body, format="json")
        transaction.set_rollback(True)
    return response.status_code


def test_the_expected_table_names_the_roles_in_the_suites_order():
    assert tuple(COLUMNS) == tuple(role_name(role) for role in ROLES)


def test_every_router_operation_has_a_row_in_the_expected_table():
    missing = sorted(set(OPERATIONS) - set(EXPECTED))
    assert not missing, (
        f"operations without a row in tests/permission_matrix.py: {missing}. Add one per operation with the status "
        "each role must get (the failure of test_each_role_gets_the_expected_status_for shows what it gets now)."
    )
    stale = sorted(set(EXPECTED) - set(OPERATIONS))
    assert not stale, f"rows in tests/permission_matrix.py for operations the router no longer has: {stale}"


@pytest.mark.parametrize("key", list(OPERATIONS))
def test_each_role_gets_the_expected_status_for(registry_world, key):
    operation = OPERATIONS[key]
    observed = {role_name(role): status_as(registry_world, operation, role) for role in ROLES}
    row = "  ".join(str(observed[column]) for column in COLUMNS)
    if key not in EXPECTED:
        pytest.fail(f'no row in tests/permission_matrix.py; today it is:\n    "{key}": "{row}",')
    expected = dict(zip(COLUMNS, EXPECTED[key].split(), strict=True))
    wrong = {
        role: f"expected {expected[role]}, got {observed[role]}"
        for role in COLUMNS
        if str(observed[role]) != expected[role]
    }
    assert not wrong, f"{key}: {wrong}"
