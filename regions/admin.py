from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from regions.models import District, Region
from registry.admin import NAME, RegistryAdmin, RegistryInline, RegistryResource, annotated_column, key_column


class RegionResource(RegistryResource):
    class Meta(RegistryResource.Meta):
        model = Region
        import_id_fields = ("iso_code",)
        fields = (
            "iso_code",
            "kato",
            "kind",
            "name_kk",
            "name_ru",
            "name_en",
            "centre_kk",
            "centre_ru",
            "centre_en",
        )


class RegionalResource(RegistryResource):
    """Import and export of a registry whose records belong to a region: the `region` column by ISO 3166-2 code."""

    region = key_column("region", Region, "iso_code")


class DistrictResource(RegionalResource):
    class Meta(RegistryResource.Meta):
        model = District
        import_id_fields = ("region", "name_en")
        fields = ("region", "name_en", "name_kk", "name_ru", "kind", "kato", "centre_en", "is_region_centre")


class DistrictInline(RegistryInline, admin.TabularInline):
    model = District
    fields = ("name_kk", "name_ru", "name_en", "kind", "kato", "is_region_centre")


@admin.register(Region)
class RegionAdmin(RegistryAdmin):
    resource_classes = [RegionResource]
    list_display = ("iso_code", NAME, "kind", "kato", "district_count")
    list_filter = ("kind",)
    inlines = [DistrictInline]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(district_total=Count("districts"))

    district_count = annotated_column("district_total", _("districts"))


@admin.register(District)
class DistrictAdmin(RegistryAdmin):
    resource_classes = [DistrictResource]
    list_display = (NAME, "region", "kind", "kato", "is_region_centre")
    list_filter = ("region", "kind", "is_region_centre")
    list_select_related = ("region",)
    search_fields = (*District.search_fields, "region__iso_code", "region__name_en")
    autocomplete_fields = ("region",)
