"""The one place that decides who may read and write what.

Every registry model declares an `access = AccessRule(...)`; the admin, the portal and the API all ask the
functions below, so a rule changes in one place for all three interfaces.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public")  # anonymous users may read it
    INTERNAL = "internal", _("internal")  # any signed-in role may read it
    CONFIDENTIAL = "confidential", _("confidential")  # only those the rule names


@dataclass(frozen=True)
class AccessRule:
    """How a registry is read and written.

    visibility: who reads rows at all. region_path: the lookup from a row to its region's ISO code (None when the
    registry is national). coordinator_writes: regional coordinators may create and change rows of their region.
    """

    visibility: str = Visibility.INTERNAL
    region_path: str | None = "region"
    coordinator_writes: bool = False

    def region_of(self, obj):
        if self.region_path is None:
            return None
        if self.region_path == "pk":
            return obj.pk
        return value_at(obj, self.region_path)

    def filter_region(self, queryset, region_code):
        if self.region_path is None:
            return queryset.none()
        lookup = "pk" if self.region_path == "pk" else self.region_path
        return queryset.filter(**{lookup: region_code})

    def public_rows(self, queryset):
        """Rows of a public registry that anonymous users may read: all of them unless a rule narrows it (for
        example to verified, public events)."""
        return queryset

    def confidential_rows(self, user, queryset):
        """Rows of a confidential registry that a non-secretariat user may read; none unless a rule says so."""
        return queryset.none()

    def sees_confidential_fields(self, user, obj):
        """Contacts and other private fields: the secretariat, and the coordinator of the row's own region."""
        if is_secretariat(user):
            return True
        return is_coordinator(user) and self.region_path is not None and self.region_of(obj) == user.region_id

    # -- writes by users other than the secretariat (who write everything); a rule may widen them ----------
    def writes_model(self, user):
        """Whether `user` may write some rows of this registry: by default a coordinator, if coordinators write."""
        return is_coordinator(user) and self.coordinator_writes

    def writes_object(self, user, obj):
        """Whether `user` may write `obj` (also used for the record as it would be after a write)."""
        if not self.writes_model(user):
            return False
        region = self.region_of(obj)
        return region is not None and region == user.region_id

    def writable_rows(self, user, queryset):
        if not self.writes_model(user):
            return queryset.none()
        return self.filter_region(queryset, user.region_id)

    def write_forbidden(self, user, obj):
        """Whether a refused write of `obj` is refused outright (403), not for a value the user could correct
        (400 naming the field): e.g. a membership of a body whose roster no coordinator keeps."""
        return False

    def write_refusal(self, user):
        """The message a refused write shows."""
        return _("You may only write records of your own region (%(region)s).") % {
            "region": getattr(user, "region_id", None) or "-"
        }


def value_at(obj, path):
    """The value at a `__`-separated lookup path from `obj` (`"office__region"` → the office's region id)."""
    *hops, last = path.split("__")
    target = obj
    for hop in hops:
        target = getattr(target, hop, None)
        if target is None:
            return None
    field = target._meta.get_field(last)
    return getattr(target, field.attname)


DEFAULT_RULE = AccessRule()


def rule_for(model):
    return getattr(model, "access", DEFAULT_RULE)


def is_secretariat(user):
    return bool(user and user.is_authenticated and getattr(user, "is_secretariat", False))


def searchable_fields(user, model, fields):
    """The search fields `user` may search `model` by: a match on a confidential field (an e-mail, a phone) would tell
    whose contact it is, so those are the secretariat's alone."""
    hidden = getattr(model, "confidential_fields", ())
    if not hidden or is_secretariat(user):
        return tuple(fields)
    return tuple(field for field in fields if field.lstrip("^=@$").split("__")[0] not in hidden)


def is_coordinator(user):
    return bool(user and user.is_authenticated and getattr(user, "is_coordinator", False))


def bound_region(user):
    """The region a coordinator is bound to; None for the secretariat and the national roles."""
    if is_coordinator(user) and not is_secretariat(user):
        return user.region_id
    return None


def is_mediator(user):
    return bool(user and user.is_authenticated and getattr(user, "is_mediator", False))


def can_read_model(user, model):
    rule = rule_for(model)
    if rule.visibility == Visibility.PUBLIC:
        return True
    return bool(user and user.is_authenticated and user.is_active)


def readable(user, queryset):
    """The rows of `queryset` that `user` may read."""
    rule = rule_for(queryset.model)
    if is_secretariat(user):
        return queryset
    if not can_read_model(user, queryset.model):
        return queryset.none()
    if rule.visibility == Visibility.CONFIDENTIAL:
        return rule.confidential_rows(user, queryset)
    if not (user and user.is_authenticated):
        return rule.public_rows(queryset)
    return queryset


def can_write_model(user, model):
    """Whether `user` may create or change rows of `model` at all (some region's, for coordinators)."""
    if is_secretariat(user):
        return True
    return bool(user and user.is_authenticated) and rule_for(model).writes_model(user)


def can_write_region(user, model, region_code):
    """Whether `user` may put a row of `model` in region `region_code`."""
    if is_secretariat(user):
        return True
    if not can_write_model(user, model):
        return False
    return region_code is not None and region_code == user.region_id


def can_write_object(user, obj):
    if is_secretariat(user):
        return True
    return bool(user and user.is_authenticated) and rule_for(type(obj)).writes_object(user, obj)


def writable(user, queryset):
    """The rows of `queryset` that `user` may change."""
    if is_secretariat(user):
        return queryset
    if not (user and user.is_authenticated):
        return queryset.none()
    return rule_for(queryset.model).writable_rows(user, queryset)


def can_link(user, obj):
    """Whether `user` may make a record they write point at `obj` (a parent, a successor, an organiser, a person on a
    roster…): the secretariat any record; anyone else only a record they may read and, for a coordinator and a
    region-bound registry, one of their own region or a national one (no region)."""
    if is_secretariat(user):
        return True
    model = type(obj)
    if not readable(user, model._default_manager.filter(pk=obj.pk)).exists():
        return False
    rule = rule_for(model)
    if is_coordinator(user) and rule.region_path is not None:
        region = rule.region_of(obj)
        return region is None or region == user.region_id
    return True


def link_refusal(obj):
    """The message a refused link shows (it names no more of `obj` than its registry)."""
    return _("You may only link a record you may read, of your own region or national (%(registry)s).") % {
        "registry": type(obj)._meta.verbose_name
    }
