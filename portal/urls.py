from django.urls import path

from portal import event_views, registry_views, upload_views, views

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
    # the registries declared in portal/registries.py
    path("registries/<slug:registry>/", registry_views.RegistryListView.as_view(), name="registry"),
    path("registries/<slug:registry>/new/", registry_views.RegistryFormView.as_view(), name="registry-new"),
    path("registries/<slug:registry>/<int:pk>/", registry_views.RegistryDetailView.as_view(), name="registry-detail"),
    path("registries/<slug:registry>/<int:pk>/edit/", registry_views.RegistryFormView.as_view(), name="registry-edit"),
    path(
        "registries/<slug:registry>/<int:pk>/archive/",
        registry_views.RegistryArchiveView.as_view(),
        name="registry-archive",
    ),
    path(
        "registries/<slug:registry>/<int:pk>/members/new/",
        registry_views.MemberAddView.as_view(),
        name="registry-member-new",
    ),
    path(
        "registries/<slug:registry>/<int:pk>/members/<int:membership>/",
        registry_views.MembershipChangeView.as_view(),
        name="registry-member",
    ),
]
