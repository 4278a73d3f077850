"""Kazakh identifiers: the 12-digit BIN (legal entities) and IIN (individuals) share one check-digit algorithm."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FIRST_WEIGHTS = tuple(range(1, 12))
SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def bin_check_digit(first_eleven):
    """The check digit of a BIN/IIN from its first 11 digits, or None when no valid check digit exists."""
    digits = [int(char) for char in first_eleven]
    remainder = sum(digit * weight for digit, weight in zip(digits, FIRST_WEIGHTS, strict=True)) % 11
    if remainder == 10:
        remainder = sum(digit * weight for digit, weight in zip(digits, SECOND_WEIGHTS, strict=True)) % 11
        if remainder == 10:
            return None
    return remainder


def is_valid_bin(value):
    if not isinstance(value, str) or not re.fullmatch(r"\d{12}", value):
        return False
    return bin_check_digit(value[:11]) == int(value[11])


def validate_bin(value):
    if not re.fullmatch(r"\d{12}", value or ""):
        raise ValidationError(_("A BIN has exactly 12 digits."), code="bin_format")
    if not is_valid_bin(value):
        raise ValidationError(_("This BIN's check digit is wrong; check the number."), code="bin_check_digit")
