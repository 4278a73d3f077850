"""What a serializer declares in `Meta.row_fields` for the row plan (registry/api/rows.py), where the plan cannot
find a field's value out by itself:

- a property: `{"verified": (("verification",), function)}`, the columns it needs and a function of their values;
- a text in the reader's language: `Translated("name", otherwise=("surname", "given_name"))`;
- a to-many relation: `Related("memberships", PersonMembershipSerializer, where={"archived_at__isnull": True})`.
  The page's related rows are read in one `.values()` query over the page's ids (shared by every field reading the
  same relation with the same conditions) and grouped in Python, in the related model's ordering. A related row is
  read as a serializer gives it, as one field's value, or as a dict of columns for a function (`then=`) that makes
  the field's value from the list.
"""

from rest_framework import serializers

from registry.api.row_values import LANGUAGE_CODES, Unreadable, translated_from
from registry.api.serializers import RegistrySerializer


class RowField:
    """A field's value made from row columns, declared in a serializer's `Meta.row_fields`."""

    def step(self, reader):
        raise NotImplementedError


class Computed(RowField):
    """A function of some columns' values (a property of the model, say)."""

    def __init__(self, columns, function):
        self.columns, self.function = tuple(columns), function

    def step(self, reader):
        reader.columns.update(self.columns)
        needed, function = self.columns, self.function
        return lambda row, order: function(*(row[column] for column in needed))


class Translated(RowField):
    """A three-language text in the reader's language; when it is empty in all three, the `otherwise` columns
    joined by spaces (a person's name, say, made of their surname and given name)."""

    def __init__(self, base, otherwise=()):
        self.base, self.otherwise = base, tuple(otherwise)

    def step(self, reader):
        reader.columns.update(f"{self.base}_{code}" for code in LANGUAGE_CODES)
        reader.columns.update(self.otherwise)
        base, parts = self.base, self.otherwise
        return lambda row, order: translated_from(row, base, order) or " ".join(row[p] for p in parts if row[p])


class Related(RowField):
    """A to-many relation's rows (those matching `where`), each read as `read`: a serializer (its output), a field
    or a column's name (its value), or a dict of output keys to any of those. `then`, if given, makes the field's
    value from the list."""

    def __init__(self, relation, read, *, where=None, then=None):
        self.relation, self.read, self.where, self.then = relation, read, where or {}, then

    def step(self, reader):
        fetch = reader.fetch(self.relation, self.where)
        read = self.read
        if isinstance(read, type) and issubclass(read, serializers.BaseSerializer):
            if read.to_representation not in (
                serializers.Serializer.to_representation,
                RegistrySerializer.to_representation,
            ):
                raise Unreadable(f"{read.__name__} writes its rows itself")
            if getattr(read.Meta.model, "confidential_fields", ()) or getattr(read.Meta, "readers_of", None):
                raise Unreadable(f"{read.__name__} hides fields from some readers")
            parts = fetch.serializer_steps(read)
        elif isinstance(read, dict):
            parts = [(key, fetch.step_for(key, spec)) for key, spec in read.items()]
        else:
            parts = None
        if parts is not None:

            def item(row, order):
                return {key: part(row, order) for key, part in parts}
        else:
            item = fetch.step_for(self.relation, read)
        key, then = fetch.key, self.then
        if then is None:
            step = lambda row, order: [item(related, order) for related in row[key]]  # noqa: E731
        else:
            step = lambda row, order: then([item(related, order) for related in row[key]])  # noqa: E731
        step.fetch = fetch
        return step
