"""Generic portal pages for the registries declared in declarations.py: list, record, create, edit, archive; and
the rosters of councils. Every decision on who may read or write is asked of accounts.access."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts import access
from assembly.models import Membership, Person
from portal.registries.declarations import REGISTRIES
from portal.registries.forms import (
    MemberForm,
    MembershipChangeForm,
    registry_form_class,
)
from registry.models import Dependents


class RegistryMixin(LoginRequiredMixin):
    """Resolves `<registry>` from the URL; signed-in users only (anonymous users go to the login page)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.registry = REGISTRIES.get(kwargs["registry"])
        if self.registry is None:
            raise Http404
        if not access.can_read_model(request.user, self.registry.model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def rows(self):
        return access.readable(self.request.user, self.registry.queryset())

    def get_record(self):
        return get_object_or_404(self.rows(), pk=self.kwargs["pk"])

    def require_write(self, record):
        if not access.can_write_object(self.request.user, record):
            raise PermissionDenied(access.rule_for(type(record)).write_refusal(self.request.user))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registry"] = self.registry
        return context


class FormPage(TemplateView):
    """A page of one form: `load()` finds what it is about and checks the user may change it, `make_form(data)`
    builds the form; a form with errors comes back with status 400, a valid one goes to `form_valid(form)`."""

    def get(self, request, *args, **kwargs):
        self.load()
        return self.render_to_response(self.get_context_data(form=self.make_form()))

    def post(self, request, *args, **kwargs):
        self.load()
        form = self.make_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return self.form_valid(form)


class RegistryListView(RegistryMixin, TemplateView):
    """A coordinator's region's records; the secretariat and the national roles choose a region (all by default)."""

    template_name = "portal/registry_list.html"
    page_size = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        region = access.bound_region(user)
        scope = self.rows().filter(archived_at__isnull=True)
        if region:
            scope = scope.filter(region_id=region)
        filters = self.registry.filterset(self.request.GET, queryset=scope, request=self.request, region=region)
        records = filters.qs.order_by(*self.registry.ordering, "pk")
        page = Paginator(records, self.page_size).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        rows = [(record, self.registry.cells(record)) for record in page.object_list]
        context.update(
            form=filters.form,
            page=page,
            rows=rows,
            headings=self.registry.headings(),
            query=query.urlencode(),
            filtered=any(value for key, value in self.request.GET.items() if key != "page"),
            region=user.region if region else None,
            can_create=access.can_write_model(user, self.registry.model),
        )
        return context


class RegistryDetailView(RegistryMixin, TemplateView):
    template_name = "portal/registry_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        record = self.get_record()
        rule = access.rule_for(type(record))
        hidden = () if rule.sees_confidential_fields(user, record) else self.registry.confidential_fields()
        context.update(
            record=record,
            facts=self.registry.facts(record, hidden=hidden),
            writable=access.can_write_object(user, record),
            history=record.history.select_related("history_user").order_by("-history_date", "-history_id")[:10],
        )
        if self.registry.roster_roles:
            context.update(roster_context(user, record))
        return context


def roster_context(user, body):
    """A body's members over time (current first), their contacts only where Person's rule lets `user` see them."""
    memberships = list(
        access.readable(user, Membership.objects.filter(body=body, archived_at__isnull=True))
        .select_related("person")
        .order_by("end_date", "-start_date", "id")
    )
    person_rule = access.rule_for(Person)
    for membership in memberships:
        membership.contacts_visible = person_rule.sees_confidential_fields(user, membership.person)
    today = timezone.localdate()
    return {
        "members": [m for m in memberships if m.end_date is None or m.end_date >= today],
        "former_members": [m for m in memberships if m.end_date is not None and m.end_date < today],
        "roster_readable": access.can_read_model(user, Membership),
        "roster_writable": access.can_write_object(user, Membership(body=body)),
    }


class RegistryFormView(RegistryMixin, FormPage):
    """Create a record (no `pk`) or change one, through the model's clean(); the history records who did it."""

    template_name = "portal/registry_form.html"

    def load(self):
        user = self.request.user
        if "pk" in self.kwargs:
            self.record = self.get_record()
            self.require_write(self.record)
        else:
            if not access.can_write_model(user, self.registry.model):
                raise PermissionDenied(_("Your role cannot add records here."))
            self.record = self.registry.model()
        self.form_class = registry_form_class(self.registry)

    def make_form(self, data=None):
        initial = {}
        if self.record.pk is None and self.request.GET.get("region"):
            initial["region"] = self.request.GET["region"]
        return self.form_class(
            data, instance=self.record, initial=initial, user=self.request.user, registry=self.registry
        )

    def form_valid(self, form):
        record = form.save(commit=False)
        self.require_write(record)  # the record as saved must still be the user's to write
        try:
            with transaction.atomic():
                form.claim_version()
                record.save()
                form.save_m2m()
        except ValidationError:
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(self.request, _("«%(name)s» saved.") % {"name": record})
        return redirect("portal:registry-detail", registry=self.registry.slug, pk=record.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = self.record
        return context


class RegistryArchiveView(RegistryMixin, View):
    """Archive a record (never delete it); refused, with the reason, while active records depend on it."""

    def post(self, request, *args, **kwargs):
        record = self.get_record()
        self.require_write(record)
        try:
            record.archive(request.user)
        except Dependents as blocked:
            messages.error(
                request,
                _("«%(name)s» was not archived: it is still referenced by %(dependents)s.")
                % {"name": record, "dependents": ", ".join(blocked.blockers)},
            )
            return redirect("portal:registry-detail", registry=self.registry.slug, pk=record.pk)
        messages.success(request, _("«%(name)s» archived.") % {"name": record})
        return redirect("portal:registry", registry=self.registry.slug)


# -- council rosters -----------------------------------------------------------------------------------------------
class RosterMixin(RegistryMixin):
    """Roster pages of a registry that keeps members (councils): writes follow Membership's access rule."""

    template_name = "portal/member_form.html"

    def load(self):
        if not self.registry.roster_roles:
            raise Http404
        self.body = self.get_record()
        self.require_write(Membership(body=self.body))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = self.body
        return context

    def done(self, message):
        messages.success(self.request, message)
        return redirect("portal:registry-detail", registry=self.registry.slug, pk=self.body.pk)


class MemberAddView(RosterMixin, FormPage):
    extra_context = {"adding": True}

    def make_form(self, data=None):
        return MemberForm(
            data, instance=Membership(), council=self.body, user=self.request.user, roles=self.registry.roster_roles
        )

    def form_valid(self, form):
        with transaction.atomic():
            membership = form.save()
        return self.done(_("%(person)s added to the roster.") % {"person": membership.person})


class MembershipChangeView(RosterMixin, FormPage):
    def load(self):
        super().load()
        self.membership = get_object_or_404(
            access.readable(self.request.user, Membership.objects.filter(body=self.body)).select_related("person"),
            pk=self.kwargs["membership"],
        )
        self.require_write(self.membership)

    def make_form(self, data=None):
        return MembershipChangeForm(data, instance=self.membership, roles=self.registry.roster_roles)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["membership"] = self.membership
        return context

    def form_valid(self, form):
        membership = form.save()
        return self.done(_("The membership of %(person)s was saved.") % {"person": membership.person})
