"""The assembly demo data: marked as demo, idempotent, consistent with the registries' own rules."""

import io

import pytest
from django.apps import apps

from assembly import demo
from assembly.demo import network
from assembly.models import (
    Body,
    BodyKind,
    EthnoculturalAssociation,
    HouseOfFriendship,
    Instruction,
    Membership,
    Person,
)

pytestmark = pytest.mark.django_db


def history_counts():
    config = apps.get_app_config("assembly")
    return {model.__name__: model.objects.count() for model in config.get_models() if model.__name__.startswith("Hist")}


@pytest.mark.slow
def test_demo_is_marked_idempotent_and_valid(reference, monkeypatch):
    monkeypatch.setattr(network, "ASSOCIATIONS_PER_REGION", {"KZ-10": 4, "KZ-19": 9, "KZ-75": 3})
    demo.seed(io.StringIO())
    before = history_counts()
    demo.seed(io.StringIO())
    assert history_counts() == before  # a second run changes nothing, so writes no history

    associations = EthnoculturalAssociation.objects.all()
    assert associations.count() == 16
    assert all(a.name_en.endswith("(demo)") and a.description_en.startswith("DEMO") for a in associations)
    for association in associations:
        association.full_clean()
    assert (
        Person.objects.filter(name_en__endswith="(demo)").count()
        == Person.objects.exclude(surname__in=["Nazarbayev", "Tokayev", "Azilkhanov"]).count()
    )
    for membership in Membership.objects.all():
        membership.full_clean()  # quotas and post periods hold
    for house in HouseOfFriendship.objects.all():
        house.full_clean()
    assert Body.objects.filter(kind=BodyKind.PUBLIC_ASSOCIATION).count() == 140
    assert Body.history.filter(kind=BodyKind.PUBLIC_ASSOCIATION).count() == 140  # bulk-created with history

    deputies = Membership.objects.filter(role="deputy_chairman", start_date__lte="2019-06-01").exclude(
        end_date__lt="2019-06-01"
    )
    assert deputies.count() == 3
    assert list(Instruction.objects.overdue().values_list("code", flat=True)) == ["XXXIV-1"]
    uyghur = associations.filter(region="KZ-19", status="active", ethnic_groups__name_en="Uyghurs")
    assert uyghur.count() == 8
    parent = Instruction.objects.get(code="XXXIV-2")
    assert parent.progress_percent == 40 and parent.sub_instructions.count() == 3
