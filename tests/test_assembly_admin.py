"""The secretariat's admin for the assembly registries: every page, search in three languages, import/export."""

import io

import pytest
from django.urls import reverse

from assembly.models import (
    AgendaItem,
    AssociationActivity,
    Award,
    AwardPresentation,
    Body,
    BodyName,
    EthnicGroup,
    EthnoculturalAssociation,
    HouseOfFriendship,
    Identifier,
    Instruction,
    Membership,
    Person,
    Post,
    ProgressReport,
    Session,
    SessionDocument,
    StrategicDocument,
)
from tests.assembly_factories import build_deputy_chairmen, build_instructions, build_network, make_bin

pytestmark = pytest.mark.django_db

MODELS = [
    Body,
    BodyName,
    Identifier,
    Person,
    Membership,
    Post,
    Session,
    AgendaItem,
    SessionDocument,
    Award,
    AwardPresentation,
    Instruction,
    ProgressReport,
    StrategicDocument,
    EthnicGroup,
    HouseOfFriendship,
    EthnoculturalAssociation,
    AssociationActivity,
]


@pytest.fixture
def staff_client(client, users):
    client.force_login(users["secretariat"])
    made = build_network()
    made.update(build_instructions())
    build_deputy_chairmen()
    session = Session.objects.get(number=34)
    AgendaItem.objects.create(session=session, position=1, title_en="Opening", title_ru="Открытие", title_kk="Ашылу")
    SessionDocument.objects.create(session=session, title_en="Resolution", url="https://assembly.kz/")
    AwardPresentation.objects.create(award=Award.objects.get(), person=made["leader"], session=session)
    Identifier.objects.create(body=made["uyghur_19"], scheme="bin", value=made["uyghur_19"].bin)
    AssociationActivity.objects.create(
        association=made["uyghur_19"], kind="language_school", language="ug", name_kk="a", name_ru="b", name_en="c"
    )
    ProgressReport.objects.create(
        instruction=made["on_time"], reported_on="2025-06-01", progress_percent=10, text_en="r"
    )
    return client


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_admin_page_renders(staff_client, model):
    meta = model._meta
    record = model.objects.first()
    assert record is not None, meta.model_name
    for name, args in [
        ("changelist", []),
        ("add", []),
        ("change", [record.pk]),
        ("history", [record.pk]),
        ("import", []),
        ("export", []),
    ]:
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_{name}", args=args)
        assert staff_client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("model", "term", "expected"),
    [
        (EthnoculturalAssociation, "Uyghur Cultural Centre", "Uyghur Cultural Centre of Almaty Region"),
        (EthnoculturalAssociation, "уйгуры", None),
        (EthnoculturalAssociation, "ұйғырлар", None),
        (Body, "Ассамблея народов Казахстана", "Assembly of the People of Kazakhstan"),
        (Body, "Қазақстан халқы Ассамблеясы", None),
        (EthnicGroup, "корейцы", "Koreans"),
        (EthnicGroup, "кәрістер", "Koreans"),
        (Person, "Токаев", "Tokayev"),
        (Person, "Тоқаев", "Tokayev"),
    ],
)
def test_search_in_three_languages(staff_client, model, term, expected):
    url = reverse(f"admin:assembly_{model._meta.model_name}_changelist")
    found = list(staff_client.get(url, {"q": term}).context["cl"].queryset)
    assert found
    if expected:
        assert expected in {getattr(row, "name_en", "") or getattr(row, "surname", "") for row in found} | {
            getattr(row, "surname", "") for row in found
        }


def test_overdue_filter_in_admin(staff_client):
    url = reverse("admin:assembly_instruction_changelist")
    codes = {
        row.code
        for row in staff_client.get(url, {"overdue": "yes", "session__id__exact": Session.objects.get(number=34).pk})
        .context["cl"]
        .queryset
    }
    assert codes == {"XXXIV-1", "XXXIV-2"}


def test_deputy_chairmen_on_a_day_in_admin(staff_client):
    url = reverse("admin:assembly_membership_changelist")
    response = staff_client.get(
        url, {"role__exact": "deputy_chairman", "start_date__lte": "2019-06-01", "end_date__gte": "2019-06-01"}
    )
    assert {m.person.surname for m in response.context["cl"].queryset} == {"Head", "First-Rotating", "Second-Rotating"}


