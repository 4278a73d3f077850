import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
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

    def save(self, *args, **kwargs):
        # set_password() leaves the new password in _password until the save; a hash upgrade at sign-in does not.
        password_changed = self._password is not None and self.pk is not None
        super().save(*args, **kwargs)
        if password_changed:
            self.api_tokens.revoke()

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


def token_digest(key):
    """What is stored of an API token: its SHA-256. Keys are 160 random bits, so a fast hash is enough; the key
    itself is shown once, when it is issued, and never kept."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def live(self):
        now = timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)

    def revoke(self):
        return self.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())


class ApiToken(models.Model):
    """A key for `Authorization: Token <key>`. Only its digest and its first characters (to tell keys apart) are
    stored; it expires after API_TOKEN_TTL, and dies when revoked or when its owner's password changes."""

    PREFIX_LENGTH = 8

    user = models.ForeignKey(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens")
    prefix = models.CharField(_("key prefix"), max_length=PREFIX_LENGTH, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), db_index=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.prefix}… ({self.user})"

    @classmethod
    def issue(cls, user):
        """A new token for `user`: returns (token, key); the key is not stored and cannot be shown again."""
        key = secrets.token_hex(20)
        token = cls.objects.create(
            user=user,
            prefix=key[: cls.PREFIX_LENGTH],
            digest=token_digest(key),
            expires_at=timezone.now() + settings.API_TOKEN_TTL,
        )
        return token, key

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
