from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from accounts import access
from regions.models import District, Region


class HomeView(TemplateView):
    """Public front page: what Shanyrak is and where each kind of user goes."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["regions"] = access.readable(self.request.user, Region.objects.active())
        return context


class PortalLoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True


class PortalLogoutView(auth_views.LogoutView):
    pass


class PortalHomeView(LoginRequiredMixin, TemplateView):
    """A signed-in user's landing page: their role, their region and what they may keep there."""

    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        region = user.region
        context["region"] = region
        context["can_write_districts"] = access.can_write_model(user, District)
        if region is not None:
            context["districts"] = access.readable(user, District.objects.active().filter(region=region))
        return context
