"""Base of every registry's admin: access rules, archive instead of delete, history, CSV/XLSX import and export."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.forms.models import _get_foreign_key
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportModelAdmin
from import_export.resources import modelresource_factory
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import ModelDelta
from simple_history.template_utils import HistoricalRecordContextHelper

from accounts import access
from registry import search
from registry.admin_exchange import ExportForm, confidential_fields
from registry.admin_exchange import RegistryResource as RegistryResource
from registry.admin_lists import NAME as NAME
from registry.admin_lists import ArchivedListFilter, choice_filters
from registry.admin_lists import annotated_column as annotated_column
from registry.admin_lists import key_column as key_column
from registry.admin_lists import translated_column as translated_column
from registry.history import readable_value
from registry.links import relation_errors
from registry.models import NAME_FIELDS, Dependents
from registry.ordering import LocalNaturalName
from registry.reports import for_report
from registry.versions import StaleVersion, VersionedFormMixin, claim, what_changed


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
    """The admin's history list as a clerk reads it: without the changes of fields the viewer may not see, and
    each value in words (registry.history.readable_value) rather than as stored."""

    def __init__(self, model, historical_record, hidden):
        super().__init__(model, historical_record)
        self.hidden = hidden

    def context_for_delta_changes(self, delta):
        changes = [change for change in delta.changes if change.field not in self.hidden]
        visible = ModelDelta(changes, [change.field for change in changes], delta.old_record, delta.new_record)
        return super().context_for_delta_changes(visible)

    def prepare_delta_change_value(self, change, value):
        return readable_value(
            self.model._meta.get_field(change.field), super().prepare_delta_change_value(change, value)
        )


NAMES = NAME_FIELDS


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

    version = forms.CharField(widget=forms.HiddenInput, required=False, label=_("version"))
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
    """Search looks in the model's `search_fields` unless the admin names its own. Exports are offered for a report
    (names in the reader's language, registry.reports) and for re-import (codes, the import's own columns)."""

    form = RegistryAdminForm
    export_form_class = ExportForm
    to_encoding = "utf-8-sig"  # a byte-order mark: spreadsheets then read the Cyrillic and Kazakh letters right
    readonly_fields = ("created_at", "updated_at", "archived_at")
    formfield_overrides = URL_FIELD_OVERRIDES
    actions = ["archive_selected", "restore_selected"]
    list_per_page = 50

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        if not self.search_fields:
            self.search_fields = getattr(model, "search_fields", ())
        if not self.ordering and all(hasattr(model, field) for field in NAMES):
            # A named registry's list and autocomplete run by name in the reader's language, numbers read as
            # numbers ("№2" before "№10"); the list's name column shows it sorted.
            self.ordering = (LocalNaturalName("name"), "pk")

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

    def history_view_title(self, request, obj):
        # django-simple-history's own wording has no Kazakh or Russian the site can use: the title in ours.
        return _("History of changes: %(record)s") % {"record": obj}

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        super().set_history_delta_changes(request, historical_records, foreign_keys_are_objs)
        # The reason column is shown only when some entry of the page gives a reason.
        historical_records.has_reasons = any(record.history_change_reason for record in historical_records)

    def get_resource_classes(self, request):
        declared = super().get_resource_classes(request)
        if self.resource_classes or self.resource_class:
            return declared
        return [modelresource_factory(self.model, resource_class=RegistryResource)]

    def get_export_resource_classes(self, request):
        codes = list(self.get_resource_classes(request))
        return [*(for_report(resource) for resource in codes), *codes]

    def get_export_filename(self, request, queryset, file_format):
        """ "Мероприятия 2026-11-23.xlsx": the registry's name in the reader's language and the day; the file for
        re-import says so."""
        name = capfirst(self.model._meta.verbose_name_plural)
        if not getattr(request, "exports_report", True):
            name = _("%(registry)s, for re-import") % {"registry": name}
        return f"{name} {timezone.localdate():%Y-%m-%d}.{file_format.get_extension()}"

    def _do_file_export(self, file_format, request, queryset, export_form=None):
        chosen = self.choose_export_resource_class(export_form, request)
        request.exports_report = getattr(chosen, "for_report", False)
        response = super()._do_file_export(file_format, request, queryset, export_form)
        # A name in Cyrillic or Kazakh letters reaches the browser only as RFC 6266's filename*.
        response["Content-Disposition"] = content_disposition_header(
            True, self.get_export_filename(request, queryset, file_format)
        )
        return response

    def get_list_filter(self, request):
        return (*choice_filters(self.model, super().get_list_filter(request)), ArchivedListFilter)

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
        fields = access.searchable_fields(request.user, self.model, super().get_search_fields(request))
        return search.compact(self.model, fields)

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
        self.change_each(
            request,
            queryset.filter(archived_at__isnull=True),
            lambda record: record.archive(request.user),
            lambda count: ngettext("%(count)d record archived.", "%(count)d records archived.", count),
            _("Not archived: %(reason)s"),
        )

    @admin.action(description=_("Restore selected archived records"))
    def restore_selected(self, request, queryset):
        self.change_each(
            request,
            queryset.filter(archived_at__isnull=False),
            lambda record: record.restore(request.user),
            lambda count: ngettext("%(count)d record restored.", "%(count)d records restored.", count),
            _("Not restored: %(reason)s"),
        )

    def change_each(self, request, records, change, done, not_done):
        """`change(record)` for each record the user may change; then how many were changed (`done(count)`) and,
        one message each, why the others were not (`not_done`)."""
        changed, refused = 0, []
        for record in records:
            if not access.can_write_object(request.user, record):
                refused.append(_("%(record)s: not yours to change") % {"record": record})
                continue
            try:
                change(record)
                changed += 1
            except Dependents as blocked:
                refused.append(
                    _("%(record)s: still referenced by %(dependents)s")
                    % {"record": record, "dependents": ", ".join(blocked.blockers)}
                )
            except (ValidationError, PermissionDenied) as refusal:
                refused.append(f"{record}: {' '.join(refusal_messages(refusal))}")
        if changed:
            self.message_user(request, done(changed) % {"count": changed}, messages.SUCCESS)
        for reason in refused:
            self.message_user(request, not_done % {"reason": reason}, messages.ERROR)


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
