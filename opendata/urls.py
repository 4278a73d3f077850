from django.urls import path

from opendata.views import ArchiveView, OpenDataView, PublishView

app_name = "opendata"
urlpatterns = [
    path("", OpenDataView.as_view(), name="index"),
    path("publish/", PublishView.as_view(), name="publish"),
    path("<str:name>", ArchiveView.as_view(), name="archive"),
]
