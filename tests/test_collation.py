"""Names sorted as a reader of Kazakh or Russian expects, not by code point (which puts Ә, Қ, Ө, Ұ … after Я)."""

import pytest

from registry.collation import sort_key

KAZAKH_GROUPS = [
    "әзербайжандар",
    "кәрістер",
    "қазақтар",
    "немістер",
    "орыстар",
    "өзбектер",
    "татарлар",
    "түріктер",
    "украиндар",
    "ұйғырлар",
]
RUSSIAN_GROUPS = [
    "азербайджанцы",
    "казахи",
    "корейцы",
    "немцы",
    "русские",
    "татары",
    "турки",
    "узбеки",
    "уйгуры",
    "украинцы",
]


def test_kazakh_names_follow_the_kazakh_alphabet():
    shuffled = sorted(KAZAKH_GROUPS, reverse=True)
    assert sorted(shuffled, key=lambda name: sort_key(name, "kk")) == KAZAKH_GROUPS
    assert sorted(KAZAKH_GROUPS) != KAZAKH_GROUPS  # code point order would get it wrong


def test_russian_names_follow_the_russian_alphabet_with_yo_beside_ye():
    shuffled = sorted(RUSSIAN_GROUPS, reverse=True)
    assert sorted(shuffled, key=lambda name: sort_key(name, "ru")) == RUSSIAN_GROUPS
    words = ["Жуков", "Ёлкин", "Ежов", "Елисеев"]
    assert sorted(words, key=lambda word: sort_key(word, "ru")) == ["Ежов", "Елисеев", "Ёлкин", "Жуков"]


def test_a_kazakh_letter_in_a_russian_name_sorts_beside_its_russian_letter():
    names = ["Шымкент", "Ұлытау", "Туркестан", "Кызылорда", "Қарағанды", "Костанай"]
    assert sorted(names, key=lambda name: sort_key(name, "ru")) == [
        "Костанай",
        "Кызылорда",
        "Қарағанды",
        "Туркестан",
        "Ұлытау",
        "Шымкент",
    ]


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_case_does_not_change_the_order(language):
    assert sort_key("ұйғырлар", language)[0] == sort_key("Ұйғырлар", language)[0]


def test_english_puts_latin_before_cyrillic_and_kazakh_latin_letters_after_their_base():
    names = ["Абай", "Zhambyl", "Abai"]
    assert sorted(names, key=lambda name: sort_key(name, "en")) == ["Abai", "Zhambyl", "Абай"]
    assert sorted(names, key=lambda name: sort_key(name, "kk")) == ["Абай", "Abai", "Zhambyl"]
    latin = ["Şymkent", "Sarı", "Tañ"]
    assert sorted(latin, key=lambda name: sort_key(name, "kk")) == ["Sarı", "Şymkent", "Tañ"]
