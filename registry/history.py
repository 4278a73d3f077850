"""Change history for every registry: django-simple-history, plus the id of the request that made each change."""

import datetime
import decimal

from django.db import models
from django.dispatch import receiver
from django.utils import formats, timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import DeletedObject, HistoricalRecords
from simple_history.signals import pre_create_historical_record

from registry.middleware import current_request_id


class RequestTracedHistory(models.Model):
    """Base of every historical model: which request (admin, portal, API, command) made the change."""

    request_id = models.CharField(_("request id"), max_length=64, blank=True, db_index=True)

    class Meta:
        abstract = True


# The name of a registry's change history: "Districts (history)", in the reader's language.
HISTORY_OF = _("{} (history)")


def kept_history_table(model):
    """The history table of a model that moved to another app but kept its table (`Meta.db_table`): its history
    keeps the old table too, `<old app>_historical<model>`. None for a model with the default table name."""
    opts = model._meta
    if opts.db_table == f"{opts.app_label}_{opts.model_name}" or not opts.db_table.endswith(f"_{opts.model_name}"):
        return None
    return f"{opts.db_table.removesuffix(opts.model_name)}historical{opts.model_name}"


class RegistryHistory(HistoricalRecords):
    def get_meta_options(self, model):
        options = super().get_meta_options(model)
        if table := kept_history_table(model):
            options["db_table"] = table
        # simple-history names a history "historical <name>" in English, fixed when the model is made; ours is
        # translated when it is shown, like the record's own name.
        options["verbose_name"] = format_lazy(HISTORY_OF, model._meta.verbose_name)
        options["verbose_name_plural"] = format_lazy(HISTORY_OF, model._meta.verbose_name_plural)
        return options

    def fields_included(self, model):
        # A generated column (a registry's search text) is the database's to compute, not a fact of the record.
        return [field for field in super().fields_included(model) if not field.generated]

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        """One request, one entry: a many-to-many change made by the request that just saved the record (a form or
        a serializer saves the record, then replaces its relations by a removal and an addition) updates that
        request's entry instead of adding entries with the half-done relations in between, so the entry's "before"
        is the true former value."""
        done = action in ("post_add", "post_remove", "post_clear")
        request_id = current_request_id.get()
        if done and request_id and not hasattr(instance, "skip_history_when_saving"):
            manager = getattr(instance, instance._meta.simple_history_manager_attribute)
            latest = manager.order_by("-history_date", "-history_id").first()
            if latest is not None and latest.request_id == request_id:
                for field in latest._history_m2m_fields:
                    self.m2m_models[field].objects.filter(history=latest).delete()
                self.create_historical_record_m2ms(latest, instance)
                return
        super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)

    def get_meta_options_m2m(self, through_model):
        options = super().get_meta_options_m2m(through_model)
        if table := kept_history_table(through_model):
            options["db_table"] = table
        # "Ethnocultural associations: ethnic groups (history)" rather than the class name simple-history gives.
        source = through_model._meta.auto_created or None
        for field in source._meta.local_many_to_many if source else ():
            if field.remote_field.through is through_model:
                linked = format_lazy("{}: {}", source._meta.verbose_name_plural, field.verbose_name)
                options["verbose_name"] = options["verbose_name_plural"] = format_lazy(HISTORY_OF, linked)
        return options


def registry_history(**options):
    return RegistryHistory(inherit=True, bases=[RequestTracedHistory], **options)


@receiver(pre_create_historical_record)
def stamp_request_id(sender, history_instance, **kwargs):
    if hasattr(history_instance, "request_id") and not history_instance.request_id:
        history_instance.request_id = current_request_id.get()


def describe_changes(record, previous):
    """The fields a history entry changed against the entry before it, with the values before and after."""
    if previous is None:
        return [
            {"field": field.name, "old": None, "new": _plain(getattr(record, field.attname))}
            for field in record.instance_type._meta.concrete_fields
            if field.name not in {"created_at", "updated_at"} and not field.generated
        ]
    delta = record.diff_against(previous, excluded_fields=["updated_at"])
    return [{"field": change.field, "old": _plain(change.old), "new": _plain(change.new)} for change in delta.changes]


def with_previous(records, history):
    """Pairs each of `records` (newest first, consecutive) with the entry before it, in one extra query."""
    records = list(records)
    if not records:
        return []
    oldest = records[-1]
    before_oldest = (
        history.filter(history_date__lte=oldest.history_date)
        .exclude(history_id=oldest.history_id)
        .order_by("-history_date", "-history_id")
        .first()
    )
    return list(zip(records, [*records[1:], before_oldest], strict=True))


def _plain(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def readable_value(field, value):
    """A value of `field` in a history entry as a person reads it: the label of a choice, the name of a related
    record (or of a user), a local date and time without seconds, "yes" or "no"; nothing at all for an empty
    value. A list (a many-to-many field's related records) reads as their names, separated by commas."""
    if isinstance(value, list | tuple):
        return ", ".join(text for text in (readable_value(field, item) for item in value) if text)
    if isinstance(value, DeletedObject):
        if value.pk is None:
            return ""
        value = value.model._base_manager.filter(pk=value.pk).first()
        return person_name(value) if value is not None else "—"
    if value is None or value == "":
        return ""
    if getattr(field, "flatchoices", None) and not isinstance(value, models.Model):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return formats.date_format(local, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, datetime.time):
        return formats.time_format(value, "TIME_FORMAT")
    if isinstance(value, decimal.Decimal | float):
        return formats.localize(value)
    return person_name(value)


def person_name(value):
    """A user by the name people know them by; any other value as text."""
    if hasattr(value, "get_full_name"):
        return value.get_full_name() or value.get_username()
    return str(value)
