"""What a page reads as and what is foreign on it, for the one-language-per-page test (tests/test_language_purity.py):
the visible text of an HTML page, the interface's vocabulary by language from the catalogues, the world's data words,
and the check of each word against the page's language."""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import django
import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.urls import URLPattern, URLResolver

from registry.kazakh_latin import transliterate

LANGUAGES = ["kk", "ru", "en", "kk-latn"]

# Words of Latin letters a Russian or Kazakh page may show: proper names, codes, formats and units (in any case).
ALLOWED_LATIN = {
    "API",
    "CSV",
    "XLSX",
    "ISO",
    "KATO",
    "JSON",
    "HTML",
    "ICS",
    "iCalendar",
    "Shanyrak",
    "Popolo",
    "OpenAPI",
    "Swagger",
    "UUID",
    "URL",
    "UTC",
    "KZT",
    "ID",
    # HTTP, which the browsable API names as it is.
    "GET",
    "POST",
    "PUT",
    "PATCH",
    "DELETE",
    "OPTIONS",
    "HEAD",
    "HTTP",
    "Allow",
    "Content",
    "Type",
    "Vary",
    "Accept",
    "OK",
    "TSV",
    "YAML",
    "XLS",
    "ODS",
}
ALLOWED_LATIN = {
    word.lower() for word in ALLOWED_LATIN | {"Control", "Command", "Mac", "Android", "Google", "Apple", "Outlook"}
}
ROMAN = re.compile(r"^[IVXLCDM]+$")
# What is still to be translated, and is tolerated until it is: texts (as read on the page, stripped) by language.
# Remove a line once its text is translated; tests/data/language_purity_gaps.txt lists them one a line as
# "language<TAB>text", numbers read as any number.
GAPS_FILE = Path(__file__).parent / "data" / "language_purity_gaps.txt"

DIGITS = re.compile(r"\d+")  # a known gap's numbers (dates, times, counts) may differ from run to run
URL_OR_EMAIL = re.compile(r"\S+@\S+|\b\w+://\S+|\bwww\.\S+|/\S*")
WORD = re.compile(r"[^\W\d_]+")
LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
KAZAKH_ONLY_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
READ_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}
SKIPPED_ELEMENTS = {"script", "style", "template", "textarea", "code", "kbd", "samp"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# What a person reads ------------------------------------------------------------------------------------------------


class VisibleText(HTMLParser):
    """The text a person reads in a page whose language is `language`, as a list of strings."""

    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.page_language = None
        self.stack = []  # (tag, skipped)
        self.texts = []

    @property
    def skipping(self):
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.page_language = attributes.get("lang")
        foreign = "lang" in attributes and attributes["lang"] and attributes["lang"].lower() != self.language
        api_answer = tag == "pre" and "prettyprint" in (attributes.get("class") or "")
        skipped = self.skipping or tag in SKIPPED_ELEMENTS or foreign or api_answer
        if not skipped:
            self.texts.extend(value for name, value in attributes.items() if name in READ_ATTRIBUTES and value)
            if tag == "input" and attributes.get("type") in ("submit", "button", "reset") and attributes.get("value"):
                self.texts.append(attributes["value"])
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append(data)


def read(html, language):
    parser = VisibleText(language)
    parser.feed(html)
    parser.close()
    return parser.page_language, parser.texts


def words(text):
    return WORD.findall(URL_OR_EMAIL.sub(" ", text))


# Vocabularies of the catalogues ------------------------------------------------------------------------------------


def catalogue_paths(language):
    """Every .po/.mo of `language` that the interface may use: Django's, the installed apps', ours."""
    folders = [Path(django.__file__).parent / "conf" / "locale"]
    folders += [Path(app.path) / "locale" for app in apps.get_app_configs()]
    folders += [Path(path) for path in settings.LOCALE_PATHS]
    found = []
    for folder in folders:
        for variant in {language, language.replace("-", "_"), f"{language}_{language.upper()}"}:
            messages = folder / variant / "LC_MESSAGES"
            for name in ("django.po", "django.mo"):
                if (messages / name).exists():
                    found.append(messages / name)
                    break
    return found


def _entries(path):
    catalogue = polib.pofile(str(path)) if path.suffix == ".po" else polib.mofile(str(path))
    return [entry for entry in catalogue if entry.msgid and not entry.obsolete]


@cache
def vocabulary():
    """Words of the interface messages: `english` from every msgid, `kk` and `ru` from the translations, `latin` from
    the Kazakh translations in the Latin script."""
    english, translated = set(), {"kk": set(), "ru": set()}
    for language in ("kk", "ru", "en"):
        for path in catalogue_paths(language):
            for entry in _entries(path):
                english.update(words(entry.msgid))
                english.update(words(entry.msgid_plural or ""))
                if language in translated:
                    texts = [entry.msgstr, *entry.msgstr_plural.values()]
                    for text in texts:
                        translated[language].update(word.lower() for word in words(text))
    english = {word.lower() for word in english if len(word) >= 3}
    latin = {transliterate(word).lower() for word in translated["kk"]}
    cyrillic = translated["kk"] | translated["ru"]
    return SimpleNamespace(english=english, kk=translated["kk"], ru=translated["ru"], cyrillic=cyrillic, kk_latn=latin)


# The world ---------------------------------------------------------------------------------------------------------

_LOWER = dict(zip("abcdefghijklmnopqrstuvwyz", "абцдефгхийклмнопкрстуввиз", strict=True)) | {"x": "кс"}
LATIN_TO_CYRILLIC = str.maketrans(_LOWER | {latin.upper(): cyr.capitalize() for latin, cyr in _LOWER.items()})


def cyrillic(text):
    return text.translate(LATIN_TO_CYRILLIC)


def text_fields(model):
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField)) and not field.choices
    ]


