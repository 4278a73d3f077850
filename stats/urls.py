from django.urls import path, re_path

from stats.annual.views import AnnualReportFileView, AnnualReportView
from stats.views import DownloadView, StatisticsView

app_name = "statistics"
urlpatterns = [
    path("", StatisticsView.as_view(), name="index"),
    path("annual-report/", AnnualReportView.as_view(), name="annual-report"),
    path("annual-report/<uuid:pk>/report.<str:fmt>", AnnualReportFileView.as_view(), name="annual-report-file"),
    re_path(r"^(?P<slug>[a-z-]+)\.(?P<extension>csv|xlsx)$", DownloadView.as_view(), name="download"),
]
