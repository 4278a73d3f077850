import django_filters
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
from events.models import Event, EventKind, EventStatus, Programme, Verification
from regions.models import Region
from registry.api.filters import DatedFilterSet
from registry.api.viewsets import RegistryViewSet

TITLE_SEARCH = ("title", "title_kk", "title_ru", "title_en")


class EventFilterSet(DatedFilterSet):
    verified = django_filters.ChoiceFilter(
        choices=[(value, value) for value in ("true", "false", "1", "0")],
        method="filter_verified",
        label=gettext_lazy("Verified by the secretariat (true/false)"),
    )

    class Meta:
        model = Event
        fields = {
            "region": ["exact"],
            "district": ["exact"],
            "kind": ["exact", "in"],
            "status": ["exact"],
            "programme": ["exact"],
            "organizer": ["exact"],
            "verification": ["exact"],
            "is_public": ["exact"],
            "source": ["exact"],
            "start_date": ["exact", "gte", "lte"],
            "end_date": ["gte", "lte"],
        }

    def filter_verified(self, queryset, name, value):
        if value in ("true", "1"):
            return queryset.filter(verification=Verification.VERIFIED)
        return queryset.exclude(verification=Verification.VERIFIED)


class EventViewSet(RegistryViewSet):
    """Events: coordinators log and edit their region's; the secretariat verifies or returns them with a comment.
    Anonymous users see verified public events only."""

    queryset = Event.objects.select_related("organizer", "logged_by", "verified_by")
    serializer_class = EventSerializer
    filterset_class = EventFilterSet
    search_fields = (*TITLE_SEARCH, "venue", "description")
    ordering_fields = ("id", "start_date", "end_date", "title", "participants_count", "funds_raised_kzt", "updated_at")
    ordering = ("-start_date", "-id")

    @extend_schema(request=None, responses={200: EventSerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request, *args, **kwargs):
        """Send a draft or returned event to the secretariat for verification."""
        event = self.get_object()
        self._transition(event.submit)
        return Response(self.get_serializer(event).data)

    @extend_schema(request=None, responses={200: EventSerializer})
    @action(detail=True, methods=["post"], permission_classes=[IsSecretariat])
    def verify(self, request, *args, **kwargs):
        """The secretariat confirms a submitted event: it now counts in the official figures."""
        event = self.get_object()
        self._transition(event.verify, request.user)
        return Response(self.get_serializer(event).data)

    @extend_schema(request=ReturnSerializer, responses={200: EventSerializer})
    @action(detail=True, methods=["post"], url_path="return", permission_classes=[IsSecretariat])
    def return_for_correction(self, request, *args, **kwargs):
        """The secretariat sends an event back to its coordinator with a comment saying what to correct."""
        event = self.get_object()
        payload = ReturnSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        self._transition(event.return_for_correction, request.user, payload.validated_data["comment"])
        return Response(self.get_serializer(event).data)

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
        events = Event.objects.filter(pk__in=wanted, archived_at__isnull=True)
        verified, skipped = [], sorted(wanted - {event.pk for event in events})
        for event in events:
            try:
                event.verify(request.user)
                verified.append(event.pk)
            except DjangoValidationError:
                skipped.append(event.pk)
        return Response({"verified": sorted(verified), "skipped": sorted(skipped)})

    @staticmethod
    def _transition(method, *args):
        try:
            method(*args)
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from None


class ProgrammeViewSet(RegistryViewSet):
    """Programmes and projects with their targets and progress computed from their events."""

    queryset = Programme.objects.with_progress().select_related("owner", "region")
    serializer_class = ProgrammeSerializer
    filterset_base = DatedFilterSet
    filterset_fields = {"region": ["exact", "isnull"], "owner": ["exact"], "code": ["exact"]}
    search_fields = ("code", "name_kk", "name_ru", "name_en")
    ordering_fields = ("id", "code", "start_date", "end_date", "name_en", "updated_at")
    ordering = ("-start_date", "code")


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

    @extend_schema(
        parameters=[
            OpenApiParameter(name, str, description=str(field.help_text or ""))
            for name, field in StatsQuerySerializer().fields.items()
        ],
        responses=inline_serializer(
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
