"""Kazakh in the Latin script: the 2021 letter table, real names, case, and what is left alone."""

import csv
import re
from pathlib import Path

import pytest
from django.utils import translation

from registry import kazakh_latin
from registry.kazakh_latin import reads_latin, record_language, transliterate

REFERENCE = Path(__file__).resolve().parent.parent / "fixtures" / "reference"

# The 42 letters of the Kazakh Cyrillic alphabet and their Latin spelling by the 2021 table, written out by hand
# (capital, small): the 31 letters of the Latin alphabet, and the letters of words taken from Russian.
TABLE_2021 = [
    ("А", "а", "A", "a"),
    ("Ә", "ә", "Ä", "ä"),
    ("Б", "б", "B", "b"),
    ("В", "в", "V", "v"),
    ("Г", "г", "G", "g"),
    ("Ғ", "ғ", "Ğ", "ğ"),
    ("Д", "д", "D", "d"),
    ("Е", "е", "E", "e"),
    ("Ё", "ё", "İo", "io"),
    ("Ж", "ж", "J", "j"),
    ("З", "з", "Z", "z"),
    ("И", "и", "İ", "i"),
    ("Й", "й", "İ", "i"),
    ("К", "к", "K", "k"),
    ("Қ", "қ", "Q", "q"),
    ("Л", "л", "L", "l"),
    ("М", "м", "M", "m"),
    ("Н", "н", "N", "n"),
    ("Ң", "ң", "Ñ", "ñ"),
    ("О", "о", "O", "o"),
    ("Ө", "ө", "Ö", "ö"),
    ("П", "п", "P", "p"),
    ("Р", "р", "R", "r"),
    ("С", "с", "S", "s"),
    ("Т", "т", "T", "t"),
    ("У", "у", "U", "u"),
    ("Ұ", "ұ", "Ū", "ū"),
    ("Ү", "ү", "Ü", "ü"),
    ("Ф", "ф", "F", "f"),
    ("Х", "х", "H", "h"),
    ("Һ", "һ", "H", "h"),
    ("Ц", "ц", "Ts", "ts"),
    ("Ч", "ч", "Ch", "ch"),
    ("Ш", "ш", "Ş", "ş"),
    ("Щ", "щ", "Şş", "şş"),
    ("Ъ", "ъ", "", ""),
    ("Ы", "ы", "Y", "y"),
    ("І", "і", "I", "ı"),
    ("Ь", "ь", "", ""),
    ("Э", "э", "E", "e"),
    ("Ю", "ю", "İu", "iu"),
    ("Я", "я", "İa", "ia"),
]

CYRILLIC = re.compile("[\u0400-\u04ff]")


def test_the_table_covers_the_42_letters_of_the_kazakh_cyrillic_alphabet():
    capitals = [row[0] for row in TABLE_2021]
    assert len(capitals) == len(set(capitals)) == 42
    assert set(kazakh_latin.LETTERS) == set(capitals)


@pytest.mark.parametrize(("capital", "small", "latin_capital", "latin_small"), TABLE_2021)
def test_every_letter_is_written_by_the_2021_table_in_both_cases(capital, small, latin_capital, latin_small):
    assert transliterate(small) == latin_small
    assert transliterate(capital) == latin_capital


def test_the_latin_letters_used_are_the_31_of_the_2021_alphabet():
    used = {letter for row in TABLE_2021 for letter in row[2] + row[3]}
    alphabet = set(kazakh_latin.ALPHABET) | {kazakh_latin.small(letter) for letter in kazakh_latin.ALPHABET}
    assert len(kazakh_latin.ALPHABET) == 31
    assert used <= alphabet | {"C", "c"}  # Ch for Ч, Ts for Ц: the two-letter spellings of Russian letters
    assert "İ" in used and "ı" in used  # И/Й and І are told apart by the dot


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Абай облысы", "Abai oblysy"),
        ("Ақтөбе облысы", "Aqtöbe oblysy"),
        ("Батыс Қазақстан облысы", "Batys Qazaqstan oblysy"),
        ("Жетісу облысы", "Jetısu oblysy"),
        ("Қарағанды облысы", "Qarağandy oblysy"),
        ("Маңғыстау облысы", "Mañğystau oblysy"),
        ("Солтүстік Қазақстан облысы", "Soltüstık Qazaqstan oblysy"),
        ("Түркістан облысы", "Türkıstan oblysy"),
        ("Ұлытау облысы", "Ūlytau oblysy"),
        ("Шымкент қаласы", "Şymkent qalasy"),
        ("Қордай ауданы", "Qordai audany"),
        ("Ұйғыр ауданы", "Ūiğyr audany"),
        ("Панфилов ауданы", "Panfilov audany"),
        ("әзербайжандар", "äzerbaijandar"),
        ("кәрістер", "kärıster"),
        ("өзбектер", "özbekter"),
        ("ұйғырлар", "ūiğyrlar"),
    ],
)
def test_real_names_are_written_as_the_table_gives_them(cyrillic, latin):
    assert transliterate(cyrillic) == latin


def reference_names(file):
    with (REFERENCE / file).open(encoding="utf-8") as rows:
        return [row["name_kk"] for row in csv.DictReader(rows)]


@pytest.mark.parametrize("file", ["regions.csv", "districts.csv", "city_districts.csv", "ethnic_groups_2021.csv"])
def test_every_reference_name_comes_out_in_latin_letters_only(file):
    names = reference_names(file)
    assert names
    for name in names:
        latin = transliterate(name)
        assert not CYRILLIC.search(latin), (name, latin)
        assert len(latin.split()) == len(name.split())


def test_case_follows_the_source_and_two_letter_capitals_follow_the_word():
    assert transliterate("ҚАЗАҚСТАН") == "QAZAQSTAN"
    assert transliterate("Чемпионат") == "Chempionat"
    assert transliterate("ЧЕМПИОНАТ") == "CHEMPİONAT"
    assert transliterate("ЮНЕСКО") == "İUNESKO"
    assert transliterate("Юнеско") == "İunesko"
    assert transliterate("ІЛЕ") == "ILE"
    assert transliterate("Іле") == "Ile"


def test_anything_not_kazakh_cyrillic_is_left_as_it_is():
    text = "Event 2026: %(count)s {name} <b>&amp;</b> — «OK» 1 463 000,50 İstanbul"
    assert transliterate(text) == text
    assert transliterate("%(count)s оқиға, {region} өңірі") == "%(count)s oqiğa, {region} öñırı"
    assert transliterate("") == ""
    assert transliterate(None) is None


def test_a_word_exception_overrides_the_letters_and_keeps_the_case(monkeypatch):
    assert transliterate("компьютер") == "kompiuter"  # letter by letter
    monkeypatch.setitem(kazakh_latin.WORD_EXCEPTIONS, "компьютер", "kompüter")
    assert transliterate("компьютер") == "kompüter"
    assert transliterate("Компьютер сыныбы") == "Kompüter synyby"
    assert transliterate("КОМПЬЮТЕР") == "KOMPÜTER"
    assert transliterate("компьютерлер") == "kompiuterler"  # only the whole word is the exception


@pytest.mark.parametrize(
    ("language", "latin", "column"),
    [("kk-latn", True, "kk"), ("kk-Latn", True, "kk"), ("kk", False, "kk"), ("ru", False, "ru"), ("en", False, "en")],
)
def test_kazakh_latin_readers_read_the_kazakh_column(language, latin, column):
    assert reads_latin(language) is latin
    assert record_language(language) == column
    with translation.override(language):
        assert reads_latin() is latin
        assert record_language() == column
