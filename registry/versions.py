"""Edits based on a version that is no longer current are refused, never silently applied over a newer change.

A record's version changes on every save (`RegistryModel.version`). The API takes it in `If-Match`; the portal's and
the admin's edit forms carry it in a hidden field. The check is made inside the write's transaction with a
conditional UPDATE that holds the row: of two writers starting from the same version, exactly one passes.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _


class StaleVersion(Exception):
    """The stored record is no longer at the version the writer started from."""


def claim(instance, expected=None):
    """Call inside the write's transaction, before saving `instance` (a record loaded in this request): raises
    StaleVersion unless the stored row is still at `expected` (by default, the version `instance` was loaded at),
    and otherwise holds the row until the transaction ends so that a concurrent writer fails this check."""
    if instance.pk is None or instance.updated_at is None:
        return
    if expected is not None and expected != instance.version:
        raise StaleVersion()
    rows = type(instance)._base_manager.filter(pk=instance.pk, updated_at=instance.updated_at)
    if rows.update(updated_at=timezone.now()) != 1:
        raise StaleVersion()


def changes_since(record, since_version):
    """Who changed `record` last since `since_version`, when (formatted), and the names of the fields changed since
    (empty when that version is no longer in the history); None when the record no longer exists."""
    current = type(record)._base_manager.filter(pk=record.pk).first()
    if current is None:
        return None
    history = list(current.history.select_related("history_user").order_by("-history_date", "-history_id")[:50])
    base = next((entry for entry in history if version_of(entry.updated_at) == since_version), None)
    latest = history[0] if history else None
    fields = []
    if base is not None:
        for field in type(record)._meta.concrete_fields:
            if field.name in ("created_at", "updated_at") or field.generated:
                continue
            if getattr(base, field.attname, None) != getattr(current, field.attname):
                fields.append(str(field.verbose_name))
    return {
        "user": latest.history_user.get_username() if latest and latest.history_user else _("someone"),
        "time": formats.date_format(timezone.localtime(current.updated_at), "DATETIME_FORMAT"),
        "fields": fields,
        "current": current,
    }


def what_changed(record, since_version):
    """A sentence for the person whose form was based on `since_version`: who changed the record since, when,
    and which fields."""
    changes = changes_since(record, since_version)
    if changes is None:
        return _("The record no longer exists.")
    parts = {**changes, "fields": ", ".join(changes["fields"]) if changes["fields"] else _("see its history")}
    return (
        _(
            "This record was changed by %(user)s at %(time)s after you opened it (changed: %(fields)s). Your "
            "changes were not saved: reload the page to see the current values, then make your change again."
        )
        % parts
    )


def version_of(moment):
    """The version of a record last saved at `moment`."""
    return str(int(moment.timestamp() * 1_000_000)) if moment else ""


class VersionedFormMixin:
    """For a ModelForm: a hidden `version` field with the version the form was opened at; a stale one is refused
    with a message saying who changed what. Call `claim_version()` inside the transaction that saves."""

    version_field = "version"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.version_field not in self.fields:
            self.fields[self.version_field] = forms.CharField(widget=forms.HiddenInput, required=False)
        if self.instance.pk is not None:
            self.fields[self.version_field].initial = self.instance.version

    def submitted_version(self):
        if not self.is_bound or self.instance.pk is None:
            return None
        value = self.data.get(self.add_prefix(self.version_field))
        return value or None

    def clean(self):
        cleaned = super().clean()
        submitted = self.submitted_version()
        if submitted is not None and submitted != self.instance.version:
            raise ValidationError(what_changed(self.instance, submitted), code="stale")
        return cleaned

    def claim_version(self):
        """Inside the saving transaction: raise ValidationError (and add it to the form) when another save got in
        first."""
        try:
            claim(self.instance, self.submitted_version())
        except StaleVersion:
            message = what_changed(self.instance, self.submitted_version() or self.instance.version)
            self.add_error(None, ValidationError(message, code="stale"))
            raise ValidationError(message, code="stale") from None
