"""Trigram indexes for `?search=` on PostgreSQL: events, bodies (associations and every other body) and persons.

`?search=` is a case-insensitive substring match (`UPPER(column) LIKE UPPER('%text%')`); a GIN index over the
trigrams of `UPPER(column)` answers it without reading the table, in every alphabet. SQLite has no such index and
keeps scanning, which is fast enough at its scale; on SQLite this migration does nothing.
"""

from django.db import migrations

SEARCHED = {
    "events_event": ("title", "title_kk", "title_ru", "title_en", "venue", "description"),
    "assembly_body": ("name_kk", "name_ru", "name_en"),
    "assembly_person": ("surname", "given_name", "patronymic", "name_kk", "name_ru", "name_en"),
}


def index_name(table, column):
    return f"{table}_{column}_trgm"[:63]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, columns in SEARCHED.items():
        for column in columns:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{index_name(table, column)}" ON "{table}" '
                f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in SEARCHED.items():
        for column in columns:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{index_name(table, column)}"')


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial"), ("assembly", "0002_registry")]

    operations = [migrations.RunPython(create, drop)]
