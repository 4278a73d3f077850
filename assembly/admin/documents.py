"""Admin of strategic documents."""

from django.contrib import admin

from assembly.admin.base import NAMES, AssemblyResource
from assembly.models import StrategicDocument
from registry.admin import NAME, RegistryAdmin


class StrategicDocumentResource(AssemblyResource):
    class Meta(AssemblyResource.Meta):
        model = StrategicDocument
        import_id_fields = ("kind", "name_en")
        fields = ("kind", *NAMES, "number", "adopted_on", "adopted_year", "start_date", "end_date", "url")


@admin.register(StrategicDocument)
class StrategicDocumentAdmin(RegistryAdmin):
    resource_classes = [StrategicDocumentResource]
    list_display = (NAME, "kind", "number", "adopted_year", "start_date", "end_date")
    list_filter = ("kind", "adopted_year")
    autocomplete_fields = ("adopted_by",)
