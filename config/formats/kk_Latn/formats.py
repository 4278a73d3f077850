# Kazakh in the Latin script writes dates and numbers as Kazakh does; only the words in the date formats change
# script. They are made from the Kazakh formats, each Latin letter escaped so Django does not read it as a format
# character ("жылғы" becomes "\j\y\l\ğ\y", shown as "jylğy").
import re

from config.formats.kk import formats as kazakh
from config.formats.kk.formats import *  # noqa: F403
from registry.kazakh_latin import transliterate

CYRILLIC = re.compile("[\u0400-\u04ff]+")


def _latin(format_string):
    return CYRILLIC.sub(lambda word: "".join("\\" + letter for letter in transliterate(word.group())), format_string)


DATE_FORMAT = _latin(kazakh.DATE_FORMAT)
DATETIME_FORMAT = _latin(kazakh.DATETIME_FORMAT)
YEAR_MONTH_FORMAT = _latin(kazakh.YEAR_MONTH_FORMAT)
MONTH_DAY_FORMAT = _latin(kazakh.MONTH_DAY_FORMAT)
