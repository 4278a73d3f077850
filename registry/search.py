"""One searchable column for a large registry: its searched texts joined, kept up to date by the database.

`?search=` looks for a term in any of a registry's `search_fields`. On a table of the whole country (75,000 events a
year… five years of them) an OR over six case-insensitive `LIKE`s reads every row: a quarter of a second on
PostgreSQL. A registry that declares `search_text = SearchText(<fields>)` gets a generated column holding those
fields joined and in capitals, with one trigram index over it (PostgreSQL; see registry/migrations), and searches
look in that column instead of the fields it covers. Terms never contain a line break, so a match never spans two
fields. The column is stored in capitals so that a case-insensitive search compares it as it is: asked to capitalise
every row, PostgreSQL's planner underrates the cost and reads the whole table instead of the index.
"""

from django.db import models
from django.db.models.functions import Concat, Upper
from django.db.models.lookups import IContains, Lookup

SEPARATOR = "\n"


class CapitalsContain(IContains):
    """`icontains` on a column already in capitals: the term is capitalised, the column compared as stored."""

    def process_lhs(self, compiler, connection, lhs=None):
        return Lookup.process_lhs(self, compiler, connection, lhs)


class CapitalText(models.TextField):
    """A text stored in capitals; its case-insensitive `contains` capitalises only the term."""


CapitalText.register_lookup(CapitalsContain)


class SearchText(models.GeneratedField):
    def __init__(self, *fields, **kwargs):
        self.fields = fields
        parts = []
        for name in fields:
            parts += [models.F(name), models.Value(SEPARATOR)]
        kwargs.setdefault("expression", Upper(Concat(*parts[:-1], output_field=models.TextField())))
        kwargs.setdefault("output_field", CapitalText())
        kwargs.setdefault("db_persist", True)
        super().__init__(**kwargs)

    def deconstruct(self):
        # The expression stays in migrations, so that changing how the text is made is a migration.
        name, path, _args, kwargs = super().deconstruct()
        return name, path, self.fields, kwargs


def compact(model, fields):
    """`fields` with those a `SearchText` column of `model` covers replaced by that column (once)."""
    columns = [field for field in model._meta.concrete_fields if isinstance(field, SearchText)]
    fields = tuple(fields)
    for column in columns:
        covered = set(column.fields)
        if covered.issubset(fields):
            fields = (column.name, *(name for name in fields if name not in covered))
    return fields
