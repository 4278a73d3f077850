from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts import access
from accounts.permissions import IsSecretariat
from registry.api.exceptions import PreconditionFailed
from registry.history import describe_changes, with_previous


class HistoryEntrySerializer(serializers.Serializer):
    history_id = serializers.IntegerField()
    history_date = serializers.DateTimeField()
    history_type = serializers.CharField()
    action = serializers.CharField()
    user = serializers.CharField(allow_null=True)
    request_id = serializers.CharField()
    changes = serializers.ListField(child=serializers.DictField())


HISTORY_ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


class RegistryViewSet(viewsets.ModelViewSet):
    """Base of every registry endpoint; a registry declares its queryset, serializer, filters and ordering.

    Reads are narrowed by accounts.access; archived records leave lists unless `?archived=include|only`;
    DELETE archives (409 while active records depend on it); an `If-Match` header with a stale version
    answers 412; `/<id>/history/` shows the secretariat every change.
    """

    lookup_value_regex = "[^/]+"
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_queryset(self):
        queryset = access.readable(self.request.user, super().get_queryset())
        if self.action == "list" and "archived" not in self.request.query_params:
            queryset = queryset.filter(archived_at__isnull=True)
        return queryset

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        response = Response(self.get_serializer(instance).data)
        response["ETag"] = f'"{instance.version}"'
        return response

    def check_version(self, instance):
        expected = self.request.headers.get("If-Match")
        if expected and expected.strip() != "*" and expected.strip().strip('"').removeprefix('W/"') != instance.version:
            raise PreconditionFailed()

    def perform_update(self, serializer):
        self.check_version(serializer.instance)
        serializer.save()

    def perform_destroy(self, instance):
        self.check_version(instance)
        instance.archive()

    @extend_schema(request=None, responses={200: None})
    @action(detail=True, methods=["post"])
    def restore(self, request, *args, **kwargs):
        """Bring an archived record back into the registry."""
        instance = self.get_object()
        if not instance.is_archived:
            return Response({"detail": _("The record is not archived.")}, status=status.HTTP_400_BAD_REQUEST)
        instance.restore()
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
