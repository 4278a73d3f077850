"""Base of every registry's admin: access rules, archive instead of delete, history, CSV/XLSX import and export."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.forms.models import _get_foreign_key
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export import fields, widgets
from import_export.admin import ImportExportModelAdmin
from import_export.resources import ModelResource, modelresource_factory
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import ModelDelta
from simple_history.template_utils import HistoricalRecordContextHelper

from accounts import access
from registry.cells import neutralise_row
from registry.links import relation_errors
from registry.models import NAME_FIELDS, Dependents
from registry.versions import StaleVersion, VersionedFormMixin, claim, what_changed


def confidential_fields(model):
    """The fields of `model` only some readers see (contacts): the model's, as the API serializer and the portal."""
    return tuple(getattr(model, "confidential_fields", ()))


def sees_confidential(user, obj):
    """accounts.access's answer for `obj`, asked also of the stored row when `obj` is an older version of it (a
    history entry), so neither the record's past nor its present region lets other regions read its contacts."""
    rule = access.rule_for(type(obj))
    if not rule.sees_confidential_fields(user, obj):
        return False
    if obj.pk is None:
        return True
    current = type(obj)._default_manager.filter(pk=obj.pk).first()
    return current is None or current is obj or rule.sees_confidential_fields(user, current)


class ConfidentialHistoryHelper(HistoricalRecordContextHelper):
    """The admin's history list without the changes of fields the viewer may not see."""

    def __init__(self, model, historical_record, hidden):
        super().__init__(model, historical_record)
        self.hidden = hidden

    def context_for_delta_changes(self, delta):
        changes = [change for change in delta.changes if change.field not in self.hidden]
        visible = ModelDelta(changes, [change.field for change in changes], delta.old_record, delta.new_record)
        return super().context_for_delta_changes(visible)


class ArchivedListFilter(admin.SimpleListFilter):
    title = _("archive")
    parameter_name = "archived"

    def lookups(self, request, model_admin):
        return [("archived", _("Archived only")), ("all", _("Active and archived"))]

    def queryset(self, request, queryset):
        if self.value() == "archived":
            return queryset.filter(archived_at__isnull=False)
        if self.value() == "all":
            return queryset
        return queryset.filter(archived_at__isnull=True)

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Active only"),
        }
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


NAMES = NAME_FIELDS


def annotated_column(attribute, description):
    """A list column showing `attribute`, a figure the admin's `get_queryset` annotates, and sorting by it."""

    @admin.display(description=description, ordering=attribute)
    def column(model_admin, obj):
        return getattr(obj, attribute)

    return column


def key_column(attribute, model, field="pk", column=None):
    """An import/export column holding the linked record's natural key (`field` of `model`) rather than its id."""
    return fields.Field(
        attribute=attribute, column_name=column or attribute, widget=widgets.ForeignKeyWidget(model, field)
    )


class RegistryResource(ModelResource):
    """Import/export of a registry. Subclasses name the natural key in Meta.import_id_fields; an import whose any
    row is bad imports nothing and lists every row's errors."""

    def export_field(self, field, instance, **kwargs):
        """A confidential field (the model's `confidential_fields`) of a row the exporting user may not see it on is
        exported empty, as the API and the portal leave it out."""
        user = kwargs.get("user")
        hidden = confidential_fields(type(instance))
        # Exported rows are the stored ones: the rule is asked of them directly, without looking them up again.
        rule = access.rule_for(type(instance))
        if user is not None and field.attribute in hidden and not rule.sees_confidential_fields(user, instance):
            return ""
        return super().export_field(field, instance, **kwargs)

    class Meta:
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        exclude = ("created_at", "updated_at", "archived_at")

    def export_resource(self, instance, selected_fields=None, **kwargs):
        # Exported files are opened in spreadsheets: a text starting like a formula is written as plain text.
        return neutralise_row(super().export_resource(instance, selected_fields, **kwargs))


# Links typed without a scheme are taken as https (Django 6's default; silences its deprecation warning).
URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


class LinkCheckedForm(forms.ModelForm):
    """An admin form (change form or inline row) whose relations must point at records the user may link
    (registry.links); the admin sets `user` on the form class for each request."""

    user = None

    def clean(self):
        cleaned = super().clean()
        if self.user is not None:
            stored = self.instance if self.instance.pk is not None else None
            for field, messages in relation_errors(self.user, self._meta.model, stored, cleaned).items():
                if field in self.fields:
                    self.add_error(field, messages)
                else:
                    self.add_error(None, messages)
        return cleaned


