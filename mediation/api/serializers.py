from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts import access
from accounts.models import User
from assembly.api.serializers.people import NAME_PARTS
from mediation.models import CaseNote, CaseStatus, MediationCase, MediationOffice, Mediator
from registry.api.row_fields import Translated
from registry.api.serializers import RegistrySerializer, optional_texts
from registry.languages import SPOKEN_LANGUAGE_CHOICES


class LanguagesField(serializers.ListField):
    """Languages as a JSON list of ISO 639 codes: `["kk", "ru"]`."""

    child = serializers.ChoiceField(choices=SPOKEN_LANGUAGE_CHOICES)

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


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
            *MediationOffice.place_fields,
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
        )

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
        )
        row_fields = {"person_name": Translated("person__name", otherwise=[f"person__{part}" for part in NAME_PARTS])}


class CaseNoteSerializer(serializers.ModelSerializer):
    author = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = CaseNote
        fields = ("id", "written_on", "author", "text", "created_at")


class MediationCaseSerializer(RegistrySerializer):
    reference_number = serializers.CharField(
        read_only=True, help_text="Given by the server when the case is opened: `<office code>-<year>-<number>`."
    )
    languages = LanguagesField()
    mediators = serializers.PrimaryKeyRelatedField(many=True, queryset=Mediator.objects.all(), required=False)
    allowed_next_statuses = serializers.SerializerMethodField()
    notes = CaseNoteSerializer(many=True, read_only=True)

    class Meta:
        model = MediationCase
        fields = (
            "id",
            *MediationCase.own_fields,
            "allowed_next_statuses",
            "closed_on",
            "outcome_summary",
            "notes",
        )

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
