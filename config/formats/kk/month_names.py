"""Month names inside a Kazakh date ("2026 жылғы 23 қараша") are written in lower case, but Django's Kazakh catalogue
capitalises the forms it uses there. Our catalogue gives them in lower case; they are named here so that
`makemessages` keeps those entries. Nothing imports this module."""

from django.utils.translation import pgettext_lazy

MONTHS_INSIDE_A_DATE = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
