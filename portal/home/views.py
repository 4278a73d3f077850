import datetime

from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.shortcuts import resolve_url
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from accounts import access
from events import stats
from events.charts import bar_rows, column_chart
from events.models import Event, EventKind, Programme, Verification
from portal.registries.declarations import REGISTRIES
from regions.models import District, Region


class PortalLoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        """Where a user lands when no page asked for the sign-in: a mediator on their cases, others on the dashboard."""
        user = self.request.user
        if access.is_mediator(user) and not (access.is_coordinator(user) or access.is_secretariat(user)):
            return resolve_url("mediation:cases")
        return super().get_default_redirect_url()


class PortalLogoutView(auth_views.LogoutView):
    pass


def dashboard_region(request):
    """A coordinator sees their own region; other roles choose one (`?region=`) or see the whole country."""
    user = request.user
    if access.is_coordinator(user) and not access.is_secretariat(user):
        return user.region
    code = request.GET.get("region") or (user.region_id if "region" not in request.GET else "")
    return Region.objects.active().filter(pk=code).first() if code else None


class PortalHomeView(LoginRequiredMixin, TemplateView):
    """A signed-in user's dashboard: their region's figures this month and this year (verified and all), charts by
    month and by kind, programme progress, and what awaits them."""

    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        region = dashboard_region(self.request)
        today = timezone.localdate()
        events = access.readable(user, Event.objects.counted())
        if region is not None:
            events = events.filter(region=region)
        this_year = events.filter(start_date__year=today.year)
        this_month = this_year.filter(start_date__month=today.month)
        figures = []
        for label, scope in ((_("This month"), this_month), (_("This year"), this_year)):
            figures.append({"label": label, "verified": stats.totals(scope.verified()), "all": stats.totals(scope)})
        context.update(
            region=region,
            today=today,
            figures=figures,
            month_chart=self.month_chart(this_year, today.year),
            kind_bars=self.kind_bars(this_year),
            programmes=self.programmes(region, today),
            regions=Region.objects.active() if not access.is_coordinator(user) or access.is_secretariat(user) else None,
            can_log=access.can_write_model(user, Event),
            can_verify=Event.access.can_verify(user),
            can_write_districts=access.can_write_model(user, District),
            registries=[entry for entry in REGISTRIES.values() if access.can_read_model(user, entry.model)],
        )
        if region is not None:
            context["districts"] = access.readable(user, District.objects.active().filter(region=region))
        mine = access.writable(user, Event.objects.active())
        context["returned"] = mine.filter(verification=Verification.RETURNED).order_by("-start_date")[:10]
        context["drafts"] = mine.filter(verification=Verification.DRAFT).count()
        if context["can_verify"]:
            waiting = Event.objects.active().filter(verification=Verification.SUBMITTED)
            context["waiting"] = waiting.filter(region=region).count() if region else waiting.count()
        return context

    @staticmethod
    def month_chart(events, year):
        rows = (
            events.order_by()
            .annotate(month=TruncMonth("start_date"))
            .values("month")
            .annotate(
                all=Count("id"),
                verified=Count("id", filter=Q(verification=Verification.VERIFIED)),
                participants=Sum("participants_count"),
            )
        )
        by_month = {row["month"].month: row for row in rows}
        columns = []
        for month in range(1, 13):
            row = by_month.get(month, {})
            label = formats.date_format(datetime.date(year, month, 1), "M")
            columns.append({"label": label, "all": row.get("all", 0), "verified": row.get("verified", 0)})
        return column_chart(columns, title=_("Events by month, %(year)s") % {"year": year})

    @staticmethod
    def kind_bars(events):
        labels = dict(EventKind.choices)
        rows = (
            events.order_by()
            .values("kind")
            .annotate(all=Count("id"), verified=Count("id", filter=Q(verification=Verification.VERIFIED)))
            .order_by("-all")
        )
        return bar_rows([{**row, "label": labels.get(row["kind"], row["kind"])} for row in rows])

    @staticmethod
    def programmes(region, today):
        programmes = Programme.objects.active().with_progress().select_related("region")
        if region is not None:
            programmes = programmes.filter(Q(region=region) | Q(region__isnull=True))
        recent = today - datetime.timedelta(days=366)
        programmes = programmes.filter(Q(end_date__isnull=True) | Q(end_date__gte=recent))
        return list(programmes.order_by("-start_date", "code")[:8])
