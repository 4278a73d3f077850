"""Rules of the assembly registries that hold whatever the interface: BIN, quotas, transitions, roll-up, history."""

import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone, translation

from assembly.models import (
    Body,
    BodyKind,
    BodyStatus,
    EthnoculturalAssociation,
    HouseOfFriendship,
    Identifier,
    IdentifierScheme,
    Instruction,
    InstructionStatus,
    Membership,
    MembershipRole,
    Person,
    Post,
    ProgressReport,
    Session,
)
from assembly.roman import from_roman, to_roman
from assembly.validators import is_valid_bin, validate_bin
from registry.models import Dependents
from tests.assembly_factories import association, build_instructions, house, make_bin, person

pytestmark = pytest.mark.django_db


# -- BIN ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("291417776310", True),  # first pass: remainder 0
        ("291417776311", False),  # same number, wrong check digit
        ("377835337400", True),  # first pass gives 10, the second weights give 0
        ("377835337401", False),
        *[(f"06870986119{digit}", False) for digit in "0123456789"],  # both passes give 10: no valid BIN
        ("29141777631", False),  # 11 digits
        ("2914177763100", False),  # 13 digits
        ("29141777631a", False),
    ],
)
def test_bin_check_digit(value, valid):
    assert is_valid_bin(value) is valid
    if valid:
        validate_bin(value)
    else:
        with pytest.raises(ValidationError):
            validate_bin(value)


def test_identifier_validates_a_bin_but_not_other_schemes(reference):
    national = Body.objects.get(kind=BodyKind.NATIONAL_ASSEMBLY)
    with pytest.raises(ValidationError) as error:
        Identifier(body=national, scheme=IdentifierScheme.BIN, value="291417776311").full_clean()
    assert "value" in error.value.message_dict
    Identifier(body=national, scheme=IdentifierScheme.BIN, value="291417776310").full_clean()
    Identifier(body=national, scheme=IdentifierScheme.OTHER, value="decree 2066").full_clean()


# -- roman numerals ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("number", "roman"), [(1, "I"), (4, "IV"), (19, "XIX"), (29, "XXIX"), (34, "XXXIV")])
def test_roman_numerals(number, roman):
    assert to_roman(number) == roman
    assert from_roman(roman) == number
    assert from_roman(roman.lower()) == number


@pytest.mark.parametrize("text", ["", "IIII", "XIIX", "ABC", "34"])
def test_from_roman_refuses_non_numerals(text):
    assert from_roman(text) is None


# -- reference data ------------------------------------------------------------------------------------------
def test_reference_facts(reference):
    national = Body.objects.get(kind=BodyKind.NATIONAL_ASSEMBLY)
    assert national.founded_on == date(1995, 3, 1)
    assert national.name_en == "Assembly of the People of Kazakhstan"
    former = national.former_names.get()
    assert former.name_en == "Assembly of Peoples of Kazakhstan"
    assert former.end_date.year == 2007
    assert national.name_on(date(2000, 1, 1)).name_en == "Assembly of Peoples of Kazakhstan"
    assert national.name_on(date(2010, 1, 1)).name_en == "Assembly of the People of Kazakhstan"
    assert Body.objects.filter(kind=BodyKind.REGIONAL_ASSEMBLY).count() == 20
    assert set(Body.objects.filter(kind=BodyKind.REGIONAL_ASSEMBLY).values_list("region", flat=True)) == set(
        Body.objects.values_list("region", flat=True).exclude(region=None)
    )
    assert Session.objects.count() == 14
    xxxiv = Session.objects.get(number=34)
    assert (xxxiv.roman, xxxiv.start_date, xxxiv.end_date, xxxiv.city) == (
        "XXXIV",
        date(2025, 4, 23),
        date(2025, 4, 24),
        "Astana",
    )
    chairmen = Membership.objects.filter(body=national, role=MembershipRole.CHAIRMAN).order_by("start_date")
    assert [(m.person.surname, m.start_date, m.end_date) for m in chairmen] == [
        ("Nazarbayev", date(1995, 3, 1), date(2021, 4, 28)),
        ("Tokayev", date(2021, 4, 28), None),
    ]
    assert Membership.objects.get(role=MembershipRole.HONORARY_CHAIRMAN).person.surname == "Nazarbayev"
    assert Post.objects.get(role=MembershipRole.MAZHILIS_DEPUTY).seats == 9
    assert Post.objects.get(role=MembershipRole.SENATOR).seats == 5
    turkistan = HouseOfFriendship.objects.get(region="KZ-61", house_kind="regional")
    assert turkistan.status == BodyStatus.OPERATING
    assert HouseOfFriendship.objects.get(region="KZ-19", house_kind="regional").status == BodyStatus.PLANNED
    assert HouseOfFriendship.objects.filter(house_kind="assembly_centre").count() == 4
    for record in Membership.objects.all():
        record.full_clean()  # the reference memberships respect the quotas


