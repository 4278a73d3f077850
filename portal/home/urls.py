from django.urls import path

from portal.home import views

urlpatterns = [
    path("", views.PortalHomeView.as_view(), name="home"),
    path("login/", views.PortalLoginView.as_view(), name="login"),
    path("logout/", views.PortalLogoutView.as_view(), name="logout"),
]
