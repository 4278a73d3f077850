"""Base classes of every registry model: timestamps, history, archiving and names in three languages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.access import AccessRule
from registry.history import registry_history
from registry.kazakh_latin import in_reader_script, record_language
from registry.versions import version_of

LANGUAGE_CODES = list(settings.RECORD_LANGUAGES)


NAME_FIELDS = ("name_kk", "name_ru", "name_en")


def through(relation, fields=NAME_FIELDS):
    """`relation__field` for each of `fields` (the three names by default): a linked record's fields in a model's
    `search_fields`."""
    return tuple(f"{relation}__{field}" for field in fields)


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


def in_force(day, prefix="", start="start_date", end="end_date"):
    """Rows (or rows under `prefix`) whose period holds `day`: an empty start or end is open on that side."""
    return (Q(**{f"{prefix}{start}__lte": day}) | Q(**{f"{prefix}{start}__isnull": True})) & (
        Q(**{f"{prefix}{end}__gte": day}) | Q(**{f"{prefix}{end}__isnull": True})
    )


class PeriodQuerySet(RegistryQuerySet):
    def on(self, day=None):
        """The rows in force on `day` (today by default)."""
        return self.filter(in_force(day or timezone.localdate()))


class Period(models.Model):
    """A record that holds from `start_date` to `end_date` (either may be open). A model may redefine the two fields
    (a required start, its own labels); the rule that the end is not before the start, `in_force_on(day)` and the
    queryset's `.on(day)` stay the same."""

    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    objects = PeriodQuerySet.as_manager()
    end_before_start_message = _("The end date cannot be before the start date.")

    class Meta:
        abstract = True

    def in_force_on(self, day):
        return (self.start_date is None or self.start_date <= day) and (self.end_date is None or day <= self.end_date)

    def period_errors(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            return {"end_date": self.end_before_start_message}
        return {}

    def clean(self):
        super().clean()
        errors = self.period_errors()
        if errors:
            raise ValidationError(errors)


class RegistryModel(models.Model):
    """A registry record: never hard-deleted, every change kept with who, when and which request."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True, db_index=True)

    history = registry_history()
    objects = RegistryQuerySet.as_manager()
    access = AccessRule()
    # The registry's facts, declared here once and read by the serializers, the API's search, the admin and the
    # portal: three-language texts (`<base>_kk/_ru/_en`), fields only some readers see (access.sees_confidential_
    # fields decides who), and the fields `?search=` and the admin's search box look in (confidential ones only
    # for the secretariat).
    translated_fields = ()
    confidential_fields = ()
    search_fields = ()

    class Meta:
        abstract = True

    @property
    def is_archived(self):
        return self.archived_at is not None

    @property
    def version(self):
        """Changes whenever the record is saved; clients send it back in If-Match to avoid lost updates."""
        return version_of(self.updated_at)

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

    def archive(self, user=None):
        """Take the record out of the registry; `user` is recorded in its history as who did it."""
        blockers = self.active_dependents()
        if blockers:
            raise Dependents(self, blockers)
        self.archived_at = timezone.now()
        self.save_by(user)

    def restore(self, user=None):
        self.archived_at = None
        self.save_by(user)

    def save_by(self, user, **kwargs):
        """Save, recording `user` (when given) in the history entry rather than the request's user."""
        if user is None:
            self.save(**kwargs)
            return
        self._history_user = user
        try:
            self.save(**kwargs)
        finally:
            del self._history_user

    def delete(self, *args, **kwargs):
        raise Dependents(self, [str(_("registry records are archived, never deleted"))])


def reading_order(language=None):
    """The record languages in the order a reader of `language` (the active one) takes them: theirs, then English,
    Russian, Kazakh. A reader of Kazakh in the Latin script reads the Kazakh column (registry/kazakh_latin.py)."""
    current = record_language(language)
    return [current, *(code for code in ("en", "ru", "kk") if code != current)]


def translated(obj, base):
    """obj.<base>_<active language>, falling back to the other languages when that one is empty; the Kazakh text in
    the Latin script for a reader of kk-latn."""
    for code in reading_order():
        value = getattr(obj, f"{base}_{code}", "")
        if value:
            return in_reader_script(value, code)
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
    search_fields = NAME_FIELDS

    class Meta:
        abstract = True

    def __str__(self):
        return self.name
