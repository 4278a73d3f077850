from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from accounts import access
from opendata.jobs import start_publication
from opendata.package import public_tables, published_archives, title_of


class OpenDataView(TemplateView):
    template_name = "opendata/index.html"

    def get_context_data(self, **kwargs):
        tables = [title_of(table.model) for table in public_tables()]
        return super().get_context_data(
            archives=published_archives(),
            tables=tables,
            can_publish=access.is_secretariat(self.request.user),
            **kwargs,
        )


class PublishView(LoginRequiredMixin, View):
    """The secretariat publishes today's archive now: a background job, followed on its page."""

    def post(self, request):
        if not access.is_secretariat(request.user):
            raise PermissionDenied(_("Only the secretariat publishes the open-data archive."))
        return redirect("portal:job", pk=start_publication(request.user).pk)


class ArchiveView(View):
    def get(self, request, name):
        for _day, path, _size in published_archives():
            if path.name == name:
                return FileResponse(open(path, "rb"), as_attachment=True, filename=path.name)
        raise Http404
