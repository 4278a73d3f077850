"""The open-data dump: every public registry as CSV and JSON with a Frictionless descriptor, nothing more."""

import csv
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from frictionless import Package

from tests.assembly_factories import build_network
from tests.eventkit import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(users):
    network = build_network()
    network["uyghur_19_suspended"].archive()
    return {
        **network,
        "verified": make_event(title="Open festival", verification="verified"),
        "draft": make_event(title="Secret draft", verification="draft"),
        "closed": make_event(title="Closed meeting", verification="verified", is_public=False),
    }


@pytest.fixture
def dump(world, tmp_path):
    out = io.StringIO()
    call_command("export_open_data", str(tmp_path), stdout=out)
    return tmp_path, out.getvalue()


def rows(directory, name):
    with open(directory / f"{name}.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_package_is_a_valid_frictionless_data_package_with_resolving_references(dump):
    directory, _output = dump
    report = Package(str(directory / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "message"])[:10]


def test_every_public_registry_is_in_the_package_and_nothing_internal(dump):
    directory, _output = dump
    descriptor = json.loads((directory / "datapackage.json").read_text())
    names = {resource["name"] for resource in descriptor["resources"]}
    for public in ("regions", "districts", "bodies", "associations", "houses-of-friendship", "events", "councils"):
        assert {public, f"{public}-json"} <= names
    for internal in ("persons", "memberships", "instructions", "mediators", "mediation-cases", "mothers-homes"):
        assert internal not in names
        assert not (directory / f"{internal}.csv").exists()


def test_the_descriptor_names_each_table_in_three_languages_and_states_the_licence(dump):
    directory, _output = dump
    descriptor = json.loads((directory / "datapackage.json").read_text())
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    events = next(resource for resource in descriptor["resources"] if resource["name"] == "events")
    assert set(events["titles"]) == {"kk", "ru", "en"}
    assert events["titles"] == {"kk": "Іс-шаралар", "ru": "Мероприятия", "en": "Events"}
    assert events["schema"]["primaryKey"] == ["id"]
    fields = {field["name"]: field for field in events["schema"]["fields"]}
    assert fields["start_date"]["type"] == "date"
    assert fields["participants_count"]["type"] == "integer"
    assert fields["verified"]["type"] == "boolean"
    assert fields["title_translations.kk"]["type"] == "string"
    assert {"fields": ["region"], "reference": {"resource": "regions", "fields": ["id"]}} in events["schema"][
        "foreignKeys"
    ]


def test_tables_hold_what_an_anonymous_api_reader_sees_archived_records_included(dump, api, world):
    directory, output = dump
    titles = {row["title"] for row in rows(directory, "events")}
    assert titles == {"Open festival"}
    assert "events: 1 rows" in output
    associations = rows(directory, "associations")
    listed = api(None).get("/api/v1/associations/", {"archived": "include", "page_size": 100}).json()
    assert sorted(int(row["id"]) for row in associations) == sorted(row["id"] for row in listed["results"])
    archived = next(row for row in associations if int(row["id"]) == world["uyghur_19_suspended"].pk)
    assert archived["archived"] == "true"


def test_contacts_never_leave_in_the_open_data(dump):
    directory, _output = dump
    everything = "".join(path.read_text(encoding="utf-8") for path in directory.iterdir())
    for secret in ("uyghur19@example.kz", "+7 727 000 0019", "leader@example.kz", "Leaderova", "Secret draft"):
        assert secret not in everything


def test_json_tables_hold_the_same_rows_as_the_csv_ones(dump):
    directory, _output = dump
    for name in ("associations", "regions", "events"):
        as_json = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
        as_csv = rows(directory, name)
        assert [str(row["id"]) for row in as_json] == [row["id"] for row in as_csv]
    association = json.loads((directory / "associations.json").read_text(encoding="utf-8"))[0]
    assert set(association["names"]) == {"kk", "ru", "en"}


def test_a_published_archive_is_listed_and_downloadable_by_anyone(world, client, settings, tmp_path):
    settings.OPEN_DATA_DIR = tmp_path / "published"
    page = client.get("/open-data/")
    assert page.status_code == 200
    assert "No archive has been published yet" in page.content.decode()

    call_command("export_open_data", "--publish", stdout=io.StringIO())
    page = client.get("/open-data/").content.decode()
    archive = next((settings.OPEN_DATA_DIR).glob("shanyrak-open-data-*.zip"))
    assert archive.name in page
    download = client.get(f"/open-data/{archive.name}")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    with zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))) as bundle:
        assert {"datapackage.json", "events.csv", "events.json"} <= set(bundle.namelist())
    assert client.get("/open-data/shanyrak-open-data-1999-01-01.zip").status_code == 404
    assert client.get("/open-data/..%2Fsettings.py").status_code == 404


def test_the_command_asks_for_a_directory_or_publish():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--publish"):
        call_command("export_open_data", stdout=io.StringIO())


def test_the_package_holds_the_public_popolo_document_without_people(dump, world):
    directory, _output = dump
    document = json.loads((directory / "popolo.json").read_text())
    assert document["persons"] == [] and document["memberships"] == []
    names = {organization["name"] for organization in document["organizations"]}
    assert world["house_10"].name_en in names
    assert "uyghur19@example.kz" not in (directory / "popolo.json").read_text()
    descriptor = json.loads((directory / "datapackage.json").read_text())
    resource = next(resource for resource in descriptor["resources"] if resource["name"] == "popolo")
    assert resource["path"] == "popolo.json" and set(resource["titles"]) == {"kk", "ru", "en"}
