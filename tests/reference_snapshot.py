"""The reference data for a test, loaded once per test process and copied in afterwards.

`load_reference` writes some 600 rows one by one with their history (0.3 s on SQLite, 0.5 s on PostgreSQL), and
1,400 tests ask for it. The first test of a process runs the command itself; the rows it wrote, history included,
are kept as plain column values and inserted in a few bulk statements for every later test. Time stamps set by the
database layer (creation, last change, history date) are given the time of the copy, as a fresh load would.
"""

import io

from django.apps import apps
from django.core.management import call_command
from django.db import connection, models, transaction
from django.utils import timezone

from regions.models import Region

_snapshot = {}


def _tables():
    """Every concrete table the project writes to, including the automatic many-to-many ones."""
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            yield model


def _stamped(field):
    return isinstance(field, models.DateTimeField) and (
        field.auto_now or field.auto_now_add or field.name == "history_date"
    )


def _copy_in():
    """Each table's rows in one statement per table (its own columns only: a child table of a multi-table model is
    written beside its parent's, as the load wrote it)."""
    now = timezone.now()
    quote = connection.ops.quote_name
    # In one transaction: foreign keys are checked at its end, whatever the order of the tables (a test outside a
    # transaction of its own included).
    with transaction.atomic(), connection.cursor() as cursor:
        for model, (columns, rows) in _snapshot[connection.vendor].items():
            sql = "INSERT INTO {} ({}) VALUES ({})".format(
                quote(model._meta.db_table),
                ", ".join(quote(field.column) for field in columns),
                ", ".join(["%s"] * len(columns)),
            )
            cursor.executemany(
                sql,
                [
                    [
                        field.get_db_prep_save(now if _stamped(field) else value, connection)
                        for field, value in zip(columns, row, strict=True)
                    ]
                    for row in rows
                ],
            )


def load_reference():
    """The reference data in the test's database, as `manage.py load_reference` leaves it."""
    if connection.vendor in _snapshot and not any(
        model._base_manager.exists() for model in _snapshot[connection.vendor]
    ):
        _copy_in()
        return
    empty_before = {model for model in _tables() if not model._base_manager.exists()}
    call_command("load_reference", stdout=io.StringIO())
    if connection.vendor in _snapshot or Region not in empty_before:
        # Only a load into an empty registry shows which rows are the reference data's alone.
        return
    written = {}
    for model in empty_before:
        if model._base_manager.exists():
            columns = [field for field in model._meta.local_concrete_fields if not field.generated]
            written[model] = (columns, list(model._base_manager.values_list(*[field.attname for field in columns])))
    _snapshot[connection.vendor] = written
