from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import ApiToken, Role, User

# What a role may do, in increasing order: nobody but a superuser grants a role above their own.
ROLE_RANK = {Role.READER: 0, Role.MEDIATOR: 1, Role.COORDINATOR: 1, Role.SECRETARIAT: 2}

# What only a superuser grants or even sees: the fields that give admin access or rights beyond a role.
SUPERUSER_ONLY_FIELDS = ("is_staff", "is_superuser", "groups", "user_permissions")


def grantable_roles(user):
    if user.is_superuser:
        return list(Role.choices)
    own = ROLE_RANK.get(user.role, 0)
    return [(value, label) for value, label in Role.choices if ROLE_RANK[value] <= own]


def without_fields(fieldsets, hidden):
    return tuple(
        (name, {**options, "fields": tuple(field for field in options["fields"] if field not in hidden)})
        for name, options in fieldsets
    )


def _secretariat(request):
    return request.user.is_active and request.user.is_staff and request.user.is_secretariat


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Accounts. The secretariat manages the accounts of coordinators, mediators and readers; staff status,
    superuser status, groups and permissions, and the accounts of staff, are a superuser's."""

    list_display = ("username", "full_name", "email", "role", "region", "is_staff", "is_active")
    list_filter = ("role", "region", "is_staff", "is_active")
    list_select_related = ("region",)
    autocomplete_fields = ("region",)
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Role in Shanyrak"), {"fields": ("role", "region")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Role in Shanyrak"), {"fields": ("role", "region")}),
    )
    readonly_fields = ("last_login", "date_joined")

    @admin.display(description=_("full name"), ordering="last_name")
    def full_name(self, user):
        return user.get_full_name()

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return without_fields(fieldsets, SUPERUSER_ONLY_FIELDS)

    def get_list_display(self, request):
        if request.user.is_superuser:
            return super().get_list_display(request)
        return tuple(field for field in super().get_list_display(request) if field not in SUPERUSER_ONLY_FIELDS)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role":
            kwargs["choices"] = grantable_roles(request.user)
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def has_module_permission(self, request):
        return _secretariat(request)

    def has_view_permission(self, request, obj=None):
        return _secretariat(request)

    def has_add_permission(self, request):
        return _secretariat(request)

    def has_change_permission(self, request, obj=None):
        if not _secretariat(request):
            return False
        if obj is None or request.user.is_superuser:
            return True
        # A staff account (or a superuser) is a superuser's to change, password included: otherwise one member of
        # staff could take over another's account, or raise a role above their own.
        if obj.is_staff or obj.is_superuser:
            return False
        return ROLE_RANK.get(obj.role, 0) <= ROLE_RANK.get(request.user.role, 0)

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate accounts instead, so history keeps naming who did what

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser:
            # Whatever the form posted: only a superuser makes staff or superusers.
            if not change:
                obj.is_staff = obj.is_superuser = False
            elif obj.pk:
                stored = User.objects.get(pk=obj.pk)
                obj.is_staff, obj.is_superuser = stored.is_staff, stored.is_superuser
        super().save_model(request, obj, form, change)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """API tokens, by their first characters only: the keys themselves are not stored. The secretariat revokes."""

    list_display = ("prefix", "user", "created_at", "expires_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at", "expires_at")
    list_select_related = ("user",)
    search_fields = ("prefix", "user__username")
    fields = ("prefix", "user", "created_at", "expires_at", "last_used_at", "revoked_at")
    readonly_fields = fields
    actions = ["revoke_selected"]

    def has_module_permission(self, request):
        return _secretariat(request)

    def has_view_permission(self, request, obj=None):
        return _secretariat(request)

    def has_change_permission(self, request, obj=None):
        return _secretariat(request)  # the only change is revoking, through the action

    def has_add_permission(self, request):
        return False  # tokens are issued by the API's token endpoint, to their owner

    def has_delete_permission(self, request, obj=None):
        return False  # revoked tokens stay, so it remains visible which keys were in use

    @admin.action(description=_("Revoke selected tokens"))
    def revoke_selected(self, request, queryset):
        count = queryset.revoke()
        self.message_user(
            request,
            ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", count) % {"count": count},
            messages.SUCCESS,
        )
