"""Import and export in the admin: the base resource of every registry (a natural key, all-or-nothing imports,
confidential fields exported empty for those who may not read them, formulas neutralised) and the export form that
names each column in the page's language."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from import_export.forms import SelectableFieldsExportForm
from import_export.resources import ModelResource

from accounts import access
from registry.cells import neutralise_row


def confidential_fields(model):
    """The fields of `model` only some readers see (contacts): the model's, as the API serializer and the portal."""
    return tuple(getattr(model, "confidential_fields", ()))


class RegistryResource(ModelResource):
    """Import/export of a registry. Subclasses name the natural key in Meta.import_id_fields; an import whose any
    row is bad imports nothing and lists every row's errors."""

    @classmethod
    def get_display_name(cls):
        return _("For re-import: codes, as the import reads them")

    def export_field(self, field, instance, **kwargs):
        """A confidential field (the model's `confidential_fields`) of a row the exporting user may not see it on is
        exported empty, as the API and the portal leave it out."""
        user = kwargs.get("user")
        hidden = confidential_fields(type(instance))
        # Exported rows are the stored ones: the rule is asked of them directly, without looking them up again.
        rule = access.rule_for(type(instance))
        if user is not None and field.attribute in hidden and not rule.sees_confidential_fields(user, instance):
            return ""
        return super().export_field(field, instance, **kwargs)

    class Meta:
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        exclude = ("created_at", "updated_at", "archived_at")

    def export_resource(self, instance, selected_fields=None, **kwargs):
        # Exported files are opened in spreadsheets: a text starting like a formula is written as plain text.
        return neutralise_row(super().export_resource(instance, selected_fields, **kwargs))


class ExportForm(SelectableFieldsExportForm):
    """import-export's export form with each column offered by name in the page's language: the report's own header,
    or the record's field name (import-export would title-case the field's code, "Name Kk")."""

    def _get_field_label(self, resource, field_name):
        field = resource.fields.get(field_name)
        if field is None:
            return field_name
        if getattr(resource, "for_report", False):
            return str(field.column_name)
        attribute = field.attribute or field_name
        try:
            label = resource._meta.model._meta.get_field(attribute.split("__")[0]).verbose_name
        except Exception:  # a column of the resource's own, not a model field
            return str(field.column_name)
        return capfirst(label)
