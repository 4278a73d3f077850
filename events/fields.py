"""Form fields for an event's list-valued facts, shared by the portal and the admin: nobody edits raw JSON."""

from django import forms
from django.utils.translation import gettext_lazy as _

from events.inputs import parse_links
from events.models import EVENT_LANGUAGES


class LinksField(forms.CharField):
    """Press links as one URL per line."""

    widget = forms.Textarea(attrs={"rows": 2, "placeholder": "https://…"})

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Press coverage (one link per line)"))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        return parse_links(super().to_python(value))


class LanguagesField(forms.MultipleChoiceField):
    """The languages an event was held in, as check boxes with their names."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Languages used"))
        kwargs.setdefault("required", False)
        super().__init__(choices=list(EVENT_LANGUAGES.items()), **kwargs)
