"""Strategic documents."""

from assembly.models import StrategicDocument
from registry.api.serializers import RegistrySerializer


class StrategicDocumentSerializer(RegistrySerializer):
    class Meta:
        model = StrategicDocument
        fields = (
            "id",
            "kind",
            "number",
            "name",
            "names",
            "adopted_on",
            "adopted_year",
            "start_date",
            "end_date",
            "adopted_by",
            "url",
            "note",
        )
