import tempfile

from django.core.management.base import BaseCommand, CommandError

from opendata.package import OpenDataPackage, publish


class Command(BaseCommand):
    help = (
        "Write every public registry as CSV and JSON with a Frictionless Data Package descriptor "
        "(datapackage.json) into DIR; with --publish, also zip it as today's archive served at /open-data/."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", help="where to write the files (a temporary folder if omitted)")
        parser.add_argument("--publish", action="store_true", help="publish the package as today's dated archive")

    def handle(self, *args, directory=None, **options):
        publish_archive = options["publish"]
        if directory is None and not publish_archive:
            raise CommandError("Give a directory to write into, or --publish to publish today's archive.")
        with tempfile.TemporaryDirectory(prefix="open-data-") as scratch:
            target = directory or scratch
            counts = OpenDataPackage(target).write()
            for name, count in counts.items():
                self.stdout.write(f"{name}: {count} rows")
            self.stdout.write(f"Data package written to {target}")
            if publish_archive:
                archive = publish(target)
                self.stdout.write(self.style.SUCCESS(f"Published {archive}"))
