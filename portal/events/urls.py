from django.urls import path

from portal.events import upload, views

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="events"),
    path("events/new/", views.EventFormView.as_view(), name="event-new"),
    path("events/<int:pk>/", views.EventFormView.as_view(), name="event"),
    path("events/upload/", upload.UploadView.as_view(), name="event-upload"),
    path("events/template.<str:fmt>", upload.TemplateDownloadView.as_view(), name="event-template"),
    path("verification/", views.VerificationQueueView.as_view(), name="verification"),
]
