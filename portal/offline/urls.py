from django.urls import path

from portal.offline import views

urlpatterns = [
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service-worker"),
    path("offline/events.json", views.open_events, name="offline-events"),
]
