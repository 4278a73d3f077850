from regions.api.serializers import DistrictSerializer, RegionSerializer
from regions.models import District, Region
from registry.api.filters import lookups
from registry.api.viewsets import RegistryViewSet
from registry.models import NAME_FIELDS


class RegionViewSet(RegistryViewSet):
    queryset = Region.objects.all()
    serializer_class = RegionSerializer
    filterset_fields = lookups("kind", "kato")
    ordering_fields = ("iso_code", "kato", *NAME_FIELDS, "updated_at")
    ordering = ("iso_code",)


class DistrictViewSet(RegistryViewSet):
    queryset = District.objects.all()
    serializer_class = DistrictSerializer
    filterset_fields = lookups("region", "kind", "kato", "is_region_centre")
    ordering_fields = ("id", "region", "kato", *NAME_FIELDS, "updated_at")
    ordering = ("region", "name_en")
