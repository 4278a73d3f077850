"""SQLite, the zero-setup database, compares LIKE case-insensitively only for ASCII letters: `?search=абай` would miss
"Абай облысы". Replace its like() with one that folds case for every alphabet, as PostgreSQL's UPPER() LIKE does."""

import functools
import re

from django.db.backends.signals import connection_created
from django.dispatch import receiver

from registry.ordering import natural_sql_key


@functools.lru_cache(maxsize=1024)
def _pattern(like_pattern, escape):
    parts, index = [], 0
    while index < len(like_pattern):
        char = like_pattern[index]
        if escape and char == escape and index + 1 < len(like_pattern):
            index += 1
            parts.append(re.escape(like_pattern[index]))
        elif char == "%":
            parts.append(".*")
        elif char == "_":
            parts.append(".")
        else:
            parts.append(re.escape(char))
        index += 1
    return re.compile("".join(parts), re.DOTALL | re.IGNORECASE)


def unicode_like(like_pattern, value, escape=None):
    if like_pattern is None or value is None:
        return None
    return _pattern(str(like_pattern).casefold(), escape).fullmatch(str(value).casefold()) is not None


@receiver(connection_created)
def fold_case_in_like(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("like", 2, unicode_like, deterministic=True)
        connection.connection.create_function("like", 3, unicode_like, deterministic=True)
        # Natural order ("№2" before "№10") for the admin's lists: registry.ordering.NaturalKey.
        connection.connection.create_function("shanyrak_natural_key", 1, natural_sql_key, deterministic=True)
