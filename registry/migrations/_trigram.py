"""Trigram indexes over `UPPER(column)`, the expression Django's case-insensitive `contains` compares (PostgreSQL)."""


def index_name(table, column):
    return f"{table}_{column}_trgm"[:63]


def create(schema_editor, table, column):
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{index_name(table, column)}" ON "{table}" '
        f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
    )


def drop(schema_editor, table, column):
    schema_editor.execute(f'DROP INDEX IF EXISTS "{index_name(table, column)}"')