def test_session_change_page_has_agenda_and_instruction_inlines(staff_client):
    page = staff_client.get(reverse("admin:assembly_session_change", args=[Session.objects.get(number=34).pk]))
    inline_models = {formset.formset.model for formset in page.context_data["inline_admin_formsets"]}
    assert {AgendaItem, Instruction, SessionDocument, AwardPresentation} <= inline_models
    body = staff_client.get(reverse("admin:assembly_body_change", args=[Body.objects.get(kind="national_assembly").pk]))
    assert Membership in {formset.formset.model for formset in body.context_data["inline_admin_formsets"]}
    association = staff_client.get(
        reverse("admin:assembly_ethnoculturalassociation_change", args=[EthnoculturalAssociation.objects.first().pk])
    )
    assert AssociationActivity in {
        formset.formset.model for formset in association.context_data["inline_admin_formsets"]
    }


def test_person_contacts_are_searchable_by_the_secretariat_in_admin(staff_client):
    url = reverse("admin:assembly_person_changelist")
    found = list(staff_client.get(url, {"q": "leader@example.kz"}).context["cl"].queryset)
    assert [person.surname for person in found] == ["Leaderova"]


def _csv(header, rows):
    data = io.BytesIO((header + "\n" + "\n".join(rows) + "\n").encode())
    data.name = "associations.csv"
    return data


def _confirm(staff_client, preview, process_url):
    confirm_form = preview.context["confirm_form"]
    return staff_client.post(
        process_url,
        {
            name: field.initial if field.initial is not None else confirm_form.initial.get(name)
            for name, field in confirm_form.fields.items()
        },
    )


def test_association_import_updates_by_natural_key_and_a_bad_row_imports_nothing(staff_client):
    url = reverse("admin:assembly_ethnoculturalassociation_import")
    header = (
        "id,name_kk,name_ru,name_en,level,region,district,ethnic_groups,host_house,status,status_since,bin,"
        "founded_on,registered_on,dissolved_on"
    )
    good_bin, bad_bin = make_bin(400), make_bin(401)[:-1] + str((int(make_bin(401)[-1]) + 1) % 10)
    rows = [
        f",Жаңа,Новое,Imported association,regional,KZ-10,,Germans|Koreans,,active,,{good_bin},,2020-02-02,",
        f",Қате,Ошибка,Broken association,regional,KZ-10,,Germans,,active,,{bad_bin},,,",
    ]
    response = staff_client.post(url, {"import_file": _csv(header, rows), "format": "0", "resource": "0"})
    result = response.context["result"]
    assert result.has_errors() or result.has_validation_errors()
    assert not EthnoculturalAssociation.objects.filter(name_en="Imported association").exists()

    rows = [
        rows[0],
        ",Корей,Корейский,Korean centre of Almaty Region,regional,KZ-19,,Koreans,,suspended,2025-05-01,,,,",
    ]
    preview = staff_client.post(url, {"import_file": _csv(header, rows), "format": "0", "resource": "0"})
    assert not preview.context["result"].has_errors()
    assert not preview.context["result"].has_validation_errors()
    assert (
        _confirm(staff_client, preview, reverse("admin:assembly_ethnoculturalassociation_process_import")).status_code
        == 302
    )
    imported = EthnoculturalAssociation.objects.get(name_en="Imported association")
    assert set(imported.ethnic_groups.values_list("name_en", flat=True)) == {"Germans", "Koreans"}
    assert imported.kind == "ethnocultural_association"
    korean = EthnoculturalAssociation.objects.get(name_en="Korean centre of Almaty Region")
    assert korean.status == "suspended"
    assert EthnoculturalAssociation.objects.filter(name_en="Korean centre of Almaty Region").count() == 1
    assert korean.history.first().history_user.username == "secretariat"


def test_session_import_by_number(staff_client):
    url = reverse("admin:assembly_session_import")
    data = io.BytesIO(
        b"number,start_date,end_date,city,venue,chair,theme_kk,theme_ru,theme_en,dates_verified\n"
        b"35,2026-04-24,2026-04-24,Astana,Palace of Peace and Accord,,,,,0\n"
        b"34,2025-04-23,2025-04-24,Astana,Palace of Independence,,,,,1\n"
    )
    data.name = "sessions.csv"
    preview = staff_client.post(url, {"import_file": data, "format": "0", "resource": "0"})
    assert not preview.context["result"].has_errors(), preview.context["result"].row_errors()
    _confirm(staff_client, preview, reverse("admin:assembly_session_process_import"))
    assert Session.objects.get(number=35).city == "Astana"
    assert Session.objects.get(number=34).venue == "Palace of Independence"
    assert Session.objects.count() == 15


@pytest.mark.parametrize("role", ["coord-kz-10", "reader"])
def test_non_staff_do_not_reach_the_assembly_admin(client, users, role):
    client.force_login(users[role])
    response = client.get(reverse("admin:assembly_ethnoculturalassociation_changelist"))
    assert response.status_code == 302
