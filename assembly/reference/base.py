"""How reference facts are loaded: by natural key, creating or updating only what differs."""

import csv

from regions.reference import REFERENCE_DIR


class Existing:
    """The rows of a model already in the database, keyed by their natural key, read in one query.

    `upsert` then creates or updates (writing history) only what differs, so a second load costs a few queries.
    """

    def __init__(self, model, *key):
        self.model, self.key = model, key
        self.rows = {self.key_of(row): row for row in model.objects.all()}

    def key_of(self, row):
        return tuple(getattr(row, self.model._meta.get_field(field).attname) for field in self.key)

    def upsert(self, lookup, values):
        values = {**lookup, **values}
        key = tuple(self._plain(values[field]) for field in self.key)
        record = self.rows.get(key)
        if record is None:
            record = self.model.objects.create(**values)
            self.rows[key] = record
            return record
        changed = {
            field: value
            for field, value in values.items()
            if self._plain(getattr(record, self.model._meta.get_field(field).attname)) != self._plain(value)
        }
        if changed:
            for field, value in changed.items():
                setattr(record, field, value)
            record.save()
        return record

    @staticmethod
    def _plain(value):
        return value.pk if hasattr(value, "_meta") else value


def read_rows(filename):
    with open(REFERENCE_DIR / filename, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


CACHE = {}


def existing(model, *key):
    if model not in CACHE:
        CACHE[model] = Existing(model, *key)
    return CACHE[model]