class RegistryAdminForm(VersionedFormMixin, LinkCheckedForm):
    """The admin's change form: carries the version it was opened at, and refuses a save over a newer change."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)
    checks_version = True

    def clean(self):
        if not self.checks_version:
            return LinkCheckedForm.clean(self)
        return super().clean()

    def is_valid(self):
        # The admin validates and saves in one transaction: claimed last, once every other check passed, the row is
        # held until the save, so of two forms opened at the same version exactly one is saved.
        if not super().is_valid():
            return False
        if self.checks_version and self.instance.pk is not None and not getattr(self, "_version_claimed", False):
            try:
                claim(self.instance, self.submitted_version())
            except StaleVersion:
                self.add_error(None, what_changed(self.instance, self.submitted_version() or self.instance.version))
                return False
            self._version_claimed = True
        return True


class RegistryAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    """Search looks in the model's `search_fields` unless the admin names its own."""

    form = RegistryAdminForm
    readonly_fields = ("created_at", "updated_at", "archived_at")
    formfield_overrides = URL_FIELD_OVERRIDES
    actions = ["archive_selected", "restore_selected"]
    list_per_page = 50

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        if not self.search_fields:
            self.search_fields = getattr(model, "search_fields", ())

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user
        if getattr(request, "reverting_history", False):
            # Reverting to an entry of the history edits a past version on purpose.
            form = type(form.__name__, (form,), {"checks_version": False})
        return form

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        request.reverting_history = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_resource_classes(self, request):
        declared = super().get_resource_classes(request)
        if self.resource_classes or self.resource_class:
            return declared
        return [modelresource_factory(self.model, resource_class=RegistryResource)]

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), ArchivedListFilter)

    def get_readonly_fields(self, request, obj=None):
        return tuple(dict.fromkeys((*super().get_readonly_fields(request, obj), *RegistryAdmin.readonly_fields)))

    # -- confidential fields: shown only where accounts.access lets the user see them ------------------------
    def hidden_fields(self, request, obj=None):
        """Confidential fields `request.user` may not see on `obj` (on a new record, the user's own, they may)."""
        hidden = confidential_fields(self.model)
        if not hidden or obj is None or sees_confidential(request.user, obj):
            return ()
        return hidden

    def get_exclude(self, request, obj=None):
        hidden = self.hidden_fields(request, obj)
        return (*(super().get_exclude(request, obj) or ()), *hidden) if hidden else super().get_exclude(request, obj)

    def get_fieldsets(self, request, obj=None):
        hidden = self.hidden_fields(request, obj)
        fieldsets = super().get_fieldsets(request, obj)
        if not hidden:
            return fieldsets
        return [
            (name, {**options, "fields": [field for field in options["fields"] if field not in hidden]})
            for name, options in fieldsets
        ]

    def get_search_fields(self, request):
        # A contact only for the secretariat: searching by it would tell which rows hold it.
        return access.searchable_fields(request.user, self.model, super().get_search_fields(request))

    def get_historical_record_context_helper(self, request, historical_record):
        # Asked once per page: every entry of a history page belongs to the same record.
        cache = request.__dict__.setdefault("_hidden_in_history", {})
        pk = historical_record.instance.pk
        if pk not in cache:
            obj = self.model._default_manager.filter(pk=pk).first()
            cache[pk] = self.hidden_fields(request, obj) if obj is not None else confidential_fields(self.model)
        return ConfidentialHistoryHelper(self.model, historical_record, cache[pk])

    def get_data_for_export(self, request, queryset, **kwargs):
        return super().get_data_for_export(request, queryset, user=request.user, **kwargs)

    # -- access: every decision goes through accounts.access --------------------------------------------------
    def get_queryset(self, request):
        return access.readable(request.user, super().get_queryset(request))

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff and access.can_read_model(request.user, self.model)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return request.user.is_staff and access.can_write_model(request.user, self.model)

    def has_change_permission(self, request, obj=None):
        if not request.user.is_staff:
            return False
        if obj is None:
            return access.can_write_model(request.user, self.model)
        return access.can_write_object(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return False  # records are archived, never deleted

    def has_import_permission(self, request):
        return access.is_secretariat(request.user)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def save_model(self, request, obj, form, change):
        if not access.can_write_object(request.user, obj):
            raise PermissionDenied(access.rule_for(type(obj)).write_refusal(request.user))
        super().save_model(request, obj, form, change)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        rule = access.rule_for(self.model)
        if (
            rule.region_path
            and db_field.name == rule.region_path
            and access.is_coordinator(request.user)
            and not access.is_secretariat(request.user)
        ):
            kwargs["queryset"] = db_field.remote_field.model.objects.filter(pk=request.user.region_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # -- archive instead of delete -------------------------------------------------------------------------
    @admin.action(description=_("Archive selected records"))
    def archive_selected(self, request, queryset):
        archived, refused = 0, []
        for record in queryset.filter(archived_at__isnull=True):
            if not access.can_write_object(request.user, record):
                refused.append(_("%(record)s: not yours to change") % {"record": record})
                continue
            try:
                record.archive(request.user)
                archived += 1
            except Dependents as blocked:
                refused.append(
                    _("%(record)s: still referenced by %(dependents)s")
                    % {"record": record, "dependents": ", ".join(blocked.blockers)}
                )
            except (ValidationError, PermissionDenied) as refusal:
                refused.append(f"{record}: {' '.join(refusal_messages(refusal))}")
        if archived:
            self.message_user(
                request,
                ngettext("%(count)d record archived.", "%(count)d records archived.", archived) % {"count": archived},
                messages.SUCCESS,
            )
        for reason in refused:
            self.message_user(request, _("Not archived: %(reason)s") % {"reason": reason}, messages.ERROR)

    @admin.action(description=_("Restore selected archived records"))
    def restore_selected(self, request, queryset):
        restored, refused = 0, []
        for record in queryset.filter(archived_at__isnull=False):
            if not access.can_write_object(request.user, record):
                continue
            try:
                record.restore(request.user)
                restored += 1
            except (ValidationError, PermissionDenied) as refusal:
                refused.append(f"{record}: {' '.join(refusal_messages(refusal))}")
        self.message_user(
            request,
            ngettext("%(count)d record restored.", "%(count)d records restored.", restored) % {"count": restored},
            messages.SUCCESS,
        )
        for reason in refused:
            self.message_user(request, _("Not restored: %(reason)s") % {"reason": reason}, messages.ERROR)


def refusal_messages(refusal):
    """The messages of a model's ValidationError or PermissionDenied, for a list of refused records."""
    return refusal.messages if isinstance(refusal, ValidationError) else [str(refusal)]


class RegistryInline:
    """Mixin for inlines of registry admins: rights from accounts.access (not Django's per-model permissions, which
    staff roles do not carry), nothing deleted, only readable rows shown."""

    extra = 0
    show_change_link = True
    formfield_overrides = URL_FIELD_OVERRIDES
    form = LinkCheckedForm

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.user = request.user
        if isinstance(self, admin.TabularInline):
            # A table's inputs are labelled only by their column heading, which assistive technology does not
            # connect to them: each input carries its field's name.
            for field in formset.form.base_fields.values():
                field.widget.attrs.setdefault("aria-label", capfirst(field.label))
        return formset

    def get_queryset(self, request):
        return access.readable(request.user, super().get_queryset(request))

    def has_view_permission(self, request, obj=None):
        return request.user.is_staff and access.can_read_model(request.user, self.model)

    def has_add_permission(self, request, obj=None):
        return request.user.is_staff and inline_writes(self, request, obj)

    def has_change_permission(self, request, obj=None):
        return request.user.is_staff and inline_writes(self, request, obj)

    def has_delete_permission(self, request, obj=None):
        return False  # records are archived, never deleted


def inline_writes(inline, request, obj):
    """Whether the user writes the inline's rows under the parent record `obj`: asked of accounts.access as a row of
    that parent (so a coordinator's rights over memberships follow the body they belong to)."""
    if not access.can_write_model(request.user, inline.model):
        return False
    if obj is None or access.is_secretariat(request.user):
        return True
    fk = _get_foreign_key(inline.parent_model, inline.model, fk_name=inline.fk_name)
    return access.can_write_object(request.user, inline.model(**{fk.name: obj}))
