from django.urls import path

from public import views

app_name = "regions"

urlpatterns = [
    path("", views.RegionListView.as_view(), name="index"),
    path("<str:code>/", views.RegionView.as_view(), name="detail"),
]
