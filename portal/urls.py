"""Every signed-in page, by concept: home (dashboard, sign-in), events, registries, background jobs, the installable
app (offline); the mediators' pages have their own namespace and are mounted at /portal/mediation/ (config/urls.py)."""

from django.urls import include, path

app_name = "portal"

urlpatterns = [
    path("", include("portal.home.urls")),
    path("", include("portal.events.urls")),
    path("", include("portal.registries.urls")),
    path("", include("portal.jobs.urls")),
    path("", include("portal.offline.urls")),
]
