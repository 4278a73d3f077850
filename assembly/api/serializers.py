from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts import access
from assembly.models import (
    ASSEMBLY_KINDS,
    AgendaItem,
    AssociationActivity,
    AssociationStatus,
    AwardPresentation,
    Body,
    BodyName,
    EthnicGroup,
    EthnoculturalAssociation,
    HouseKind,
    HouseOfFriendship,
    HouseStatus,
    Identifier,
    Instruction,
    Membership,
    Person,
    Post,
    ProgressReport,
    Session,
    SessionDocument,
    StrategicDocument,
)
from registry.api.serializers import RegistrySerializer, TranslatedTextField

COMMON = ("archived", "created_at", "updated_at")


def optional_texts(*bases):
    """Three-language texts that may be left empty (descriptions, biographies, themes)."""
    return {f"{base}_translations": TranslatedTextField(base, required_languages=(), required=False) for base in bases}


class FormerNameSerializer(serializers.ModelSerializer):
    names = TranslatedTextField("name", read_only=True)

    class Meta:
        model = BodyName
        fields = ("names", "valid_from", "valid_until")


class BodyIdentifierSerializer(serializers.ModelSerializer):
    class Meta:
        model = Identifier
        fields = ("scheme", "value")


class BodySerializer(RegistrySerializer):
    description_translations = optional_texts("description")["description_translations"]
    former_names = serializers.SerializerMethodField()
    identifiers = serializers.SerializerMethodField()
    predecessors = serializers.SerializerMethodField()

    class Meta:
        model = Body
        translated = ("name", "description")
        fields = (
            "id",
            "kind",
            "level",
            "region",
            "district",
            "parent",
            "successor",
            "predecessors",
            "status",
            "founded_on",
            "dissolved_on",
            "name",
            "names",
            "former_names",
            "description",
            "description_translations",
            "website",
            "identifiers",
            *COMMON,
        )
        read_only_fields = ("created_at", "updated_at")

    @extend_schema_field(FormerNameSerializer(many=True))
    def get_former_names(self, body):
        return FormerNameSerializer([n for n in body.former_names.all() if n.archived_at is None], many=True).data

    @extend_schema_field(BodyIdentifierSerializer(many=True))
    def get_identifiers(self, body):
        return BodyIdentifierSerializer([i for i in body.identifiers.all() if i.archived_at is None], many=True).data

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_predecessors(self, body):
        return [other.pk for other in body.predecessors.all()]


class AssemblySerializer(BodySerializer):
    def validate_kind(self, kind):
        if kind not in ASSEMBLY_KINDS:
            raise serializers.ValidationError(_("An assembly is national or regional; keep other bodies in /bodies/."))
        return kind


class BodyNameSerializer(RegistrySerializer):
    names = TranslatedTextField("name", required_languages=("en",))

    class Meta:
        model = BodyName
        translated = ("name",)
        fields = ("id", "body", "name", "names", "valid_from", "valid_until", "note", *COMMON)
        read_only_fields = ("created_at", "updated_at")


class IdentifierSerializer(RegistrySerializer):
    class Meta:
        model = Identifier
        fields = ("id", "body", "scheme", "value", *COMMON)
        read_only_fields = ("created_at", "updated_at")


class PersonMembershipSerializer(serializers.ModelSerializer):
    body_name = serializers.SerializerMethodField()

    class Meta:
        model = Membership
        fields = ("id", "body", "body_name", "role", "start_date", "end_date", "end_reason", "appointed_by", "country")

    def get_body_name(self, membership) -> str:
        return membership.body.name


