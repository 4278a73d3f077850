"""The portal's event pages: log, list, edit, submit; and the secretariat's verification queue."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from accounts import access
from events.lifecycle import Action
from events.models import Event, Source, Verification
from portal.events import replays
from portal.events.forms import EventForm, EventPageFilterSet, default_event


def events_for(user):
    """The events a portal user reads, with what the list shows."""
    return access.readable(user, Event.objects.active()).select_related("region", "district", "programme")


class EventFormView(LoginRequiredMixin, TemplateView):
    """Log a new event (`pk` absent) or correct one."""

    template_name = "portal/event_form.html"

    def get_event(self):
        pk = self.kwargs.get("pk")
        if pk is None:
            if not access.can_write_model(self.request.user, Event):
                raise PermissionDenied(_("Your role cannot log events."))
            return default_event(self.request.user)
        event = get_object_or_404(access.readable(self.request.user, Event.objects.all()), pk=pk)
        return event

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.event = self.get_event()
        self.editable = self.event.pk is None or access.can_write_object(request.user, self.event)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event"] = self.event
        context["editable"] = self.editable
        context["can_verify"] = Event.access.can_verify(self.request.user)
        context["form"] = form or EventForm(instance=self.event, user=self.request.user)
        if self.event.pk:
            context["history"] = self.event.history.select_related("history_user").order_by("-history_date")[:10]
        return context

    def post(self, request, *args, **kwargs):
        as_json = replays.wants_json(request)
        if not self.editable:
            raise PermissionDenied(_("You may only change events of your own region."))
        creating = self.event.pk is None
        # A new event sent again with the key it was first saved with (a phone retrying after a lost answer) is
        # the event that key created: found before the form is checked, which would take it for a duplicate.
        key = replays.submitted_key(request) if creating else None
        if existing := replays.event_with_key(key):
            return replays.already_saved(request, existing)
        # A change sent from the phone: its key (a repeat is answered, not made twice) and the version it was
        # based on (`If-Match`; a stale one is refused with what changed meanwhile).
        edit_key = None if creating else replays.submitted_key(request)
        expected = None if creating else replays.expected_version(request)
        data = request.POST
        if not creating and as_json:
            if replays.edit_applied(request, self.event, edit_key):
                return replays.edit_already_saved(self.event)
            if expected is not None and expected != self.event.version:
                return replays.stale(self.event, expected)
        if expected is not None:
            data = data.copy()
            data["version"] = expected
        form = EventForm(data, instance=self.event, user=request.user)
        if not form.is_valid():
            if existing := replays.event_with_key(key):  # saved meanwhile by a concurrent retry
                return replays.already_saved(request, existing)
            return replays.invalid(form) if as_json else self.render_to_response(self.get_context_data(form=form))
        event = form.save(commit=False)
        if not access.can_write_region(request.user, Event, event.region_id):
            message = _("You may only log events of your own region.")
            if as_json:
                return replays.refused(message)
            raise PermissionDenied(message)
        if creating:
            event.source = Source.PORTAL
            event.client_key = form.cleaned_data.get("client_key") or key
        elif edit_key is not None:
            event._change_reason = f"{replays.EDIT_REASON}{edit_key}"
        action = Action.SAVE_DRAFT if request.POST.get("action") == "draft" else Action.SUBMIT
        try:
            with transaction.atomic():
                form.claim_version()
                event.transition(request.user, action)
        except IntegrityError:
            # Two sends of the same key at once: the unique key lets one in; the other answers with its event.
            if existing := replays.event_with_key(event.client_key):
                return replays.already_saved(request, existing)
            raise
        except ValidationError as error:
            if getattr(error, "code", None) == "stale":  # the form already says what changed meanwhile
                if as_json and replays.edit_applied(request, self.event, edit_key):  # a concurrent repeat won
                    return replays.edit_already_saved(Event.objects.get(pk=self.event.pk))
                if as_json and expected is not None:
                    return replays.stale(self.event, expected)
                if as_json:
                    return replays.invalid(form, status=409)
                return self.render_to_response(self.get_context_data(form=form), status=409)
            form.add_error(None, error.messages)
            return replays.invalid(form) if as_json else self.render_to_response(self.get_context_data(form=form))
        if event.verification == Verification.DRAFT:
            message = _("Saved as a draft; submit it when it is complete.")
        elif event.verification == Verification.SUBMITTED:
            message = _("Saved and sent to the secretariat for verification.")
        else:
            message = _("Saved.")
        if as_json:
            return replays.created(event, message) if creating else replays.saved(event, message)
        messages.success(request, f"«{event.title}»: {message}")
        if request.POST.get("next") == "new":
            return redirect("portal:event-new")
        return redirect("portal:event", pk=event.pk)


class EventListView(LoginRequiredMixin, TemplateView):
    """My region's events (the secretariat and readers choose a region), filtered and searched."""

    template_name = "portal/event_list.html"
    page_size = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        params = self.request.GET.copy()
        own_region = access.bound_region(user)
        if own_region and "region" not in params:
            params["region"] = own_region
        filters = EventPageFilterSet(params, queryset=events_for(user), request=self.request)
        events = filters.qs.order_by("-start_date", "-id")
        page = Paginator(events, self.page_size).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            form=filters.form,
            page=page,
            events=page.object_list,
            query=query.urlencode(),
            filtered=any(value for key, value in self.request.GET.items() if key not in ("page", "region")),
            can_log=access.can_write_model(user, Event),
            can_verify=Event.access.can_verify(user),
        )
        for event in page.object_list:
            event.editable = access.can_write_object(user, event)
        return context


