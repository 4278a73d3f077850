"""The mediators' pages, mounted at /portal/mediation/ (namespace `mediation`)."""

from django.urls import path

from portal.mediation import views

app_name = "mediation"

urlpatterns = [
    path("", views.CaseListView.as_view(), name="cases"),
    path("new/", views.CaseCreateView.as_view(), name="case-new"),
    path("<int:pk>/", views.CaseDetailView.as_view(), name="case"),
    path("<int:pk>/edit/", views.CaseEditView.as_view(), name="case-edit"),
    path("<int:pk>/notes/", views.CaseNoteView.as_view(), name="case-note"),
    path("<int:pk>/status/", views.CaseTransitionView.as_view(), name="case-status"),
]
