"""/api/v1/: every app's router joined into one, plus the token endpoint."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from accounts.api import TokenView
from assembly.api.urls import router as assembly_router
from councils.api.urls import router as councils_router
from events.api.urls import router as events_router
from mediation.api.urls import router as mediation_router
from regions.api.urls import router as regions_router

APP_ROUTERS = [regions_router, assembly_router, councils_router, mediation_router, events_router]


router = DefaultRouter()
for app_router in APP_ROUTERS:
    router.registry.extend(app_router.registry)

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("", include(router.urls)),
]
