"""Base of every registry's admin: access rules, archive instead of delete, history, CSV/XLSX import and export."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.forms.models import _get_foreign_key
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportModelAdmin
from import_export.resources import ModelResource
from simple_history.admin import SimpleHistoryAdmin

from accounts import access
from registry.models import Dependents


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


class RegistryResource(ModelResource):
    """Import/export of a registry. Subclasses name the natural key in Meta.import_id_fields; an import whose any
    row is bad imports nothing and lists every row's errors."""

    class Meta:
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        exclude = ("created_at", "updated_at", "archived_at")


# Links typed without a scheme are taken as https (Django 6's default; silences its deprecation warning).
URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


class RegistryAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    readonly_fields = ("created_at", "updated_at", "archived_at")
    formfield_overrides = URL_FIELD_OVERRIDES
    actions = ["archive_selected", "restore_selected"]
    list_per_page = 50

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), ArchivedListFilter)

    def get_readonly_fields(self, request, obj=None):
        return tuple(dict.fromkeys((*super().get_readonly_fields(request, obj), *RegistryAdmin.readonly_fields)))

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
                record.archive()
                archived += 1
            except Dependents as blocked:
                refused.append(
                    _("%(record)s: still referenced by %(dependents)s")
                    % {"record": record, "dependents": ", ".join(blocked.blockers)}
                )
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
        restored = 0
        for record in queryset.filter(archived_at__isnull=False):
            if access.can_write_object(request.user, record):
                record.restore()
                restored += 1
        self.message_user(
            request,
            ngettext("%(count)d record restored.", "%(count)d records restored.", restored) % {"count": restored},
            messages.SUCCESS,
        )


class RegistryInline:
    """Mixin for inlines of registry admins: rights from accounts.access (not Django's per-model permissions, which
    staff roles do not carry), nothing deleted, only readable rows shown."""

    extra = 0
    show_change_link = True
    formfield_overrides = URL_FIELD_OVERRIDES

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
