import django_filters
from django.db.models import Prefetch, Q
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
from councils.api.serializers import (
    CouncilSerializer,
    MediationCaseSerializer,
    MediationOfficeSerializer,
    MediatorSerializer,
    MothersHomeSerializer,
    RosterEntrySerializer,
)
from councils.models import (
    COUNCIL_KIND_CHOICES,
    COUNCIL_ROLE_CHOICES,
    LANGUAGE_CHOICES,
    CaseNote,
    Council,
    MediationCase,
    MediationOffice,
    Mediator,
    MothersHome,
    held_on,
)
from registry.api.filters import DatedFilterSet, RegistryFilterSet
from registry.api.viewsets import RegistryViewSet

NAMES = ("name_kk", "name_ru", "name_en")


def day_or_none(value):
    try:
        return parse_date(value or "")
    except ValueError:
        return None


# -- councils ---------------------------------------------------------------------------------------------------
class CouncilFilterSet(DatedFilterSet):
    period_fields = ("founded_on", "dissolved_on")
    kind = django_filters.ChoiceFilter(choices=COUNCIL_KIND_CHOICES)
    declared = django_filters.BooleanFilter(
        field_name="declared_headcount",
        lookup_expr="isnull",
        exclude=True,
        label="Councils with (true) or without (false) a declared headcount",
    )

    class Meta:
        model = Council
        fields = {
            "level": ["exact"],
            "region": ["exact"],
            "district": ["exact"],
            "parent": ["exact"],
            "status": ["exact"],
            "wing": ["exact"],
        }


class RosterFilterSet(django_filters.FilterSet):
    role = django_filters.ChoiceFilter(choices=COUNCIL_ROLE_CHOICES)
    active_on = django_filters.DateFilter(method="filter_active_on", label="Members on this date (YYYY-MM-DD)")

    class Meta:
        model = Membership
        fields = ["role"]

    def filter_active_on(self, queryset, name, value):
        return queryset.filter(held_on(value))


