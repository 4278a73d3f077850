from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from assembly.models import Membership
from councils.models import COUNCIL_KIND_CHOICES, COUNCIL_ROLE_CHOICES, Council, MothersHome
from regions.admin import RegionalResource
from registry.admin import NAMES, RegistryAdmin, RegistryInline, RegistryResource, annotated_column
from registry.admin_lists import OptionsListFilter


# -- import / export by natural key ------------------------------------------------------------------------------
class CouncilResource(RegionalResource):
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


class MothersHomeResource(RegionalResource):
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


# -- inlines ---------------------------------------------------------------------------------------------------
class CouncilMembershipInline(RegistryInline, admin.TabularInline):
    model = Membership
    fk_name = "body"
    fields = ("person", "role", "start_date", "end_date", "end_reason", "appointed_by")
    autocomplete_fields = ("person",)
    verbose_name = _("member")
    verbose_name_plural = _("chair and members over time")

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role":
            kwargs["choices"] = COUNCIL_ROLE_CHOICES
        return super().formfield_for_choice_field(db_field, request, **kwargs)


# -- registries -------------------------------------------------------------------------------------------------
class DeclaredHeadcountFilter(OptionsListFilter):
    title = _("headcount")
    parameter_name = "headcount"
    options = {
        "declared": (_("declared by the council"), lambda councils: councils.filter(declared_headcount__isnull=False)),
        "roster": (_("counted from the roster"), lambda councils: councils.filter(declared_headcount__isnull=True)),
    }


@admin.register(Council)
class CouncilAdmin(RegistryAdmin):
    resource_classes = [CouncilResource]
    list_display = ("__str__", "kind", "level", "region", "status", "headcount_shown")
    list_filter = ("kind", "level", "region", "status", "wing", DeclaredHeadcountFilter)
    list_select_related = ("region",)
    autocomplete_fields = ("region", "district", "parent", "successor")
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

    member_count = annotated_column("member_count", _("members on the roster"))

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
    autocomplete_fields = ("region", "district", "patron_council")
