"""Alphabetical order of names as a reader of Kazakh, Russian or English expects it.

Python (and a database with the C collation) sorts by code point, which puts the Kazakh letters Ә, Ғ, Қ, Ң, Ө, Ұ,
Ү, Һ, І after Я and Ё after every other Cyrillic letter. `sort_key(text, language)` orders by the alphabet instead:

- Kazakh: the Kazakh Cyrillic alphabet (А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы
  І Ь Э Ю Я), Cyrillic before Latin;
- Russian: the Russian alphabet, Ё sorted with Е as Russian dictionaries do (a tie goes to Е), a Kazakh letter
  right after the Russian letter it is built on (Қ after К), Cyrillic before Latin;
- English and anything else: Latin before Cyrillic.

Within Latin, a letter with a diacritic (Ä, Ğ, Ñ, Ş, Ü, as in the Kazakh Latin alphabet) sorts after its base letter.
Case is ignored first and decides only a tie.
"""

import unicodedata

KAZAKH = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
# Russian order with the Kazakh letters placed after the letter each is built on; Ё shares Е's place.
RUSSIAN = "АӘБВГҒДЕЖЗИІЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫЬЭЮЯ"
RUSSIAN_SAME_AS = {"Ё": "Е"}
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

CYRILLIC_BASE, LATIN_BASE, OTHER_BASE = 1000, 2000, 3000


def _latin(letter):
    """(base letter's place, diacritic rank) of a Latin letter, or None."""
    decomposed = unicodedata.normalize("NFD", letter)
    base = decomposed[0]
    if base in LATIN:
        return LATIN.index(base), sum(ord(mark) for mark in decomposed[1:])
    if letter == "İ":
        return LATIN.index("I"), 1
    return None


def _weight(letter, language):
    """(script group, place, secondary) of one upper-case letter in `language`'s order."""
    if letter in RUSSIAN_SAME_AS and language == "ru":
        return (CYRILLIC_BASE, RUSSIAN.index(RUSSIAN_SAME_AS[letter]), 1)
    alphabet = RUSSIAN if language == "ru" else KAZAKH
    if letter in alphabet:
        return (CYRILLIC_BASE, alphabet.index(letter), 0)
    latin = _latin(letter)
    if latin is not None:
        return (LATIN_BASE, *latin)
    if letter.isspace() or letter in "-‐–—'’\"«»“”(),.":
        return (0, 0, 0)  # separators come before any letter: "Ак Жол" before "Акжол"
    return (OTHER_BASE, ord(letter), 0)


def sort_key(text, language="kk"):
    """A key for `sorted()`: the alphabetical order of `text` for a reader of `language` (kk, ru or en)."""
    language = (language or "kk").split("-")[0]
    latin_first = language not in ("kk", "ru")
    primary, secondary = [], []
    for letter in str(text).strip().upper():
        group, place, accent = _weight(letter, language)
        if latin_first and group in (CYRILLIC_BASE, LATIN_BASE):
            group = CYRILLIC_BASE if group == LATIN_BASE else LATIN_BASE
        primary.append((group, place))
        secondary.append(accent)
    return (primary, secondary, str(text))


def sorted_by_name(items, language, name=lambda item: item.name):
    """`items` in the alphabetical order of their names in `language`."""
    return sorted(items, key=lambda item: sort_key(name(item), language))