def test_reference_loading_is_idempotent_and_writes_no_new_history(reference):
    before = (Body.history.count(), Membership.history.count(), Session.history.count(), Body.objects.count())
    call_command("load_reference", stdout=io.StringIO())
    after = (Body.history.count(), Membership.history.count(), Session.history.count(), Body.objects.count())
    assert after == before


def test_one_regional_assembly_per_region(reference):
    duplicate = Body(kind=BodyKind.REGIONAL_ASSEMBLY, region_id="KZ-10", level="regional", name_kk="a", name_ru="b")
    duplicate.name_en = "Second assembly of Abai"
    with pytest.raises(ValidationError):
        duplicate.full_clean()
    existing, created = Body.objects.get_or_create(kind=BodyKind.REGIONAL_ASSEMBLY, region_id="KZ-10")
    assert not created and existing.region_id == "KZ-10"


# -- bodies and their specialised children ------------------------------------------------------------------
def test_association_is_a_body_with_its_own_history_and_archive(reference):
    home = house("KZ-10", "House A")
    member = association("KZ-10", "Association A", ["Tatars"], host_house=home)
    assert member.kind == BodyKind.ETHNOCULTURAL_ASSOCIATION
    assert Body.objects.get(pk=member.pk).kind == BodyKind.ETHNOCULTURAL_ASSOCIATION
    member.name_en = "Association A, renamed"
    member.save()
    names = [h.name_en for h in member.history.order_by("history_date")]
    # created, its ethnic groups set (recorded as a change of its own), renamed
    assert names == ["Association A", "Association A", "Association A, renamed"]
    with translation.override("en"), pytest.raises(Dependents) as blocked:
        home.archive()
    assert "ethnocultural associations" in blocked.value.blockers[0]
    member.archive()
    home.archive()
    assert HouseOfFriendship.objects.get(pk=home.pk).is_archived
    with pytest.raises(Dependents):
        member.delete()


def test_specialised_kinds_are_kept_in_their_registry(reference):
    stray = Body(kind=BodyKind.HOUSE_OF_FRIENDSHIP, name_kk="a", name_ru="b", name_en="c")
    with pytest.raises(ValidationError) as error:
        stray.full_clean()
    assert "kind" in error.value.message_dict


def test_each_kind_of_body_allows_its_own_statuses(reference):
    record = association("KZ-10", "Status test")
    record.status = BodyStatus.OPERATING
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert "status" in error.value.message_dict
    record.status = BodyStatus.LIQUIDATED
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert "dissolved_on" in error.value.message_dict
    record.dissolved_on = date(2024, 1, 1)
    record.full_clean()


def test_association_bin_is_checked_and_unique(reference):
    record = association("KZ-10", "BIN test", bin=make_bin(5))
    other = EthnoculturalAssociation(region_id="KZ-10", level="regional", name_kk="x", name_ru="x", name_en="y")
    other.bin = record.bin
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "Another association already has this BIN." in str(error.value)
    other.bin = record.bin[:-1] + str((int(record.bin[-1]) + 1) % 10)
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "bin" in error.value.message_dict


# -- posts and quotas ----------------------------------------------------------------------------------------
def senate():
    return Body.objects.get(name_en="Senate of the Parliament")


def senator(surname, start, end=None):
    return Membership(
        person=person(surname), body=senate(), role=MembershipRole.SENATOR, start_date=start, end_date=end
    )


def test_a_sixth_senator_on_any_day_is_refused(reference):
    for number in range(5):
        record = senator(f"Senator{number}", date(2023, 1, 1 + number), date(2028, 1, 1) if number else None)
        record.full_clean()
        record.save()
    late = senator("Sixth", date(2027, 12, 1))
    with pytest.raises(ValidationError) as error:
        late.full_clean()
    assert "role" in error.value.message_dict
    assert "Dec. 1, 2027" in error.value.message_dict["role"][0]  # the day as the language writes it
    # After the four fixed-term senators hand over, a seat is free again; the handover day itself is free too.
    after = senator("Successor", date(2028, 1, 1))
    after.full_clean()


def test_no_post_on_the_start_day_is_refused(reference):
    deputy = Membership(
        person=person("TooLate"),
        body=Body.objects.get(name_en="Mazhilis of the Parliament"),
        role=MembershipRole.MAZHILIS_DEPUTY,
        start_date=date(2023, 3, 1),
    )
    with pytest.raises(ValidationError) as error:
        deputy.full_clean()
    assert "start_date" in error.value.message_dict
    assert "March 1, 2023" in error.value.message_dict["start_date"][0]


