"""What the Assembly's serializers share."""

from registry.api.serializers import TranslatedTextField


def optional_texts(*bases):
    """Three-language texts that may be left empty (descriptions, biographies, themes)."""
    return {f"{base}_translations": TranslatedTextField(base, required_languages=(), required=False) for base in bases}
