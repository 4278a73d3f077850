"""Sessions with their agendas, documents and the awards presented at them."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts import access
from assembly.api.serializers.base import unarchived
from assembly.models import AgendaItem, AwardPresentation, Session, SessionDocument
from registry.api.serializers import (
    LocalizedTextField,
    NameOf,
    RegistrySerializer,
    TranslatedTextField,
    optional_translations,
)


class TitledSerializer(serializers.ModelSerializer):
    """A part of a session listed with it (an agenda item, a document): its title in the request's language and in
    all three."""

    title = LocalizedTextField("title")
    title_translations = TranslatedTextField("title", read_only=True)


class AgendaItemSerializer(TitledSerializer):
    class Meta:
        model = AgendaItem
        fields = ("position", "title", "title_translations", "speaker")


class SessionDocumentSerializer(TitledSerializer):
    class Meta:
        model = SessionDocument
        fields = ("kind", "title", "title_translations", "url")


class AwardPresentationSerializer(serializers.ModelSerializer):
    award_name = NameOf("award")
    person_name = NameOf("person")

    class Meta:
        model = AwardPresentation
        fields = ("award", "award_name", "person", "person_name", "awarded_on")


class SessionSerializer(RegistrySerializer):
    roman = serializers.CharField(read_only=True)
    chair_name = NameOf("chair")
    theme_translations = optional_translations("theme")
    agenda = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()
    awards = serializers.SerializerMethodField()

    class Meta:
        model = Session
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
        )

    @extend_schema_field(AgendaItemSerializer(many=True))
    def get_agenda(self, session):
        return unarchived(AgendaItemSerializer, session.agenda_items)

    @extend_schema_field(SessionDocumentSerializer(many=True))
    def get_documents(self, session):
        return unarchived(SessionDocumentSerializer, session.documents)

    @extend_schema_field(AwardPresentationSerializer(many=True))
    def get_awards(self, session):
        """Awards presented at the session: people's names, so only for signed-in readers."""
        request = self.context.get("request")
        if not access.can_read_model(getattr(request, "user", None), AwardPresentation):
            return []
        return unarchived(AwardPresentationSerializer, session.awards)
