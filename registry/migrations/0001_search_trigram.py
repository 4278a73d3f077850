"""Trigram indexes for `?search=` on PostgreSQL: events, bodies (associations and every other body) and persons.

`?search=` is a case-insensitive substring match (`UPPER(column) LIKE UPPER('%text%')`); a GIN index over the
trigrams of `UPPER(column)` answers it without reading the table, in every alphabet. SQLite has no such index and
keeps scanning, which is fast enough at its scale; on SQLite this migration does nothing.
"""

from django.db import migrations

from registry.migrations import _trigram

SEARCHED = {
    "events_event": ("title", "title_kk", "title_ru", "title_en", "venue", "description"),
    "assembly_body": ("name_kk", "name_ru", "name_en"),
    "assembly_person": ("surname", "given_name", "patronymic", "name_kk", "name_ru", "name_en"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, columns in SEARCHED.items():
        for column in columns:
            _trigram.create(schema_editor, table, column)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in SEARCHED.items():
        for column in columns:
            _trigram.drop(schema_editor, table, column)


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial"), ("assembly", "0002_registry")]

    operations = [migrations.RunPython(create, drop)]
