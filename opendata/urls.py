from django.urls import path

from opendata.views import ArchiveView, OpenDataView

app_name = "opendata"
urlpatterns = [
    path("", OpenDataView.as_view(), name="index"),
    path("<str:name>", ArchiveView.as_view(), name="archive"),
]
