from rest_framework import serializers

from accounts import access
from assembly.models import BodyKind, Person
from councils.models import COUNCIL_KIND_CHOICES, Council, MothersHome
from registry.api.serializers import RegistrySerializer, optional_texts


class CouncilSerializer(RegistrySerializer):
    kind = serializers.ChoiceField(choices=COUNCIL_KIND_CHOICES)
    parent = serializers.PrimaryKeyRelatedField(queryset=Council.objects.all(), allow_null=True, required=False)
    university, university_translations = optional_texts("university")
    description, description_translations = optional_texts("description")
    member_count = serializers.SerializerMethodField(
        help_text="People holding an active membership (on `active_on`, or today): derived from the roster."
    )
    headcount_declared = serializers.BooleanField(
        read_only=True, help_text="True when `headcount` is the council's own declared figure, not a roster count."
    )
    headcount = serializers.SerializerMethodField(
        help_text="The declared headcount where one is declared, otherwise the roster's member count."
    )

    class Meta:
        model = Council
        translated = ("name",)
        fields = (
            "id",
            "kind",
            "wing",
            *Council.place_fields,
            "successor",
            "name",
            "names",
            "university",
            "university_translations",
            "description",
            "description_translations",
            "status",
            "founded_on",
            "dissolved_on",
            "website",
            "member_count",
            "declared_headcount",
            "headcount_declared",
            "headcount",
        )

    def get_member_count(self, obj) -> int:
        if hasattr(obj, "member_count"):
            return obj.member_count
        return Council.objects.filter(pk=obj.pk).with_member_count().values_list("member_count", flat=True).first()

    def get_headcount(self, obj) -> int:
        return obj.declared_headcount if obj.headcount_declared else self.get_member_count(obj)


class RosterEntrySerializer(serializers.Serializer):
    """A membership of a council's roster; the member's contacts only for those the access rules allow."""

    id = serializers.IntegerField()
    role = serializers.CharField()
    role_display = serializers.CharField(source="get_role_display")
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    end_reason = serializers.CharField()
    person = serializers.IntegerField(source="person_id")
    person_name = serializers.CharField(source="person.name")
    person_region = serializers.CharField(source="person.region_id", allow_null=True)
    email = serializers.CharField(source="person.email", required=False)
    phone = serializers.CharField(source="person.phone", required=False)
    address = serializers.CharField(source="person.address", required=False)

    def to_representation(self, membership):
        data = super().to_representation(membership)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if not access.rule_for(Person).sees_confidential_fields(user, membership.person):
            for field in Person.confidential_fields:
                data.pop(field, None)
        return data


class MothersHomeSerializer(RegistrySerializer):
    patron_council = serializers.PrimaryKeyRelatedField(
        queryset=Council.objects.filter(kind=BodyKind.COUNCIL_OF_MOTHERS), allow_null=True, required=False
    )
    free_places = serializers.SerializerMethodField()

    class Meta:
        model = MothersHome
        fields = (
            "id",
            "name",
            "names",
            "region",
            "district",
            "patron_council",
            "capacity",
            "occupancy",
            "free_places",
            "opened_on",
            "status",
            "note",
        )

    def get_free_places(self, obj) -> int:
        return max(obj.capacity - obj.occupancy, 0)
