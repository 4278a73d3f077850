from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = _("Registry base")

    def ready(self):
        from registry import history, sqlite  # noqa: F401  (connect their signals)
