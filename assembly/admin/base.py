"""What the Assembly's admins share: import and export by natural key, where a bad row imports nothing."""

from assembly.models.people import PERSON_NAME_FIELDS
from registry.admin import NAMES, RegistryResource
from registry.admin import key_column as fk

__all__ = ["NAMES", "PERSON_NAMES", "AssemblyResource", "fk"]

PERSON_NAMES = PERSON_NAME_FIELDS


class AssemblyResource(RegistryResource):
    class Meta(RegistryResource.Meta):
        clean_model_instances = True  # the model's own rules (BIN check digit, quotas, transitions) apply
