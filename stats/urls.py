from django.urls import path, re_path

from stats.views import DownloadView, StatisticsView

app_name = "statistics"
urlpatterns = [
    path("", StatisticsView.as_view(), name="index"),
    re_path(r"^(?P<slug>[a-z-]+)\.(?P<extension>csv|xlsx)$", DownloadView.as_view(), name="download"),
]
