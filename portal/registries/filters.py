"""The registry pages' filters: the API's FilterSets under the API's parameter names, with `search` over the
model's search fields as the API searches them (the confidential ones for the secretariat only). A coordinator's list
is their region's, so they get no region choice; everyone else chooses a region (all by default), and the districts
offered are the chosen region's, once one is chosen."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import access
from assembly.api.filters import AssociationFilterSet, HouseFilterSet
from assembly.models import AssociationStatus, EthnicGroup, EthnoculturalAssociation, HouseKind, HouseOfFriendship
from councils.api.filters import CouncilFilterSet
from councils.models import Council
from regions.models import District, Region
from registry.api.filters import PageFilters, SearchFieldsFilter


def statuses(model):
    return [(status.value, status.label) for status in model.allowed_statuses]


class RegistryPageFilters(PageFilters):
    """`region` is the coordinator's own region (the rows are already narrowed to it), or None."""

    def __init__(self, data=None, *args, region=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        search = self.filters["search"]
        user = self.request.user if self.request else None
        search.search_fields = access.searchable_fields(user, self._meta.model, search.search_fields)
        if region:
            self.filters.pop("region", None)
        else:
            self.filters["region"].queryset = Region.objects.active()
            self.filters["region"].extra["empty_label"] = _("all regions")
            region = self.data.get("region")
        region = region if region and Region.objects.filter(pk=region).exists() else None
        if region is None:
            self.filters.pop("district", None)  # a district is chosen once the region is known
        else:
            self.filters["district"].queryset = District.objects.active().filter(region_id=region).order_by("name_en")
        for page_filter in self.filters.values():
            if isinstance(page_filter, django_filters.BooleanFilter):
                page_filter.extra["widget"] = forms.Select(
                    choices=[("", _("any")), ("true", _("yes")), ("false", _("no"))]
                )


class AssociationPageFilterSet(RegistryPageFilters, AssociationFilterSet):
    search = SearchFieldsFilter(EthnoculturalAssociation.search_fields)
    # One status at a time on the page; the API also takes several (`?status=active&status=suspended`).
    status = django_filters.ChoiceFilter(choices=AssociationStatus.choices, label=_("status"))
    page_fields = ("search", "region", "district", "status", "level", "ethnic_group")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ethnic_group = self.filters["ethnic_group"]
        ethnic_group.label = _("ethnic group")
        groups = [(str(group.pk), str(group)) for group in EthnicGroup.objects.active()]
        ethnic_group.extra["widget"] = forms.Select(choices=[("", _("all")), *groups])


class HousePageFilterSet(RegistryPageFilters, HouseFilterSet):
    search = SearchFieldsFilter(HouseOfFriendship.search_fields)
    kind = django_filters.ChoiceFilter(field_name="house_kind", choices=HouseKind.choices, label=_("kind"))
    status = django_filters.ChoiceFilter(choices=statuses(HouseOfFriendship), label=_("status"))
    page_fields = ("search", "region", "district", "kind", "status", "on_tourist_route")


class CouncilPageFilterSet(RegistryPageFilters, CouncilFilterSet):
    search = SearchFieldsFilter(Council.search_fields)
    status = django_filters.ChoiceFilter(choices=statuses(Council), label=_("status"))
    page_fields = ("search", "region", "district", "kind", "level", "status")
