"""Every public registry as CSV and JSON with a Frictionless Data Package descriptor.

A table holds exactly what an anonymous reader of the API gets (the same access rules, the same serializers),
archived records included so that every reference inside the package resolves.
"""

import csv
import datetime
import itertools
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, QueryDict
from django.utils import timezone, translation
from rest_framework import relations
from rest_framework.request import Request

from accounts.access import Visibility, rule_for
from assembly.popolo import popolo_document
from jobs.models import JobPhase
from opendata.schema import ApiSchema
from registry.cells import neutralise

API_ROOT = "/api/v1/"
CHUNK = 1000
LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
POPOLO_TITLES = {
    "kk": "Адамдар, органдар, лауазымдар және мүшеліктер (Popolo)",
    "ru": "Люди, органы, должности и членство (Popolo)",
    "en": "People, bodies, posts and memberships (Popolo)",
}
PACKAGE_TITLES = {
    "kk": "Қазақстан халқы Ассамблеясының ашық деректері",
    "ru": "Открытые данные Ассамблеи народа Казахстана",
    "en": "Open data of the Assembly of the People of Kazakhstan",
}


@dataclass
class Table:
    """One public registry endpoint of the API router."""

    name: str
    viewset: type

    @property
    def model(self):
        return self.viewset.queryset.model

    @property
    def is_whole_registry(self):
        """Several endpoints may serve one model (assemblies are bodies); references point at the unfiltered one."""
        return not self.viewset.queryset.query.where

    def view(self):
        http_request = HttpRequest()
        http_request.method = "GET"
        http_request.path = f"{API_ROOT}{self.name}/"
        http_request.META.update(SERVER_NAME="open-data.invalid", SERVER_PORT="443")
        http_request.GET = QueryDict("archived=include")
        http_request.user = AnonymousUser()
        view = self.viewset(request=Request(http_request), args=(), kwargs={}, format_kwarg=None, action="list")
        view.request.user = AnonymousUser()
        return view

    def rows(self):
        view = self.view()
        queryset = view.filter_queryset(view.get_queryset()).order_by("pk")
        records = queryset.iterator(chunk_size=CHUNK)
        while chunk := list(itertools.islice(records, CHUNK)):
            yield from view.get_serializer(chunk, many=True).data

    def choices(self):
        """{column: allowed values} for columns holding a model field with choices (the stored set, which may be
        wider than what a client may write)."""
        found = {}
        for name, field in self.view().get_serializer().fields.items():
            try:
                model_field = self.model._meta.get_field(field.source)
            except FieldDoesNotExist:
                continue
            if model_field.choices:
                found[name] = [value for value, _label in model_field.flatchoices if value not in (None, "")]
        return found

    def references(self):
        """(column, target model, target column) for each single-valued relation the serializer writes."""
        for name, field in self.view().get_serializer().fields.items():
            if not isinstance(field, relations.SlugRelatedField | relations.PrimaryKeyRelatedField):
                continue
            try:
                target = self.model._meta.get_field(field.source).related_model
            except FieldDoesNotExist:
                continue
            if target is not None:
                yield name, target, field.slug_field if isinstance(field, relations.SlugRelatedField) else "id"


def public_tables():
    from config.api_urls import router

    tables = []
    for prefix, viewset, _basename in router.registry:
        queryset = getattr(viewset, "queryset", None)
        if queryset is None or rule_for(queryset.model).visibility != Visibility.PUBLIC:
            continue
        tables.append(Table(prefix, viewset))
    return tables


def title_of(model):
    """The table's title in the active language."""
    return str(model._meta.verbose_name_plural).capitalize()


def titles_of(model):
    """The table's title in each language its records are kept in."""
    titles = {}
    for code in settings.RECORD_LANGUAGES:
        with translation.override(code):
            titles[code] = title_of(model)
    return titles


def csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)
    if isinstance(value, str):
        return neutralise(value)  # people open these files in spreadsheets: no text may run as a formula
    return str(value)


def flatten(row, columns):
    values = []
    for column in columns:
        value = row
        for key in column.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        values.append(csv_value(value))
    return values


