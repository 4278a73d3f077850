from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, serializers
from rest_framework.settings import api_settings

from accounts import access
from registry.links import relation_errors
from registry.models import translated

LANGUAGE_CODES = list(settings.RECORD_LANGUAGES)
RECORD_FIELDS = ("archived", "created_at", "updated_at")


@extend_schema_field(
    {
        "type": "object",
        "properties": {code: {"type": "string"} for code in LANGUAGE_CODES},
        "example": {"kk": "Абай облысы", "ru": "область Абай", "en": "Abai"},
    }
)
class TranslatedTextField(serializers.Field):
    """All three languages of a text under one key: `{"kk": …, "ru": …, "en": …}`, read and written."""

    def __init__(self, base, required_languages=LANGUAGE_CODES, **kwargs):
        self.base = base
        self.required_languages = required_languages
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return {code: getattr(instance, f"{self.base}_{code}", "") for code in LANGUAGE_CODES}

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            raise serializers.ValidationError(_('Expected an object such as {"kk": "…", "ru": "…", "en": "…"}.'))
        errors, values = {}, {}
        for code in LANGUAGE_CODES:
            value = data.get(code)
            if value is None or (isinstance(value, str) and not value.strip()):
                if code in self.required_languages and not (self.partial_update and code not in data):
                    errors[code] = [_("This language is required.")]
                continue
            if not isinstance(value, str):
                errors[code] = [_("Expected text.")]
                continue
            if "\x00" in value:
                errors[code] = [_("Null characters are not allowed.")]
                continue
            values[f"{self.base}_{code}"] = value.strip()
        unknown = set(data) - set(LANGUAGE_CODES)
        for code in sorted(unknown):
            errors[code] = [_("Unknown language; use kk, ru or en.")]
        if errors:
            raise serializers.ValidationError(errors)
        return values

    @property
    def partial_update(self):
        return bool(getattr(self.parent, "partial", False))


class WholeRecordField(serializers.ReadOnlyField):
    """A read-only value made from the whole record (its source is `*`)."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        super().__init__(**kwargs)


@extend_schema_field(OpenApiTypes.STR)
class LocalizedTextField(WholeRecordField):
    """The text in the request's language (Accept-Language), falling back to another language when empty."""

    def __init__(self, base, **kwargs):
        self.base = base
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return translated(instance, self.base)


@extend_schema_field(OpenApiTypes.STR)
class NameOf(WholeRecordField):
    """The name, in the request's language, of the record `relation` points at; "" when it points at none."""

    def __init__(self, relation, **kwargs):
        self.relation = relation
        super().__init__(**kwargs)

    def to_representation(self, instance):
        related = getattr(instance, self.relation)
        return related.name if related is not None else ""


def optional_translations(base):
    """`<base>_translations`: a three-language text that may be left empty (a description, a biography, a theme)."""
    return TranslatedTextField(base, required_languages=(), required=False)


def optional_texts(base):
    """`<base>` in the request's language and `<base>_translations` with all three, none of them required."""
    return LocalizedTextField(base), optional_translations(base)


class RegistrySerializerMeta(serializers.SerializerMetaclass):
    """Adds `<base>` (request language) and `<base>s`/`names` (all three) for each of the model's
    `translated_fields` (or Meta.translated, where a serializer shows fewer)."""

    def __new__(mcs, name, bases, attrs):
        meta = attrs.get("Meta")
        model = getattr(meta, "model", None)
        for base in getattr(meta, "translated", getattr(model, "translated_fields", ())):
            plural = "names" if base == "name" else f"{base}_translations"
            attrs.setdefault(base, LocalizedTextField(base))
            attrs.setdefault(
                plural,
                TranslatedTextField(base, required_languages=getattr(meta, "required_languages", LANGUAGE_CODES)),
            )
        return super().__new__(mcs, name, bases, attrs)


class RegistrySerializer(serializers.ModelSerializer, metaclass=RegistrySerializerMeta):
    """Base of every registry serializer.

    Every registry's output ends with `archived`, `created_at` and `updated_at` (read-only); Meta.fields lists the
    rest.
    The model's `translated_fields`: three-language texts (shown in the request's language and all three).
    The model's `confidential_fields`: dropped from the output unless the access rule lets the reader see them.
    `Meta.readers_of = {"leader": Membership}`: the field only for readers of that registry (a person's name on an
    association is shown to signed-in readers, who may read memberships).
    Writes are checked against the reader's region (accounts.access).
    """

    archived = serializers.SerializerMethodField()

    def get_archived(self, instance) -> bool:
        return instance.archived_at is not None

    def get_field_names(self, declared_fields, info):
        names = list(super().get_field_names(declared_fields, info))
        return names + [name for name in RECORD_FIELDS if name not in names]

    def get_extra_kwargs(self):
        extra = super().get_extra_kwargs()
        for name in ("created_at", "updated_at"):
            extra.setdefault(name, {})["read_only"] = True
        return extra

    def to_representation(self, instance):
        data = super().to_representation(instance)
        hidden = getattr(self.Meta.model, "confidential_fields", ())
        readers_of = getattr(self.Meta, "readers_of", None)
        if hidden or readers_of:
            request = self.context.get("request")
            user = getattr(request, "user", None)
            if hidden and not access.rule_for(type(instance)).sees_confidential_fields(user, instance):
                for field in hidden:
                    data.pop(field, None)
            for field, model in (readers_of or {}).items():
                if not access.can_read_model(user, model):
                    data.pop(field, None)
        return data

    def validate(self, attrs):
        """Region rule of accounts.access, then the model's own clean(): one set of rules for admin and API."""
        attrs = super().validate(attrs)
        model = self.Meta.model
        candidate = self._unsaved(attrs)
        request = self.context.get("request")
        rule = access.rule_for(model)
        # The record as it would be after the write must still be one the user may write (their region, or
        # whatever the registry's rule says, e.g. their mediation office).
        if request is not None and not access.can_write_object(request.user, candidate):
            if rule.write_forbidden(request.user, candidate):
                raise exceptions.PermissionDenied(rule.write_refusal(request.user))
            field = rule.region_path.split("__")[0] if rule.region_path else api_settings.NON_FIELD_ERRORS_KEY
            raise serializers.ValidationError({field: [rule.write_refusal(request.user)]})
        if request is not None and (links := relation_errors(request.user, model, self.instance, attrs)):
            raise serializers.ValidationError(links)
        try:
            candidate.clean()
            candidate.validate_unique()
            candidate.validate_constraints()
        except DjangoValidationError as error:
            detail = serializers.as_serializer_error(error)
            if NON_FIELD_ERRORS in detail:
                detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop(NON_FIELD_ERRORS)
            raise serializers.ValidationError(detail) from error
        return attrs

    def _unsaved(self, attrs):
        """The record as it would be after this write, without saving it."""
        model = self.Meta.model
        instance = model()
        concrete = {field.name: field for field in model._meta.concrete_fields if not field.generated}
        if self.instance is not None:
            for field in concrete.values():
                setattr(instance, field.attname, getattr(self.instance, field.attname))
            instance._state.adding = False
        for key, value in attrs.items():
            if key in concrete:
                setattr(instance, key, value)
        return instance
