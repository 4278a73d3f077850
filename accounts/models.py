from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat staff")
    COORDINATOR = "coordinator", _("Regional coordinator")
    MEDIATOR = "mediator", _("Mediator")
    READER = "reader", _("API reader")


class User(AbstractUser):
    """A person who signs in. What they may see and change follows from `role` (see accounts.access)."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.READER)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text=_("The region a regional coordinator works for."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def clean(self):
        super().clean()
        if self.role == Role.COORDINATOR and not self.region_id:
            raise ValidationError({"region": _("A regional coordinator must be bound to a region.")})

    @property
    def is_secretariat(self):
        return self.is_active and (self.is_superuser or self.role == Role.SECRETARIAT)

    @property
    def is_coordinator(self):
        return self.is_active and self.role == Role.COORDINATOR and self.region_id is not None

    @property
    def is_mediator(self):
        return self.is_active and self.role == Role.MEDIATOR
