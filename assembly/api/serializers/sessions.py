"""Sessions with their agendas, documents and the awards presented at them."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts import access
from assembly.api.serializers.base import optional_texts
from assembly.models import AgendaItem, AwardPresentation, Session, SessionDocument
from registry.api.serializers import RegistrySerializer, TranslatedTextField


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
