"""Trigram indexes over `UPPER(column)`, the expression Django's case-insensitive `contains` compares, or over a
column stored in capitals (PostgreSQL)."""


def index_name(table, column):
    return f"{table}_{column}_trgm"[:63]


def create(schema_editor, table, column, capitalised=False):
    """`capitalised`: the column is stored in capitals and searched as it is (registry/search.py)."""
    expression = f'"{column}"' if capitalised else f'UPPER("{column}"::text)'
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{index_name(table, column)}" ON "{table}" USING gin ({expression} gin_trgm_ops)'
    )


def drop(schema_editor, table, column):
    schema_editor.execute(f'DROP INDEX IF EXISTS "{index_name(table, column)}"')
