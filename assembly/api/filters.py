import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from assembly.models import (
    AssociationStatus,
    Body,
    BodyName,
    EthnoculturalAssociation,
    HouseKind,
    HouseOfFriendship,
    Instruction,
    InstructionStatus,
    Membership,
    Person,
    Post,
    Session,
    StrategicDocument,
)
from assembly.roman import from_roman
from registry.api.filters import RANGE, DatedFilterSet, RegistryFilterSet, YearFilter, lookups


class BodyFilterSet(DatedFilterSet):
    period_fields = ("founded_on", "dissolved_on")

    class Meta:
        model = Body
        fields = lookups("kind", *Body.place_fields, "successor", "status")


class BodyNameFilterSet(DatedFilterSet):
    class Meta:
        model = BodyName
        fields = lookups("body")


class PersonFilterSet(RegistryFilterSet):
    role = django_filters.CharFilter(method="filter_role", label=_("Has held this role"))
    body = django_filters.NumberFilter(method="filter_body", label=_("Has been a member of this body"))

    class Meta:
        model = Person
        fields = lookups("region")

    def filter_role(self, queryset, name, value):
        return queryset.filter(memberships__role=value, memberships__archived_at__isnull=True).distinct()

    def filter_body(self, queryset, name, value):
        return queryset.filter(memberships__body_id=value, memberships__archived_at__isnull=True).distinct()


class MembershipFilterSet(DatedFilterSet):
    region = django_filters.CharFilter(field_name="body__region", label=_("Region of the body (ISO code)"))
    body_kind = django_filters.CharFilter(field_name="body__kind", label=_("Kind of the body"))

    class Meta:
        model = Membership
        fields = lookups("person", "body", "role", "end_reason", "country", start_date=RANGE, end_date=RANGE)


class PostFilterSet(DatedFilterSet):
    class Meta:
        model = Post
        fields = lookups("body", "role")


class SessionFilterSet(DatedFilterSet):
    year = YearFilter(field_name="start_date", lookup_expr="year", label=_("Year"))

    class Meta:
        model = Session
        fields = lookups("number", "city", "chair", start_date=RANGE)


class SessionNumberField(forms.CharField):
    """A session by its number, in Arabic (`34`) or Roman (`XXXIV`) numerals."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        number = int(value) if value.isdigit() else from_roman(value)
        if number is None:
            raise forms.ValidationError(_("Give the session's number, such as 34 or XXXIV."))
        return number


class SessionNumberFilter(django_filters.Filter):
    field_class = SessionNumberField


class InstructionFilterSet(RegistryFilterSet):
    session = SessionNumberFilter(field_name="session__number", label=_("Session number (34 or XXXIV)"))
    overdue = django_filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        method="filter_overdue",
        label=_("Past the deadline and not done"),
    )
    status = django_filters.MultipleChoiceFilter(choices=InstructionStatus.choices)
    top_level = django_filters.BooleanFilter(field_name="parent", lookup_expr="isnull", label=_("Top level only"))

    class Meta:
        model = Instruction
        fields = lookups("parent", "addressee", "region", "responsible", deadline=RANGE)

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value == "true" else queryset.not_overdue()


class StrategicDocumentFilterSet(DatedFilterSet):
    class Meta:
        model = StrategicDocument
        fields = lookups("kind", "number", adopted_year=["exact", *RANGE])


class AssociationFilterSet(DatedFilterSet):
    period_fields = ("founded_on", "dissolved_on")
    status = django_filters.MultipleChoiceFilter(choices=AssociationStatus.choices)
    ethnic_group = django_filters.CharFilter(method="filter_ethnic_group", label=_("Ethnic group (id or English name)"))

    class Meta:
        model = EthnoculturalAssociation
        fields = lookups("region", "district", "level", "host_house", "bin", registered_on=RANGE)

    def filter_ethnic_group(self, queryset, name, value):
        value = value.strip()
        lookup = Q(ethnic_groups=value) if value.isdigit() else Q(ethnic_groups__name_en__iexact=value)
        return queryset.filter(lookup).distinct()


class HouseFilterSet(RegistryFilterSet):
    kind = django_filters.ChoiceFilter(field_name="house_kind", choices=HouseKind.choices)
    status = django_filters.MultipleChoiceFilter(
        choices=[(status.value, status.label) for status in HouseOfFriendship.allowed_statuses]
    )
    active_on = django_filters.DateFilter(method="filter_active_on", label=_("Operating on this date (YYYY-MM-DD)"))

    class Meta:
        model = HouseOfFriendship
        fields = lookups("region", "district", "on_tourist_route")

    def filter_active_on(self, queryset, name, value):
        return queryset.filter(
            Q(opened_on__lte=value) | Q(opened_on__isnull=True, status__in=["operating", "closed"]),
            Q(dissolved_on__gte=value) | Q(dissolved_on__isnull=True),
        ).exclude(status__in=["planned", "under_construction"])