class CouncilViewSet(RegistryViewSet):
    """Councils of Mothers and Elders, the Assembly of Youth and its wings, the Scientific-Expert Council, the
    university departments and the Journalists' Club. `member_count` is derived from the roster (on `active_on`, or
    today); `headcount_declared` marks a council whose `headcount` is its own declared figure."""

    queryset = Council.objects.all()
    serializer_class = CouncilSerializer
    filterset_class = CouncilFilterSet
    search_fields = (*NAMES, "university_kk", "university_ru", "university_en")
    ordering_fields = ("id", *NAMES, "kind", "level", "region", "founded_on", "member_count", "updated_at")
    ordering = ("kind", "region", "name_en")

    def get_queryset(self):
        return super().get_queryset().with_member_count(day_or_none(self.request.query_params.get("active_on")))

    @extend_schema(
        responses=RosterEntrySerializer(many=True),
        parameters=[
            OpenApiParameter("role", str, enum=[code for code, _label in COUNCIL_ROLE_CHOICES]),
            OpenApiParameter("active_on", str, description="Members on this date (YYYY-MM-DD)"),
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
    filterset_fields = {
        "region": ["exact"],
        "district": ["exact"],
        "patron_council": ["exact"],
        "status": ["exact"],
        "opened_on": ["gte", "lte"],
    }
    search_fields = NAMES
    ordering_fields = ("id", *NAMES, "region", "capacity", "occupancy", "opened_on", "updated_at")
    ordering = ("region", "name_en")


# -- mediation --------------------------------------------------------------------------------------------------
class MediationOfficeViewSet(RegistryViewSet):
    """The regional mediation offices and the Ethnomediation Institute (level `republican`)."""

    queryset = MediationOffice.objects.with_mediator_count()
    serializer_class = MediationOfficeSerializer
    filterset_fields = {"region": ["exact"], "level": ["exact"], "status": ["exact"]}
    search_fields = NAMES
    ordering_fields = ("id", *NAMES, "region", "level", "mediator_count", "updated_at")
    ordering = ("level", "region", "name_en")


class LanguageFilterSet(RegistryFilterSet):
    language = django_filters.ChoiceFilter(choices=LANGUAGE_CHOICES, method="filter_language", label="Language")

    def filter_language(self, queryset, name, value):
        return queryset.filter(
            Q(languages=value)
            | Q(languages__startswith=f"{value},")
            | Q(languages__endswith=f",{value}")
            | Q(languages__contains=f",{value},")
        )


class MediatorFilterSet(LanguageFilterSet):
    region = django_filters.CharFilter(field_name="office__region", label="Region of the office (ISO code)")

    class Meta:
        model = Mediator
        fields = {"office": ["exact"], "is_head": ["exact"], "active": ["exact"]}


class MediatorViewSet(RegistryViewSet):
    """Mediators: the secretariat sees them all, a mediator those of their own office; nobody else any."""

    queryset = Mediator.objects.select_related("person", "user")
    serializer_class = MediatorSerializer
    filterset_class = MediatorFilterSet
    search_fields = ("person__surname", "person__given_name", "person__name_kk", "person__name_ru", "person__name_en")
    ordering_fields = ("id", "office", "certified_on", "updated_at")
    ordering = ("office", "-is_head", "id")


class MediationCaseFilterSet(LanguageFilterSet):
    region = django_filters.CharFilter(field_name="office__region", label="Region of the office (ISO code)")
    received_after = django_filters.DateFilter(field_name="received_on", lookup_expr="gte")
    received_before = django_filters.DateFilter(field_name="received_on", lookup_expr="lte")
    # A plain number, not a choice among all mediators: an unknown id must answer like a known one (no results),
    # so the filter tells nothing about mediators the user may not see.
    mediators = django_filters.NumberFilter(field_name="mediators", label="Assigned mediator (id)")

    class Meta:
        model = MediationCase
        fields = {"office": ["exact"], "status": ["exact"], "category": ["exact"]}


class MediationCaseViewSet(RegistryViewSet):
    """Confidential dispute cases: only the mediators of the case's office and the secretariat see them, here, in
    the portal and in the admin alike. Status moves only along the allowed transitions (see
    `allowed_next_statuses`); a closed case needs `closed_on`. Public figures: `/api/v1/stats/mediation/`."""

    queryset = MediationCase.objects.prefetch_related(
        "mediators", Prefetch("notes", queryset=CaseNote.objects.active().select_related("author"))
    )
    serializer_class = MediationCaseSerializer
    filterset_class = MediationCaseFilterSet
    search_fields = ("reference_number", "outcome_summary")
    ordering_fields = ("id", "reference_number", "received_on", "closed_on", "status", "updated_at")
    ordering = ("-received_on", "-id")


# -- statistics -------------------------------------------------------------------------------------------------
def query_int(request, name):
    value = request.query_params.get(name)
    if value in (None, ""):
        return None
    try:
        return int(value)
    except ValueError:
        raise ValidationError({name: [_("A whole number is required.")]}) from None


MEDIATION_ROW_FIELDS = {
    "year": serializers.IntegerField(),
    "scope": serializers.ChoiceField(choices=["national", "region", "institute"]),
    "region": serializers.CharField(allow_null=True),
    "dimension": serializers.ChoiceField(choices=["total", "category", "outcome"]),
    "value": serializers.CharField(),
    "count": serializers.IntegerField(allow_null=True),
    "display": serializers.CharField(),
}


class MediationStatisticsViewSet(viewsets.ViewSet):
    """Public mediation figures per year: nationally, per office (region, or the Ethnomediation Institute), and per
    office by category and by outcome. Counts below 5 read `null` with `"display": "<5"`; a few more are withheld
    (`"display": "withheld"`) so that no small count can be computed back from totals. See docs/councils.md."""

    @extend_schema(
        responses=inline_serializer(
            "MediationStatistics",
            {
                "threshold": serializers.IntegerField(),
                "results": inline_serializer("MediationStatisticsRow", MEDIATION_ROW_FIELDS, many=True),
            },
        ),
        parameters=[
            OpenApiParameter("year", int),
            OpenApiParameter("region", str, description="ISO code, e.g. KZ-10"),
            OpenApiParameter("dimension", str, enum=["total", "category", "outcome"]),
        ],
    )
    def list(self, request):
        year = query_int(request, "year")
        region = request.query_params.get("region") or None
        dimension = request.query_params.get("dimension") or None
        rows = [
            row
            for row in stats.mediation_statistics()
            if (year is None or row["year"] == year)
            and (region is None or row["region"] == region)
            and (dimension is None or row["dimension"] == dimension)
        ]
        return Response({"threshold": stats.THRESHOLD, "results": rows})


class MothersHomeStatisticsViewSet(viewsets.ViewSet):
    """Public figures of the mothers' homes per region: how many, and their places and residents where the region
    has enough homes that no single home's figures show (otherwise `null`, `"display": "withheld"`)."""

    @extend_schema(
        responses=inline_serializer(
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

    @extend_schema(
        responses=inline_serializer(
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
