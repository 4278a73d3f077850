from django.urls import path

from portal.jobs.views import JobView

urlpatterns = [
    path("jobs/<uuid:pk>/", JobView.as_view(), name="job"),
]
