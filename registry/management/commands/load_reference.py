from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


def app_modules(name):
    """Each installed app's `<app>.<name>` module, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        module_name = f"{config.name}.{name}"
        if find_spec(module_name) is not None:
            yield import_module(module_name)


class Command(BaseCommand):
    help = "Load the reference data (regions, districts, …) of every app. Idempotent: run it as often as you like."

    def handle(self, *args, **options):
        with transaction.atomic():
            for module in app_modules("reference"):
                module.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Reference data loaded."))
