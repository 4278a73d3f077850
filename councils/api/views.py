from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from accounts import access
from assembly.models import Membership
from councils import stats
from councils.api.filters import CouncilFilterSet, RosterFilterSet
from councils.api.serializers import CouncilSerializer, MothersHomeSerializer, RosterEntrySerializer
from councils.models import COUNCIL_KIND_CHOICES, COUNCIL_ROLE_CHOICES, Council, MothersHome
from registry.api.filters import RANGE, lookups
from registry.api.viewsets import RegistryViewSet, one_document
from registry.models import NAME_FIELDS


def day_or_none(value):
    try:
        return parse_date(value or "")
    except ValueError:
        return None


# -- councils ---------------------------------------------------------------------------------------------------
class CouncilViewSet(RegistryViewSet):
    """Councils of Mothers and Elders, the Assembly of Youth and its wings, the Scientific-Expert Council, the
    university departments and the Journalists' Club. `member_count` is derived from the roster (on `active_on`, or
    today); `headcount_declared` marks a council whose `headcount` is its own declared figure."""

    queryset = Council.objects.all()
    serializer_class = CouncilSerializer
    filterset_class = CouncilFilterSet
    ordering_fields = ("id", *NAME_FIELDS, "kind", "level", "region", "founded_on", "member_count", "updated_at")
    ordering = ("kind", "region", "name_en")

    def get_queryset(self):
        return super().get_queryset().with_member_count(day_or_none(self.request.query_params.get("active_on")))

    @extend_schema(
        responses=RosterEntrySerializer(many=True),
        parameters=[
            OpenApiParameter("role", str, enum=[code for code, _label in COUNCIL_ROLE_CHOICES]),
            OpenApiParameter("active_on", str, description="Members on this date (YYYY-MM-DD)"),
            OpenApiParameter("archived", str, enum=["exclude", "include", "only"]),
        ],
    )
    @action(detail=True, methods=["get"], filter_backends=[], serializer_class=RosterEntrySerializer)
    def members(self, request, *args, **kwargs):
        """The council's roster over time. Members are private citizens: their contacts (email, phone, address)
        appear only for the secretariat and for the coordinator of the member's own region."""
        council = self.get_object()
        if not access.can_read_model(request.user, Membership):
            self.permission_denied(request)
        memberships = access.readable(
            request.user,
            Membership.objects.filter(body=council).select_related("person").order_by("role", "start_date", "id"),
        )
        filters = RosterFilterSet(request.query_params, queryset=memberships)
        if not filters.is_valid():
            raise ValidationError(filters.errors)
        page = self.paginate_queryset(filters.qs)
        return self.get_paginated_response(RosterEntrySerializer(page, many=True, context={"request": request}).data)


# -- mothers' homes ---------------------------------------------------------------------------------------------
class MothersHomeViewSet(RegistryViewSet):
    """Shelters under the Councils of Mothers. Confidential per home: the secretariat and the coordinator of the
    home's region only; everyone else reads the regional figures at `/api/v1/stats/mothers-homes/`."""

    queryset = MothersHome.objects.all()
    serializer_class = MothersHomeSerializer
    filterset_fields = lookups("region", "district", "patron_council", "status", opened_on=RANGE)
    ordering_fields = ("id", *NAME_FIELDS, "region", "capacity", "occupancy", "opened_on", "updated_at")
    ordering = ("region", "name_en")


# -- statistics -------------------------------------------------------------------------------------------------
class MothersHomeStatisticsViewSet(viewsets.ViewSet):
    """Public figures of the mothers' homes per region: how many, and their places and residents where the region
    has enough homes that no single home's figures show (otherwise `null`, `"display": "withheld"`)."""

    csv_header = ["scope", "region", "homes", "capacity", "occupancy", "display"]

    @extend_schema(
        responses=one_document(
            inline_serializer(
                "MothersHomeStatistics",
                {
                    "minimum_homes": serializers.IntegerField(),
                    "results": inline_serializer(
                        "MothersHomeStatisticsRow",
                        {
                            "scope": serializers.ChoiceField(choices=["region", "national"]),
                            "region": serializers.CharField(allow_null=True),
                            "homes": serializers.IntegerField(),
                            "capacity": serializers.IntegerField(allow_null=True),
                            "occupancy": serializers.IntegerField(allow_null=True),
                            "display": serializers.CharField(),
                        },
                        many=True,
                    ),
                },
            )
        ),
        parameters=[OpenApiParameter("region", str, description="ISO code, e.g. KZ-10")],
    )
    def list(self, request):
        region = request.query_params.get("region") or None
        rows = [row for row in stats.mothers_home_statistics() if region is None or row["region"] == region]
        return Response({"minimum_homes": stats.HOME_THRESHOLD, "results": rows})


class CouncilStatisticsViewSet(viewsets.ViewSet):
    """Councils per region and kind, their members on the rosters (derived from memberships) and, separately, the
    headcounts councils declare where no roster is kept here."""

    csv_header = [
        "region",
        "scope",
        "kind",
        "councils",
        "members_on_roster",
        "declared_headcount",
        "councils_declaring_headcount",
    ]

    @extend_schema(
        responses=one_document(
            inline_serializer(
                "CouncilStatistics",
                {
                    "results": inline_serializer(
                        "CouncilStatisticsRow",
                        {
                            "region": serializers.CharField(allow_null=True),
                            "scope": serializers.ChoiceField(choices=["region", "republican"]),
                            "kind": serializers.ChoiceField(choices=COUNCIL_KIND_CHOICES),
                            "councils": serializers.IntegerField(),
                            "members_on_roster": serializers.IntegerField(),
                            "declared_headcount": serializers.IntegerField(),
                            "councils_declaring_headcount": serializers.IntegerField(),
                        },
                        many=True,
                    )
                },
            )
        ),
        parameters=[
            OpenApiParameter("region", str, description="ISO code, e.g. KZ-10"),
            OpenApiParameter("active_on", str, description="Count the members on this date (YYYY-MM-DD)"),
        ],
    )
    def list(self, request):
        region = request.query_params.get("region") or None
        on = request.query_params.get("active_on")
        day = day_or_none(on)
        if on and day is None:
            raise ValidationError({"active_on": [_("Enter a valid date (YYYY-MM-DD).")]})
        rows = [row for row in stats.council_statistics(day) if region is None or row["region"] == region]
        return Response({"results": rows})
