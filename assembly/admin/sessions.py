"""Admin of sessions, their agendas and documents, awards and their presentations."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from assembly.admin.base import NAMES, AssemblyResource, fk
from assembly.admin.instructions import InstructionInline
from assembly.models import AgendaItem, Award, AwardPresentation, Person, Session, SessionDocument
from registry.admin import NAME, RegistryAdmin, RegistryInline, translated_column

TITLE = translated_column("title", _("title"))


class SessionResource(AssemblyResource):
    chair = fk("chair", Person)

    class Meta(AssemblyResource.Meta):
        model = Session
        import_id_fields = ("number",)
        fields = (
            "number",
            "start_date",
            "end_date",
            "city",
            "venue",
            "chair",
            "theme_kk",
            "theme_ru",
            "theme_en",
            "dates_verified",
        )


class AgendaItemResource(AssemblyResource):
    session = fk("session", Session, "number")

    class Meta(AssemblyResource.Meta):
        model = AgendaItem
        import_id_fields = ("session", "position")
        fields = ("session", "position", "title_kk", "title_ru", "title_en")


class SessionDocumentResource(AssemblyResource):
    session = fk("session", Session, "number")

    class Meta(AssemblyResource.Meta):
        model = SessionDocument
        import_id_fields = ("session", "title_en")
        fields = ("session", "kind", "title_kk", "title_ru", "title_en", "url")


class AwardResource(AssemblyResource):
    class Meta(AssemblyResource.Meta):
        model = Award
        import_id_fields = ("name_en",)
        fields = (*NAMES,)


class AwardPresentationResource(AssemblyResource):
    award = fk("award", Award, "name_en")
    person = fk("person", Person)
    session = fk("session", Session, "number")

    class Meta(AssemblyResource.Meta):
        model = AwardPresentation
        import_id_fields = ("award", "person", "awarded_on")
        fields = ("award", "person", "session", "awarded_on", "note")


class AgendaItemInline(RegistryInline, admin.TabularInline):
    model = AgendaItem
    fields = ("position", "title_kk", "title_ru", "title_en", "speaker")
    autocomplete_fields = ("speaker",)


class SessionDocumentInline(RegistryInline, admin.TabularInline):
    model = SessionDocument
    fields = ("kind", "title_kk", "title_ru", "title_en", "url")


class AwardPresentationInline(RegistryInline, admin.TabularInline):
    model = AwardPresentation
    fields = ("award", "person", "awarded_on", "note")
    autocomplete_fields = ("award", "person")


@admin.register(Session)
class SessionAdmin(RegistryAdmin):
    resource_classes = [SessionResource]
    list_display = ("roman_number", "start_date", "end_date", "city", "chair", "dates_verified")
    list_filter = ("city", "dates_verified")
    list_select_related = ("chair",)
    search_fields = ("=number", *Session.search_fields)
    autocomplete_fields = ("chair",)
    inlines = [AgendaItemInline, InstructionInline, SessionDocumentInline, AwardPresentationInline]
    date_hierarchy = "start_date"

    @admin.display(description=_("number"), ordering="number")
    def roman_number(self, session):
        return session.roman


@admin.register(AgendaItem)
class AgendaItemAdmin(RegistryAdmin):
    resource_classes = [AgendaItemResource]
    list_display = ("session", "position", TITLE)
    list_select_related = ("session",)
    autocomplete_fields = ("session", "speaker")


@admin.register(SessionDocument)
class SessionDocumentAdmin(RegistryAdmin):
    resource_classes = [SessionDocumentResource]
    list_display = (TITLE, "kind", "session")
    list_filter = ("kind",)
    list_select_related = ("session",)
    autocomplete_fields = ("session",)


@admin.register(Award)
class AwardAdmin(RegistryAdmin):
    resource_classes = [AwardResource]
    list_display = (NAME,)


@admin.register(AwardPresentation)
class AwardPresentationAdmin(RegistryAdmin):
    resource_classes = [AwardPresentationResource]
    list_display = ("award", "person", "session", "awarded_on")
    list_filter = ("award",)
    list_select_related = ("award", "person", "session")
    autocomplete_fields = ("award", "person", "session")
