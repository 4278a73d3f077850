"""Bulk upload of events: the template, a preview listing every row's errors, then an all-or-nothing import."""

import csv
import io
import uuid
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts import access
from events.importer import EventImport, lookups_for
from events.models import EVENT_LANGUAGES, Event, EventKind, EventStatus
from events.tables import COLUMNS, EXAMPLE, UploadError, max_upload_bytes, read_table, too_large_message
from portal.events.files import keep_privately, upload_dir
from portal.events.forms import UploadForm
from portal.events.jobs import start_import
from registry.cells import neutralise_row

SESSION_KEY = "event_upload"
PREVIEW_ROWS = 20


class CanUploadMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.can_write_model(request.user, Event):
            raise PermissionDenied(_("Your role cannot upload events."))
        return super().dispatch(request, *args, **kwargs)


class UploadView(CanUploadMixin, TemplateView):
    """GET: the upload form. POST with a file: check it and show the preview. POST `confirm`: import it."""

    template_name = "portal/event_upload.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", UploadForm())
        context["columns"] = COLUMNS
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
        upload = form.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        try:
            records = read_table(upload, upload.name)
        except UploadError as error:
            form.add_error("file", str(error))
            return self.render_to_response(self.get_context_data(form=form))
        report = EventImport(request.user).check(records)
        token = uuid.uuid4().hex
        self._forget(request)
        keep_privately(upload, upload_dir() / f"{request.user.pk}-{token}{suffix}")
        request.session[SESSION_KEY] = {"token": token, "suffix": suffix, "name": upload.name}
        return self.render_to_response(
            self.get_context_data(
                form=form,
                report=report,
                filename=upload.name,
                sample=[row for row in report.rows if not row.errors][:PREVIEW_ROWS],
            )
        )

    def confirm(self, request):
        pending = request.session.get(SESSION_KEY)
        path = self._path(request, pending)
        if path is None or not path.exists():
            messages.error(request, _("The uploaded file has expired; upload it again."))
            return redirect("portal:event-upload")
        # The import runs in a background job (a large file takes longer than a request may); the file now
        # belongs to the job, which removes it when done.
        request.session.pop(SESSION_KEY, None)
        job = start_import(
            request.user, path, pending["name"], confirm_duplicates=bool(request.POST.get("confirm_duplicates"))
        )
        return redirect("portal:job", pk=job.pk)

    @staticmethod
    def _path(request, pending):
        if not pending or not str(pending.get("token", "")).isalnum():
            return None
        suffix = pending.get("suffix") if pending.get("suffix") in (".csv", ".xlsx", ".txt") else ".csv"
        return upload_dir() / f"{request.user.pk}-{pending['token']}{suffix}"

    def _forget(self, request):
        path = self._path(request, request.session.pop(SESSION_KEY, None))
        if path is not None:
            path.unlink(missing_ok=True)


class TemplateDownloadView(CanUploadMixin, View):
    """The upload template with its columns: CSV (the header) or XLSX (the header, an example and the codes)."""

    def get(self, request, fmt):
        if fmt not in ("csv", "xlsx"):
            raise Http404()
        if fmt == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(neutralise_row(COLUMNS))
            response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="shanyrak-events-template.csv"'
            return response
        return self.xlsx(request)

    def xlsx(self, request):
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "events"
        sheet.append(list(COLUMNS))
        example = workbook.create_sheet("example")
        example.append(list(COLUMNS))
        example.append(neutralise_row([EXAMPLE[column] for column in COLUMNS]))
        codes = workbook.create_sheet("codes")
        codes.append(neutralise_row([_("column"), _("code"), _("meaning")]))
        for code, label in EventKind.choices:
            codes.append(neutralise_row(["kind", code, str(label)]))
        for code, label in EventStatus.choices:
            codes.append(neutralise_row(["status", code, str(label)]))
        for code, label in EVENT_LANGUAGES.items():
            codes.append(neutralise_row(["languages", code, str(label)]))
        regions, districts, programmes = lookups_for(request.user)
        for region in regions:
            codes.append(neutralise_row(["region", region.iso_code, region.name]))
        for district in districts:
            codes.append(neutralise_row(["district", district.name_en, f"{district.name} ({district.region_id})"]))
        for programme in programmes:
            codes.append(neutralise_row(["programme", programme.code, programme.name]))
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = 'attachment; filename="shanyrak-events-template.xlsx"'
        return response