class PersonSerializer(RegistrySerializer):
    name = serializers.CharField(read_only=True)
    full_name = serializers.CharField(read_only=True)
    names = TranslatedTextField("name", required_languages=(), required=False)
    biography_translations = optional_texts("biography")["biography_translations"]
    memberships = serializers.SerializerMethodField()

    class Meta:
        model = Person
        translated = ("biography",)
        confidential_fields = Person.contact_fields
        fields = (
            "id",
            "surname",
            "given_name",
            "patronymic",
            "full_name",
            "name",
            "names",
            "biography",
            "biography_translations",
            "region",
            "email",
            "phone",
            "address",
            "memberships",
            *COMMON,
        )
        read_only_fields = ("created_at", "updated_at")

    @extend_schema_field(PersonMembershipSerializer(many=True))
    def get_memberships(self, person):
        """The whole history of the person's posts, newest first."""
        rows = [m for m in person.memberships.all() if m.archived_at is None]
        return PersonMembershipSerializer(rows, many=True).data


class MembershipSerializer(RegistrySerializer):
    person_name = serializers.SerializerMethodField()
    body_name = serializers.SerializerMethodField()
    body_kind = serializers.ReadOnlyField(source="body.kind")
    region = serializers.ReadOnlyField(source="body.region_id")

    class Meta:
        model = Membership
        fields = (
            "id",
            "person",
            "person_name",
            "body",
            "body_name",
            "body_kind",
            "region",
            "role",
            "start_date",
            "end_date",
            "end_reason",
            "appointed_by",
            "country",
            "note",
            *COMMON,
        )
        read_only_fields = ("created_at", "updated_at")

    def get_person_name(self, membership) -> str:
        return membership.person.name

    def get_body_name(self, membership) -> str:
        return membership.body.name


class PostSerializer(RegistrySerializer):
    body_name = serializers.SerializerMethodField()

    class Meta:
        model = Post
        translated = ("name",)
        fields = (
            "id",
            "body",
            "body_name",
            "role",
            "name",
            "names",
            "seats",
            "valid_from",
            "valid_to",
            "legal_basis",
            *COMMON,
        )
        read_only_fields = ("created_at", "updated_at")

    def get_body_name(self, post) -> str:
        return post.body.name


class AgendaItemSerializer(serializers.ModelSerializer):
    title = serializers.SerializerMethodField()
    title_translations = TranslatedTextField("title", read_only=True)

    class Meta:
        model = AgendaItem
        fields = ("position", "title", "title_translations", "speaker")

    def get_title(self, item) -> str:
        return item.title


class SessionDocumentSerializer(serializers.ModelSerializer):
    title = serializers.SerializerMethodField()
    title_translations = TranslatedTextField("title", read_only=True)

    class Meta:
        model = SessionDocument
        fields = ("kind", "title", "title_translations", "url")

    def get_title(self, document) -> str:
        return document.title


class AwardPresentationSerializer(serializers.ModelSerializer):
    award_name = serializers.SerializerMethodField()
    person_name = serializers.SerializerMethodField()

    class Meta:
        model = AwardPresentation
        fields = ("award", "award_name", "person", "person_name", "awarded_on")

    def get_award_name(self, presentation) -> str:
        return presentation.award.name

    def get_person_name(self, presentation) -> str:
        return presentation.person.name


class SessionSerializer(RegistrySerializer):
    roman = serializers.CharField(read_only=True)
    chair_name = serializers.SerializerMethodField()
    theme_translations = optional_texts("theme")["theme_translations"]
    agenda = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()
    awards = serializers.SerializerMethodField()

    class Meta:
        model = Session
        translated = ("theme",)
        fields = (
            "id",
            "number",
            "roman",
            "start_date",
            "end_date",
            "city",
            "venue",
            "chair",
            "chair_name",
            "theme",
            "theme_translations",
            "dates_verified",
            "agenda",
            "documents",
            "awards",
            *COMMON,
        )
        read_only_fields = ("created_at", "updated_at")

    def get_chair_name(self, session) -> str:
        return session.chair.name if session.chair_id else ""

    @extend_schema_field(AgendaItemSerializer(many=True))
    def get_agenda(self, session):
        return AgendaItemSerializer([i for i in session.agenda_items.all() if i.archived_at is None], many=True).data

    @extend_schema_field(SessionDocumentSerializer(many=True))
    def get_documents(self, session):
        rows = [d for d in session.documents.all() if d.archived_at is None]
        return SessionDocumentSerializer(rows, many=True).data

    @extend_schema_field(AwardPresentationSerializer(many=True))
    def get_awards(self, session):
        """Awards presented at the session: people's names, so only for signed-in readers."""
        request = self.context.get("request")
        if not access.can_read_model(getattr(request, "user", None), AwardPresentation):
            return []
        rows = [a for a in session.awards.all() if a.archived_at is None]
        return AwardPresentationSerializer(rows, many=True).data


