"""Admin exports: a file for a report (names, labels and dates in the reader's language, a named sheet and file)
and, as a separate choice, the file of codes that the import reads back."""

import csv
import datetime
import io
from urllib.parse import unquote

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from events.models import Event
from tests.assembly_factories import build_network
from tests.conftest import web_client
from tests.eventkit import make_event

pytestmark = pytest.mark.django_db


def resource_choices(client, url):
    form = client.get(url).context["form"]
    return {str(label): int(index) for index, label in form.fields["resource"].choices}, form


def export(client, url, label_start, file_format):
    """POST the admin's export form choosing the resource whose label starts with `label_start`."""
    choices, form = resource_choices(client, url)
    index = next(value for label, value in choices.items() if label.startswith(label_start))
    formats = {label: value for value, label in form.fields["format"].choices}
    data = {"resource": index, "format": formats[file_format]}
    prefix = form.resources[index].__name__.lower() + "_"
    data.update({name: "on" for name in form.fields if name.startswith(prefix)})
    return client.post(url, data)


def filename(response):
    disposition = response["Content-Disposition"]
    assert "filename*=utf-8''" in disposition, disposition
    return unquote(disposition.split("filename*=utf-8''")[1])


@pytest.fixture
def russian_secretariat(users):
    return web_client(users["secretariat"], language="ru")


def test_events_for_a_report_read_in_russian_with_a_named_sheet_and_file(russian_secretariat):
    make_event(title="Фестиваль дружбы", region="KZ-10")
    url = reverse("admin:events_event_export")
    response = export(russian_secretariat, url, "Для отчёта", "xlsx")
    assert response.status_code == 200
    today = datetime.date.today().isoformat()
    assert filename(response) == f"Мероприятия {today}.xlsx"
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Мероприятия"
    rows = list(sheet.iter_rows(values_only=True))
    header, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert "Регион" in header and "region" not in header
    assert row["Регион"] == "область Абай"
    assert row["Вид"] == "фестиваль", row
    assert row["Проверка"] == "отправлено на проверку", row
    assert row["Организатор"] == "Ассамблея народа Казахстана (область Абай)"
    assert row["Дата начала"] == datetime.datetime(2025, 3, 14)
    assert not any(value == "KZ-10" for value in row.values())


def test_associations_for_a_report_name_regions_and_ethnic_groups_in_russian_csv(russian_secretariat):
    build_network()
    url = reverse("admin:assembly_ethnoculturalassociation_export")
    response = export(russian_secretariat, url, "Для отчёта", "csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    uyghur = next(row for row in rows if row["Название"].startswith("Uyghur Cultural Centre"))
    assert uyghur["Регион"] == "Алматинская область", uyghur
    assert uyghur["Этносы"] == "уйгуры"
    assert uyghur["Статус"] == "действует"
    assert uyghur["Уровень"] == "региональный"
    assert uyghur["Дата регистрации"] == "10.05.2001"
    assert "name_ru" not in rows[0] and "region" not in rows[0]


def test_the_file_for_re_import_keeps_the_codes_and_imports_back(russian_secretariat):
    make_event(title="Фестиваль дружбы", region="KZ-10")
    url = reverse("admin:events_event_export")
    choices, _form = resource_choices(russian_secretariat, url)
    assert any(label.startswith("Для повторного импорта") for label in choices)
    response = export(russian_secretariat, url, "Для повторного импорта", "csv")
    today = datetime.date.today().isoformat()
    assert filename(response) == f"Мероприятия, для повторного импорта {today}.csv"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0]["region"] == "KZ-10"
    assert rows[0]["kind"] == "festival"
    # The import page offers only the codes: the report is not a file to import.
    import_form = russian_secretariat.get(reverse("admin:events_event_import")).context["form"]
    assert [str(label) for _value, label in import_form.fields["resource"].choices] == [
        label for label in choices if label.startswith("Для повторного импорта")
    ]
    assert Event.objects.count() == 1
