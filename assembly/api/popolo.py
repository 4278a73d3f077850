"""GET /api/v1/popolo/: people, bodies, posts and memberships as one Popolo document (assembly/popolo.py)."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from assembly.popolo import popolo_document
from registry.api.renderers import RegistryBrowsableAPIRenderer, RegistryJSONRenderer
from registry.api.viewsets import one_document


def optional(field_class, **kwargs):
    return field_class(required=False, **kwargs)


class OtherNameSerializer(serializers.Serializer):
    name = serializers.CharField()
    lang = optional(serializers.CharField, help_text="kk, ru or en")
    start_date = optional(serializers.CharField)
    end_date = optional(serializers.CharField)
    note = optional(serializers.CharField, help_text="multilingual, or former name")


class PopoloIdentifierSerializer(serializers.Serializer):
    identifier = serializers.CharField()
    scheme = optional(serializers.CharField)


# What a Popolo person and organization both have (a docstring here would describe both in the schema).
class PopoloNamedSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    other_names = optional(OtherNameSerializer, many=True)


class PopoloPersonSerializer(PopoloNamedSerializer):
    family_name = optional(serializers.CharField)
    given_name = optional(serializers.CharField)
    patronymic_name = optional(serializers.CharField)
    biography = optional(serializers.CharField)


class PopoloOrganizationSerializer(PopoloNamedSerializer):
    identifiers = optional(PopoloIdentifierSerializer, many=True)
    classification = optional(serializers.CharField)
    parent_id = optional(serializers.CharField)
    founding_date = optional(serializers.CharField)
    dissolution_date = optional(serializers.CharField)


class PopoloPostSerializer(serializers.Serializer):
    id = serializers.CharField()
    label = serializers.CharField()
    other_label = optional(serializers.ListField, child=serializers.CharField())
    role = optional(serializers.CharField)
    organization_id = optional(serializers.CharField)
    start_date = optional(serializers.CharField)
    end_date = optional(serializers.CharField)


class PopoloMembershipSerializer(serializers.Serializer):
    id = serializers.CharField()
    role = optional(serializers.CharField)
    person_id = serializers.CharField()
    organization_id = serializers.CharField()
    post_id = optional(serializers.CharField)
    start_date = optional(serializers.CharField)
    end_date = optional(serializers.CharField)


class PopoloDocumentSerializer(serializers.Serializer):
    persons = PopoloPersonSerializer(many=True)
    organizations = PopoloOrganizationSerializer(many=True)
    posts = PopoloPostSerializer(many=True)
    memberships = PopoloMembershipSerializer(many=True)


class PopoloViewSet(viewsets.ViewSet):
    """People, bodies, posts and memberships as one Popolo document (popoloproject.com). Names in the request's
    language, the other languages and former names under `other_names`. Never any contact details. Anonymous
    readers get the public registries (bodies, posts); persons and memberships need a signed-in reader."""

    renderer_classes = [RegistryJSONRenderer, RegistryBrowsableAPIRenderer]
    http_method_names = ["get", "head", "options"]

    @extend_schema(
        responses=OpenApiResponse(
            one_document(PopoloDocumentSerializer()),
            description="A Popolo document: persons, organizations, posts and memberships. Dates are YYYY-MM-DD; "
            "ids are `person/<id>`, `organization/<id>`, `post/<id>`, `membership/<id>` (the registries' ids).",
        )
    )
    def list(self, request):
        return Response(popolo_document(request.user))

    def get_view_name(self):
        return _("Popolo")
