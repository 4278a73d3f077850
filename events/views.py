"""Public pages: the events calendar, one event's page and the iCalendar feed. Verified public events only."""

import datetime

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from accounts import access
from events import ical
from events.models import Event, EventKind
from regions.models import Region

FEED_PAST_DAYS = 90  # the feed keeps recent events too, so a subscribed phone does not drop them at once
FEED_LIMIT = 5000


class CalendarFilterForm(forms.Form):
    region = forms.ModelChoiceField(
        label=gettext_lazy("Region"),
        queryset=Region.objects.active(),
        required=False,
        empty_label=gettext_lazy("all regions"),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"), choices=[("", gettext_lazy("all kinds")), *EventKind.choices], required=False
    )

    def filter(self, queryset):
        if self.cleaned_data.get("region"):
            queryset = queryset.filter(region=self.cleaned_data["region"])
        if self.cleaned_data.get("kind"):
            queryset = queryset.filter(kind=self.cleaned_data["kind"])
        return queryset


def public_events(user):
    return access.readable(user, Event.objects.public_calendar()).select_related(
        "region", "district", "organizer", "programme"
    )


class CalendarView(TemplateView):
    """Upcoming verified public events, by date; filter by region and kind; subscribe to the same as a feed."""

    template_name = "events/calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = CalendarFilterForm(self.request.GET or None)
        events = public_events(self.request.user).filter(end_date__gte=timezone.localdate())
        if form.is_bound and form.is_valid():
            events = form.filter(events)
        elif form.is_bound:
            events = events.none()
        page = Paginator(events.order_by("start_date", "id"), 50).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        feed_query = {key: value for key, value in query.items() if key in ("region", "kind") and value}
        feed_query["lang"] = translation.get_language()
        feed_path = reverse("calendar-ics") + "?" + urlencode(feed_query)
        feed_url = self.request.build_absolute_uri(feed_path)
        context.update(
            form=form,
            page=page,
            events=page.object_list,
            query=query.urlencode(),
            feed_url=feed_url,
            webcal_url="webcal://" + feed_url.split("://", 1)[1],
        )
        return context


class PublicEventView(TemplateView):
    template_name = "events/event.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event"] = get_object_or_404(public_events(self.request.user), pk=kwargs["pk"])
        return context


class FeedForm(CalendarFilterForm):
    """The feed's filters and its language: a phone calendar sends no cookie, so the link carries `lang`."""

    lang = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES, required=False)


def bad_request(form):
    problems = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in form.errors.items())
    return HttpResponseBadRequest(problems, content_type="text/plain; charset=utf-8")


def ics_response(request, name, events, filename, disposition="inline"):
    """The iCalendar text of `events` (one writer for the feed and for a single event's file)."""
    body = ical.calendar(
        name,
        events,
        host=request.get_host().split(":")[0],
        url_for=lambda event: request.build_absolute_uri(reverse("calendar-event", args=[event.pk])),
        now=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    response["Content-Language"] = translation.get_language()
    return response


def feed_language(form):
    return form.cleaned_data.get("lang") or translation.get_language()


class CalendarFeedView(View):
    """`/calendar.ics?region=KZ-10&kind=festival&lang=ru`: an iCalendar feed a phone calendar can subscribe to,
    in the language the link names (else the request's)."""

    def get(self, request):
        form = FeedForm(request.GET)
        if not form.is_valid():
            return bad_request(form)
        since = timezone.localdate() - datetime.timedelta(days=FEED_PAST_DAYS)
        events = form.filter(public_events(request.user).filter(end_date__gte=since)).order_by("start_date", "id")
        with translation.override(feed_language(form)):
            name = _("Assembly of the People of Kazakhstan: events")
            if form.cleaned_data.get("region"):
                name = f"{name} — {form.cleaned_data['region'].name}"
            return ics_response(request, name, events[:FEED_LIMIT], "shanyrak-events.ics")


class EventFileView(View):
    """`/calendar/<id>.ics?lang=ru`: one public event as a file to add to one's own calendar."""

    def get(self, request, pk):
        form = FeedForm({"lang": request.GET.get("lang", "")})
        if not form.is_valid():
            return bad_request(form)
        event = get_object_or_404(public_events(request.user), pk=pk)
        with translation.override(feed_language(form)):
            return ics_response(request, event.display_title, [event], f"event-{event.pk}.ics", "attachment")
