from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from registry.management.commands.load_reference import app_modules


class Command(BaseCommand):
    help = "Create the demo users and demo data (marked as demo) on top of the reference data. Idempotent."

    def handle(self, *args, **options):
        call_command("load_reference", stdout=self.stdout)
        with transaction.atomic():
            for module in app_modules("demo"):
                module.seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
