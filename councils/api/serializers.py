from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts import access
from accounts.models import User
from assembly.models import BodyKind, Person
from councils.models import (
    COUNCIL_KIND_CHOICES,
    LANGUAGE_CHOICES,
    CaseNote,
    CaseStatus,
    Council,
    MediationCase,
    MediationOffice,
    Mediator,
    MothersHome,
)
from registry.api.serializers import LocalizedTextField, RegistrySerializer, TranslatedTextField

COMMON = ("archived", "created_at", "updated_at")


class LanguagesField(serializers.ListField):
    """Languages as a JSON list of ISO 639 codes: `["kk", "ru"]`."""

    child = serializers.ChoiceField(choices=LANGUAGE_CHOICES)

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


def optional_texts(base):
    """`<base>` in the request's language and `<base>_translations` with all three, none of them required."""
    return LocalizedTextField(base), TranslatedTextField(base, required_languages=(), required=False)


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
            "level",
            "region",
            "district",
            "parent",
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
            *COMMON,
        )
        read_only_fields = ("created_at", "updated_at")

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
            for field in Person.contact_fields:
                data.pop(field, None)
        return data


class MothersHomeSerializer(RegistrySerializer):
    patron_council = serializers.PrimaryKeyRelatedField(
        queryset=Council.objects.filter(kind=BodyKind.COUNCIL_OF_MOTHERS), allow_null=True, required=False
    )
    free_places = serializers.SerializerMethodField()

    class Meta:
        model = MothersHome
        translated = ("name",)
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
            *COMMON,
        )
        read_only_fields = ("created_at", "updated_at")

    def get_free_places(self, obj) -> int:
        return max(obj.capacity - obj.occupancy, 0)


class MediationOfficeSerializer(RegistrySerializer):
    description, description_translations = optional_texts("description")
    is_institute = serializers.BooleanField(read_only=True)
    mediator_count = serializers.SerializerMethodField(help_text="Active mediators of the office.")

    class Meta:
        model = MediationOffice
        translated = ("name",)
        fields = (
            "id",
            "name",
            "names",
            "level",
            "region",
            "district",
            "parent",
            "successor",
            "is_institute",
            "status",
            "founded_on",
            "dissolved_on",
            "address",
            "phone",
            "website",
            "description",
            "description_translations",
            "mediator_count",
            *COMMON,
        )
        read_only_fields = ("created_at", "updated_at")

    def get_mediator_count(self, obj) -> int:
        if hasattr(obj, "mediator_count"):
            return obj.mediator_count
        return obj.mediators.filter(active=True, archived_at__isnull=True).count()


class MediatorSerializer(RegistrySerializer):
    person_name = serializers.CharField(source="person.name", read_only=True)
    user = serializers.SlugRelatedField(
        slug_field="username", queryset=User.objects.all(), allow_null=True, required=False
    )
    languages = LanguagesField()

    class Meta:
        model = Mediator
        fields = (
            "id",
            "person",
            "person_name",
            "office",
            "user",
            "certified_on",
            "languages",
            "is_head",
            "active",
            *COMMON,
        )
        read_only_fields = ("created_at", "updated_at")


class CaseNoteSerializer(serializers.ModelSerializer):
    author = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = CaseNote
        fields = ("id", "written_on", "author", "text", "created_at")


class MediationCaseSerializer(RegistrySerializer):
    reference_number = serializers.CharField(
        max_length=40, required=False, allow_blank=True, help_text="Left empty, it is given as REGION/YEAR/NUMBER."
    )
    languages = LanguagesField()
    mediators = serializers.PrimaryKeyRelatedField(many=True, queryset=Mediator.objects.all(), required=False)
    allowed_next_statuses = serializers.SerializerMethodField()
    notes = CaseNoteSerializer(many=True, read_only=True)

    class Meta:
        model = MediationCase
        fields = (
            "id",
            "reference_number",
            "office",
            "received_on",
            "category",
            "parties_count",
            "languages",
            "mediators",
            "status",
            "allowed_next_statuses",
            "closed_on",
            "outcome_summary",
            "notes",
            *COMMON,
        )
        read_only_fields = ("created_at", "updated_at")

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and "mediators" in fields:
            # Only mediators the user may see can be named; anyone else's id is simply "not found".
            fields["mediators"].child_relation.queryset = access.readable(request.user, Mediator.objects.all())
        return fields

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=CaseStatus.choices)))
    def get_allowed_next_statuses(self, obj):
        return obj.allowed_next_statuses()

    def validate(self, attrs):
        attrs = super().validate(attrs)
        office = attrs.get("office") or getattr(self.instance, "office", None)
        strangers = [m for m in attrs.get("mediators", []) if office is not None and m.office_id != office.pk]
        if strangers:
            raise serializers.ValidationError({"mediators": [_("Assign only mediators of the case's own office.")]})
        return attrs
