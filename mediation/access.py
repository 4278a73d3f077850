"""Who reads and writes mediation's confidential registries (mediators, cases, notes). The admin, the portal and the
API all ask these rules through accounts.access, so each decision lives here and nowhere else."""

from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule, is_mediator, is_secretariat, value_at


def mediator_office_ids(user):
    """The offices `user` works in as an active mediator (a subquery; empty for anyone who is not a mediator)."""
    Mediator = apps.get_model("mediation", "Mediator")
    if not is_mediator(user):
        return Mediator.objects.none().values("office_id")
    return Mediator.objects.filter(
        user_id=user.pk, active=True, archived_at__isnull=True, office__archived_at__isnull=True
    ).values("office_id")


@dataclass(frozen=True)
class OfficeOnly(AccessRule):
    """Mediation casework: besides the secretariat, only the mediators (and heads) of the row's own office.

    office_path: the lookup from a row to its mediation office. mediators_write: the office's mediators may create
    and change rows (cases, notes). Coordinators, even of the office's region, readers and anonymous users get
    nothing; the public reads only the suppressed statistics (mediation.stats).
    """

    office_path: str = "office"
    mediators_write: bool = False

    def office_of(self, obj):
        return value_at(obj, self.office_path)

    def in_own_office(self, user, obj):
        office = self.office_of(obj)
        return office is not None and mediator_office_ids(user).filter(office_id=office).exists()

    def confidential_rows(self, user, queryset):
        return queryset.filter(**{f"{self.office_path}__in": mediator_office_ids(user)})

    def sees_confidential_fields(self, user, obj):
        return is_secretariat(user) or self.in_own_office(user, obj)

    def writes_model(self, user):
        return self.mediators_write and is_mediator(user)

    def writes_object(self, user, obj):
        return self.writes_model(user) and self.in_own_office(user, obj)

    def writable_rows(self, user, queryset):
        if not self.writes_model(user):
            return queryset.none()
        return self.confidential_rows(user, queryset)

    def write_refusal(self, user):
        return _("You may only handle the cases of your own mediation office.")
