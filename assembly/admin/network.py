"""Admin of the ethnocultural network: ethnic groups, associations and their activities, Houses."""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from assembly.admin.base import NAMES, AssemblyResource, fk
from assembly.admin.bodies import IdentifierInline
from assembly.admin.people import MembershipInline
from assembly.models import AssociationActivity, EthnicGroup, EthnoculturalAssociation, HouseOfFriendship
from regions.admin import RegionalResource
from regions.models import District
from registry.admin import NAME, RegistryAdmin, RegistryInline, annotated_column
from registry.models import through


class EthnicGroupResource(AssemblyResource):
    class Meta(AssemblyResource.Meta):
        model = EthnicGroup
        import_id_fields = ("name_en",)
        fields = (*NAMES, "census_2021_count", "census_2021_percent", "census_2021_rank", "note")


class HouseOfFriendshipResource(RegionalResource, AssemblyResource):
    district = fk("district", District)

    class Meta(AssemblyResource.Meta):
        model = HouseOfFriendship
        import_id_fields = ("region", "name_en")
        fields = (
            "id",
            *NAMES,
            "house_kind",
            "region",
            "district",
            *HouseOfFriendship.own_fields,
        )


class AssociationResource(RegionalResource, AssemblyResource):
    district = fk("district", District)
    host_house = fk("host_house", HouseOfFriendship)
    ethnic_groups = fields.Field(
        attribute="ethnic_groups",
        column_name="ethnic_groups",
        widget=widgets.ManyToManyWidget(EthnicGroup, field="name_en", separator="|"),
    )

    class Meta(AssemblyResource.Meta):
        model = EthnoculturalAssociation
        import_id_fields = ("region", "name_en")
        fields = (
            "id",
            *NAMES,
            "level",
            "region",
            "district",
            "ethnic_groups",
            "host_house",
            "status",
            "status_since",
            "bin",
            "founded_on",
            "registered_on",
            "dissolved_on",
        )


class ActivityResource(AssemblyResource):
    association = fk("association", EthnoculturalAssociation)

    class Meta(AssemblyResource.Meta):
        model = AssociationActivity
        import_id_fields = ("association", "kind", "name_en")
        fields = ("association", "kind", *NAMES, "language", "start_date", "end_date")


class ActivityInline(RegistryInline, admin.TabularInline):
    model = AssociationActivity
    fields = ("kind", *NAMES, "language", "start_date", "end_date")


class HostedAssociationInline(RegistryInline, admin.TabularInline):
    model = EthnoculturalAssociation
    fk_name = "host_house"
    fields = ("name_en", "status", "level")
    readonly_fields = fields
    verbose_name_plural = _("associations hosted")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(EthnicGroup)
class EthnicGroupAdmin(RegistryAdmin):
    resource_classes = [EthnicGroupResource]
    list_display = (NAME, "census_2021_count", "census_2021_percent", "association_count")

    def get_queryset(self, request):
        active = Q(associations__archived_at__isnull=True)
        return super().get_queryset(request).annotate(association_total=Count("associations", filter=active))

    association_count = annotated_column("association_total", _("associations"))


@admin.register(HouseOfFriendship)
class HouseOfFriendshipAdmin(RegistryAdmin):
    resource_classes = [HouseOfFriendshipResource]
    list_display = (NAME, "house_kind", "region", "status", "opened_on", "on_tourist_route")
    list_filter = ("house_kind", "status", "on_tourist_route", "region")
    list_select_related = ("region",)
    autocomplete_fields = ("region", "district", "parent", "successor")
    exclude = ("kind", "level")
    inlines = [HostedAssociationInline, MembershipInline]


@admin.register(EthnoculturalAssociation)
class EthnoculturalAssociationAdmin(RegistryAdmin):
    resource_classes = [AssociationResource]
    list_display = (NAME, "region", "level", "status", "registered_on", "bin")
    list_filter = ("status", "level", "ethnic_groups", "region")
    list_select_related = ("region",)
    autocomplete_fields = ("region", "district", "parent", "successor", "host_house", "ethnic_groups")
    exclude = ("kind",)
    inlines = [ActivityInline, MembershipInline, IdentifierInline]


@admin.register(AssociationActivity)
class AssociationActivityAdmin(RegistryAdmin):
    resource_classes = [ActivityResource]
    list_display = (NAME, "kind", "language", "association")
    list_filter = ("kind", "language")
    list_select_related = ("association",)
    search_fields = (*AssociationActivity.search_fields, *through("association"))
    autocomplete_fields = ("association",)
