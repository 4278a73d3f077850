from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from config.health import ClusterHealthView, ShanyrakHealthView
from events.views import CalendarFeedView, CalendarView, EventFileView, PublicEventView
from public.views import HomeView
from registry.api import schema as api_schema


class FaviconView(RedirectView):
    """/favicon.ico, which browsers and feed readers ask for unprompted: the SVG icon the pages link to. A temporary
    redirect, as the icon's address changes with its content once the static files are hashed."""

    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        return static("favicon.svg")


# The registry lists fill a 1366 px laptop's width: the side list of every registry (the index page has it) would
# take a fifth of it.
admin.site.enable_nav_sidebar = False
admin.site.site_header = _("Shanyrak: registry of the Assembly of the People of Kazakhstan")
admin.site.site_title = _("Shanyrak")
admin.site.index_title = _("Registries")

urlpatterns = [
    path("favicon.ico", FaviconView.as_view(), name="favicon"),
    path("health/", ShanyrakHealthView.as_view(), name="health"),
    path("health/cluster/", ClusterHealthView.as_view(), name="health-cluster"),
    path("", HomeView.as_view(), name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("portal/mediation/", include("portal.mediation.urls")),
    path("portal/", include("portal.urls")),
    path("calendar/", CalendarView.as_view(), name="calendar"),
    path("calendar/<int:pk>/", PublicEventView.as_view(), name="calendar-event"),
    path("calendar/<int:pk>.ics", EventFileView.as_view(), name="calendar-event-ics"),
    path("calendar.ics", CalendarFeedView.as_view(), name="calendar-ics"),
    path("regions/", include("public.urls")),
    path("directory/", include("assembly.urls")),
    path("open-data/", include("opendata.urls")),
    path("statistics/", include("stats.urls")),
    path("api/v1/", include("config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/conventions/", api_schema.conventions, name="api-conventions"),
    # The split view serves its start-up script as a file of its own: the Content-Security-Policy allows no inline
    # script.
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api/swagger_ui.html"),
        name="api-docs",
    ),
]
