"""The pages of the registries declared in portal/registries/declarations.py."""

from django.urls import path

from portal.registries import views

urlpatterns = [
    path("registries/<slug:registry>/", views.RegistryListView.as_view(), name="registry"),
    path("registries/<slug:registry>/new/", views.RegistryFormView.as_view(), name="registry-new"),
    path("registries/<slug:registry>/<int:pk>/", views.RegistryDetailView.as_view(), name="registry-detail"),
    path("registries/<slug:registry>/<int:pk>/edit/", views.RegistryFormView.as_view(), name="registry-edit"),
    path("registries/<slug:registry>/<int:pk>/archive/", views.RegistryArchiveView.as_view(), name="registry-archive"),
    path(
        "registries/<slug:registry>/<int:pk>/members/new/",
        views.MemberAddView.as_view(),
        name="registry-member-new",
    ),
    path(
        "registries/<slug:registry>/<int:pk>/members/<int:membership>/",
        views.MembershipChangeView.as_view(),
        name="registry-member",
    ),
]
