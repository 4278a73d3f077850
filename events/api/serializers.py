from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.inputs import InputError, parse_whole_tenge
from events.models import EVENT_LANGUAGES, TARGETS, Event, Programme, Source, Verification
from registry.api.serializers import RegistrySerializer, TranslatedTextField


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
    verification = serializers.ChoiceField(
        choices=[Verification.DRAFT, Verification.SUBMITTED],
        required=False,
        help_text=gettext_lazy(
            "Read: draft, submitted, verified or returned. Write: draft or submitted only; the secretariat "
            "verifies and returns through the verify and return actions."
        ),
    )
    verified = serializers.BooleanField(read_only=True)
    organizer_name = serializers.CharField(source="organizer.name", read_only=True, default=None)
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
            "kind",
            "status",
            "start_date",
            "end_date",
            "region",
            "district",
            "venue",
            "organizer",
            "organizer_name",
            "programme",
            "participants_count",
            "volunteers_count",
            "beneficiaries_count",
            "funds_raised_kzt",
            "languages",
            "description",
            "press_links",
            "is_public",
            "verified",
            "verification",
            "return_comment",
            "submitted_at",
            "verified_at",
            "verified_by",
            "logged_by",
            "source",
            "confirm_duplicate",
            "archived",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("return_comment", "submitted_at", "verified_at", "source", "created_at", "updated_at")
        extra_kwargs = {"end_date": {"required": False, "allow_null": True}}

    def validate(self, attrs):
        confirm = attrs.pop("confirm_duplicate", False)
        attrs = super().validate(attrs)
        wanted = attrs.get("verification")
        if (
            self.instance is not None
            and wanted == Verification.DRAFT
            and self.instance.verification == Verification.VERIFIED
        ):
            raise serializers.ValidationError({"verification": [_("A verified event cannot go back to draft.")]})
        if not confirm and self._duplicate_check_needed(attrs):
            duplicates = self._unsaved(attrs).likely_duplicates()
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

    def _duplicate_check_needed(self, attrs):
        if self.instance is None:
            return True
        return any(
            key in attrs and attrs[key] != getattr(self.instance, key) for key in ("title", "start_date", "region")
        )

    def _user(self):
        request = self.context.get("request")
        return getattr(request, "user", None)

    def create(self, validated_data):
        wanted = validated_data.pop("verification", None)
        event = Event(**validated_data)
        event.source = Source.API
        event.start_verification(self._user(), draft=wanted == Verification.DRAFT)
        event.save()
        return event

    def update(self, instance, validated_data):
        wanted = validated_data.pop("verification", None)
        for key, value in validated_data.items():
            setattr(instance, key, value)
        if wanted == Verification.DRAFT:
            instance.verification = Verification.DRAFT
        elif wanted == Verification.SUBMITTED and instance.verification in (Verification.DRAFT, Verification.RETURNED):
            instance.verification = Verification.SUBMITTED
            instance.submitted_at = timezone.now()
        else:
            instance.after_edit_by(self._user())
        instance.save()
        return instance


class ReturnSerializer(serializers.Serializer):
    comment = serializers.CharField(
        max_length=2000, help_text=gettext_lazy("What the coordinator should correct; they see it in the portal.")
    )


class BulkVerifySerializer(serializers.Serializer):
    ids = serializers.ListField(child=serializers.IntegerField(min_value=1), allow_empty=False, max_length=1000)


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
        translated = ("name", "description")
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
            "archived",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("created_at", "updated_at")

    def get_fields(self):
        fields = super().get_fields()
        fields["description_translations"].required_languages = ()
        fields["description_translations"].required = False
        return fields

    @extend_schema_field(ProgressSerializer)
    def get_progress(self, instance):
        return instance.progress()
