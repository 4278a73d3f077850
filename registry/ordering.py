"""Orders for people: numbers inside names sorted as numbers ("№2" before "№10"), letters case-blind."""

import re

from django.db.models import F, Func, TextField

from registry.kazakh_latin import record_language

_NUMBER = re.compile(r"(\d+)")


def natural_key(text):
    """A sort key under which "School №2" comes before "School №10"."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.casefold()) for part in _NUMBER.split(str(text))]


def naturally_sorted_choices(queryset, blank_label=None):
    """A model choice field's options, ordered by their displayed name as a person reads them."""
    choices = sorted(((record.pk, str(record)) for record in queryset), key=lambda choice: natural_key(choice[1]))
    return ([("", blank_label)] if blank_label is not None else []) + choices


# -- the same order in the database, for the admin's lists and autocomplete ---------------------------------------
NUMBER_WIDTH = 10


def natural_sql_key(text):
    """The text with every number padded to ten digits and case folded: ordered as `natural_key` orders."""
    if text is None:
        return None
    return _NUMBER.sub(lambda match: match.group(1)[-NUMBER_WIDTH:].zfill(NUMBER_WIDTH), str(text)).casefold()


class NaturalKey(Func):
    """ORDER BY NaturalKey("name_ru"): "School №2" before "School №10" in a query (SQLite calls natural_sql_key,
    registered by registry.sqlite; PostgreSQL pads the numbers with two regular expressions)."""

    function = "shanyrak_natural_key"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        template = (
            "LOWER(REGEXP_REPLACE(REGEXP_REPLACE(%(expressions)s, '([0-9]+)', '0000000000\\1', 'g'), "
            "'0*([0-9]{10})(?![0-9])', '\\1', 'g'))"
        )
        return self.as_sql(compiler, connection, template=template, **extra_context)


class LocalNaturalName(NaturalKey):
    """NaturalKey of `<base>_<the reader's language>` (`name_ru` for a reader of Russian), chosen when the query is
    built."""

    def __init__(self, base="name", **extra):
        self.base = base
        super().__init__(F(f"{base}_en"), **extra)

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        copy = self.copy()
        copy.set_source_expressions([F(f"{self.base}_{record_language()}")])
        return super(LocalNaturalName, copy).resolve_expression(query, allow_joins, reuse, summarize, for_save)

    def __deepcopy__(self, memo):
        clone = super().__deepcopy__(memo)
        clone.base = self.base
        return clone
