"""`GET /api/v1/<registry>/export/?format=csv|ndjson`: every row of a registry (filtered as its list), streamed.

The rows leave the database through an iterator (a server-side cursor on PostgreSQL) a chunk at a time and leave
the worker as they are encoded, so a worker's memory stays flat whatever the number of rows.
"""

import csv

import orjson
from django.http import StreamingHttpResponse
from django.utils import timezone
from rest_framework.renderers import BaseRenderer
from rest_framework.utils.encoders import JSONEncoder

from accounts import access
from registry.api import rows
from registry.api.renderers import RegistryCSVRenderer, columns_of

CHUNK = 2000
_ENCODER = JSONEncoder()


class ExportFormat(BaseRenderer):
    """Announces a format the export writes itself (the response is streamed, never rendered)."""

    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return orjson.dumps(data, default=_ENCODER.default)


class CSVExport(ExportFormat):
    media_type = "text/csv"
    format = "csv"


class NDJSONExport(ExportFormat):
    media_type = "application/x-ndjson"
    format = "ndjson"


def serialized(view, queryset, request):
    """The registry's rows as its API gives them, produced a chunk at a time."""
    plan = rows.plan_for(view.get_serializer_class())
    if plan is not None:
        chunk = []
        for row in plan.values(queryset).iterator(chunk_size=CHUNK):
            chunk.append(row)
            if len(chunk) == CHUNK:
                yield from plan.build(chunk, request)
                chunk = []
        yield from plan.build(chunk, request)
        return
    chunk = []
    for instance in queryset.iterator(chunk_size=CHUNK):
        chunk.append(instance)
        if len(chunk) == CHUNK:
            yield from view.get_serializer(chunk, many=True).data
            chunk = []
    yield from view.get_serializer(chunk, many=True).data


class Echo:
    def write(self, value):
        return value


def csv_lines(view, items):
    """The rows as CSV lines with the list's CSV columns and cells (formulas neutralised, lists in one cell)."""
    renderer = RegistryCSVRenderer()
    serializer = view.get_serializer()
    header = columns_of(serializer)
    hidden = getattr(serializer.Meta.model, "confidential_fields", ())
    # A stream's columns are fixed before any row is read: confidential ones only for the secretariat, who sees
    # them in every row (others find their own region's contacts in the paged list).
    if hidden and not access.is_secretariat(view.request.user):
        header = [column for column in header if column.split(".")[0] not in hidden]
    writer = csv.DictWriter(Echo(), fieldnames=header, extrasaction="ignore")
    yield writer.writeheader()
    for item in items:
        yield writer.writerow(renderer.cells(item, header))


def ndjson_lines(items):
    for item in items:
        yield orjson.dumps(item, default=_ENCODER.default, option=orjson.OPT_PASSTHROUGH_DATETIME) + b"\n"


def batched(lines, size=256 * 1024):
    """Join small lines into pieces of about `size` bytes: fewer, larger writes to the socket."""
    buffer, length = [], 0
    for line in lines:
        piece = line.encode() if isinstance(line, str) else line
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            yield b"".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield b"".join(buffer)


def export_response(view, request, kind):
    queryset = view.filter_queryset(view.get_queryset())
    items = serialized(view, queryset, request)
    name = f"{view.basename}-{timezone.localdate():%Y-%m-%d}"
    if kind == "csv":
        response = StreamingHttpResponse(
            batched(csv_lines(view, items)), content_type=CSVExport.media_type + "; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    else:
        response = StreamingHttpResponse(batched(ndjson_lines(items)), content_type=NDJSONExport.media_type)
        response["Content-Disposition"] = f'attachment; filename="{name}.ndjson"'
    return response
