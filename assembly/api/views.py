from django.db.models import Count, Prefetch, Q

from assembly.api import filters, serializers
from assembly.models import (
    ASSEMBLY_KINDS,
    AssociationActivity,
    AwardPresentation,
    Body,
    BodyName,
    EthnicGroup,
    EthnoculturalAssociation,
    HouseOfFriendship,
    Identifier,
    Instruction,
    Membership,
    MembershipRole,
    Person,
    Post,
    ProgressReport,
    Session,
    StrategicDocument,
)
from registry.api.filters import RANGE, DatedFilterSet, lookups
from registry.api.viewsets import RegistryViewSet
from registry.models import NAME_FIELDS


class BodyViewSet(RegistryViewSet):
    """Every organisation: the Assembly, its regional assemblies and bodies, associations, Houses, councils."""

    queryset = Body.objects.prefetch_related("former_names", "identifiers", "predecessors")
    serializer_class = serializers.BodySerializer
    filterset_class = filters.BodyFilterSet
    ordering_fields = ("id", "kind", "region", "founded_on", *NAME_FIELDS, "updated_at")
    ordering = ("kind", "region", "name_en")


class AssemblyViewSet(BodyViewSet):
    """The national Assembly and the regional assemblies."""

    queryset = Body.objects.filter(kind__in=ASSEMBLY_KINDS).prefetch_related(
        "former_names", "identifiers", "predecessors"
    )
    serializer_class = serializers.AssemblySerializer


class BodyNameViewSet(RegistryViewSet):
    queryset = BodyName.objects.all()
    serializer_class = serializers.BodyNameSerializer
    filterset_class = filters.BodyNameFilterSet
    ordering_fields = ("id", "start_date", "end_date", "updated_at")
    ordering = ("body", "start_date")


class IdentifierViewSet(RegistryViewSet):
    queryset = Identifier.objects.all()
    serializer_class = serializers.IdentifierSerializer
    filterset_fields = lookups("body", "scheme", "value")
    ordering_fields = ("id", "scheme", "value", "updated_at")
    ordering = ("body", "scheme")


class PersonViewSet(RegistryViewSet):
    """People, with their whole history of posts. Contacts only for those the access rule names."""

    queryset = Person.objects.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("body").order_by("-start_date", "id"))
    )
    serializer_class = serializers.PersonSerializer
    filterset_class = filters.PersonFilterSet
    ordering_fields = ("id", "surname", "given_name", "updated_at")
    ordering = ("surname", "given_name", "patronymic")


class MembershipViewSet(RegistryViewSet):
    """Who held which post in which body, when: `?active_on=2019-06-01&role=deputy_chairman`."""

    queryset = Membership.objects.select_related("person", "body")
    serializer_class = serializers.MembershipSerializer
    filterset_class = filters.MembershipFilterSet
    ordering_fields = ("id", "start_date", "end_date", "role", "updated_at")
    ordering = ("-start_date", "id")


class PostViewSet(RegistryViewSet):
    """Posts and their seats over time; a membership beyond a post's seats is refused."""

    queryset = Post.objects.select_related("body")
    serializer_class = serializers.PostSerializer
    filterset_class = filters.PostFilterSet
    ordering_fields = ("id", "role", "start_date", "seats", "updated_at")
    ordering = ("body", "role", "start_date")


class SessionViewSet(RegistryViewSet):
    """Sessions of the Assembly, addressed by number: `/api/v1/sessions/34/`."""

    queryset = Session.objects.select_related("chair").prefetch_related(
        "agenda_items",
        "documents",
        Prefetch("awards", queryset=AwardPresentation.objects.select_related("award", "person")),
    )
    serializer_class = serializers.SessionSerializer
    filterset_class = filters.SessionFilterSet
    lookup_field = "number"
    lookup_value_regex = r"\d+"
    ordering_fields = ("number", "start_date", "updated_at")
    ordering = ("-number",)


class InstructionViewSet(RegistryViewSet):
    """Instructions of the sessions: `?session=XXXIV&overdue=true`."""

    queryset = Instruction.objects.select_related("session", "addressee", "responsible", "parent").prefetch_related(
        "sub_instructions", "reports"
    )
    serializer_class = serializers.InstructionSerializer
    filterset_class = filters.InstructionFilterSet
    ordering_fields = ("id", "code", "deadline", "status", "progress_percent", "updated_at")
    ordering = ("-session__number", "code")


class ProgressReportViewSet(RegistryViewSet):
    queryset = ProgressReport.objects.all()
    serializer_class = serializers.ProgressReportSerializer
    filterset_fields = lookups("instruction", reported_on=RANGE)
    ordering_fields = ("id", "reported_on", "updated_at")
    ordering = ("instruction", "-reported_on")


class StrategicDocumentViewSet(RegistryViewSet):
    """Laws, concepts, doctrines with their periods of validity: `?active_on=2024-01-01`."""

    queryset = StrategicDocument.objects.all()
    serializer_class = serializers.StrategicDocumentSerializer
    filterset_class = filters.StrategicDocumentFilterSet
    ordering_fields = ("id", "adopted_on", "adopted_year", "start_date", "updated_at")
    ordering = ("-adopted_year", "name_en")


class EthnicGroupViewSet(RegistryViewSet):
    queryset = EthnicGroup.objects.all()
    serializer_class = serializers.EthnicGroupSerializer
    filterset_fields = lookups(census_2021_count=RANGE)
    ordering_fields = ("id", "census_2021_rank", "census_2021_count", *NAME_FIELDS, "updated_at")
    ordering = ("census_2021_rank", "name_en")


class AssociationViewSet(RegistryViewSet):
    """Ethnocultural associations: `?ethnic_group=Uyghurs&region=KZ-19&status=active`."""

    queryset = EthnoculturalAssociation.objects.select_related("host_house").prefetch_related(
        "ethnic_groups",
        "activities",
        Prefetch(
            "memberships",
            queryset=Membership.objects.filter(role=MembershipRole.LEADER, archived_at__isnull=True).select_related(
                "person"
            ),
            to_attr="leader_memberships",
        ),
    )
    serializer_class = serializers.AssociationSerializer
    filterset_class = filters.AssociationFilterSet
    ordering_fields = ("id", "region", "registered_on", *NAME_FIELDS, "updated_at")
    ordering = ("region", "name_en")


class HouseOfFriendshipViewSet(RegistryViewSet):
    queryset = HouseOfFriendship.objects.annotate(
        hosted_total=Count("hosted_associations", filter=Q(hosted_associations__archived_at__isnull=True))
    )
    serializer_class = serializers.HouseOfFriendshipSerializer
    filterset_class = filters.HouseFilterSet
    ordering_fields = ("id", "region", "house_kind", "opened_on", "capacity", *NAME_FIELDS, "updated_at")
    ordering = ("region", "house_kind", "name_en")


class AssociationActivityViewSet(RegistryViewSet):
    queryset = AssociationActivity.objects.all()
    serializer_class = serializers.ActivitySerializer
    filterset_base = DatedFilterSet
    filterset_fields = lookups("association", "kind", "language")
    ordering_fields = ("id", "kind", "updated_at")
    ordering = ("association", "kind")
