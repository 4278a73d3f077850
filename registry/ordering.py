"""Orders for people: numbers inside names sorted as numbers ("№2" before "№10"), letters case-blind."""

import re

_NUMBER = re.compile(r"(\d+)")


def natural_key(text):
    """A sort key under which "School №2" comes before "School №10"."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.casefold()) for part in _NUMBER.split(str(text))]


def naturally_sorted_choices(queryset, blank_label=None):
    """A model choice field's options, ordered by their displayed name as a person reads them."""
    choices = sorted(((record.pk, str(record)) for record in queryset), key=lambda choice: natural_key(choice[1]))
    return ([("", blank_label)] if blank_label is not None else []) + choices
