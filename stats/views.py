"""The public statistics section: events and associations in tables, charts and downloads (CSV, XLSX)."""

import csv
import io

from django import forms
from django.core.validators import MaxValueValidator
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from openpyxl import Workbook
from openpyxl.styles import Font

from accounts.access import is_secretariat
from regions.models import Region
from stats import tables
from stats.charts import LONGEST, bar_chart

FIRST_YEAR = 1995  # the Assembly's founding year: no event of the registry is older


class StatisticsForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=FIRST_YEAR, required=False)
    region = forms.ModelChoiceField(
        label=gettext_lazy("Region"),
        queryset=Region.objects.active(),
        to_field_name="iso_code",
        required=False,
        empty_label=gettext_lazy("all regions"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.this_year = timezone.localdate().year
        self.fields["year"].validators.append(MaxValueValidator(self.this_year + 1))
        self.fields["year"].initial = self.this_year
        self.fields["year"].widget.attrs.update(min=FIRST_YEAR, max=self.this_year + 1)

    @property
    def chosen_year(self):
        return getattr(self, "cleaned_data", {}).get("year") or self.this_year

    @property
    def chosen_region(self):
        return getattr(self, "cleaned_data", {}).get("region")


def chosen(request):
    """The form of the request's year and region; bound only when the request names one of them."""
    data = request.GET if ("year" in request.GET or "region" in request.GET) else None
    form = StatisticsForm(data)
    return form, (form.is_valid() if form.is_bound else True)


def all_tables(form, user):
    """The page's tables; the secretariat's have the figures awaiting verification and the drafts beside the
    verified ones, everyone else's the verified figures only."""
    events = tables.event_tables(form.chosen_year, form.chosen_region, with_unverified=is_secretariat(user))
    return [*events, *tables.association_tables(form.chosen_region)]


class StatisticsView(TemplateView):
    template_name = "stats/index.html"

    def get(self, request, *args, **kwargs):
        form, valid = chosen(request)
        context = self.get_context_data(form=form, sections=[], **kwargs)
        if not valid:
            return self.render_to_response(context, status=400)
        query = request.GET.urlencode()
        sections = []
        for table in all_tables(form, request.user):
            title = table_title(table, form)
            sections.append(
                {
                    "table": table,
                    "title": title,
                    "chart": bar_chart(table, chart_id=f"chart-{table.slug}", title=chart_title(table, title)),
                    "query": query,
                    "charted": min(len(table.rows), LONGEST),
                }
            )
        context["sections"] = sections
        context["year"] = form.chosen_year
        context["region"] = form.chosen_region
        context["with_unverified"] = is_secretariat(request.user)
        return self.render_to_response(context)


def table_title(table, form):
    parts = [str(table.title)]
    if table.slug.startswith("events-"):
        parts.append(str(form.chosen_year))
    if form.chosen_region is not None:
        parts.append(form.chosen_region.name)
    return ", ".join(parts)


def chart_title(table, title):
    return _("%(title)s: %(figure)s, bar chart") % {"title": title, "figure": str(table.chart_header).lower()}


class DownloadView(View):
    """One table of the page as CSV or XLSX, with the page's headers in the reader's language."""

    def get(self, request, slug, extension):
        form, valid = chosen(request)
        if not valid:
            errors = "; ".join(
                f"{form.fields[name].label}: {' '.join(messages)}" for name, messages in form.errors.items()
            )
            return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
        table = next((table for table in all_tables(form, request.user) if table.slug == slug), None)
        if table is None:
            raise Http404
        title = table_title(table, form)
        # The table's title in the reader's language, as the page shows it: "Мероприятия по регионам, 2026.xlsx".
        filename = "".join(ch for ch in title if ch not in '\\/:*?"<>|').strip()
        if extension == "csv":
            response = HttpResponse(csv_bytes(table), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(
                xlsx_bytes(table, title),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        response["Content-Disposition"] = content_disposition_header(True, f"{filename}.{extension}")
        return response


def csv_bytes(table):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(table.lines())
    # A byte-order mark, so that Excel opens the Cyrillic headers as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(table, title):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "".join(ch for ch in str(table.title) if ch not in "[]:*?/\\")[:31]
    for line in table.lines():
        sheet.append(line)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    if table.summable:
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2, min_col=2):
        for cell in row:
            cell.number_format = "#,##0"
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = max(len(str(line[0])) for line in table.lines()) + 2
    for index, header in enumerate(table.headers[1:], start=2):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(len(header), 10) + 2
    workbook.properties.title = title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
