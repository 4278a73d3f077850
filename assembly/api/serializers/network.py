"""The ethnocultural network: ethnic groups, associations and their activities, Houses of Friendship."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from assembly.api.serializers.base import unarchived
from assembly.models import (
    AssociationActivity,
    AssociationStatus,
    EthnicGroup,
    EthnoculturalAssociation,
    HouseKind,
    HouseOfFriendship,
    HouseStatus,
    Membership,
    MembershipRole,
)
from registry.api.row_fields import Related, Translated
from registry.api.serializers import LocalizedTextField, NameOf, RegistrySerializer, optional_translations


class EthnicGroupSerializer(RegistrySerializer):
    class Meta:
        model = EthnicGroup
        fields = (
            "id",
            "name",
            "names",
            "census_2021_count",
            "census_2021_percent",
            "census_2021_rank",
            "note",
        )


class ActivitySerializer(RegistrySerializer):
    class Meta:
        model = AssociationActivity
        fields = ("id", "association", "kind", "name", "names", "language", "start_date", "end_date")


class NestedActivitySerializer(serializers.ModelSerializer):
    name = LocalizedTextField("name")

    class Meta:
        model = AssociationActivity
        fields = ("id", "kind", "name", "language", "start_date", "end_date")


PERSON_NAME_PARTS = ("person__surname", "person__given_name", "person__patronymic")


def current_leader(memberships):
    """The first of an association's leader memberships (in their ordering) in force today, as `{id, name}`."""
    today = timezone.localdate()
    for membership in memberships:
        start, end = membership["start_date"], membership["end_date"]
        if (start is None or start <= today) and (end is None or end >= today):
            return {"id": membership["id"], "name": membership["name"]}
    return None


@extend_schema_field(
    {"type": "object", "nullable": True, "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}
)
class LeaderField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, association):
        memberships = getattr(association, "leader_memberships", None)
        if memberships is None:
            memberships = association.memberships.filter(role="leader", archived_at__isnull=True)
        return current_leader(
            {
                "id": membership.person_id,
                "name": membership.person.name,
                "start_date": membership.start_date,
                "end_date": membership.end_date,
            }
            for membership in memberships
        )


class AssociationSerializer(RegistrySerializer):
    status = serializers.ChoiceField(choices=AssociationStatus.choices, required=False)
    description_translations = optional_translations("description")
    ethnic_groups = serializers.PrimaryKeyRelatedField(
        many=True, queryset=EthnicGroup.objects.filter(archived_at__isnull=True), required=False
    )
    ethnic_group_names = serializers.SerializerMethodField()
    host_house_name = NameOf("host_house")
    leader = LeaderField()
    activities = serializers.SerializerMethodField()

    class Meta:
        model = EthnoculturalAssociation
        fields = (
            "id",
            "name",
            "names",
            *EthnoculturalAssociation.place_fields,
            "ethnic_groups",
            "ethnic_group_names",
            "host_house",
            "host_house_name",
            *EthnoculturalAssociation.own_fields,
            "leader",
            "activities",
            "description",
            "description_translations",
            "website",
            "email",
            "phone",
            "address",
        )
        readers_of = {"leader": Membership}  # a person's name: for signed-in readers only
        row_fields = {
            "ethnic_group_names": Related("ethnic_groups", LocalizedTextField("name")),
            "leader": Related(
                "memberships",
                {
                    "id": "person_id",
                    "name": Translated("person__name", otherwise=PERSON_NAME_PARTS),
                    "start_date": "start_date",
                    "end_date": "end_date",
                },
                where={"role": MembershipRole.LEADER, "archived_at__isnull": True},
                then=current_leader,
            ),
            "activities": Related("activities", NestedActivitySerializer, where={"archived_at__isnull": True}),
        }

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_ethnic_group_names(self, association):
        return [group.name for group in association.ethnic_groups.all()]

    @extend_schema_field(NestedActivitySerializer(many=True))
    def get_activities(self, association):
        return unarchived(NestedActivitySerializer, association.activities)


class HouseOfFriendshipSerializer(RegistrySerializer):
    kind = serializers.ChoiceField(source="house_kind", choices=HouseKind.choices)
    status = serializers.ChoiceField(choices=HouseStatus.choices, required=False)
    description_translations = optional_translations("description")
    associations_hosted = serializers.IntegerField(read_only=True, source="hosted_total", default=0)

    class Meta:
        model = HouseOfFriendship
        fields = (
            "id",
            "name",
            "names",
            "kind",
            *HouseOfFriendship.place_fields,
            *HouseOfFriendship.own_fields,
            "associations_hosted",
            "description",
            "description_translations",
            "website",
        )
        read_only_fields = ("level",)
