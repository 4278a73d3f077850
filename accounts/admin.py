from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "get_full_name", "email", "role", "region", "is_staff", "is_active")
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

    def _secretariat(self, request):
        return request.user.is_active and request.user.is_staff and request.user.is_secretariat

    def has_module_permission(self, request):
        return self._secretariat(request)

    def has_view_permission(self, request, obj=None):
        return self._secretariat(request)

    def has_add_permission(self, request):
        return self._secretariat(request)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return self._secretariat(request)

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate accounts instead, so history keeps naming who did what
