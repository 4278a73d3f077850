from rest_framework.routers import SimpleRouter

from regions.api.views import DistrictViewSet, RegionViewSet

router = SimpleRouter()
router.register("regions", RegionViewSet)
router.register("districts", DistrictViewSet)
