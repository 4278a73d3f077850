"""The Kazakh Latin message catalogue, made from the Kazakh Cyrillic ones when translations are compiled.

Django looks up a kk-latn message in `kk_Latn` catalogues and then, as gettext does, in the `kk` ones; so a message
only Django or an installed app translates would appear in Cyrillic. The catalogue made here therefore holds every
Kazakh message the interface can show, Django's and the installed apps' as well as ours, merged in Django's own order
(Django, then the apps, then LOCALE_PATHS, the later winning) and transliterated. It is written as a .mo only, under
LOCALE_PATHS[0]/kk_Latn, and never kept in the repository: edit locale/kk and compile again.
"""

from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings

from registry import kazakh_latin
from registry.kazakh_latin import transliterate

SOURCE = "kk"
TARGET = "kk_Latn"
DOMAIN = "django"


def sources():
    """The Kazakh catalogues in the order Django merges them, lowest priority first."""
    directories = [Path(django.__file__).parent / "conf" / "locale"]
    directories += [Path(app.path) / "locale" for app in reversed(list(apps.get_app_configs()))]
    directories += [Path(path) for path in reversed(settings.LOCALE_PATHS)]
    found = []
    for directory in directories:
        folder = directory / SOURCE / "LC_MESSAGES"
        po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
        own = any(directory == Path(path) for path in settings.LOCALE_PATHS)
        # Our own catalogue is read from the .po (its .mo may be stale); an installed package's from what it ships.
        if own and po.exists():
            found.append(po)
        elif mo.exists():
            found.append(mo)
        elif po.exists():
            found.append(po)
    return found


def target():
    return Path(settings.LOCALE_PATHS[0]) / TARGET / "LC_MESSAGES" / f"{DOMAIN}.mo"


def _entries(path):
    catalogue = polib.mofile(str(path)) if path.suffix == ".mo" else polib.pofile(str(path))
    return catalogue, [entry for entry in catalogue.translated_entries() if entry.msgid]


def _plurals(catalogue):
    header = catalogue.metadata.get("Plural-Forms", "")
    return header.replace(" ", "")


def build():
    """Write the Kazakh Latin catalogue; returns the number of messages in it."""
    own = polib.pofile(str(Path(settings.LOCALE_PATHS[0]) / SOURCE / "LC_MESSAGES" / f"{DOMAIN}.po"))
    plural_forms = _plurals(own)
    merged = {}
    for path in sources():
        catalogue, entries = _entries(path)
        plurals_agree = _plurals(catalogue) == plural_forms
        for entry in entries:
            if entry.msgid_plural and not plurals_agree:
                continue  # its plural rule differs from ours: gettext's own fallback to English keeps it right
            merged[(entry.msgctxt, entry.msgid)] = entry
    latin = polib.POFile()
    latin.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": TARGET,
        "Plural-Forms": own.metadata.get("Plural-Forms", "nplurals=2; plural=(n != 1);"),
    }
    for (context, msgid), entry in sorted(merged.items(), key=lambda item: (item[0][0] or "", item[0][1])):
        made = polib.POEntry(msgctxt=context, msgid=msgid, msgid_plural=entry.msgid_plural)
        if entry.msgid_plural:
            made.msgstr_plural = {index: transliterate(text) for index, text in entry.msgstr_plural.items()}
        else:
            made.msgstr = transliterate(entry.msgstr)
        latin.append(made)
    path = target()
    path.parent.mkdir(parents=True, exist_ok=True)
    latin.save_as_mofile(str(path))
    return len(latin)


def is_stale():
    path = target()
    if not path.exists():
        return True
    built = path.stat().st_mtime
    # The letter table and the word exceptions are a source too.
    return any(source.stat().st_mtime > built for source in [*sources(), Path(kazakh_latin.__file__)])
