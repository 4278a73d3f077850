from rest_framework.routers import SimpleRouter

from mediation.api import views

router = SimpleRouter()
router.register("mediation-offices", views.MediationOfficeViewSet)
router.register("mediators", views.MediatorViewSet)
router.register("mediation-cases", views.MediationCaseViewSet)
router.register("stats/mediation", views.MediationStatisticsViewSet, basename="stats-mediation")
