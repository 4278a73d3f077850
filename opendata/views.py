from django.http import FileResponse, Http404
from django.views.generic import TemplateView, View

from opendata.package import public_tables, published_archives, title_of


class OpenDataView(TemplateView):
    template_name = "opendata/index.html"

    def get_context_data(self, **kwargs):
        tables = [title_of(table.model) for table in public_tables()]
        return super().get_context_data(archives=published_archives(), tables=tables, **kwargs)


class ArchiveView(View):
    def get(self, request, name):
        for _day, path, _size in published_archives():
            if path.name == name:
                return FileResponse(open(path, "rb"), as_attachment=True, filename=path.name)
        raise Http404
