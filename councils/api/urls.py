from rest_framework.routers import SimpleRouter

from councils.api import views

router = SimpleRouter()
router.register("councils", views.CouncilViewSet)
router.register("mothers-homes", views.MothersHomeViewSet)
router.register("stats/mothers-homes", views.MothersHomeStatisticsViewSet, basename="stats-mothers-homes")
router.register("stats/councils", views.CouncilStatisticsViewSet, basename="stats-councils")
