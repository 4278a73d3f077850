from contextlib import contextmanager

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.drainage import set_override
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts import access
from accounts.permissions import IsSecretariat
from registry.api import export as exports
from registry.api import rows
from registry.api.exceptions import Conflict, PreconditionFailed
from registry.history import describe_changes, with_previous
from registry.versions import StaleVersion, claim, version_of


class HistoryEntrySerializer(serializers.Serializer):
    history_id = serializers.IntegerField()
    history_date = serializers.DateTimeField()
    history_type = serializers.CharField()
    action = serializers.CharField()
    user = serializers.CharField(allow_null=True)
    request_id = serializers.CharField()
    changes = serializers.ListField(child=serializers.DictField())


HISTORY_ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
# Read beside a record's row: when it was last saved, which is its version (the ETag).
STAMP_KEY = "_version_stamp"
STAMP = {STAMP_KEY: F("updated_at")}


@contextmanager
def refusals_as_400():
    """A model's own refusal of an archive or restore (e.g. an event's life cycle) is a 400 naming the field."""
    try:
        yield
    except DjangoValidationError as error:
        raise serializers.ValidationError(serializers.as_serializer_error(error)) from None


class RegistryViewSet(viewsets.ModelViewSet):
    """Base of every registry endpoint; a registry declares its queryset, serializer, filters and ordering.

    Reads are narrowed by accounts.access; archived records leave lists unless `?archived=include|only`;
    DELETE archives (409 while active records depend on it); an archived record is changed only after
    `/<id>/restore/` (409 until then); an `If-Match` header with a stale version answers 412;
    `/<id>/history/` shows the secretariat every change.
    """

    lookup_value_regex = "[^/]+"
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # `?search=` looks where the model says unless the endpoint names its own fields.
        if getattr(cls, "search_fields", None) is None and getattr(cls, "queryset", None) is not None:
            cls.search_fields = cls.queryset.model.search_fields

    def get_queryset(self):
        queryset = access.readable(self.request.user, super().get_queryset())
        if self.action in ("list", "export") and "archived" not in self.request.query_params:
            queryset = queryset.filter(archived_at__isnull=True)
        return queryset

    def list(self, request, *args, **kwargs):
        """Reads rows, not model instances, when the serializer allows it (registry.api.rows)."""
        plan = rows.plan_for(self.get_serializer_class()) if self.reads_rows() else None
        if plan is None:
            return super().list(request, *args, **kwargs)
        values = plan.values(self.filter_queryset(self.get_queryset()))
        page = self.paginate_queryset(values)
        if page is None:
            return Response(plan.build(values, request))
        return self.get_paginated_response(plan.build(page, request))

    def reads_rows(self):
        # The browsable API renders forms from model instances; every other format reads rows.
        renderer = getattr(self.request, "accepted_renderer", None)
        return renderer is None or renderer.format != "api"

    def retrieve(self, request, *args, **kwargs):
        """Reads the record as a row, like the list, when the serializer allows it; its version is the ETag."""
        plan = rows.plan_for(self.get_serializer_class()) if self.reads_rows() else None
        if plan is None:
            instance = self.get_object()
            response = Response(self.get_serializer(instance).data)
            response["ETag"] = f'"{instance.version}"'
            return response
        lookup = {self.lookup_field: self.kwargs[self.lookup_url_kwarg or self.lookup_field]}
        try:
            found = list(plan.values(self.filter_queryset(self.get_queryset()).filter(**lookup)).annotate(**STAMP)[:1])
        except (TypeError, ValueError, DjangoValidationError):
            found = []  # a malformed key names no record, as DRF's own lookup answers
        if not found:
            raise Http404
        response = Response(plan.build(found, request)[0])
        response["ETag"] = f'"{version_of(found[0][STAMP_KEY])}"'
        return response

    def expected_version(self):
        """The version named by `If-Match`, or None when the client sent none (or `*`)."""
        expected = (self.request.headers.get("If-Match") or "").strip()
        if not expected or expected == "*":
            return None
        return expected.removeprefix("W/").strip('"')

    def check_version(self, instance):
        """Inside the write's transaction: 412 unless the stored row is still at the version the client sent (the
        row is then held, so of two writers sending the same version exactly one succeeds)."""
        expected = self.expected_version()
        if expected is None:
            return
        try:
            claim(instance, expected)
        except StaleVersion:
            raise PreconditionFailed() from None

    def get_object(self):
        instance = super().get_object()
        # Before validation: an archived record is refused as archived, whatever the payload.
        if self.action in ("update", "partial_update") and instance.is_archived:
            raise Conflict(_("The record is archived; restore it before changing it."))
        return instance

    def perform_update(self, serializer):
        with transaction.atomic():
            self.check_version(serializer.instance)
            serializer.save()

    def perform_destroy(self, instance):
        with transaction.atomic(), refusals_as_400():
            self.check_version(instance)
            instance.archive(self.request.user)

    @extend_schema(
        parameters=[OpenApiParameter("format", str, enum=["csv", "ndjson"], description="csv (default) or ndjson")],
        responses={(200, "text/csv"): str, (200, "application/x-ndjson"): str},
    )
    @action(
        detail=False, methods=["get"], renderer_classes=[exports.CSVExport, exports.NDJSONExport], pagination_class=None
    )
    def export(self, request, *args, **kwargs):
        """Every row of the registry (filtered like the list, unpaginated) as CSV or NDJSON, streamed."""
        return exports.export_response(self, request, request.accepted_renderer.format)

    @extend_schema(request=None, responses={200: None})
    @action(detail=True, methods=["post"])
    def restore(self, request, *args, **kwargs):
        """Bring an archived record back into the registry."""
        instance = self.get_object()
        if not instance.is_archived:
            return Response({"detail": _("The record is not archived.")}, status=status.HTTP_400_BAD_REQUEST)
        with refusals_as_400():
            instance.restore(request.user)
        return Response(self.get_serializer(instance).data)

    @extend_schema(
        responses=HistoryEntrySerializer(many=True),
        parameters=[OpenApiParameter("page", int), OpenApiParameter("page_size", int)],
    )
    @action(detail=True, methods=["get"], permission_classes=[IsSecretariat], filter_backends=[])
    def history(self, request, *args, **kwargs):
        """Every change of the record, newest first: who, when, which request, the values before and after."""
        instance = self.get_object()
        history = instance.history.select_related("history_user")
        page = self.paginate_queryset(history.order_by("-history_date", "-history_id"))
        entries = [
            {
                "history_id": record.history_id,
                "history_date": record.history_date,
                "history_type": record.history_type,
                "action": HISTORY_ACTIONS.get(record.history_type, record.history_type),
                "user": record.history_user.get_username() if record.history_user else None,
                "request_id": record.request_id,
                "changes": describe_changes(record, previous),
            }
            for record, previous in with_previous(page, history)
        ]
        return self.get_paginated_response(HistoryEntrySerializer(entries, many=True).data)


def one_document(serializer):
    """The response of a `list` action that answers one document of figures: drf-spectacular would otherwise
    declare every `list` as an array of it."""
    return set_override(serializer, "many", False)
