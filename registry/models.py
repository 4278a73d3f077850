"""Base classes of every registry model: timestamps, history, archiving and names in three languages."""

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule
from registry.history import registry_history

LANGUAGE_CODES = [code for code, _label in settings.LANGUAGES]


class Dependents(Exception):
    """Archiving or deleting the record would orphan the active records listed in `blockers`."""

    def __init__(self, record, blockers):
        self.record = record
        self.blockers = blockers
        super().__init__(f"{record} is still referenced by {', '.join(blockers)}")


class RegistryQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)

    def archived(self):
        return self.filter(archived_at__isnull=False)

    def delete(self):
        raise Dependents(self.model(), [str(_("bulk deletion is not allowed; archive the records instead"))])


class RegistryModel(models.Model):
    """A registry record: never hard-deleted, every change kept with who, when and which request."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True, db_index=True)

    history = registry_history()
    objects = RegistryQuerySet.as_manager()
    access = AccessRule()

    class Meta:
        abstract = True

    @property
    def is_archived(self):
        return self.archived_at is not None

    @property
    def version(self):
        """Changes whenever the record is saved; clients send it back in If-Match to avoid lost updates."""
        return str(int(self.updated_at.timestamp() * 1_000_000)) if self.updated_at else ""

    def active_dependents(self):
        """Human-readable descriptions of the active registry records that point at this one."""
        blockers = []
        for relation in self._meta.related_objects:
            related_model = relation.related_model
            if not issubclass(related_model, RegistryModel) or relation.many_to_many or relation.parent_link:
                continue  # a multi-table child's link to its own parent row is not a dependent
            if relation.one_to_many or relation.one_to_one:
                count = related_model.objects.active().filter(**{relation.field.name: self.pk}).count()
                if count:
                    blockers.append(f"{count} {related_model._meta.verbose_name_plural}")
        return blockers

    def archive(self):
        blockers = self.active_dependents()
        if blockers:
            raise Dependents(self, blockers)
        self.archived_at = timezone.now()
        self.save()

    def restore(self):
        self.archived_at = None
        self.save()

    def delete(self, *args, **kwargs):
        raise Dependents(self, [str(_("registry records are archived, never deleted"))])


def translated(obj, base):
    """obj.<base>_<active language>, falling back to the other languages when that one is empty."""
    current = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    order = [current, *(code for code in ("en", "ru", "kk") if code != current)]
    for code in order:
        value = getattr(obj, f"{base}_{code}", "")
        if value:
            return value
    return ""


class TranslatedText:
    """Read-only attribute giving a three-language field (`name_kk`, `name_ru`, `name_en`) in the active language."""

    def __set_name__(self, owner, name):
        self.base = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return translated(obj, self.base)


class NamedRegistryModel(RegistryModel):
    """A registry record with its name in Kazakh, Russian and English."""

    name_kk = models.CharField(_("name (Kazakh)"), max_length=255)
    name_ru = models.CharField(_("name (Russian)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255)

    name = TranslatedText()
    translated_fields = ("name",)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name
