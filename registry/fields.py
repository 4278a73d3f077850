"""Field helpers for registry models: the one way a registry links to another record."""

from django.db import models


def link(to, verbose_name, related_name, *, field=models.ForeignKey, on_delete=models.PROTECT, **options):
    """A required link to another record. A linked registry record is archived, never deleted, hence PROTECT."""
    return field(to, verbose_name=verbose_name, on_delete=on_delete, related_name=related_name, **options)


def optional_link(to, verbose_name, related_name, **options):
    """A link that may be empty (in forms and in the database); otherwise as `link`."""
    return link(to, verbose_name, related_name, null=True, blank=True, **options)
