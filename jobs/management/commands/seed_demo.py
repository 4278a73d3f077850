from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from jobs.seed import seed_demo, start_national_seed


class Command(BaseCommand):
    help = (
        "Create the demo users and demo data (marked as demo) on top of the reference data. Idempotent. "
        "`--scale national` then tops the registries up to the country's figures (times --factor); with "
        "`--background --owner <username>` a background worker does it as a job, followed on the job's page."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["demo", "national"], default="demo")
        parser.add_argument(
            "--factor", type=float, default=1.0, help="Scale the national figures (0.2 loads a fifth of the country)."
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue the national seed as a background job (needs --owner) and print its page instead of waiting.",
        )
        parser.add_argument("--owner", help="With --background: the username of the person the job is started for.")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="With --background: the language of the job's page and messages.",
        )

    def handle(self, *args, scale="demo", factor=1.0, background=False, owner=None, language=None, **options):
        if factor <= 0:
            raise CommandError("--factor must be above 0.")
        if background:
            self.queue(scale, factor, owner, language or settings.LANGUAGE_CODE)
            return
        if owner:
            raise CommandError("--owner names the owner of a background job: add --background, or leave --owner out.")
        seed_demo(self.stdout, scale=scale, factor=factor, stream=self.stderr._out)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))

    def queue(self, scale, factor, username, language):
        if scale != "national":
            raise CommandError("--background runs the national seed only: add --scale national.")
        if not username:
            raise CommandError("--background needs --owner <username>: the person the job is started for.")
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(
                f"--owner {username!r}: no active user has this username. Name an existing user "
                "(the job's page is theirs and the secretariat's)."
            )
        job = start_national_seed(user, factor, language=language)
        self.stdout.write(
            self.style.SUCCESS(f"National seed queued (factor {factor:g}) for {user.get_username()}.")
            + f"\nJob page: {reverse('portal:job', args=[job.pk])}"
            + "\nA worker runs it (manage.py db_worker); the page shows its progress, then its result or its error."
        )
