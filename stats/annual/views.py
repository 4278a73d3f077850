"""The secretariat's annual report page: choose a year, a region and a language; a background job builds the report;
its page offers the workbook and the printable page to download.

The secretariat sees any region or the whole country. A regional coordinator gets their own region's report only
(the region they are bound to, as on every portal page); other roles are refused, anonymous visitors sent to sign in.
"""

from django import forms
from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from accounts import access
from jobs.models import JobKind
from portal.jobs.views import visible_jobs
from stats.annual.jobs import report_file, start_annual_report
from stats.views import StatisticsForm

# Reports of the person's own listed under the form.
RECENT_REPORTS = 10


class LanguageSelect(forms.Select):
    """Each language named in itself, and marked as written in it (`lang`), so a screen reader reads it so."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        option["attrs"]["lang"] = value
        return option


class AnnualReportForm(StatisticsForm):
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the report"), choices=settings.LANGUAGES, widget=LanguageSelect
    )

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


class AnnualReportView(AnnualReportMixin, TemplateView):
    """GET: the form. POST: start the job that builds the report (its page follows it and offers the files)."""

    template_name = "stats/annual_report.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", AnnualReportForm(user=self.request.user))
        recent = visible_jobs(self.request.user).filter(kind=JobKind.ANNUAL_REPORT, owner=self.request.user)
        return super().get_context_data(recent=recent[:RECENT_REPORTS], **kwargs)

    def post(self, request, *args, **kwargs):
        form = AnnualReportForm(request.POST, user=request.user)
        own = access.bound_region(request.user)
        if not form.is_valid():
            if "region" in form.errors and own is not None:
                raise PermissionDenied(_("You may only see the annual report of your own region."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        region = form.chosen_region
        if own is not None and region is None:
            region = form.fields["region"].queryset.get(pk=own)
        job = start_annual_report(request.user, form.chosen_year, region, form.chosen_language)
        return redirect("portal:job", pk=job.pk)


class AnnualReportFileView(LoginRequiredMixin, View):
    """A built report's workbook or printable page: for the person who built it and the secretariat only."""

    def get(self, request, pk, fmt):
        return report_file(visible_jobs(request.user), pk, fmt)
