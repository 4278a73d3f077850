"""The secretariat's annual report page: choose a year, a region and a language; read the report; download it.

The secretariat sees any region or the whole country. A regional coordinator gets their own region's report only
(the region they are bound to, as on every portal page); other roles are refused, anonymous visitors sent to sign in.
"""

from django import forms
from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from accounts import access
from stats.annual import build_report
from stats.annual.html import context
from stats.annual.xlsx import xlsx_bytes
from stats.views import StatisticsForm


class AnnualReportForm(StatisticsForm):
    language = forms.ChoiceField(label=gettext_lazy("Language of the report"), choices=settings.LANGUAGES)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = self.this_year - 1
        self.fields["language"].initial = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        self.fields["language"].required = False
        own = access.bound_region(user)
        if own is not None:
            region = self.fields["region"]
            region.queryset = region.queryset.filter(pk=own)
            region.initial = own
            region.empty_label = None

    @property
    def chosen_year(self):
        return getattr(self, "cleaned_data", {}).get("year") or self.this_year - 1

    @property
    def chosen_language(self):
        return getattr(self, "cleaned_data", {}).get("language") or self.fields["language"].initial


class AnnualReportMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not (access.is_secretariat(user) or access.is_coordinator(user)):
            raise PermissionDenied(_("The annual report is for the secretariat and the regional coordinators."))
        return super().dispatch(request, *args, **kwargs)

    def chosen(self):
        """The bound form and the report it asks for; a coordinator always gets their own region."""
        request = self.request
        data = request.GET if request.GET else None
        form = AnnualReportForm(data, user=request.user)
        if form.is_bound and not form.is_valid():
            if "region" in form.errors and access.bound_region(request.user) is not None:
                raise PermissionDenied(_("You may only see the annual report of your own region."))
            return form, None
        region = form.chosen_region
        own = access.bound_region(request.user)
        if own is not None and region is None:
            region = form.fields["region"].queryset.get(pk=own)
        return form, build_report(form.chosen_year, region, language=form.chosen_language)


class AnnualReportView(AnnualReportMixin, TemplateView):
    template_name = "stats/annual_report.html"

    def get(self, request, *args, **kwargs):
        form, report = self.chosen()
        query = request.GET.urlencode()
        data = {"form": form, "report": context(report) if report else None, "query": query}
        return self.render_to_response(self.get_context_data(**data), status=200 if report else 400)


class AnnualReportDownloadView(AnnualReportMixin, View):
    def get(self, request):
        form, report = self.chosen()
        if report is None:
            errors = "; ".join(f"{form.fields[name].label}: {' '.join(texts)}" for name, texts in form.errors.items())
            return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
        region = f"-{report.region.pk}" if report.region else ""
        response = HttpResponse(
            xlsx_bytes(report), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        filename = f"annual-report-{report.year}{region}-{report.language}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