class ProgressReportSerializer(RegistrySerializer):
    text_translations = optional_texts("text")["text_translations"]

    class Meta:
        model = ProgressReport
        translated = ("text",)
        fields = ("id", "instruction", "reported_on", "progress_percent", "text", "text_translations", *COMMON)
        read_only_fields = ("created_at", "updated_at")


class InstructionReportSerializer(serializers.ModelSerializer):
    text = serializers.SerializerMethodField()

    class Meta:
        model = ProgressReport
        fields = ("id", "reported_on", "progress_percent", "text")

    def get_text(self, report) -> str:
        return report.text


class InstructionSerializer(RegistrySerializer):
    session = serializers.SlugRelatedField(slug_field="number", queryset=Session.objects.all(), required=False)
    session_roman = serializers.CharField(source="session.roman", read_only=True)
    text_translations = optional_texts("text")["text_translations"]
    addressee_name = serializers.SerializerMethodField()
    responsible_name = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()
    sub_instructions = serializers.SerializerMethodField()
    reports = serializers.SerializerMethodField()

    class Meta:
        model = Instruction
        translated = ("text",)
        fields = (
            "id",
            "code",
            "session",
            "session_roman",
            "parent",
            "number",
            "text",
            "text_translations",
            "addressee",
            "addressee_name",
            "region",
            "responsible",
            "responsible_name",
            "deadline",
            "status",
            "status_changed_on",
            "progress_percent",
            "overdue",
            "sub_instructions",
            "reports",
            *COMMON,
        )
        read_only_fields = ("code", "status_changed_on", "created_at", "updated_at")
        # The model's constraints are checked in validate(), after the session is taken from the parent.
        validators = []

    def get_addressee_name(self, instruction) -> str:
        return instruction.addressee.name if instruction.addressee_id else ""

    def get_responsible_name(self, instruction) -> str:
        return instruction.responsible.name if instruction.responsible_id else ""

    def get_overdue(self, instruction) -> bool:
        return instruction.overdue

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_sub_instructions(self, instruction):
        return [sub.pk for sub in instruction.sub_instructions.all() if sub.archived_at is None]

    @extend_schema_field(InstructionReportSerializer(many=True))
    def get_reports(self, instruction):
        rows = [r for r in instruction.reports.all() if r.archived_at is None]
        return InstructionReportSerializer(rows, many=True).data

    def validate(self, attrs):
        parent = attrs.get("parent", getattr(self.instance, "parent", None))
        if parent is not None and "session" not in attrs and self.instance is None:
            attrs["session"] = parent.session
        if self.instance is None and "session" not in attrs:
            raise serializers.ValidationError({"session": [serializers.Field.default_error_messages["required"]]})
        return super().validate(attrs)


class StrategicDocumentSerializer(RegistrySerializer):
    class Meta:
        model = StrategicDocument
        translated = ("name",)
        fields = (
            "id",
            "kind",
            "number",
            "name",
            "names",
            "adopted_on",
            "adopted_year",
            "start_date",
            "end_date",
            "adopted_by",
            "url",
            "note",
            *COMMON,
        )
        read_only_fields = ("created_at", "updated_at")


