"""One trigram index over each large registry's search text (registry/search.py), replacing one index per field.

Searching events or persons now reads a single generated column: on PostgreSQL a GIN index over the trigrams of
the capitalised `search_text` answers `?search=` without reading the table. The per-field indexes of those two tables are no
longer used by any search and are dropped (bodies keep theirs). SQLite has no such index; nothing to do there.
"""

from django.db import migrations

from registry.migrations import _trigram

REPLACED = {
    "events_event": ("title", "title_kk", "title_ru", "title_en", "venue", "description"),
    "assembly_person": ("surname", "given_name", "patronymic", "name_kk", "name_ru", "name_en"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in REPLACED.items():
        _trigram.create(schema_editor, table, "search_text", capitalised=True)
        for column in columns:
            _trigram.drop(schema_editor, table, column)
        # The new column has no statistics until the next analyse: without them the planner guesses a handful of
        # matches and reads every match before sorting, where walking the date index stops after a page.
        schema_editor.execute(f'ANALYZE "{table}"')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in REPLACED.items():
        for column in columns:
            _trigram.create(schema_editor, table, column)
        _trigram.drop(schema_editor, table, "search_text")


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0001_search_trigram"),
        ("events", "0003_search_text"),
        ("assembly", "0006_search_text"),
    ]

    operations = [migrations.RunPython(create, drop)]
