"""Every dated registry speaks the same language: `start_date`/`end_date`, an end never before the start,
`in_force_on(day)` on a record and `.on(day)` on a list, which agree."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from events.models import Event, Programme
from registry.models import Period

PERIOD_MODELS = [model for model in apps.get_models() if issubclass(model, Period)]
DAYS = [datetime.date(1995, 3, 1), datetime.date(2015, 6, 30), datetime.date(2024, 1, 1)]


def test_the_dated_registries_share_the_period():
    names = {model._meta.label for model in PERIOD_MODELS}
    assert {"assembly.Membership", "assembly.Post", "assembly.Session", "events.Event", "events.Programme"} <= names


@pytest.mark.parametrize("model", PERIOD_MODELS, ids=lambda model: model._meta.label)
def test_an_end_before_the_start_is_refused_on_the_end_date(model):
    record = model(start_date=datetime.date(2020, 5, 2), end_date=datetime.date(2020, 5, 1))
    assert set(record.period_errors()) == {"end_date"}
    assert model(start_date=datetime.date(2020, 5, 2), end_date=datetime.date(2020, 5, 2)).period_errors() == {}


def test_events_and_programmes_keep_their_own_words_for_the_rule():
    assert "event cannot end before it starts" in str(Event.end_before_start_message)
    assert "programme cannot end before it starts" in str(Programme.end_before_start_message)


def test_the_end_before_the_start_is_a_validation_error_of_clean():
    programme = Programme(
        code="P-1", name_kk="a", name_ru="a", name_en="a", start_date=datetime.date(2021, 1, 2), end_date=None
    )
    programme.end_date = datetime.date(2021, 1, 1)
    with pytest.raises(ValidationError) as refused:
        programme.clean()
    assert "end_date" in refused.value.message_dict


def test_open_ends_hold_every_day_on_their_side():
    record = Programme(start_date=None, end_date=datetime.date(2000, 1, 1))
    assert record.in_force_on(datetime.date(1900, 1, 1))
    assert record.in_force_on(datetime.date(2000, 1, 1))
    assert not record.in_force_on(datetime.date(2000, 1, 2))
    assert Programme(start_date=datetime.date(2000, 1, 1), end_date=None).in_force_on(datetime.date(2999, 1, 1))


@pytest.mark.parametrize("model", PERIOD_MODELS, ids=lambda model: model._meta.label)
def test_the_list_on_a_day_is_the_records_in_force_that_day(reference, model):
    records = list(model.objects.all())
    for day in DAYS:
        assert set(model.objects.on(day)) == {record for record in records if record.in_force_on(day)}, day