class VerificationQueueView(LoginRequiredMixin, TemplateView):
    """The secretariat's queue: submitted events by region and month; verify many at once, return with a comment."""

    template_name = "portal/verification.html"
    page_size = 100

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not Event.access.can_verify(request.user):
            raise PermissionDenied(_("Only the secretariat verifies events."))
        return super().dispatch(request, *args, **kwargs)

    def queue(self):
        events = events_for(self.request.user).filter(verification=Verification.SUBMITTED)
        region = self.request.GET.get("region")
        month = self.request.GET.get("month", "")
        if region:
            events = events.filter(region_id=region)
        if len(month) == 7 and month[:4].isdigit() and month[5:].isdigit():
            events = events.filter(start_date__year=int(month[:4]), start_date__month=int(month[5:]))
        return events.select_related("organizer", "logged_by", "district").order_by("region_id", "start_date", "id")

    def get_context_data(self, **kwargs):
        from django.db.models import Count

        from regions.models import Region

        context = super().get_context_data(**kwargs)
        queue = self.queue()
        page = Paginator(queue, self.page_size).get_page(self.request.GET.get("page"))
        waiting = dict(
            events_for(self.request.user)
            .filter(verification=Verification.SUBMITTED)
            .order_by()
            .values_list("region_id")
            .annotate(total=Count("id"))
        )
        context.update(
            page=page,
            events=page.object_list,
            # Only regions with something waiting are worth choosing (and the one already chosen).
            regions=[
                (region, waiting.get(region.pk, 0))
                for region in Region.objects.active()
                if waiting.get(region.pk) or region.pk == self.request.GET.get("region")
            ],
            selected_region=self.request.GET.get("region", ""),
            month=self.request.GET.get("month", ""),
            waiting_total=sum(waiting.values()),
        )
        return context

    def post(self, request, *args, **kwargs):
        user = request.user
        pending = events_for(user).filter(verification=Verification.SUBMITTED)
        if "return" in request.POST:
            event = get_object_or_404(pending, pk=request.POST["return"])
            comment = request.POST.get(f"comment_{event.pk}", "") or request.POST.get("comment", "")
            try:
                event.transition(user, Action.RETURN, comment)
                messages.success(request, _("«%(title)s» returned to the coordinator.") % {"title": event.title})
            except ValidationError as error:
                messages.error(request, f"«{event.title}»: " + " ".join(error.messages))
        else:
            ids = [value for value in request.POST.getlist("selected") if value.isdigit()]
            action = request.POST.get("action")
            done = 0
            with transaction.atomic():
                for event in pending.filter(pk__in=ids):
                    try:
                        if action == "return_selected":
                            event.transition(user, Action.RETURN, request.POST.get("comment", ""))
                        else:
                            event.transition(user, Action.VERIFY)
                        done += 1
                    except ValidationError as error:
                        messages.error(request, f"«{event.title}»: " + " ".join(error.messages))
                        break
            if action == "return_selected":
                text = ngettext("%(count)d event returned.", "%(count)d events returned.", done)
            else:
                text = ngettext("%(count)d event verified.", "%(count)d events verified.", done)
            if done:
                messages.success(request, text % {"count": done})
            elif not ids:
                messages.error(request, _("Tick the events first."))
        return redirect(request.get_full_path())
