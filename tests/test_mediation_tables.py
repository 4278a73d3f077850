"""Mediation moved out of the councils app without moving its data: every table, history tables included, keeps its
name, and the content types belong to the new app."""

import pytest
from django.contrib.contenttypes.models import ContentType

from mediation.models import CaseNote, MediationCase, MediationOffice, Mediator
from registry.history import kept_history_table

MOVED = {
    MediationOffice: "councils_mediationoffice",
    Mediator: "councils_mediator",
    MediationCase: "councils_mediationcase",
    CaseNote: "councils_casenote",
}


def test_moved_models_and_their_histories_keep_the_councils_tables():
    for model, table in MOVED.items():
        assert model._meta.app_label == "mediation"
        assert model._meta.db_table == table
        assert model.history.model._meta.db_table == table.replace("councils_", "councils_historical")
    assert MediationCase.mediators.through._meta.db_table == "councils_mediationcase_mediators"
    history_through = MediationCase.history.model.mediators.model
    assert history_through._meta.db_table == "councils_historicalmediationcase_mediators"


def test_a_model_with_the_default_table_keeps_the_default_history_table():
    from councils.models import Council

    assert kept_history_table(Council) is None
    assert Council.history.model._meta.db_table == "councils_historicalcouncil"


@pytest.mark.django_db
def test_content_types_of_the_moved_models_belong_to_mediation():
    assert ContentType.objects.get_for_model(MediationCase).app_label == "mediation"
    assert not ContentType.objects.filter(app_label="councils", model__in=["mediationcase", "mediator"]).exists()
