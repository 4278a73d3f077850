from django.urls import path

from assembly import views

app_name = "directory"

urlpatterns = [
    path("houses-of-friendship/", views.HousesDirectoryView.as_view(), name="houses"),
    path("associations/", views.AssociationsDirectoryView.as_view(), name="associations"),
]
