"""Kazakh in the Latin script, made on demand from the Cyrillic record (docs/kazakh-latin.md).

The letters are the Kazakh Latin alphabet of 2021 (31 letters: A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U
Ū Ü V Y Z). The Cyrillic alphabet has 42 letters; the nine found only in words taken from Russian (Ё Ц Ч Щ Ъ Ь Э
Ю Я) have no letter of their own and are written with the letters above. Nothing is stored in Latin: every Latin
text is read from the Kazakh Cyrillic one when it is shown, and the interface catalogue is made from the Kazakh one
when translations are compiled.

Case follows the source: a capital becomes a capital, and a letter written with two (Ч → Ch) is all capitals only
inside a word written in capitals (ЧЕМПИОНАТ → CHEMPIONAT, Чемпионат → Chempionat). Anything that is not a Kazakh
Cyrillic letter (Latin letters, digits, punctuation, placeholders such as %(name)s) is left as it is.
"""

import re

from django.conf import settings
from django.utils import translation

# The interface language code (BCP 47: Kazakh in the Latin script); Django's locale directory for it is kk_Latn.
LATIN_CODE = "kk-latn"

# Cyrillic capital → Latin capital, in the order of the Cyrillic alphabet. Small letters follow from these.
LETTERS = {
    "А": "A",
    "Ә": "Ä",
    "Б": "B",
    "В": "V",
    "Г": "G",
    "Ғ": "Ğ",
    "Д": "D",
    "Е": "E",
    "Ё": "İo",
    "Ж": "J",
    "З": "Z",
    "И": "İ",
    "Й": "İ",
    "К": "K",
    "Қ": "Q",
    "Л": "L",
    "М": "M",
    "Н": "N",
    "Ң": "Ñ",
    "О": "O",
    "Ө": "Ö",
    "П": "P",
    "Р": "R",
    "С": "S",
    "Т": "T",
    "У": "U",
    "Ұ": "Ū",
    "Ү": "Ü",
    "Ф": "F",
    "Х": "H",
    "Һ": "H",
    "Ц": "Ts",
    "Ч": "Ch",
    "Ш": "Ş",
    "Щ": "Şş",
    "Ъ": "",
    "Ы": "Y",
    "І": "I",
    "Ь": "",
    "Э": "E",
    "Ю": "İu",
    "Я": "İa",
}

# The small Latin letter of each capital. Python's own lower() would make İ two characters and I a dotted i; the
# alphabet pairs İ with i and I with ı.
SMALL = {"İ": "i", "I": "ı"}

# The Latin alphabet of 2021 in its order, for sorting names.
ALPHABET = "AÄBDEFGĞHIİJKLMNÑOÖPQRSŞTUŪÜVYZ"

# Whole words written otherwise than letter by letter: the small Cyrillic word → its Latin spelling in small letters.
# The word's case (all small, capitalised, all capitals) is applied to the spelling given here.
WORD_EXCEPTIONS: dict[str, str] = {}


def small(latin):
    return "".join(SMALL.get(letter, letter.lower()) for letter in latin)


def capitals(latin):
    return "".join("İ" if letter == "i" else letter.upper() for letter in latin)


TABLE = {
    **LETTERS,
    **{cyrillic.lower(): small(latin) for cyrillic, latin in LETTERS.items()},
}
CYRILLIC_WORD = re.compile("[" + "".join(TABLE) + "]+")


def _word(word):
    exception = WORD_EXCEPTIONS.get(word.lower())
    if exception is not None:
        if word.isupper() and len(word) > 1:
            return capitals(exception)
        return capitals(exception[:1]) + exception[1:] if word[:1].isupper() else exception
    in_capitals = word.isupper() and len(word) > 1
    letters = []
    for position, letter in enumerate(word):
        latin = TABLE[letter]
        if len(latin) > 1 and letter.isupper():
            # A capital written with two letters: all capitals when the word around it is in capitals.
            neighbour = word[position + 1 : position + 2] or word[position - 1 : position]
            if in_capitals or neighbour.isupper():
                latin = capitals(latin)
        letters.append(latin)
    return "".join(letters)


def transliterate(text):
    """`text` with its Kazakh Cyrillic words in the Latin script; everything else unchanged."""
    if not text:
        return text
    return CYRILLIC_WORD.sub(lambda match: _word(match.group()), str(text))


def reads_latin(language=None):
    """Whether `language` (the active language by default) is Kazakh in the Latin script."""
    language = language if language is not None else translation.get_language()
    return (language or "").lower().replace("_", "-") == LATIN_CODE


def record_language(language=None):
    """The language of the record's column a reader of `language` reads: kk for Kazakh in either script."""
    language = language if language is not None else translation.get_language()
    code = (language or settings.LANGUAGE_CODE).lower().replace("_", "-").split("-")[0]
    return code if code in settings.RECORD_LANGUAGES else settings.LANGUAGE_CODE


def in_reader_script(value, code, language=None):
    """A record's text in `code`'s column as the reader sees it: the Kazakh one in Latin for a kk-latn reader."""
    if code == "kk" and value and reads_latin(language):
        return transliterate(value)
    return value
