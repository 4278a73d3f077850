from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from accounts import access
from assembly.models import Membership
from councils.models import (
    COUNCIL_KIND_CHOICES,
    COUNCIL_ROLE_CHOICES,
    CaseNote,
    Council,
    MediationCase,
    MediationOffice,
    Mediator,
    MothersHome,
)
from regions.models import Region
from registry.admin import RegistryAdmin, RegistryResource, inline_writes

NAMES = ("name_kk", "name_ru", "name_en")


class LanguagesWidget(widgets.Widget):
    """Languages in a spreadsheet cell as `kk,ru`."""

    def clean(self, value, row=None, **kwargs):
        return [code.strip() for code in str(value or "").split(",") if code.strip()]

    def render(self, value, obj=None, **kwargs):
        return ",".join(value or [])


def region_field():
    return fields.Field(attribute="region", column_name="region", widget=widgets.ForeignKeyWidget(Region, "iso_code"))


# -- import / export by natural key ------------------------------------------------------------------------------
class CouncilResource(RegistryResource):
    region = region_field()

    class Meta(RegistryResource.Meta):
        model = Council
        import_id_fields = ("kind", "region", "name_en")
        fields = (
            "kind",
            "region",
            "name_en",
            "name_kk",
            "name_ru",
            "level",
            "wing",
            "district",
            "parent",
            "university_kk",
            "university_ru",
            "university_en",
            "status",
            "founded_on",
            "dissolved_on",
            "declared_headcount",
        )


class MothersHomeResource(RegistryResource):
    region = region_field()

    class Meta(RegistryResource.Meta):
        model = MothersHome
        import_id_fields = ("region", "name_en")
        fields = (
            "region",
            "name_en",
            "name_kk",
            "name_ru",
            "district",
            "patron_council",
            "capacity",
            "occupancy",
            "opened_on",
            "status",
        )


class MediationOfficeResource(RegistryResource):
    region = region_field()

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
            "reference_number",
            "office",
            "received_on",
            "category",
            "parties_count",
            "languages",
            "mediators",
            "status",
            "closed_on",
            "outcome_summary",
        )


# -- inlines that ask accounts.access ---------------------------------------------------------------------------
class AccessInline:
    """An inline whose rows and permissions follow accounts.access; rows are archived, never deleted."""

    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return access.readable(request.user, super().get_queryset(request))

    def has_view_permission(self, request, obj=None):
        return access.can_read_model(request.user, self.model)

    def has_add_permission(self, request, obj=None):
        return inline_writes(self, request, obj)

    def has_change_permission(self, request, obj=None):
        return inline_writes(self, request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


class CouncilMembershipInline(AccessInline, admin.TabularInline):
    model = Membership
    fk_name = "body"
    fields = ("person", "role", "start_date", "end_date", "end_reason", "appointed_by")
    raw_id_fields = ("person",)
    verbose_name = _("member")
    verbose_name_plural = _("chair and members over time")

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role":
            kwargs["choices"] = COUNCIL_ROLE_CHOICES
        return super().formfield_for_choice_field(db_field, request, **kwargs)


class MediatorInline(AccessInline, admin.TabularInline):
    model = Mediator
    fields = ("person", "user", "certified_on", "is_head", "active")
    raw_id_fields = ("person", "user")


class CaseNoteInline(AccessInline, admin.StackedInline):
    model = CaseNote
    fields = ("written_on", "author", "text")
    readonly_fields = ("author",)


# -- registries -------------------------------------------------------------------------------------------------
class DeclaredHeadcountFilter(admin.SimpleListFilter):
    title = _("headcount")
    parameter_name = "headcount"

    def lookups(self, request, model_admin):
        return [("declared", _("declared by the council")), ("roster", _("counted from the roster"))]

    def queryset(self, request, queryset):
        if self.value() == "declared":
            return queryset.filter(declared_headcount__isnull=False)
        if self.value() == "roster":
            return queryset.filter(declared_headcount__isnull=True)
        return queryset


@admin.register(Council)
class CouncilAdmin(RegistryAdmin):
    resource_classes = [CouncilResource]
    list_display = ("__str__", "kind", "wing", "level", "region", "status", "member_count", "headcount_shown")
    list_filter = ("kind", "level", "region", "status", "wing", DeclaredHeadcountFilter)
    list_select_related = ("region",)
    search_fields = (*NAMES, "university_kk", "university_ru", "university_en")
    autocomplete_fields = ("region", "district")
    raw_id_fields = ("parent", "successor")
    inlines = [CouncilMembershipInline]
    fieldsets = (
        (None, {"fields": ("kind", "wing", "level", "region", "district", "parent", "status")}),
        (_("Names"), {"fields": (*NAMES, "university_kk", "university_ru", "university_en")}),
        (_("Dates and succession"), {"fields": ("founded_on", "dissolved_on", "successor")}),
        (
            _("Headcount"),
            {
                "fields": ("declared_headcount",),
                "description": _(
                    "The member count comes from the roster below. Fill in a declared headcount only where the "
                    "roster is not kept here; it is then shown everywhere as declared."
                ),
            },
        ),
        (_("Description"), {"fields": ("description_kk", "description_ru", "description_en", "website")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).with_member_count()

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            kwargs["choices"] = COUNCIL_KIND_CHOICES
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    @admin.display(description=_("members on the roster"), ordering="member_count")
    def member_count(self, obj):
        return obj.member_count

    @admin.display(description=_("headcount"))
    def headcount_shown(self, obj):
        if obj.headcount_declared:
            return _("%(count)s (declared)") % {"count": obj.declared_headcount}
        return obj.member_count


@admin.register(MothersHome)
class MothersHomeAdmin(RegistryAdmin):
    resource_classes = [MothersHomeResource]
    list_display = ("__str__", "region", "district", "patron_council", "capacity", "occupancy", "status")
    list_filter = ("status", "region")
    list_select_related = ("region", "district", "patron_council")
    search_fields = NAMES
    autocomplete_fields = ("region", "district")
    raw_id_fields = ("patron_council",)


@admin.register(MediationOffice)
class MediationOfficeAdmin(RegistryAdmin):
    resource_classes = [MediationOfficeResource]
    list_display = ("__str__", "level", "region", "status", "mediator_count")
    list_filter = ("level", "status", "region")
    list_select_related = ("region",)
    search_fields = NAMES
    autocomplete_fields = ("region", "district")
    raw_id_fields = ("parent", "successor")
    exclude = ("kind",)
    inlines = [MediatorInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_mediator_count()

    @admin.display(description=_("active mediators"), ordering="mediator_count")
    def mediator_count(self, obj):
        return obj.mediator_count


@admin.register(Mediator)
class MediatorAdmin(RegistryAdmin):
    resource_classes = [MediatorResource]
    list_display = ("__str__", "office", "is_head", "active", "certified_on", "user")
    list_filter = ("is_head", "active", "office__region")
    list_select_related = ("person", "office", "user")
    search_fields = ("person__surname", "person__given_name", *(f"person__{name}" for name in NAMES))
    autocomplete_fields = ("office", "user")
    raw_id_fields = ("person",)


@admin.register(MediationCase)
class MediationCaseAdmin(RegistryAdmin):
    resource_classes = [MediationCaseResource]
    list_display = ("reference_number", "office", "received_on", "category", "parties_count", "status", "closed_on")
    list_filter = ("status", "category", "office__region")
    list_select_related = ("office",)
    search_fields = ("reference_number", "outcome_summary")
    autocomplete_fields = ("office", "mediators")
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
    search_fields = ("case__reference_number", "text")
    autocomplete_fields = ("case",)
    readonly_fields = ("author",)

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