class OpenDataPackage:
    """Writes the tables, then `datapackage.json` describing them."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.schema = ApiSchema()
        self.tables = public_tables()

    def write(self, progress=None):
        """Write every table, then the descriptor; returns the rows written per table. `progress` (a
        jobs.progress.Progress) hears of each table written."""
        self.directory.mkdir(parents=True, exist_ok=True)
        resources, counts = [], {}
        if progress is not None:
            progress.start(JobPhase.TABLES, len(self.tables))
        for done, table in enumerate(self.tables, start=1):
            fields = list(self.schema.columns(self.schema.row_schema(f"{API_ROOT}{table.name}/")))
            counts[table.name] = self.write_table(table, [field["name"] for field in fields])
            resources.extend(self.describe(table, fields))
            if progress is not None:
                progress.advance(done)
        resources.append(self.write_popolo())
        descriptor = {
            "profile": "data-package",
            "name": "shanyrak-open-data",
            "title": PACKAGE_TITLES["en"],
            "titles": PACKAGE_TITLES,
            "description": "Public registries of the Assembly of the People of Kazakhstan, as its REST API serves "
            "them to anonymous readers. Names are given in Kazakh, Russian and English.",
            "version": timezone.localdate().isoformat(),
            "created": timezone.now().replace(microsecond=0).isoformat(),
            "licenses": [LICENCE],
            "resources": resources,
        }
        (self.directory / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2))
        return counts

    def write_table(self, table, columns):
        count = 0
        with (
            open(self.directory / f"{table.name}.csv", "w", newline="", encoding="utf-8") as csv_file,
            open(self.directory / f"{table.name}.json", "w", encoding="utf-8") as json_file,
        ):
            writer = csv.writer(csv_file)
            writer.writerow(columns)
            json_file.write("[")
            for count, row in enumerate(table.rows(), start=1):
                writer.writerow(flatten(row, columns))
                json_file.write(("," if count > 1 else "") + "\n")
                json_file.write(json.dumps(row, ensure_ascii=False, cls=DjangoJSONEncoder))
            json_file.write("\n]\n")
        return count

    def write_popolo(self):
        """popolo.json: what an anonymous reader of /api/v1/popolo/ gets, names in English with the others under
        `other_names` (docs/open-data.md)."""
        with translation.override("en"):
            document = popolo_document(AnonymousUser())
        with open(self.directory / "popolo.json", "w", encoding="utf-8") as json_file:
            json.dump(document, json_file, ensure_ascii=False, cls=DjangoJSONEncoder)
        return {
            "name": "popolo",
            "path": "popolo.json",
            "profile": "data-resource",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            "description": "The public bodies and posts as one Popolo document (https://www.popoloproject.com/), as "
            "/api/v1/popolo/ gives them to anonymous readers.",
            "title": POPOLO_TITLES["en"],
            "titles": POPOLO_TITLES,
            "licenses": [LICENCE],
        }

    def describe(self, table, fields):
        titles = titles_of(table.model)
        column_names = {field["name"] for field in fields}
        for field in fields:
            if allowed := table.choices().get(field["name"]):
                field["constraints"] = {"enum": allowed}
        schema = {"fields": fields}
        if "id" in column_names:
            schema["primaryKey"] = ["id"]
        foreign_keys = []
        for column, target_model, target_column in table.references():
            target = self.table_for(target_model)
            if column in column_names and target is not None:
                resource = "" if target is table else target.name
                foreign_keys.append(
                    {"fields": [column], "reference": {"resource": resource, "fields": [target_column]}}
                )
        if foreign_keys:
            schema["foreignKeys"] = foreign_keys
        common = {"title": titles["en"], "titles": titles, "licenses": [LICENCE]}
        return [
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
                **common,
            },
            {
                "name": f"{table.name}-json",
                "path": f"{table.name}.json",
                "profile": "data-resource",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "description": f"The rows of {table.name}.csv as the API gives them, nested objects kept.",
                **common,
            },
        ]

    def table_for(self, model):
        candidates = [table for table in self.tables if table.model is model]
        return next((table for table in candidates if table.is_whole_registry), candidates[0] if candidates else None)


def archive_name(day=None):
    return f"shanyrak-open-data-{(day or timezone.localdate()).isoformat()}.zip"


def publish(directory):
    """Zip a written package into OPEN_DATA_DIR under today's date; returns the archive's path."""
    target = Path(settings.OPEN_DATA_DIR)
    target.mkdir(parents=True, exist_ok=True)
    archive = target / archive_name()
    partial = archive.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(Path(directory).iterdir()):
            bundle.write(path, arcname=path.name)
    partial.replace(archive)  # readers never see a half-written archive
    return archive


def published_archives():
    """(day, path, size) of every published archive, newest first."""
    directory = Path(settings.OPEN_DATA_DIR)
    found = []
    for path in directory.glob("shanyrak-open-data-*.zip") if directory.is_dir() else ():
        try:
            day = datetime.date.fromisoformat(path.stem.removeprefix("shanyrak-open-data-"))
        except ValueError:
            continue
        found.append((day, path, path.stat().st_size))
    return sorted(found, reverse=True)
