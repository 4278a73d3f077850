"""The window of dates a registry record may carry. A date typed as 9999 or 0001 is a typing error, and one such
record must not break what is computed from many (feeds, charts, statistics)."""

import datetime

from django.utils.translation import gettext as _

EARLIEST = datetime.date(1990, 1, 1)
LATEST = datetime.date(2100, 12, 31)


def in_window(value):
    return value is None or EARLIEST <= value <= LATEST


def window_errors(instance, fields):
    """{field: message} for each of `fields` whose date on `instance` lies outside the window."""
    message = _("Enter a date between %(earliest)s and %(latest)s.") % {
        "earliest": EARLIEST.isoformat(),
        "latest": LATEST.isoformat(),
    }
    return {
        name: message
        for name in fields
        if isinstance(getattr(instance, name, None), datetime.date) and not in_window(getattr(instance, name))
    }
