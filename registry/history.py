"""Change history for every registry: django-simple-history, plus the id of the request that made each change."""

from django.db import models
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record

from registry.middleware import current_request_id


class RequestTracedHistory(models.Model):
    """Base of every historical model: which request (admin, portal, API, command) made the change."""

    request_id = models.CharField(_("request id"), max_length=64, blank=True, db_index=True)

    class Meta:
        abstract = True


def registry_history(**options):
    return HistoricalRecords(inherit=True, bases=[RequestTracedHistory], **options)


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
            if field.name not in {"created_at", "updated_at"}
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
