"""When two event titles name the same event: the likely-duplicate check of the portal, the API and uploads."""

import difflib
import functools
import re
import unicodedata


@functools.lru_cache(maxsize=65536)
def normalized_title(title):
    """A title reduced for comparison: lower case, letters and digits only, quotes and punctuation dropped."""
    text = unicodedata.normalize("NFKC", title or "").casefold()
    return " ".join(re.findall(r"\w+", text))


@functools.lru_cache(maxsize=65536)
def _numbers(normalized):
    return tuple(re.findall(r"\d+", normalized))


def title_numbers(title):
    """The numbers a title carries ("Forum 2025" → ("2025",)): titles that look alike carry the same ones."""
    return _numbers(normalized_title(title))


def titles_look_alike(first, second, threshold=0.8):
    """Same title give or take punctuation, case and small typos. Titles whose numbers differ ("Charity action
    No. 3" and "No. 4", "Forum 2024" and "Forum 2025") are different events."""
    a, b = normalized_title(first), normalized_title(second)
    if not a or not b:
        return False
    if a == b:
        return True
    if _numbers(a) != _numbers(b):
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    return (
        matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold
    )
