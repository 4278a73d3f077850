"""The portal's registry pages, declared: which model, which columns, filters and form fields.

One `PortalRegistry` per registry drives the generic list, detail, create, edit and archive views of
portal/registries/views.py; who may do what is asked of accounts.access, never decided here.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import Case, When
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from assembly.models import EthnoculturalAssociation, HouseOfFriendship
from councils.models import COUNCIL_KIND_CHOICES, COUNCIL_ROLE_CHOICES, LEVEL_RANK, Council
from portal.registries.filters import AssociationPageFilterSet, CouncilPageFilterSet, HousePageFilterSet
from registry.models import NAME_FIELDS

DESCRIPTIONS = ("description_kk", "description_ru", "description_en")


@dataclass(frozen=True)
class Column:
    """A list column: a model field or attribute by name, or `value(obj)`; labelled by the field unless told."""

    name: str
    label: Any = None
    value: Any = None


@dataclass(frozen=True)
class PortalRegistry:
    slug: str  # the URL segment: /portal/registries/<slug>/
    model: type
    columns: tuple  # names or Columns; the first links to the record
    form_fields: tuple
    filterset: type  # the list's filters: the API's FilterSet with the page's choice of filters (filters.py)
    select_related: tuple = ("region", "district")
    prefetch_related: tuple = ()
    detail_fields: tuple = ()  # facts on the record's page; its form fields by default
    choices: dict = field(default_factory=dict)  # narrowed choices of a field in the form
    limit_to: dict = field(default_factory=dict)  # field → the model whose rows a foreign key may point at
    ordering: tuple = ("region_id", "name_en")
    roster_roles: tuple = ()  # a body whose members the portal keeps: the roles it seats

    @property
    def title(self):
        return self.model._meta.verbose_name_plural

    @property
    def record_name(self):
        return self.model._meta.verbose_name

    def queryset(self):
        """Every row with what the list shows, in a fixed number of queries whatever the number of rows."""
        manager = self.model.objects
        rows = manager.with_member_count() if hasattr(manager, "with_member_count") else manager.all()
        return rows.select_related(*self.select_related).prefetch_related(*self.prefetch_related)

    def columns_resolved(self):
        return [column if isinstance(column, Column) else Column(column) for column in self.columns]

    def label(self, name, label=None):
        if label:
            return label
        try:
            return self.model._meta.get_field(name).verbose_name
        except Exception:  # an attribute, not a field
            # The three-language name reads in the page's language; another attribute is named as written.
            return _("Name") if name == "name" else name

    def headings(self):
        return [self.label(column.name, column.label) for column in self.columns_resolved()]

    def cells(self, obj):
        return [column.value(obj) if column.value else display(obj, column.name) for column in self.columns_resolved()]

    def facts(self, obj, hidden=()):
        """(label, value, language) for the record's page, without the fields in `hidden` (confidential ones). The
        language is that of a field kept in one language (name_kk: "kk"), for the page to declare it; else ""."""
        names = [name for name in self.detail_fields or self.form_fields if name not in hidden]
        facts = [(self.label(name), display(obj, name), field_language(name)) for name in names]
        return [(label, value, language) for label, value, language in facts if value not in ("", None)]

    def confidential_fields(self):
        return tuple(self.model.confidential_fields)

    def status_choices(self):
        if "status" in self.choices:
            return self.choices["status"]
        allowed = getattr(self.model, "allowed_statuses", None)
        if allowed:
            return [(status.value, status.label) for status in allowed]
        return None

    def choices_for(self, name):
        if name == "status":
            return self.status_choices()
        return self.choices.get(name)


def field_language(name):
    """The language of a field kept in one language ("kk" for name_kk, description_kk…), else ""."""
    suffix = name.rsplit("_", 1)[-1]
    return suffix if suffix in ("kk", "ru", "en") and "_" in name else ""


def display(obj, name):
    """A field or attribute of `obj` as the portal shows it: choice labels, names of related rows, dates as
    written in the page's language."""
    try:
        model_field = obj._meta.get_field(name)
    except Exception:
        model_field = None
    if model_field is not None and model_field.many_to_many:
        return ", ".join(str(related) for related in getattr(obj, name).all())
    if model_field is not None and model_field.choices:
        return getattr(obj, f"get_{name}_display")()
    value = getattr(obj, name, None)
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, models.Model):
        return str(value)
    return value


# Republican councils first, then regional, district and local ones.
LEVEL_ORDER = Case(*(When(level=level, then=rank) for level, rank in LEVEL_RANK.items()), default=len(LEVEL_RANK))


def member_count(council):
    if council.declared_headcount is not None:
        return _("%(count)s (declared)") % {"count": council.declared_headcount}
    return council.member_count


ASSOCIATIONS = PortalRegistry(
    slug="associations",
    model=EthnoculturalAssociation,
    columns=(
        "name",
        "region",
        "district",
        Column("ethnic_groups"),
        "host_house",
        "status",
        "registered_on",
    ),
    form_fields=(
        *NAME_FIELDS,
        "level",
        "region",
        "district",
        "ethnic_groups",
        "host_house",
        *EthnoculturalAssociation.own_fields,
        "email",
        "phone",
        "address",
        "website",
        *DESCRIPTIONS,
    ),
    filterset=AssociationPageFilterSet,
    select_related=("region", "district", "host_house"),
    prefetch_related=("ethnic_groups",),
    limit_to={"host_house": HouseOfFriendship},
)

HOUSES = PortalRegistry(
    slug="houses-of-friendship",
    model=HouseOfFriendship,
    columns=("name", "region", "district", "house_kind", "status", "opened_on", "capacity"),
    form_fields=(
        *NAME_FIELDS,
        "house_kind",
        "region",
        "district",
        *HouseOfFriendship.own_fields,
        "website",
        *DESCRIPTIONS,
    ),
    filterset=HousePageFilterSet,
)

COUNCILS = PortalRegistry(
    slug="councils",
    model=Council,
    columns=(
        "name",
        "kind",
        "level",
        "region",
        "district",
        "status",
        Column("member_count", _("members"), member_count),
    ),
    form_fields=(
        *NAME_FIELDS,
        "kind",
        "wing",
        *Council.place_fields,
        "status",
        "founded_on",
        "dissolved_on",
        "university_kk",
        "university_ru",
        "university_en",
        "declared_headcount",
        "website",
        *DESCRIPTIONS,
    ),
    filterset=CouncilPageFilterSet,
    select_related=("region", "district", "parent"),
    choices={"kind": COUNCIL_KIND_CHOICES},
    limit_to={"parent": Council},
    ordering=("region_id", LEVEL_ORDER, "kind", "name_en"),
    roster_roles=tuple(COUNCIL_ROLE_CHOICES),
)

REGISTRIES = {registry.slug: registry for registry in (ASSOCIATIONS, HOUSES, COUNCILS)}
