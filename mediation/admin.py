from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export import fields

from mediation.models import CaseNote, MediationCase, MediationOffice, Mediator
from regions.admin import RegionalResource
from registry.admin import RegistryAdmin, RegistryInline, RegistryResource, annotated_column
from registry.languages import LanguagesWidget


# -- import / export by natural key ------------------------------------------------------------------------------
class MediationOfficeResource(RegionalResource):
    class Meta(RegistryResource.Meta):
        model = MediationOffice
        import_id_fields = ("region", "name_en")
        fields = ("region", "name_en", "name_kk", "name_ru", "level", "status", "founded_on", "address", "phone")


class MediatorResource(RegistryResource):
    languages = fields.Field(attribute="languages", column_name="languages", widget=LanguagesWidget())

    class Meta(RegistryResource.Meta):
        model = Mediator
        import_id_fields = ("office", "person")
        fields = ("office", "person", "certified_on", "languages", "is_head", "active")


class MediationCaseResource(RegistryResource):
    """Cases by reference number. Imports are for the secretariat's historic data; the portal and the API walk
    every new case through the allowed transitions."""

    languages = fields.Field(attribute="languages", column_name="languages", widget=LanguagesWidget())

    class Meta(RegistryResource.Meta):
        model = MediationCase
        import_id_fields = ("reference_number",)
        fields = (
            *MediationCase.own_fields,
            "closed_on",
            "outcome_summary",
        )


# -- inlines ---------------------------------------------------------------------------------------------------
class MediatorInline(RegistryInline, admin.TabularInline):
    model = Mediator
    fields = ("person", "user", "certified_on", "is_head", "active")
    autocomplete_fields = ("person", "user")


class CaseNoteInline(RegistryInline, admin.StackedInline):
    model = CaseNote
    fields = ("written_on", "author", "text")
    readonly_fields = ("author",)


# -- registries -------------------------------------------------------------------------------------------------
@admin.register(MediationOffice)
class MediationOfficeAdmin(RegistryAdmin):
    resource_classes = [MediationOfficeResource]
    list_display = ("__str__", "level", "region", "status", "mediator_count")
    list_filter = ("level", "status", "region")
    list_select_related = ("region",)
    autocomplete_fields = ("region", "district", "parent", "successor")
    exclude = ("kind",)
    inlines = [MediatorInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_mediator_count()

    mediator_count = annotated_column("mediator_count", _("active mediators"))


@admin.register(Mediator)
class MediatorAdmin(RegistryAdmin):
    resource_classes = [MediatorResource]
    list_display = ("__str__", "office", "is_head", "active", "certified_on", "user")
    list_filter = ("is_head", "active", "office__region")
    list_select_related = ("person", "office", "user")
    autocomplete_fields = ("office", "user", "person")


@admin.register(MediationCase)
class MediationCaseAdmin(RegistryAdmin):
    resource_classes = [MediationCaseResource]
    list_display = ("reference_number", "office", "received_on", "category", "parties_count", "status", "closed_on")
    list_filter = ("status", "category", "office__region")
    list_select_related = ("office",)
    autocomplete_fields = ("office", "mediators")
    readonly_fields = ("reference_number",)
    date_hierarchy = "received_on"
    inlines = [CaseNoteInline]

    def save_formset(self, request, form, formset, change):
        notes = formset.save(commit=False)
        for note in notes:
            if isinstance(note, CaseNote) and note.author_id is None:
                note.author = request.user
            note.save()
        formset.save_m2m()


@admin.register(CaseNote)
class CaseNoteAdmin(RegistryAdmin):
    list_display = ("case", "written_on", "author")
    list_select_related = ("case", "author")
    autocomplete_fields = ("case",)
    readonly_fields = ("author",)

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
