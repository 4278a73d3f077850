"""The mediator portal: the cases of my office, opening a case, notes and status moves. Every decision on who may
see or change a case is asked of accounts.access (the rule lives on MediationCase.access)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts import access
from mediation.models import CaseNote, MediationCase
from portal.mediation.forms import CaseFilterSet, CaseForm, NoteForm, TransitionForm, offices_for


class MediationPortalMixin(LoginRequiredMixin):
    """Signed-in users who may handle cases: the mediators of an office, and the secretariat."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.can_write_model(request.user, MediationCase):
            raise PermissionDenied(_("The mediation portal is for mediators."))
        return super().dispatch(request, *args, **kwargs)

    def cases(self):
        return access.readable(self.request.user, MediationCase.objects.active())

    def get_case(self, pk):
        case = get_object_or_404(self.cases().select_related("office"), pk=pk)
        return case


class CaseListView(MediationPortalMixin, View):
    def get(self, request):
        filters = CaseFilterSet(request.GET, queryset=self.cases(), request=request)
        cases = filters.qs.select_related("office").order_by("-received_on", "-id")
        page = Paginator(cases, 50).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            "mediation/case_list.html",
            {
                "form": filters.form,
                "page": page,
                "query": query.urlencode(),
                "offices": offices_for(request.user),
            },
        )


class CaseCreateView(MediationPortalMixin, View):
    def get(self, request):
        return render(request, "mediation/case_form.html", {"form": CaseForm(user=request.user)})

    def post(self, request):
        form = CaseForm(request.POST, user=request.user)
        if form.is_valid():
            case = form.save()
            messages.success(request, _("Case %(reference)s opened.") % {"reference": case.reference_number})
            return redirect("mediation:case", pk=case.pk)
        return render(request, "mediation/case_form.html", {"form": form}, status=400)


class CaseEditView(MediationPortalMixin, View):
    """Correct a case's facts after it was opened (a wrong date, category, party count, languages or mediators)."""

    def writable_case(self, pk):
        case = self.get_case(pk)
        if not access.can_write_object(self.request.user, case):
            raise PermissionDenied(MediationCase.access.write_refusal(self.request.user))
        return case

    def get(self, request, pk):
        case = self.writable_case(pk)
        return render(request, "mediation/case_form.html", {"form": CaseForm(instance=case, user=request.user)})

    def post(self, request, pk):
        case = self.writable_case(pk)
        form = CaseForm(request.POST, instance=case, user=request.user)
        if form.is_valid():
            try:
                with transaction.atomic():
                    form.claim_version()
                    form.save()
            except ValidationError:
                return render(request, "mediation/case_form.html", {"form": form}, status=409)
            messages.success(request, _("Case %(reference)s corrected.") % {"reference": case.reference_number})
            return redirect("mediation:case", pk=case.pk)
        return render(request, "mediation/case_form.html", {"form": form}, status=400)


def case_timeline(case):
    """What happened to a case, newest first: its notes and every change of its status, with when and by whom."""
    entries = [{"when": note.created_at, "who": note.author, "note": note} for note in case.notes.all()]
    previous = None
    for record in case.history.order_by("history_date", "history_id").select_related("history_user"):
        if previous is None or record.status != previous.status:
            entries.append({"when": record.history_date, "who": record.history_user, "status": record})
        previous = record
    return sorted(entries, key=lambda entry: entry["when"], reverse=True)


class CaseDetailView(MediationPortalMixin, View):
    def get(self, request, pk):
        case = self.get_case(pk)
        return self.show(request, case)

    def show(self, request, case, note_form=None, transition_form=None, status=200):
        case = (
            self.cases()
            .select_related("office")
            .prefetch_related(
                "mediators__person",
                Prefetch("notes", queryset=CaseNote.objects.active().select_related("author").order_by("-written_on")),
            )
            .get(pk=case.pk)
        )
        writable = access.can_write_object(request.user, case)
        return render(
            request,
            "mediation/case_detail.html",
            {
                "case": case,
                "timeline": case_timeline(case),
                "writable": writable,
                "note_form": note_form or NoteForm(),
                "transition_form": transition_form or TransitionForm(case=case),
            },
            status=status,
        )


class CaseNoteView(CaseDetailView):
    def post(self, request, pk):
        case = self.get_case(pk)
        if not access.can_write_object(request.user, case):
            raise PermissionDenied(MediationCase.access.write_refusal(request.user))
        form = NoteForm(request.POST, instance=CaseNote(case=case, author=request.user))
        if form.is_valid():
            form.save()
            messages.success(request, _("Note added."))
            return redirect("mediation:case", pk=case.pk)
        return self.show(request, case, note_form=form, status=400)


class CaseTransitionView(CaseDetailView):
    def post(self, request, pk):
        case = self.get_case(pk)
        if not access.can_write_object(request.user, case):
            raise PermissionDenied(MediationCase.access.write_refusal(request.user))
        form = TransitionForm(request.POST, case=case)
        if form.is_valid() and form.apply():
            messages.success(
                request,
                _("Case %(reference)s is now “%(status)s”.")
                % {"reference": case.reference_number, "status": case.get_status_display()},
            )
            return redirect("mediation:case", pk=case.pk)
        messages.error(request, _("The status was not changed."))
        return self.show(request, self.get_case(pk), transition_form=form, status=400)
