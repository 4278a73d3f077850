from rest_framework import serializers

from regions.models import District, Region
from registry.api.serializers import RegistrySerializer


class RegionSerializer(RegistrySerializer):
    id = serializers.CharField(source="iso_code", read_only=True)

    class Meta:
        model = Region
        fields = (
            "id",
            "iso_code",
            "kato",
            "kind",
            "name",
            "names",
            "centre",
            "centre_translations",
            "established_on",
        )


class DistrictSerializer(RegistrySerializer):
    class Meta:
        model = District
        fields = (
            "id",
            "region",
            "kind",
            "kato",
            "name",
            "names",
            "centre_en",
            "is_region_centre",
        )
