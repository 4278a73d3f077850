"""Bodies (and assemblies among them), their former names and identifiers."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from assembly.api.serializers.base import unarchived
from assembly.models import ASSEMBLY_KINDS, Body, BodyName, Identifier
from registry.api.serializers import RegistrySerializer, TranslatedTextField, optional_translations


class FormerNameSerializer(serializers.ModelSerializer):
    names = TranslatedTextField("name", read_only=True)

    class Meta:
        model = BodyName
        fields = ("names", "start_date", "end_date")


class BodyIdentifierSerializer(serializers.ModelSerializer):
    class Meta:
        model = Identifier
        fields = ("scheme", "value")


class BodySerializer(RegistrySerializer):
    description_translations = optional_translations("description")
    former_names = serializers.SerializerMethodField()
    identifiers = serializers.SerializerMethodField()
    predecessors = serializers.SerializerMethodField()

    class Meta:
        model = Body
        fields = (
            "id",
            "kind",
            *Body.place_fields,
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
        )

    @extend_schema_field(FormerNameSerializer(many=True))
    def get_former_names(self, body):
        return unarchived(FormerNameSerializer, body.former_names)

    @extend_schema_field(BodyIdentifierSerializer(many=True))
    def get_identifiers(self, body):
        return unarchived(BodyIdentifierSerializer, body.identifiers)

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
        fields = ("id", "body", "name", "names", "start_date", "end_date", "note")


class IdentifierSerializer(RegistrySerializer):
    class Meta:
        model = Identifier
        fields = ("id", "body", "scheme", "value")