def field_language(field):
    suffix = field.name.rsplit("_", 1)[-1]
    return suffix if suffix in ("kk", "ru", "en") else None


def purify_world():
    """Kazakh and Russian fields of every row written in Cyrillic, English ones in Latin, as real records are; a
    field of no one language (a surname, an event's own title) that uses a word of an English message is written in
    Cyrillic too, so that no data word is also an interface word."""
    english = vocabulary().english
    for model in apps.get_models():
        fields = [field for field in text_fields(model) if field.name != "password"]
        if not fields:
            continue
        if model._meta.app_label in ("auth", "contenttypes"):
            continue  # permission and type names: interface text Django keeps in the database, not records
        for row in model._base_manager.all():
            changed = {}
            for field in fields:
                value = getattr(row, field.attname) or ""
                if not isinstance(value, str):
                    continue
                if field_language(field) is None:
                    if any(word.lower() in english for word in words(value)):
                        changed[field.attname] = cyrillic(value)
                elif field_language(field) in ("kk", "ru") and LATIN.search(value):
                    changed[field.attname] = cyrillic(value)
                elif field_language(field) == "en" and CYRILLIC.search(value):
                    changed[field.attname] = transliterate(value)
            if changed:
                model._base_manager.filter(pk=row.pk).update(**changed)


def data_words():
    """{language: words of the world's data that may appear on a page in that language}."""
    found = {language: set() for language in LANGUAGES}
    for model in apps.get_models():
        fields = text_fields(model)
        if not fields:
            continue
        for values in model._base_manager.values_list(*[field.attname for field in fields]):
            for field, value in zip(fields, values, strict=True):
                if not value:
                    continue
                language = field_language(field)
                value_words = set(words(str(value)))
                targets = [language] if language else LANGUAGES
                if language == "kk":
                    targets = ["kk", "kk-latn"]
                for target in targets:
                    found[target].update(value_words)
                    if target == "kk-latn":
                        found[target].update(words(transliterate(str(value))))
    return found


# The checks --------------------------------------------------------------------------------------------------------


def foreign_word(word, language, data, strict=True):
    """What is wrong with `word` on a page in `language` ("Latin", "Russian", …), or None. `strict`: a data word
    that is also an interface word is not excused (the admin, which shows every language's fields, is not strict)."""
    vocab = vocabulary()
    if not strict and word in data:
        return None
    lower = word.lower()
    latin, cyrillic = bool(LATIN.search(word)), bool(CYRILLIC.search(word))
    allowed = lower in ALLOWED_LATIN or bool(ROMAN.match(word))
    if language in ("kk", "ru"):
        if latin and len(word) >= 3 and not allowed and not (word in data and lower not in vocab.english):
            return "Latin"
        if cyrillic and word not in data:
            if language == "kk" and lower in vocab.ru and lower not in vocab.kk:
                return "Russian"
            if language == "ru" and (KAZAKH_ONLY_LETTERS.search(word) or (lower in vocab.kk and lower not in vocab.ru)):
                return "Kazakh"
    elif language == "en":
        if cyrillic and not (word in data and lower not in vocab.cyrillic):
            return "Cyrillic"
    elif language == "kk-latn":
        if cyrillic and word not in data:
            return "Cyrillic"
        english = lower in vocab.english and lower not in vocab.kk_latn
        if latin and len(word) >= 3 and english and not allowed and word not in data:
            return "English"
    return None


def problems_in(texts, language, data, strict=True):
    found = set()
    gaps = known_gaps()
    for text in texts:
        shown = " ".join(text.split())
        if (language, DIGITS.sub("0", shown)) in gaps:
            continue
        for word in words(text):
            kind = foreign_word(word, language, data, strict)
            if kind:
                found.add(f"{kind}: {word!r} in {shown!r}")
    return found


@cache
def known_gaps():
    if not GAPS_FILE.exists():
        return frozenset()
    lines = GAPS_FILE.read_text(encoding="utf-8").splitlines()
    pairs = (line.split("\t", 1) for line in lines if "\t" in line and not line.startswith("#"))
    return frozenset((language, DIGITS.sub("0", text)) for language, text in pairs)


# The site's pages ---------------------------------------------------------------------------------------------------


def walk(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            if "format" in pattern.pattern.regex.groupindex:
                continue  # the API's format suffixes (.json, .csv): the same answer without the HTML page
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def admin_models():
    """{'app_model': (model, model_admin)} of every registered model."""
    return {
        f"{model._meta.app_label}_{model._meta.model_name}": (model, model_admin)
        for model, model_admin in admin.site._registry.items()
    }


def api_viewsets():
    from config.api_urls import router

    return {basename: viewset for _prefix, viewset, basename in router.registry}


def one_row(model):
    row = model._base_manager.order_by("pk").first()
    if row is None:
        pytest.skip(f"the world has no {model._meta.label} to open")
    return row


def admin_request(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    return request