def test_chairman_handover_day_is_not_a_double_seat(reference):
    national = Body.objects.get(kind=BodyKind.NATIONAL_ASSEMBLY)
    for record in Membership.objects.filter(body=national, role=MembershipRole.CHAIRMAN):
        record.full_clean()
    usurper = Membership(
        person=person("Usurper"), body=national, role=MembershipRole.CHAIRMAN, start_date=date(2024, 1, 1)
    )
    with pytest.raises(ValidationError):
        usurper.full_clean()


def test_overlapping_posts_are_refused(reference):
    overlapping = Post(body=senate(), role=MembershipRole.SENATOR, seats=7, start_date=date(2024, 1, 1))
    overlapping.name_kk = overlapping.name_ru = overlapping.name_en = "More senators"
    with pytest.raises(ValidationError) as error:
        overlapping.full_clean()
    assert "start_date" in error.value.message_dict


# -- instructions ----------------------------------------------------------------------------------------------
def test_instruction_codes_and_overdue(reference):
    made = build_instructions()
    assert made["overdue"].code == "XXXIV-1"
    overdue = set(Instruction.objects.overdue().values_list("code", flat=True))
    assert overdue == {"XXXIV-1", "XXXIV-2", "XXXIII-1"}
    assert made["overdue"].overdue and not made["done_late"].overdue and not made["due_today"].overdue


@pytest.mark.parametrize(
    ("start", "target", "allowed"),
    [
        ("assigned", "in_progress", True),
        ("assigned", "done", True),
        ("assigned", "cancelled", True),
        ("in_progress", "done", True),
        ("in_progress", "assigned", False),
        ("done", "in_progress", True),
        ("done", "cancelled", False),
        ("cancelled", "assigned", False),
        ("cancelled", "done", False),
    ],
)
def test_status_transitions_are_enforced(reference, start, target, allowed):
    record = Instruction.objects.create(session=Session.objects.get(number=34), number=9, status=start, text_en="t")
    record.status = target
    if allowed:
        record.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            record.full_clean()
        assert "status" in error.value.message_dict


def test_done_means_full_progress_and_status_date(reference):
    record = Instruction.objects.create(session=Session.objects.get(number=34), number=9, text_en="t")
    assert record.status_changed_on == timezone.localdate()
    record.status = InstructionStatus.DONE
    record.save()
    assert record.progress_percent == 100


def test_sub_instructions_roll_progress_up(reference):
    session = Session.objects.get(number=34)
    parent = Instruction.objects.create(session=session, number=7, text_en="Parent")
    first = Instruction.objects.create(session=session, parent=parent, number=1, text_en="Region A", region_id="KZ-10")
    second = Instruction.objects.create(parent=parent, number=2, text_en="Region B", region_id="KZ-19")
    assert second.session_id == session.pk and second.code == "XXXIV-7.2"
    ProgressReport.objects.create(instruction=first, reported_on=timezone.localdate(), progress_percent=60, text_en="r")
    first.refresh_from_db()
    assert (first.progress_percent, first.status) == (60, InstructionStatus.IN_PROGRESS)
    parent.refresh_from_db()
    assert parent.progress_percent == 30
    second.status = InstructionStatus.DONE
    second.save()
    parent.refresh_from_db()
    assert parent.progress_percent == 80
    parent.progress_percent = 10
    with pytest.raises(ValidationError) as error:
        parent.full_clean()
    assert "progress_percent" in error.value.message_dict
    report = ProgressReport(instruction=parent, reported_on=timezone.localdate(), progress_percent=5, text_en="x")
    with pytest.raises(ValidationError) as error:
        report.full_clean()
    assert "instruction" in error.value.message_dict


def test_an_older_report_does_not_overwrite_the_latest(reference):
    record = Instruction.objects.create(session=Session.objects.get(number=34), number=9, text_en="t")
    today = timezone.localdate()
    ProgressReport.objects.create(instruction=record, reported_on=today, progress_percent=70, text_en="new")
    ProgressReport.objects.create(
        instruction=record, reported_on=today - timedelta(days=10), progress_percent=20, text_en="old"
    )
    record.refresh_from_db()
    assert record.progress_percent == 70


def test_person_contacts_are_fields_of_the_person(reference):
    someone = person("Contactful", "KZ-10", email="a@example.kz")
    assert Person.confidential_fields == ("email", "phone", "address")
    assert someone.email == "a@example.kz"
