"""Who reads the confidential registry of this app (mothers' homes). The admin, the portal and the API all ask these
rules through accounts.access, so each decision lives here and nowhere else."""

from dataclasses import dataclass

from accounts.access import AccessRule, is_coordinator


@dataclass(frozen=True)
class OwnRegionOnly(AccessRule):
    """Confidential per row: besides the secretariat, only the coordinator of the row's own region reads it.

    Used for the mothers' homes, whose per-home figures nobody else sees (they get aggregates per region).
    """

    def confidential_rows(self, user, queryset):
        if is_coordinator(user):
            return self.filter_region(queryset, user.region_id)
        return queryset.none()
