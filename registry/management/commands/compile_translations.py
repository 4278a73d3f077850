from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

from registry import kazakh_latin_catalogue


class Command(BaseCommand):
    help = (
        "Compile the kk/ru/en message catalogues (.po to .mo) with polib, so no gettext install is needed, and make "
        "the Kazakh Latin catalogue (kk_Latn) from the Kazakh ones by transliteration."
    )

    def handle(self, *args, **options):
        compiled = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"translations: {compiled} catalogue(s) compiled")
        if kazakh_latin_catalogue.is_stale():
            count = kazakh_latin_catalogue.build()
            self.stdout.write(f"translations: Kazakh Latin catalogue made from the Kazakh one ({count} messages)")
