"""The national-scale seed at a small factor: the same figures and spreads, a hundredth of the rows."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Sum

from assembly.models import Body, BodyKind, EthnoculturalAssociation, HouseOfFriendship, Membership, Person
from councils.models import Council
from events.models import Event, EventKind, Source
from mediation.models import MediationCase, MediationOffice, Mediator
from regions.models import Region
from registry import national

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

FACTOR = 0.01


@pytest.fixture
def seeded(reference):
    made = national.seed(io.StringIO(), factor=FACTOR, stream=io.StringIO())
    return made


def test_events_reach_the_yearly_figure_spread_over_regions_months_and_kinds(seeded):
    for year in national.YEARS:
        in_year = Event.objects.filter(start_date__year=year)
        assert in_year.count() == 150
        participants = in_year.aggregate(total=Sum("participants_count"))["total"]
        # About 1,000,000 participants a year at full scale: 10,000 at a hundredth, within the spread of the sample.
        assert 7_000 <= participants <= 13_000
    events = Event.objects.all()
    assert set(events.values_list("region_id", flat=True)) == set(Region.objects.values_list("pk", flat=True))
    assert {day.month for day in events.values_list("start_date", flat=True)} == set(range(1, 13))
    assert set(events.values_list("kind", flat=True)) == set(EventKind.values)
    assert events.filter(district__isnull=False).count() > events.count() / 2
    # Busier regions log more: Almaty city against Ulytau.
    assert events.filter(region_id="KZ-75").count() > 3 * events.filter(region_id="KZ-62").count()


def test_network_reaches_the_figures_at_the_factor(seeded):
    assert EthnoculturalAssociation.objects.count() == 10
    assert Body.objects.filter(kind=BodyKind.PUBLIC_ASSOCIATION).count() == 40
    assert HouseOfFriendship.objects.count() == 32  # a few dozen rows are never scaled down
    assert Council.objects.filter(kind=BodyKind.COUNCIL_OF_ELDERS).count() == 11
    assert Council.objects.filter(kind=BodyKind.COUNCIL_OF_MOTHERS).count() == 17
    assert Membership.objects.filter(body__kind=BodyKind.COUNCIL_OF_ELDERS).count() == 76
    assert Membership.objects.filter(body__kind=BodyKind.COUNCIL_OF_MOTHERS).count() == 160
    assert Membership.objects.filter(body__kind=BodyKind.YOUTH_ASSEMBLY).count() == 90
    assert MediationOffice.objects.filter(region__isnull=False).count() == 20
    assert Mediator.objects.count() == 12
    for year in national.YEARS:
        assert MediationCase.objects.filter(received_on__year=year).count() == 30


def test_every_row_is_marked_as_demo_and_valid(seeded):
    assert not Event.objects.exclude(source=Source.DEMO).exists()
    assert not Event.objects.exclude(description__startswith="DEMO").exists()
    national_bodies = (
        Body.objects.exclude(kind=BodyKind.REGIONAL_ASSEMBLY)
        .exclude(kind=BodyKind.NATIONAL_ASSEMBLY)
        .filter(description_en__startswith=national.NATIONAL_MARK)
    )
    assert national_bodies.count() > 100
    assert not national_bodies.exclude(name_en__endswith="(demo)").exists()
    assert not Person.objects.exclude(name_en__endswith="(demo)").filter(biography_en=national.NATIONAL_MARK).exists()
    assert not MediationCase.objects.exclude(reference_number__startswith="DEMO-").exists()
    for record in [
        *Event.objects.all()[:50],
        *Council.objects.all()[:10],
        *EthnoculturalAssociation.objects.all()[:5],
        *HouseOfFriendship.objects.filter(description_en__startswith=national.NATIONAL_MARK)[:5],
        *MediationCase.objects.all()[:10],
    ]:
        record.full_clean()


def test_a_second_run_creates_nothing(seeded):
    assert sum(seeded.values()) > 1000
    before = Event.objects.count(), Body.objects.count(), Person.objects.count(), MediationCase.objects.count()
    again = national.seed(io.StringIO(), factor=FACTOR, stream=io.StringIO())
    assert sum(again.values()) == 0
    assert (
        Event.objects.count(),
        Body.objects.count(),
        Person.objects.count(),
        MediationCase.objects.count(),
    ) == before


def test_the_command_reports_the_national_figures_and_draws_a_progress_bar(reference):
    out, err = io.StringIO(), io.StringIO()
    call_command("seed_demo", scale="national", factor=FACTOR, stdout=out, stderr=err)
    assert "national scale (factor 0.01)" in out.getvalue()
    assert "Demo data ready." in out.getvalue()
    assert "100%" in err.getvalue()
    assert Event.objects.filter(start_date__year=2021).count() == 150
