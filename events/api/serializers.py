from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.inputs import InputError, parse_whole_tenge
from events.lifecycle import Action
from events.models import (
    COUNT_FIELDS,
    DESCRIPTIVE_FIELDS,
    EVENT_LANGUAGES,
    OCCASION_FIELDS,
    TARGETS,
    Event,
    Programme,
    Source,
    Verification,
)
from registry.api.serializers import RegistrySerializer, TranslatedTextField
from registry.numbers import BIGINT_MAX


@extend_schema_field(OpenApiTypes.INT)
class WholeTengeField(serializers.Field):
    """Funds in whole tenge; an amount with tiyn is a 400 that says so."""

    def to_internal_value(self, data):
        try:
            return parse_whole_tenge(data)
        except InputError as error:
            raise serializers.ValidationError(str(error)) from None

    def to_representation(self, value):
        return value


class EventSerializer(RegistrySerializer):
    title_translations = TranslatedTextField("title", required_languages=(), required=False)
    funds_raised_kzt = WholeTengeField(required=False, allow_null=True)
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=list(EVENT_LANGUAGES.items())), required=False, allow_empty=True
    )
    press_links = serializers.ListField(child=serializers.URLField(max_length=500), required=False, allow_empty=True)
    # Every state is read; only draft and submitted are written (REQUESTED_ACTIONS refuses the others).
    verification = serializers.ChoiceField(
        choices=Verification.choices,
        required=False,
        help_text=gettext_lazy(
            "Read: draft, submitted, verified or returned. Write: draft (save as draft) or submitted (save and "
            "submit); without it a save keeps a draft a draft. The secretariat verifies and returns through the "
            "verify and return actions."
        ),
    )
    verified = serializers.BooleanField(read_only=True)
    organizer_name = serializers.CharField(source="organizer.name", read_only=True, default=None, allow_null=True)
    logged_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    verified_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    confirm_duplicate = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        help_text=gettext_lazy(
            "Store the event even though one with a similar title is recorded in the region that day."
        ),
    )

    class Meta:
        model = Event
        fields = (
            "id",
            "title",
            "title_translations",
            *OCCASION_FIELDS,
            "venue",
            "organizer",
            "organizer_name",
            "programme",
            *COUNT_FIELDS,
            *DESCRIPTIVE_FIELDS,
            "verified",
            "verification",
            "return_comment",
            "submitted_at",
            "verified_at",
            "verified_by",
            "logged_by",
            "source",
            "confirm_duplicate",
        )
        read_only_fields = (
            "return_comment",
            "submitted_at",
            "verified_at",
            "source",
        )
        # Who logged and verified an event and what the secretariat wrote back are the workflow's, not the public's:
        # shown to the secretariat and the coordinator of the event's region only (accounts.access).
        extra_kwargs = {"end_date": {"required": False, "allow_null": True}}
        row_fields = {"verified": (("verification",), lambda verification: verification == Verification.VERIFIED)}

    def validate_verification(self, value):
        if value not in REQUESTED_ACTIONS:
            raise serializers.ValidationError(
                _(
                    "Write draft or submitted; the secretariat verifies and returns through the verify and return "
                    "actions."
                )
            )
        return value

    def validate(self, attrs):
        confirm = attrs.pop("confirm_duplicate", False)
        self.action = REQUESTED_ACTIONS[attrs.pop("verification", None)]
        attrs = super().validate(attrs)
        candidate = self._unsaved(attrs)
        try:
            candidate.next_verification(self._user(), self.action)
        except DjangoValidationError as error:
            raise serializers.ValidationError(serializers.as_serializer_error(error)) from None
        duplicates = [] if confirm else candidate.likely_duplicates()
        if duplicates:
            listed = "; ".join(f"«{event.title}» (id {event.pk})" for event in duplicates)
            raise serializers.ValidationError(
                {
                    "confirm_duplicate": [
                        _(
                            "This looks like an event already recorded in the region that day: %(events)s. "
                            "If it is a different event, send it again with confirm_duplicate=true."
                        )
                        % {"events": listed}
                    ],
                    "duplicates": [event.pk for event in duplicates],
                }
            )
        return attrs

    def _user(self):
        request = self.context.get("request")
        return getattr(request, "user", None)

    def create(self, validated_data):
        event = Event(**validated_data)
        event.source = Source.API
        event.transition(self._user(), self.action, save=False)
        event.save()
        return event

    def update(self, instance, validated_data):
        for key, value in validated_data.items():
            setattr(instance, key, value)
        instance.transition(self._user(), self.action, save=False)
        instance.save()
        return instance


# What a write asks of the life cycle: `verification` as sent, or nothing (a plain save).
REQUESTED_ACTIONS = {
    None: Action.EDIT,
    Verification.DRAFT: Action.SAVE_DRAFT,
    Verification.SUBMITTED: Action.SUBMIT,
}


class ReturnSerializer(serializers.Serializer):
    comment = serializers.CharField(
        max_length=2000, help_text=gettext_lazy("What the coordinator should correct; they see it in the portal.")
    )


class BulkVerifySerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=BIGINT_MAX), allow_empty=False, max_length=1000
    )


class BulkVerifyResultSerializer(serializers.Serializer):
    verified = serializers.ListField(child=serializers.IntegerField())
    skipped = serializers.ListField(child=serializers.IntegerField())


class ProgressFiguresSerializer(serializers.Serializer):
    events = serializers.IntegerField(allow_null=True)
    participants = serializers.IntegerField(allow_null=True)
    volunteers = serializers.IntegerField(allow_null=True)
    beneficiaries = serializers.IntegerField(allow_null=True)
    funds = serializers.IntegerField(allow_null=True)


class ProgressSerializer(serializers.Serializer):
    targets = ProgressFiguresSerializer()
    verified = ProgressFiguresSerializer()
    all = ProgressFiguresSerializer()


class ProgrammeSerializer(RegistrySerializer):
    progress = serializers.SerializerMethodField(
        help_text=gettext_lazy("Targets, and the totals of the programme's verified events and of all its events.")
    )

    class Meta:
        model = Programme
        required_languages = ("kk", "ru", "en")
        fields = (
            "id",
            "code",
            "name",
            "names",
            "description",
            "description_translations",
            "start_date",
            "end_date",
            "owner",
            "region",
            *TARGETS.values(),
            "progress",
        )

    def get_fields(self):
        fields = super().get_fields()
        fields["description_translations"].required_languages = ()
        fields["description_translations"].required = False
        return fields

    @extend_schema_field(ProgressSerializer)
    def get_progress(self, instance):
        return instance.progress()
