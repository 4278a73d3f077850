"""Reading numbers that people and programs send (API, portal forms, spreadsheets) without letting one value cost
seconds of CPU: a text is checked for length and shape before it is converted, so `1E300000` or a 5,000-digit
count is refused at once with a message, never computed.

Every integer column of the registries fits a PostgreSQL bigint; counts fit an integer.
"""

import math
import re
from decimal import Decimal

from django.utils.translation import gettext as _

INT_MAX = 2**31 - 1
BIGINT_MAX = 2**63 - 1
MAX_TEXT = 40  # characters of a typed number, spaces and a currency sign included

_SPACES = re.compile(r"[\s\u00a0\u202f']+")
_WHOLE = re.compile(r"[+-]?[0-9]{1,19}")
# A plain decimal: digits, an optional fraction, an optional small exponent (as spreadsheets write 1.5E+3).
_DECIMAL = re.compile(r"[+-]?[0-9]{1,19}(?:\.[0-9]{0,19})?(?:[eE][+-]?[0-9]{1,2})?")


class NumberError(ValueError):
    """A value that is not an acceptable number; str(error) is the message for the person who sent it, `code` one
    of: invalid, fraction, negative, range."""

    def __init__(self, message, code="invalid"):
        super().__init__(message)
        self.code = code


def _invalid():
    return NumberError(_("Enter a whole number, for example 120."))


def parse_integer(value, *, minimum=0, maximum=INT_MAX):
    """A whole number within [minimum, maximum]; None for an empty value.

    Accepts int, an integral float (as spreadsheets store numbers), "1 200", "1200.0"; refuses booleans, fractions,
    exponents beyond two digits and any text longer than a number can usefully be."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _invalid()
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise _invalid()
        if abs(value) > BIGINT_MAX:
            raise NumberError(_("This number is out of range."), "range")
        if not value.is_integer():
            raise NumberError(_("Enter a whole number, for example 120."), "fraction")
        number = int(value)
    elif isinstance(value, Decimal):
        number = _integral(value)
    else:
        text = str(value)
        if len(text) > MAX_TEXT:
            raise NumberError(_("This number is too long."), "range")
        text = _SPACES.sub("", text)
        if _WHOLE.fullmatch(text):
            number = int(text)
        elif _DECIMAL.fullmatch(text):
            number = _integral(Decimal(text))
        elif text.lstrip("+-").isascii() and text.lstrip("+-").isdigit():
            raise NumberError(_("This number is out of range."), "range")
        else:
            raise _invalid()
    return _within(number, minimum, maximum)


def _integral(number):
    if not number.is_finite():
        raise _invalid()
    # Bounding the exponent bounds the work below: a Decimal such as 1E300000 is never expanded.
    if number.adjusted() > 19 or number.as_tuple().exponent < -19:
        raise NumberError(_("This number is out of range."), "range")
    if number != number.to_integral_value():
        raise NumberError(_("Enter a whole number, for example 120."), "fraction")
    return int(number)


def _within(number, minimum, maximum):
    if minimum is not None and number < minimum:
        if minimum == 0:
            raise NumberError(_("Cannot be negative; enter 0 or leave it empty if unknown."), "negative")
        raise NumberError(_("Enter %(minimum)s or more.") % {"minimum": minimum}, "range")
    if maximum is not None and number > maximum:
        raise NumberError(_("Enter at most %(maximum)s.") % {"maximum": f"{maximum:,}".replace(",", " ")}, "range")
    return number


def bounded_id(value, maximum=BIGINT_MAX):
    """A database id from a URL, a filter or a link in a payload, or None when it cannot be one (then nothing
    matches it): every database here stores ids as 64-bit integers."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value <= maximum else None
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 19:
        return None
    number = int(text)
    return number if 0 < number <= maximum else None
