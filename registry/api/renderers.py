import json

import orjson
from rest_framework import serializers
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.utils.encoders import JSONEncoder
from rest_framework_csv.renderers import CSVRenderer

from accounts import access
from registry.cells import neutralise

_ENCODER = JSONEncoder()
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS


class RegistryBrowsableAPIRenderer(BrowsableAPIRenderer):
    """DRF's browsable API without the `<style>` block it writes when Pygments happens to be installed: the
    Content-Security-Policy refuses inline style elements, and it only colours Markdown code we never render."""

    def get_context(self, data, accepted_media_type, renderer_context):
        return {**super().get_context(data, accepted_media_type, renderer_context), "code_style": None}


class RegistryJSONRenderer(JSONRenderer):
    """DRF's JSON, written by orjson: the same document (dates and lazy texts go through DRF's own encoder), several
    times faster on a page of a thousand rows. An indented response (`; indent=2`) keeps DRF's writer."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if self.get_indent(accepted_media_type, renderer_context or {}):
            return super().render(data, accepted_media_type, renderer_context)
        try:
            return orjson.dumps(data, default=_ENCODER.default, option=_OPTIONS)
        except TypeError:  # a value orjson cannot hold (an integer beyond 64 bits): DRF's writer can
            return super().render(data, accepted_media_type, renderer_context)


class RegistryCSVRenderer(CSVRenderer):
    """`?format=csv`: the rows of the page (or the record) as CSV.

    The columns are the resource's, in the JSON's order, the same on every page whatever the rows hold (except
    confidential ones, present only when the reader sees them in some of the rows): nested
    objects whose keys are fixed become dotted columns (`names.kk`, `names.ru`, `names.en`); a list of plain values
    becomes one cell (`kk; ru`), anything else one cell of JSON. Text that a spreadsheet would run as a formula is
    neutralised (see registry.cells).
    """

    results_field = "results"
    list_separator = "; "

    def render(self, data, media_type=None, renderer_context=None):
        renderer_context = dict(renderer_context or {})
        if isinstance(data, dict) and self.results_field in data:
            data = data[self.results_field]
        rows = data if isinstance(data, list) else [data]
        header = renderer_context.get("header") or self.resource_header(renderer_context)
        if header is None and not rows:
            # No rows to take the columns from: the view's declared ones, so an empty table is still a CSV document.
            header = getattr(renderer_context.get("view"), "csv_header", None)
        flat = [self.cells(row, header) for row in rows]
        if header is not None and getattr(self, "confidential", None):
            # A confidential column is there when the reader sees it in some row (their region's contacts), never
            # as an empty column that would tell others the field exists for these rows.
            shown = {key for row in flat for key in row}
            header = [column for column in header if column.split(".")[0] not in self.confidential or column in shown]
        if header is None:
            header = list(dict.fromkeys(key for row in flat for key in row))
        renderer_context["header"] = header
        return super().render(flat, media_type, renderer_context)

    # -- the columns ---------------------------------------------------------------------------------------------
    confidential = frozenset()

    def resource_header(self, renderer_context):
        """The fixed columns of a registry's list or record, from its serializer; None for other responses."""
        view = renderer_context.get("view")
        response = renderer_context.get("response")
        if response is not None and not 200 <= response.status_code < 300:
            return None
        if getattr(view, "action", None) not in ("list", "retrieve") or not hasattr(view, "get_serializer"):
            return None
        try:
            serializer = view.get_serializer()
        except Exception:  # a view whose serializer needs more than the request: fall back to the rows' keys
            return None
        columns = columns_of(serializer)
        model = getattr(getattr(serializer, "Meta", None), "model", None)
        self.confidential = set(getattr(model, "confidential_fields", ()))
        if access.is_secretariat(getattr(view.request, "user", None)):
            self.confidential = set()  # the secretariat sees them in every row
        return columns

    # -- the cells -------------------------------------------------------------------------------------------------
    def cells(self, row, header):
        if not isinstance(row, dict):
            return {"": neutralise(row)}
        prefixes = None if header is None else {column.rsplit(".", 1)[0] for column in header if "." in column}
        out = {}
        self._place(out, "", row, prefixes)
        return out

    def _place(self, out, key, value, prefixes):
        if isinstance(value, dict) and (key == "" or prefixes is None or key in prefixes):
            for sub, item in value.items():
                self._place(out, f"{key}.{sub}" if key else str(sub), item, prefixes)
        elif isinstance(value, list) and all(not isinstance(item, dict | list) for item in value):
            out[key] = neutralise(self.list_separator.join("" if item is None else str(item) for item in value))
        elif isinstance(value, dict | list):
            out[key] = neutralise(json.dumps(value, ensure_ascii=False, default=str))
        else:
            out[key] = neutralise(value)


def columns_of(serializer, prefix=""):
    """The CSV columns of a serializer's readable fields."""
    from registry.api.serializers import LANGUAGE_CODES, TranslatedTextField

    columns = []
    for name, field in serializer.fields.items():
        if field.write_only:
            continue
        column = f"{prefix}{name}"
        nested = _nested_serializer(serializer, name, field)
        if isinstance(field, TranslatedTextField):
            columns += [f"{column}.{code}" for code in LANGUAGE_CODES]
        elif nested is not None:
            columns += columns_of(nested, prefix=f"{column}.")
        else:
            columns.append(column)
    return columns


def _nested_serializer(parent, name, field):
    if isinstance(field, serializers.Serializer) and not isinstance(field, serializers.ListSerializer):
        return field
    if isinstance(field, serializers.SerializerMethodField):
        method = getattr(parent, field.method_name or f"get_{name}", None)
        annotation = getattr(method, "_spectacular_annotation", None)  # set by drf-spectacular's extend_schema_field
        if isinstance(annotation, dict):
            annotation = annotation.get("field")
        if isinstance(annotation, type) and issubclass(annotation, serializers.Serializer):
            return annotation()
        if isinstance(annotation, serializers.Serializer) and not isinstance(annotation, serializers.ListSerializer):
            return annotation
    return None
