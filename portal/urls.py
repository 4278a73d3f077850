from django.urls import path

from portal import event_views, upload_views, views

app_name = "portal"

urlpatterns = [
    path("", views.PortalHomeView.as_view(), name="home"),
    path("login/", views.PortalLoginView.as_view(), name="login"),
    path("logout/", views.PortalLogoutView.as_view(), name="logout"),
    path("events/", event_views.EventListView.as_view(), name="events"),
    path("events/new/", event_views.EventFormView.as_view(), name="event-new"),
    path("events/<int:pk>/", event_views.EventFormView.as_view(), name="event"),
    path("events/<int:pk>/submit/", event_views.EventSubmitView.as_view(), name="event-submit"),
    path("events/upload/", upload_views.UploadView.as_view(), name="event-upload"),
    path(
        "events/template.<str:fmt>",
        upload_views.TemplateDownloadView.as_view(),
        name="event-template",
    ),
    path("verification/", event_views.VerificationQueueView.as_view(), name="verification"),
]