class EthnicGroupSerializer(RegistrySerializer):
    class Meta:
        model = EthnicGroup
        translated = ("name",)
        fields = (
            "id",
            "name",
            "names",
            "census_2021_count",
            "census_2021_percent",
            "census_2021_rank",
            "note",
            *COMMON,
        )
        read_only_fields = ("created_at", "updated_at")


class ActivitySerializer(RegistrySerializer):
    class Meta:
        model = AssociationActivity
        translated = ("name",)
        fields = ("id", "association", "kind", "name", "names", "language", "start_date", "end_date", *COMMON)
        read_only_fields = ("created_at", "updated_at")


class NestedActivitySerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()

    class Meta:
        model = AssociationActivity
        fields = ("id", "kind", "name", "language", "start_date", "end_date")

    def get_name(self, activity) -> str:
        return activity.name


@extend_schema_field(
    {"type": "object", "nullable": True, "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}
)
class LeaderField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, association):
        today = timezone.localdate()
        memberships = getattr(association, "leader_memberships", None)
        if memberships is None:
            memberships = association.memberships.filter(role="leader", archived_at__isnull=True)
        for membership in memberships:
            if (membership.start_date is None or membership.start_date <= today) and (
                membership.end_date is None or membership.end_date >= today
            ):
                return {"id": membership.person_id, "name": membership.person.name}
        return None


class AssociationSerializer(RegistrySerializer):
    status = serializers.ChoiceField(choices=AssociationStatus.choices, required=False)
    description_translations = optional_texts("description")["description_translations"]
    ethnic_groups = serializers.PrimaryKeyRelatedField(
        many=True, queryset=EthnicGroup.objects.filter(archived_at__isnull=True), required=False
    )
    ethnic_group_names = serializers.SerializerMethodField()
    host_house_name = serializers.SerializerMethodField()
    leader = LeaderField()
    activities = serializers.SerializerMethodField()

    class Meta:
        model = EthnoculturalAssociation
        translated = ("name", "description")
        confidential_fields = EthnoculturalAssociation.contact_fields
        fields = (
            "id",
            "name",
            "names",
            "level",
            "region",
            "district",
            "parent",
            "ethnic_groups",
            "ethnic_group_names",
            "host_house",
            "host_house_name",
            "status",
            "status_since",
            "founded_on",
            "registered_on",
            "dissolved_on",
            "bin",
            "leader",
            "activities",
            "description",
            "description_translations",
            "website",
            "email",
            "phone",
            "address",
            *COMMON,
        )
        read_only_fields = ("created_at", "updated_at")

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_ethnic_group_names(self, association):
        return [group.name for group in association.ethnic_groups.all()]

    def get_host_house_name(self, association) -> str:
        return association.host_house.name if association.host_house_id else ""

    @extend_schema_field(NestedActivitySerializer(many=True))
    def get_activities(self, association):
        rows = [a for a in association.activities.all() if a.archived_at is None]
        return NestedActivitySerializer(rows, many=True).data

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if not access.can_read_model(getattr(request, "user", None), Membership):
            data.pop("leader", None)  # a person's name: for signed-in readers only
        return data


class HouseOfFriendshipSerializer(RegistrySerializer):
    kind = serializers.ChoiceField(source="house_kind", choices=HouseKind.choices)
    status = serializers.ChoiceField(choices=HouseStatus.choices, required=False)
    description_translations = optional_texts("description")["description_translations"]
    associations_hosted = serializers.IntegerField(read_only=True, source="hosted_total", default=0)

    class Meta:
        model = HouseOfFriendship
        translated = ("name", "description")
        fields = (
            "id",
            "name",
            "names",
            "kind",
            "level",
            "region",
            "district",
            "parent",
            "address",
            "status",
            "opened_on",
            "dissolved_on",
            "capacity",
            "on_tourist_route",
            "associations_hosted",
            "description",
            "description_translations",
            "website",
            *COMMON,
        )
        read_only_fields = ("level", "created_at", "updated_at")
