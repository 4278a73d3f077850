from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from registry import national
from registry.management.commands.load_reference import app_modules


class Command(BaseCommand):
    help = (
        "Create the demo users and demo data (marked as demo) on top of the reference data. Idempotent. "
        "`--scale national` then tops the registries up to the country's figures (times --factor)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["demo", "national"], default="demo")
        parser.add_argument(
            "--factor", type=float, default=1.0, help="Scale the national figures (0.2 loads a fifth of the country)."
        )

    def handle(self, *args, scale="demo", factor=1.0, **options):
        if factor <= 0:
            raise CommandError("--factor must be above 0.")
        call_command("load_reference", stdout=self.stdout)
        with transaction.atomic():
            for module in app_modules("demo"):
                module.seed(self.stdout)
        if scale == "national":
            national.seed(self.stdout, factor=factor, stream=self.stderr._out)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
