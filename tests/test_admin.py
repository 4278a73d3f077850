import io

import pytest
from django.urls import reverse

from regions.models import District, Region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("term", ["Abai", "Абай облысы", "область Абай"])
def test_secretariat_searches_regions_in_three_languages(staff_client, term):
    response = staff_client.get(reverse("admin:regions_region_changelist"), {"q": term})
    assert response.status_code == 200
    assert list(response.context["cl"].queryset.values_list("pk", flat=True)) == ["KZ-10"]


def test_admin_pages_render_for_the_secretariat(staff_client):
    for url in [
        reverse("admin:index"),
        reverse("admin:regions_region_changelist"),
        reverse("admin:regions_region_change", args=["KZ-10"]),
        reverse("admin:regions_region_history", args=["KZ-10"]),
        reverse("admin:regions_district_changelist"),
        reverse("admin:regions_district_add"),
        reverse("admin:regions_region_import"),
        reverse("admin:regions_district_export"),
        reverse("admin:accounts_user_changelist"),
    ]:
        assert staff_client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", ["coord-kz-10", "mediator-kz-10", "reader"])
def test_non_staff_roles_do_not_reach_the_admin(client, users, role):
    client.force_login(users[role])
    response = client.get(reverse("admin:regions_region_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_delete_is_not_offered_and_archive_explains_dependents(staff_client):
    changelist = reverse("admin:regions_region_changelist")
    page = staff_client.get(changelist)
    actions = [name for name, _label in page.context["action_form"].fields["action"].choices]
    assert "delete_selected" not in actions
    assert "archive_selected" in actions
    assert staff_client.get(reverse("admin:regions_region_delete", args=["KZ-10"])).status_code == 403

    response = staff_client.post(changelist, {"action": "archive_selected", "_selected_action": ["KZ-10"]}, follow=True)
    messages = [str(message) for message in response.context["messages"]]
    assert any("KZ-10" not in m and "districts" in m for m in messages), messages
    assert Region.objects.get(pk="KZ-10").archived_at is None


def test_admin_edit_is_recorded_with_its_user(staff_client, users):
    district = District.objects.get(name_en="Taraz")
    url = reverse("admin:regions_district_change", args=[district.pk])
    form = {
        "region": "KZ-31",
        "kind": "city",
        "kato": "311099",
        "centre_en": "Taraz",
        "is_region_centre": "on",
        "name_kk": "Тараз",
        "name_ru": "Тараз",
        "name_en": "Taraz",
    }
    response = staff_client.post(url, form)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    latest = district.history.first()
    assert latest.history_user == users["secretariat"]
    assert latest.kato == "311099"
    assert latest.request_id


def _district_csv(rows):
    header = "region,name_en,name_kk,name_ru,kind,kato,centre_en,is_region_centre\n"
    return io.BytesIO((header + "\n".join(rows) + "\n").encode())


def test_import_updates_by_natural_key_and_a_bad_row_imports_nothing(staff_client):
    url = reverse("admin:regions_district_import")
    good_and_bad = _district_csv(
        [
            "KZ-31,Kordai District,Қордай ауданы,Кордайский район,district,3148,Kordai,0",
            "KZ-10,Brand New District,Жаңа,Новый,district,,,0",
            "KZ-99,Nowhere,Жоқ,Нигде,district,,,0",
        ]
    )
    good_and_bad.name = "districts.csv"
    response = staff_client.post(url, {"import_file": good_and_bad, "format": "0", "resource": "0"})
    assert response.status_code == 200
    assert response.context["result"].has_errors() or response.context["result"].has_validation_errors()
    assert not District.objects.filter(name_en="Brand New District").exists()

    good = _district_csv(
        [
            "KZ-31,Kordai District,Қордай ауданы,Кордайский район,district,3148,Kordai (updated),0",
            "KZ-10,Brand New District,Жаңа,Новый,district,,,0",
        ]
    )
    good.name = "districts.csv"
    preview = staff_client.post(url, {"import_file": good, "format": "0", "resource": "0"})
    assert not preview.context["result"].has_errors()
    confirm_form = preview.context["confirm_form"]
    confirm = staff_client.post(
        reverse("admin:regions_district_process_import"),
        {
            name: field.initial if field.initial is not None else confirm_form.initial.get(name)
            for name, field in confirm_form.fields.items()
        },
    )
    assert confirm.status_code == 302
    assert District.objects.get(name_en="Kordai District").centre_en == "Kordai (updated)"
    assert District.objects.filter(name_en="Brand New District", region_id="KZ-10").exists()


def test_restore_action_brings_archived_records_back_and_says_how_many(staff_client, users):
    district = District.objects.get(name_en="Taraz")
    district.archive(users["secretariat"])
    changelist = reverse("admin:regions_district_changelist")
    response = staff_client.post(
        f"{changelist}?archived=archived",
        {"action": "restore_selected", "_selected_action": [district.pk]},
        follow=True,
    )
    messages = [str(message) for message in response.context["messages"]]
    district.refresh_from_db()
    assert district.archived_at is None
    assert any(message.startswith("1 ") for message in messages), messages
