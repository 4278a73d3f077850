"""The API's OpenAPI schema for the people who read /api/docs/: operations grouped by registry under plain names, and
every query and path parameter described (what it takes, with an example). The conventions behind them are in
docs/api.md, served at /api/conventions/ and linked from the schema's description."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import HttpResponse
from django.utils import translation
from django.utils.text import capfirst
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.openapi import AutoSchema

from registry.api.filters import RegistryFilterBackend

# Tags by the first segment of the path, in plain words; a registry not listed is named after its segment.
TAGS = {
    "auth": "Access tokens",
    "stats": "Statistics",
    "popolo": "Open data (Popolo)",
    "documents": "Strategic documents",
    "assemblies": "Assemblies",
    "houses-of-friendship": "Houses of Friendship",
    "mothers-homes": "Mothers' homes",
}

PARAMETERS = {
    "format": "Response format: `json` (the default) or `csv`, the same rows as a table with codes (a machine "
    "interface; the admin's and the portal's downloads are the ones for reading).",
    "page": "Page number, from 1, with `pagination=page` (the default). Pages are served up to 10,000 rows deep; "
    "read further with `pagination=cursor`.",
    "page_size": "Rows per page: 50 by default, at most 1000.",
    "pagination": "`page` (the default): numbered pages with a `count`; `cursor`: a full sync ordered by id, "
    "following `next` until it is null, with no count.",
    "cursor": "The cursor of the next or previous page, as given in `next` or `previous` by the previous answer.",
    "region": "Region by its ISO 3166-2 code, such as `KZ-10` (Abai Region) or `KZ-75` (Almaty city).",
    "region__isnull": "`true`: only records without a region (national ones); `false`: only those with one.",
    "updated_since": "Only records changed at or after this ISO 8601 date-time, such as `2026-11-01T00:00:00Z`; "
    "add `archived=include` to see what was archived since.",
    "archived": "Archived records: `exclude` (the default), `include` them, or `only` them.",
}
EXPORT_FORMAT = "`csv` (the default) or `ndjson` (one JSON row a line): every row, filtered like the list, streamed."


def tag_for(path):
    segment = path.split("/api/v1/", 1)[-1].split("/", 1)[0]
    return TAGS.get(segment) or capfirst(segment.replace("-", " "))


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


class EnglishSchemaGenerator(SchemaGenerator):
    """The schema in English whatever the reader's language: one language on the page, the choices' labels too."""

    def get_schema(self, request=None, public=False):
        with translation.override("en"):
            return super().get_schema(request, public)


class RegistryAutoSchema(AutoSchema):
    """drf-spectacular's schema with a tag per registry and a description on every parameter."""

    def get_tags(self):
        return [tag_for(self.path)]

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        with translation.override("en"):
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "header":
                    continue
                described = self.describe(parameter)
                if described:
                    parameter["description"] = described
        return operation

    # -- the descriptions ------------------------------------------------------------------------------------------
    def model(self):
        queryset = getattr(self.view, "queryset", None)
        return getattr(queryset, "model", None)

    def describe(self, parameter):
        """The parameter's description, written here when the generated one says nothing useful."""
        name, place = parameter["name"], parameter.get("in")
        if place == "path":
            return self.describe_path(name)
        if name == "format" and self.path.rstrip("/").endswith("/export"):
            return EXPORT_FORMAT
        if name == "ordering":
            return self.describe_ordering()
        if name == "search":
            return self.describe_search()
        if name in PARAMETERS:
            return PARAMETERS[name]
        given = parameter.get("description") or ""
        if given.startswith("* `"):  # the choices alone: say what they choose
            return f"{capfirst(self.verbose(name) or name.replace('_', ' '))}, one of:\n\n{given}"
        if given:
            return None
        return self.describe_filter(name)

    def verbose(self, name):
        model = self.model()
        field = _field(model, name) if model is not None else None
        if field is None:
            return ""
        return str(getattr(field, "verbose_name", None) or field.related_model._meta.verbose_name)

    def describe_path(self, name):
        model = self.model()
        if name == "iso_code":
            return "The region's ISO 3166-2 code, such as `KZ-10`."
        registry = model._meta.verbose_name if model is not None else "record"
        return f"The {registry}'s `{name}`, as given in the list."

    def describe_ordering(self):
        fields = list(getattr(self.view, "ordering_fields", None) or [])
        if not fields or fields == "__all__":
            return "Sort by a field of the rows; a leading `-` sorts in descending order."
        return (
            f"Sort by one of: {', '.join(f'`{field}`' for field in fields)}; a leading `-` sorts in descending order "
            f"(`-{fields[0]}`), several fields are separated by commas."
        )

    def describe_search(self):
        model = self.model()
        fields = getattr(self.view, "search_fields", None) or getattr(model, "search_fields", ())
        labels = []
        for field in fields:
            path = field.lstrip("=^@$")
            label = self.label_of(model, path) if model is not None else path
            labels.append(label)
        searched = ", ".join(dict.fromkeys(labels)) or "the record's names"
        return f"Text to look for, case-blind, anywhere in: {searched}. Contacts are searched for the secretariat only."

    def label_of(self, model, path):
        """`host_house__name_ru` → "host House of Friendship: name (Russian)"."""
        parts = path.split("__")
        words = []
        for part in parts:
            field = _field(model, part) if model is not None else None
            if field is None:
                words.append(part.replace("_", " "))
                model = None
                continue
            verbose = getattr(field, "verbose_name", None) or field.related_model._meta.verbose_name
            words.append(str(verbose))
            model = field.related_model if field.is_relation else None
        return ": ".join(words)

    def describe_filter(self, name):
        model = self.model()
        base, _sep, lookup = name.partition("__")
        field = _field(model, base) if model is not None else None
        label = self.filter_label(name)
        if field is None:
            return f"{capfirst(label or name.replace('_', ' '))}."
        verbose = str(getattr(field, "verbose_name", None) or field.related_model._meta.verbose_name)
        if lookup == "gte":
            return f"Only records whose {verbose} is on or after (at least) this value."
        if lookup == "lte":
            return f"Only records whose {verbose} is on or before (at most) this value."
        if field.is_relation:
            target = field.related_model
            key = "ISO 3166-2 code, such as `KZ-10`" if target._meta.model_name == "region" else "id"
            return f"Only records whose {verbose} is this {target._meta.verbose_name} (its {key})."
        if field.choices:
            return f"Only records with this {verbose} (one of the codes listed)."
        if isinstance(field, models.BooleanField):
            return f"`true` or `false`: {verbose}."
        if isinstance(field, models.DateField):
            return f"Only records with this {verbose} (YYYY-MM-DD)."
        return f"Only records with exactly this {verbose}."

    def filter_label(self, name):
        """The label of the view's filter `name`, when it has one."""
        try:
            filterset_class = RegistryFilterBackend().get_filterset_class(self.view, self.view.get_queryset())
        except Exception:  # a view whose queryset needs a request: its filters have their own descriptions
            return ""
        if filterset_class is None:
            return ""
        declared = filterset_class.base_filters.get(name)
        return str(declared.label) if declared is not None and declared.label else ""


def conventions(request):
    """docs/api.md as text: the conventions the schema's description links."""
    text = (Path(settings.BASE_DIR) / "docs" / "api.md").read_text(encoding="utf-8")
    return HttpResponse(text, content_type="text/markdown; charset=utf-8")
