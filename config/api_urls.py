"""/api/v1/: every app's router joined into one, plus the token endpoint."""

from django.urls import include, path
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.routers import DefaultRouter
from rest_framework.throttling import AnonRateThrottle

from assembly.api.urls import router as assembly_router
from councils.api.urls import router as councils_router
from events.api.urls import router as events_router
from regions.api.urls import router as regions_router

APP_ROUTERS = [regions_router, assembly_router, councils_router, events_router]


class ObtainToken(ObtainAuthToken):
    throttle_classes = [AnonRateThrottle]


router = DefaultRouter()
for app_router in APP_ROUTERS:
    router.registry.extend(app_router.registry)

urlpatterns = [
    path("auth/token/", ObtainToken.as_view(), name="api-token"),
    path("", include(router.urls)),
]
