"""What the Assembly's admins share: import and export by natural key, where a bad row imports nothing."""

from import_export import fields, widgets

from registry.admin import RegistryResource

NAMES = ("name_kk", "name_ru", "name_en")
PERSON_NAMES = ("surname", "given_name", "patronymic", *NAMES)


def fk(attribute, model, field="pk", column=None):
    return fields.Field(
        attribute=attribute, column_name=column or attribute, widget=widgets.ForeignKeyWidget(model, field)
    )


class AssemblyResource(RegistryResource):
    class Meta(RegistryResource.Meta):
        clean_model_instances = True  # the model's own rules (BIN check digit, quotas, transitions) apply
