from rest_framework import serializers

from regions.models import District, Region
from registry.api.serializers import RegistrySerializer


class RegionSerializer(RegistrySerializer):
    id = serializers.CharField(source="iso_code", read_only=True)

    class Meta:
        model = Region
        translated = ("name", "centre")
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
            "archived",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("created_at", "updated_at")


class DistrictSerializer(RegistrySerializer):
    class Meta:
        model = District
        translated = ("name",)
        fields = (
            "id",
            "region",
            "kind",
            "kato",
            "name",
            "names",
            "centre_en",
            "is_region_centre",
            "archived",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("created_at", "updated_at")
