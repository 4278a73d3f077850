"""Bulk upload of events: the template, a check job listing every row's errors, then an all-or-nothing import job."""

import csv
import io
import uuid
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts import access
from events.importer import lookups_for
from events.models import EVENT_LANGUAGES, Event, EventKind, EventStatus
from events.tables import COLUMNS, REQUIRED, column_label, example_row, header_cell, max_upload_bytes, too_large_message
from jobs.models import Job, JobKind, JobStatus
from portal.events.checks import start_check, waiting_file
from portal.events.files import keep_privately, upload_dir
from portal.events.forms import UploadForm
from portal.events.jobs import start_import
from registry.cells import neutralise_row

SESSION_KEY = "event_upload_check"
# Rows of the template's sheet that offer the drop-down lists.
MAX_TEMPLATE_ROWS = 5000


class CanUploadMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.can_write_model(request.user, Event):
            raise PermissionDenied(_("Your role cannot upload events."))
        return super().dispatch(request, *args, **kwargs)


class UploadView(CanUploadMixin, TemplateView):
    """GET: the upload form. POST with a file: keep it and start its check (a job). POST `confirm` (with the check
    job as `check`): start its import (another job)."""

    template_name = "portal/event_upload.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", UploadForm())
        context["columns"] = [column_label(column) for column in COLUMNS]
        context["required"] = ", ".join(str(column_label(column)) for column in REQUIRED)
        return context

    def post(self, request, *args, **kwargs):
        # A body far beyond the limit is refused before it is read, let alone parsed.
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > max_upload_bytes() + 64 * 1024:
            form = UploadForm(data={})
            form.errors["file"] = form.error_class([too_large_message()])
            return self.render_to_response(self.get_context_data(form=form), status=413)
        if "confirm" in request.POST:
            return self.confirm(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        # The file is kept privately and checked by a background job (a large file takes longer than a request
        # may); its page shows the progress, then the report and the button that confirms the import.
        upload = form.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        self._forget(request)
        path = upload_dir() / f"{request.user.pk}-{uuid.uuid4().hex}{suffix}"
        keep_privately(upload, path)
        job = start_check(request.user, path, upload.name)
        request.session[SESSION_KEY] = str(job.pk)
        return redirect("portal:job", pk=job.pk)

    def confirm(self, request):
        """Import the checked file of the check job named in the form (or the last one uploaded in this session)."""
        check = self._check(request, request.POST.get("check") or request.session.get(SESSION_KEY))
        if check is None:
            messages.error(request, _("The uploaded file has expired; upload it again."))
            return redirect("portal:event-upload")
        if check.result.get("import_job"):  # confirmed already: the import has its own page
            return redirect("portal:job", pk=check.result["import_job"])
        if check.status != JobStatus.DONE:
            messages.error(request, _("The file has not been checked yet; wait for its check to finish."))
            return redirect("portal:job", pk=check.pk)
        path = waiting_file(check)
        if path is None:
            messages.error(request, _("The uploaded file has expired; upload it again."))
            return redirect("portal:event-upload")
        if not self._claim(check):  # a second click, at the same moment: the first one imports
            return redirect("portal:job", pk=check.pk)
        # The file now belongs to the import job, which checks it again and removes it when done.
        if request.session.get(SESSION_KEY) == str(check.pk):
            request.session.pop(SESSION_KEY)
        job = start_import(
            request.user, path, check.params.get("name", ""), bool(request.POST.get("confirm_duplicates"))
        )
        check.result["import_job"] = str(job.pk)
        check.save(update_fields=["result"])
        return redirect("portal:job", pk=job.pk)

    @staticmethod
    def _claim(check):
        """Mark the check as being confirmed, unless another request did so first (committed before the import job
        is queued: a worker of another process must find that job committed)."""
        with transaction.atomic():
            locked = Job.objects.select_for_update().get(pk=check.pk)
            if locked.result.get("confirmed"):
                return False
            locked.result["confirmed"] = True
            locked.save(update_fields=["result"])
        check.result = locked.result
        return True

    @staticmethod
    def _check(request, pk):
        try:
            return Job.objects.get(pk=pk, owner=request.user, kind=JobKind.EVENT_CHECK)
        except (Job.DoesNotExist, ValueError, ValidationError):
            return None

    def _forget(self, request):
        """A new upload replaces the one waiting unconfirmed in this session: its file is removed."""
        check = self._check(request, request.session.pop(SESSION_KEY, None))
        if check is not None and check.finished and not check.result.get("confirmed"):
            path = waiting_file(check)
            if path is not None:
                path.unlink(missing_ok=True)


class TemplateDownloadView(CanUploadMixin, View):
    """The upload template in the user's language: a header naming each column with its code ("Участники
    (participants_count)"), then an example row whose title starts with "Example:" (the importer skips it). The XLSX
    has drop-down lists for the kind, status, district and programme, and a sheet listing every code."""

    def get(self, request, fmt):
        if fmt not in ("csv", "xlsx"):
            raise Http404()
        if fmt == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(neutralise_row([header_cell(column) for column in COLUMNS]))
            writer.writerow(neutralise_row(example_row()))
            response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="shanyrak-events-template.csv"'
            return response
        return self.xlsx(request)

    def xlsx(self, request):
        from openpyxl import Workbook
        from openpyxl.utils import get_column_letter, quote_sheetname
        from openpyxl.worksheet.datavalidation import DataValidation

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "events"
        sheet.append(neutralise_row([header_cell(column) for column in COLUMNS]))
        sheet.append(neutralise_row(example_row()))
        sheet.freeze_panes = "A2"
        for index, column in enumerate(COLUMNS, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(12, min(40, len(header_cell(column)) + 2))
        regions, districts, programmes = lookups_for(request.user)
        # Drop-down lists: the names in the user's language, from a sheet of lists (a list written into the
        # validation itself may hold at most 255 characters). The importer reads these names in every language.
        choices = {
            "kind": [str(label) for _code, label in EventKind.choices],
            "status": [str(label) for _code, label in EventStatus.choices],
            "district": [district.name for district in districts],
            "programme": [programme.name for programme in programmes],
        }
        lists = workbook.create_sheet("lists")
        for list_column, (column, names) in enumerate(choices.items(), start=1):
            lists.cell(row=1, column=list_column, value=header_cell(column))
            for row, name in enumerate(names, start=2):
                lists.cell(row=row, column=list_column, value=neutralise_row([name])[0])
            if not names:
                continue
            letter = get_column_letter(list_column)
            validation = DataValidation(
                type="list",
                formula1=f"{quote_sheetname(lists.title)}!${letter}$2:${letter}${len(names) + 1}",
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=str(column_label(column)),
                error=_("Choose a value from the list."),
            )
            target = get_column_letter(COLUMNS.index(column) + 1)
            validation.add(f"{target}2:{target}{MAX_TEMPLATE_ROWS}")
            sheet.add_data_validation(validation)
        codes = workbook.create_sheet("codes")
        codes.append(neutralise_row([_("column"), _("code"), _("meaning")]))
        for code, label in EventKind.choices:
            codes.append(neutralise_row([header_cell("kind"), code, str(label)]))
        for code, label in EventStatus.choices:
            codes.append(neutralise_row([header_cell("status"), code, str(label)]))
        for code, label in EVENT_LANGUAGES.items():
            codes.append(neutralise_row([header_cell("languages"), code, str(label)]))
        for region in regions:
            codes.append(neutralise_row([header_cell("region"), region.iso_code, region.name]))
        for district in districts:
            codes.append(
                neutralise_row([header_cell("district"), district.name_en, f"{district.name} ({district.region.name})"])
            )
        for programme in programmes:
            codes.append(neutralise_row([header_cell("programme"), programme.code, programme.name]))
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = 'attachment; filename="shanyrak-events-template.xlsx"'
        return response
