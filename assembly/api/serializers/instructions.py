"""Instructions and their progress reports."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from assembly.api.serializers.base import unarchived
from assembly.models import Instruction, ProgressReport, Session
from registry.api.serializers import LocalizedTextField, NameOf, RegistrySerializer, optional_translations


class ProgressReportSerializer(RegistrySerializer):
    text_translations = optional_translations("text")

    class Meta:
        model = ProgressReport
        fields = ("id", "instruction", "reported_on", "progress_percent", "text", "text_translations")


class InstructionReportSerializer(serializers.ModelSerializer):
    text = LocalizedTextField("text")

    class Meta:
        model = ProgressReport
        fields = ("id", "reported_on", "progress_percent", "text")


class InstructionSerializer(RegistrySerializer):
    session = serializers.SlugRelatedField(slug_field="number", queryset=Session.objects.all(), required=False)
    session_roman = serializers.CharField(source="session.roman", read_only=True)
    text_translations = optional_translations("text")
    addressee_name = NameOf("addressee")
    responsible_name = NameOf("responsible")
    overdue = serializers.SerializerMethodField()
    sub_instructions = serializers.SerializerMethodField()
    reports = serializers.SerializerMethodField()

    class Meta:
        model = Instruction
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
        )
        read_only_fields = (
            "code",
            "status_changed_on",
        )
        # The model's constraints are checked in validate(), after the session is taken from the parent.
        validators = []

    def get_overdue(self, instruction) -> bool:
        return instruction.overdue

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_sub_instructions(self, instruction):
        return [sub.pk for sub in instruction.sub_instructions.all() if sub.archived_at is None]

    @extend_schema_field(InstructionReportSerializer(many=True))
    def get_reports(self, instruction):
        return unarchived(InstructionReportSerializer, instruction.reports)

    def validate(self, attrs):
        parent = attrs.get("parent", getattr(self.instance, "parent", None))
        if parent is not None and "session" not in attrs and self.instance is None:
            attrs["session"] = parent.session
        if self.instance is None and "session" not in attrs:
            raise serializers.ValidationError({"session": [serializers.Field.default_error_messages["required"]]})
        return super().validate(attrs)
