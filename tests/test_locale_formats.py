import datetime

from django.template import Context, Template
from django.utils import formats, translation


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load l10n %}" + source).render(Context(context))


def test_kazakh_pages_group_thousands_with_a_space_and_use_a_decimal_comma():
    assert render('{{ n|floatformat:"0g" }}', "kk", n=1463000) == "1\xa0463\xa0000"
    assert render('{{ n|floatformat:"2g" }}', "kk", n=1234.5) == "1\xa0234,50"


def test_kazakh_dates_put_the_year_first_as_kazakh_writes_them():
    day = datetime.date(2026, 11, 28)
    with translation.override("kk"):
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "28.11.2026"
        long = formats.date_format(day)
    assert long == "2026 жылғы 28 қараша"


def test_kazakh_month_names_inside_a_date_are_in_lower_case():
    with translation.override("kk"):
        assert formats.date_format(datetime.date(2026, 3, 1)) == "2026 жылғы 1 наурыз"
        assert formats.date_format(datetime.date(2026, 3, 1), "YEAR_MONTH_FORMAT") == "2026 жылғы наурыз"
        assert formats.date_format(datetime.date(2026, 3, 1), "MONTH_DAY_FORMAT") == "1 наурыз"


def test_russian_and_english_keep_their_own_conventions():
    assert render('{{ n|floatformat:"0g" }}', "ru", n=1463000) == "1\xa0463\xa0000"
    assert render('{{ n|floatformat:"0g" }}', "en", n=1463000) == "1,463,000"
    with translation.override("ru"):
        assert formats.date_format(datetime.date(2026, 11, 28), "SHORT_DATE_FORMAT") == "28.11.2026"
