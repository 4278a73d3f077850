"""Who writes memberships and people: the secretariat everything; a regional coordinator the rosters their region
keeps (the members of its councils) and the people on them. Asked through accounts.access by the admin, the portal
and the API alike."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, is_coordinator, is_secretariat

# Bodies whose rosters a region's coordinator keeps: multi-table children of Body, by app label.
ROSTER_MODELS = ("councils.Council",)


def roster_models():
    found = []
    for label in ROSTER_MODELS:
        try:
            found.append(apps.get_model(label))
        except LookupError:  # the app is not installed
            continue
    return found


def roster_bodies(region_code=None):
    """The bodies (as a Body queryset) whose rosters coordinators keep; only those of `region_code` if given."""
    Body = apps.get_model("assembly", "Body")
    condition = Q(pk__in=[])
    for model in roster_models():
        rows = model.objects.all()
        if region_code is not None:
            rows = rows.filter(region_id=region_code)
        condition |= Q(pk__in=rows.values("pk"))
    return Body.objects.filter(condition)


def is_roster_body(body_id):
    return body_id is not None and roster_bodies().filter(pk=body_id).exists()


@dataclass(frozen=True)
class RosterRule(AccessRule):
    """Memberships: a coordinator writes those of the councils (ROSTER_MODELS) of their own region; memberships of
    any other body (the Assembly, its regional assemblies, associations…) stay the secretariat's."""

    def writes_model(self, user):
        return is_coordinator(user)

    def writes_object(self, user, obj):
        if not self.writes_model(user) or not obj.body_id:
            return False
        return roster_bodies(user.region_id).filter(pk=obj.body_id).exists()

    def writable_rows(self, user, queryset):
        if not self.writes_model(user):
            return queryset.none()
        return queryset.filter(body__in=roster_bodies(user.region_id))

    def write_forbidden(self, user, obj):
        return not is_secretariat(user) and not is_roster_body(obj.body_id)

    def write_refusal(self, user):
        return _("You may only change the rosters of your own region's councils (%(region)s).") % {
            "region": getattr(user, "region_id", None) or "-"
        }


@dataclass(frozen=True)
class RosterPersonRule(AccessRule):
    """People: a coordinator adds people of their own region and corrects those whose every current post is on a
    roster of their region (a council member, not an akim or a deputy chairman of the Assembly)."""

    coordinator_writes: bool = True

    def writes_object(self, user, obj):
        if not super().writes_object(user, obj):
            return False
        if obj.pk is None:
            return True
        Membership = apps.get_model("assembly", "Membership")
        others = Membership.objects.active().filter(person_id=obj.pk).exclude(body__in=roster_bodies(user.region_id))
        return not others.exists()

    def writable_rows(self, user, queryset):
        rows = super().writable_rows(user, queryset)
        Membership = apps.get_model("assembly", "Membership")
        others = Membership.objects.active().exclude(body__in=roster_bodies(user.region_id)).values("person_id")
        return rows.exclude(pk__in=others)

    def write_refusal(self, user):
        return _("You may only change people of your own region (%(region)s) who hold posts only in its councils.") % {
            "region": getattr(user, "region_id", None) or "-"
        }
