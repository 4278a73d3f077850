"""Cells of the files people open in a spreadsheet (CSV and XLSX exports, the upload template).

A text starting with `=`, `+`, `-` or `@` (or a tab or carriage return, which some programs skip before looking)
is taken by a spreadsheet as a formula: `=HYPERLINK(…)` in a record's title would run on the reader's machine.
Such a text is written with a leading apostrophe, which spreadsheets show as plain text. Numbers, dates and the JSON
API are never changed.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The value as it may be written into a spreadsheet cell."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_row(values):
    return [neutralise(value) for value in values]
