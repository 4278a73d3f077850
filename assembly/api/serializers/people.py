"""Persons, their memberships and the posts of bodies."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from assembly.api.serializers.base import unarchived
from assembly.models import Membership, Person, Post
from registry.api.row_fields import Related, Translated
from registry.api.serializers import NameOf, RegistrySerializer, TranslatedTextField, optional_translations

NAME_PARTS = ("surname", "given_name", "patronymic")  # a person's full name, in this order


class PersonMembershipSerializer(serializers.ModelSerializer):
    body_name = NameOf("body")

    class Meta:
        model = Membership
        fields = ("id", "body", "body_name", "role", "start_date", "end_date", "end_reason", "appointed_by", "country")


class PersonSerializer(RegistrySerializer):
    name = serializers.CharField(read_only=True)
    full_name = serializers.CharField(read_only=True)
    names = TranslatedTextField("name", required_languages=(), required=False)
    biography_translations = optional_translations("biography")
    memberships = serializers.SerializerMethodField()

    class Meta:
        model = Person
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
        )
        row_fields = {
            "full_name": (NAME_PARTS, lambda *parts: " ".join(part for part in parts if part)),
            "name": Translated("name", otherwise=NAME_PARTS),
            "memberships": Related("memberships", PersonMembershipSerializer, where={"archived_at__isnull": True}),
        }

    @extend_schema_field(PersonMembershipSerializer(many=True))
    def get_memberships(self, person):
        """The whole history of the person's posts, newest first."""
        return unarchived(PersonMembershipSerializer, person.memberships)


class MembershipSerializer(RegistrySerializer):
    person_name = NameOf("person")
    body_name = NameOf("body")
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
        )


class PostSerializer(RegistrySerializer):
    body_name = NameOf("body")

    class Meta:
        model = Post
        fields = (
            "id",
            "body",
            "body_name",
            "role",
            "name",
            "names",
            "seats",
            "start_date",
            "end_date",
            "legal_basis",
        )
