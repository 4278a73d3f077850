"""Admin of bodies, their former names and identifiers."""

from django.contrib import admin

from assembly.admin.base import NAMES, AssemblyResource, fk
from assembly.admin.people import MembershipInline, PostInline
from assembly.models import Body, BodyName, Identifier
from regions.admin import RegionalResource
from regions.models import District
from registry.admin import NAME, RegistryAdmin, RegistryInline
from registry.models import through


class BodyResource(RegionalResource, AssemblyResource):
    district = fk("district", District)
    parent = fk("parent", Body)
    successor = fk("successor", Body)

    class Meta(AssemblyResource.Meta):
        model = Body
        import_id_fields = ("kind", "region", "name_en")
        fields = (
            "id",
            "kind",
            *Body.place_fields,
            "successor",
            "status",
            "founded_on",
            "dissolved_on",
            *NAMES,
            "website",
        )


class BodyNameResource(AssemblyResource):
    body = fk("body", Body)

    class Meta(AssemblyResource.Meta):
        model = BodyName
        import_id_fields = ("body", "name_en")
        fields = ("body", *NAMES, "start_date", "end_date", "note")


class IdentifierResource(AssemblyResource):
    body = fk("body", Body)

    class Meta(AssemblyResource.Meta):
        model = Identifier
        import_id_fields = ("scheme", "value")
        fields = ("scheme", "value", "body")


class BodyNameInline(RegistryInline, admin.TabularInline):
    model = BodyName
    fields = (*NAMES, "start_date", "end_date", "note")


class IdentifierInline(RegistryInline, admin.TabularInline):
    model = Identifier
    fields = ("scheme", "value")


BODY_LIST = (NAME, "kind", "level", "region", "status", "founded_on")


@admin.register(Body)
class BodyAdmin(RegistryAdmin):
    resource_classes = [BodyResource]
    list_display = BODY_LIST
    list_filter = ("kind", "level", "status", "region")
    list_select_related = ("region",)
    autocomplete_fields = ("region", "district", "parent", "successor")
    inlines = [BodyNameInline, IdentifierInline, PostInline, MembershipInline]


@admin.register(BodyName)
class BodyNameAdmin(RegistryAdmin):
    resource_classes = [BodyNameResource]
    list_display = (NAME, "body", "start_date", "end_date")
    list_select_related = ("body",)
    search_fields = (*BodyName.search_fields, *through("body"))
    autocomplete_fields = ("body",)


@admin.register(Identifier)
class IdentifierAdmin(RegistryAdmin):
    resource_classes = [IdentifierResource]
    list_display = ("scheme", "value", "body")
    list_filter = ("scheme",)
    list_select_related = ("body",)
    search_fields = (*Identifier.search_fields, *through("body"))
    autocomplete_fields = ("body",)
