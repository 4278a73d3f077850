from rest_framework.permissions import SAFE_METHODS, BasePermission

from accounts import access


class RegistryPermission(BasePermission):
    """DRF face of accounts.access: reads follow the registry's visibility, writes need a writing role."""

    def has_permission(self, request, view):
        model = getattr(getattr(view, "queryset", None), "model", None)
        if model is None:
            return request.method in SAFE_METHODS or access.is_secretariat(request.user)
        if request.method in SAFE_METHODS:
            return access.can_read_model(request.user, model)
        return access.can_write_model(request.user, model)

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True  # the queryset was already narrowed to readable rows
        return access.can_write_object(request.user, obj)


class IsSecretariat(BasePermission):
    def has_permission(self, request, view):
        return access.is_secretariat(request.user)
