import json

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32


class BoundedJSONParser(JSONParser):
    """JSON as DRF reads it, refusing with a 400 a document nested deeper than any request of this API needs (a
    deeply nested one would exhaust Python's recursion before any validation)."""

    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = stream.read().decode(encoding)
        except (UnicodeDecodeError, AttributeError) as error:
            raise ParseError(_("The body is not valid JSON text.")) from error
        if text.count("[") + text.count("{") > MAX_DEPTH and _depth(text) > MAX_DEPTH:
            raise ParseError(_("The JSON is nested more than %(depth)d levels deep.") % {"depth": MAX_DEPTH})
        try:
            return json.loads(text, parse_constant=_no_constant)
        except (ValueError, RecursionError) as error:
            raise ParseError(_("JSON parse error: %(error)s") % {"error": error}) from error


def _no_constant(name):
    raise ValueError(f"{name} is not a JSON number")


def _depth(text):
    """The deepest nesting of brackets outside strings, in one pass without recursion."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    return deepest
        elif char in "]}":
            depth -= 1
    return deepest
