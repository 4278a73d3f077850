from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from accounts import access
from accounts.permissions import IsSecretariat
from events import stats
from events.api.serializers import (
    BulkVerifyResultSerializer,
    BulkVerifySerializer,
    EventSerializer,
    ProgrammeSerializer,
    ReturnSerializer,
)
from events.filters import EventFilterSet
from events.lifecycle import Action
from events.models import Event, EventKind, EventStatus, Programme
from regions.models import Region
from registry.api.filters import DatedFilterSet, lookups
from registry.api.viewsets import RegistryViewSet, one_document


class EventViewSet(RegistryViewSet):
    """Events: coordinators log and edit their region's; the secretariat verifies or returns them with a comment.
    Anonymous users see verified public events only."""

    queryset = Event.objects.select_related("organizer", "logged_by", "verified_by")
    serializer_class = EventSerializer
    filterset_class = EventFilterSet
    ordering_fields = ("id", "start_date", "end_date", "title", "participants_count", "funds_raised_kzt", "updated_at")
    ordering = ("-start_date", "-id")

    @extend_schema(request=None, responses={200: EventSerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request, *args, **kwargs):
        """Send a draft or returned event to the secretariat for verification."""
        return self._transition(Action.SUBMIT)

    @extend_schema(request=None, responses={200: EventSerializer})
    @action(detail=True, methods=["post"], permission_classes=[IsSecretariat])
    def verify(self, request, *args, **kwargs):
        """The secretariat confirms a submitted event: it now counts in the official figures."""
        return self._transition(Action.VERIFY)

    @extend_schema(request=ReturnSerializer, responses={200: EventSerializer})
    @action(detail=True, methods=["post"], url_path="return", permission_classes=[IsSecretariat])
    def return_for_correction(self, request, *args, **kwargs):
        """The secretariat sends an event back to its coordinator with a comment saying what to correct."""
        payload = ReturnSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return self._transition(Action.RETURN, payload.validated_data["comment"])

    @extend_schema(request=BulkVerifySerializer, responses={200: BulkVerifyResultSerializer})
    @action(
        detail=False,
        methods=["post"],
        url_path="bulk-verify",
        permission_classes=[IsSecretariat],
        filter_backends=[],
    )
    def bulk_verify(self, request, *args, **kwargs):
        """Verify many submitted events at once; those not awaiting verification are listed as skipped."""
        payload = BulkVerifySerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        wanted = set(payload.validated_data["ids"])
        events = Event.objects.filter(pk__in=wanted)
        verified, skipped = [], sorted(wanted - {event.pk for event in events})
        for event in events:
            try:
                event.transition(request.user, Action.VERIFY)
                verified.append(event.pk)
            except (DjangoValidationError, PermissionDenied):
                skipped.append(event.pk)
        return Response({"verified": sorted(verified), "skipped": sorted(skipped)})

    def _transition(self, action, comment=""):
        event = self.get_object()
        try:
            event.transition(self.request.user, action, comment)
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from None
        return Response(self.get_serializer(event).data)


class ProgrammeViewSet(RegistryViewSet):
    """Programmes and projects with their targets and progress computed from their events."""

    queryset = Programme.objects.select_related("owner", "region")
    serializer_class = ProgrammeSerializer
    filterset_base = DatedFilterSet
    filterset_fields = lookups("owner", "code", region=["exact", "isnull"])
    ordering_fields = ("id", "code", "start_date", "end_date", "name_en", "updated_at")
    ordering = ("-start_date", "code")

    def get_queryset(self):
        # The public's progress figures count only the events the public may read.
        return super().get_queryset().with_progress(public=not self.request.user.is_authenticated)


class StatsQuerySerializer(serializers.Serializer):
    region = serializers.SlugRelatedField(slug_field="iso_code", queryset=Region.objects.all(), required=False)
    kind = serializers.ChoiceField(choices=EventKind.choices, required=False)
    status = serializers.ChoiceField(choices=EventStatus.choices, required=False)
    programme = serializers.PrimaryKeyRelatedField(queryset=Programme.objects.all(), required=False)
    year = serializers.IntegerField(min_value=1995, max_value=2100, required=False)
    start_date__gte = serializers.DateField(required=False)
    start_date__lte = serializers.DateField(required=False)
    verified = serializers.ChoiceField(
        choices=[("true", "true"), ("all", "all")],
        required=False,
        default="true",
        help_text=gettext_lazy("true (default): verified events only, the official figures; all: every event."),
    )


FIGURE_FIELDS = {name: serializers.IntegerField() for name in ("events", *stats.FIGURES)}


class EventStatsViewSet(viewsets.ViewSet):
    """Events and participants by region and month. Counts events not cancelled or archived; verified only unless
    `verified=all`. `?format=csv` gives the region-and-month rows."""

    csv_header = ["region", "month", *FIGURE_FIELDS]

    @extend_schema(
        parameters=[
            OpenApiParameter(name, str, description=field.help_text or "")
            for name, field in StatsQuerySerializer().fields.items()
        ],
        responses=one_document(
            inline_serializer(
                "EventStats",
                {
                    "verified_only": serializers.BooleanField(),
                    "totals": inline_serializer("EventStatsTotals", FIGURE_FIELDS),
                    "by_region": inline_serializer(
                        "EventStatsRegion", {"region": serializers.CharField(), **FIGURE_FIELDS}, many=True
                    ),
                    "by_month": inline_serializer(
                        "EventStatsMonth", {"month": serializers.CharField(), **FIGURE_FIELDS}, many=True
                    ),
                    "results": inline_serializer(
                        "EventStatsRegionMonth",
                        {"region": serializers.CharField(), "month": serializers.CharField(), **FIGURE_FIELDS},
                        many=True,
                    ),
                },
            )
        ),
    )
    def list(self, request):
        query = StatsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        events = access.readable(request.user, Event.objects.counted())
        verified_only = params.get("verified", "true") == "true"
        if verified_only:
            events = events.verified()
        if "region" in params:
            events = events.filter(region=params["region"])
        for key in ("kind", "status", "programme"):
            if key in params:
                events = events.filter(**{key: params[key]})
        if "year" in params:
            events = events.filter(start_date__year=params["year"])
        for key in ("start_date__gte", "start_date__lte"):
            if key in params:
                events = events.filter(**{key: params[key]})
        return Response(
            {
                "verified_only": verified_only,
                "totals": stats.totals(events),
                "by_region": stats.grouped(events, "region"),
                "by_month": stats.grouped(events, "month"),
                "results": stats.grouped(events, "region", "month"),
            }
        )

    def get_view_name(self):
        return _("Event statistics")
