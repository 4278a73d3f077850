from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from mediation import stats
from mediation.api.serializers import MediationCaseSerializer, MediationOfficeSerializer, MediatorSerializer
from mediation.filters import MediationCaseFilterSet, MediatorFilterSet
from mediation.models import CaseNote, MediationCase, MediationOffice, Mediator
from registry.api.filters import lookups
from registry.api.viewsets import RegistryViewSet, one_document
from registry.models import NAME_FIELDS


class MediationOfficeViewSet(RegistryViewSet):
    """The regional mediation offices and the Ethnomediation Institute (level `republican`)."""

    queryset = MediationOffice.objects.with_mediator_count()
    serializer_class = MediationOfficeSerializer
    filterset_fields = lookups("region", "level", "status")
    ordering_fields = ("id", *NAME_FIELDS, "region", "level", "mediator_count", "updated_at")
    ordering = ("level", "region", "name_en")


class MediatorViewSet(RegistryViewSet):
    """Mediators: the secretariat sees them all, a mediator those of their own office; nobody else any."""

    queryset = Mediator.objects.select_related("person", "user")
    serializer_class = MediatorSerializer
    filterset_class = MediatorFilterSet
    ordering_fields = ("id", "office", "certified_on", "updated_at")
    ordering = ("office", "-is_head", "id")


class MediationCaseViewSet(RegistryViewSet):
    """Confidential dispute cases: only the mediators of the case's office and the secretariat see them, here, in
    the portal and in the admin alike. Status moves only along the allowed transitions (see
    `allowed_next_statuses`); a closed case needs `closed_on`. Public figures: `/api/v1/stats/mediation/`."""

    queryset = MediationCase.objects.prefetch_related(
        "mediators", Prefetch("notes", queryset=CaseNote.objects.active().select_related("author"))
    )
    serializer_class = MediationCaseSerializer
    filterset_class = MediationCaseFilterSet
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
    (`"display": "withheld"`) so that no small count can be computed back from totals. See docs/mediation.md."""

    csv_header = list(MEDIATION_ROW_FIELDS)

    @extend_schema(
        responses=one_document(
            inline_serializer(
                "MediationStatistics",
                {
                    "threshold": serializers.IntegerField(),
                    "results": inline_serializer("MediationStatisticsRow", MEDIATION_ROW_FIELDS, many=True),
                },
            )
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
