"""Public directories of the network: Houses of Friendship and ethnocultural associations, by region.

Nothing personal or confidential is shown: no contacts, no leaders' names.
"""

from django.db.models import Count, Prefetch, Q
from django.utils import translation
from django.views.generic import TemplateView

from accounts import access
from assembly.models import (
    LISTED_ASSOCIATION_STATUSES,
    AssociationActivity,
    EthnicGroup,
    EthnoculturalAssociation,
    HouseKind,
    HouseOfFriendship,
)
from regions.models import Region, alphabetical
from registry.collation import sorted_by_name

LISTED_STATUSES = LISTED_ASSOCIATION_STATUSES


def chosen(request, name, choices):
    value = request.GET.get(name, "")
    return value if value in choices else ""


class HousesDirectoryView(TemplateView):
    template_name = "directory/houses.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        regions = alphabetical(access.readable(user, Region.objects.active()))
        region = chosen(self.request, "region", {r.iso_code for r in regions})
        kind = chosen(self.request, "kind", set(HouseKind.values))
        houses = access.readable(user, HouseOfFriendship.objects.active()).select_related("region", "district")
        houses = houses.annotate(
            hosted_total=Count(
                "hosted_associations",
                filter=Q(
                    hosted_associations__archived_at__isnull=True, hosted_associations__status__in=LISTED_STATUSES
                ),
            )
        )
        if region:
            houses = houses.filter(region_id=region)
        if kind:
            houses = houses.filter(house_kind=kind)
        houses = houses.order_by("region_id", "house_kind", "name_en")
        groups = {}
        for house in houses:
            groups.setdefault(house.region_id, {"region": house.region, "houses": []})["houses"].append(house)
        places = {option.iso_code: index for index, option in enumerate(regions)}
        context.update(
            groups=[groups[key] for key in sorted(groups, key=lambda code: -1 if code is None else places[code])],
            regions=regions,
            kinds=HouseKind.choices,
            region=region,
            kind=kind,
            total=sum(len(group["houses"]) for group in groups.values()),
        )
        return context


class AssociationsDirectoryView(TemplateView):
    """Associations by region, by ethnic group, or both: "where are the Uyghur associations?" needs no region."""

    template_name = "directory/associations.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        language = translation.get_language()
        listed = access.readable(user, EthnoculturalAssociation.objects.active()).filter(status__in=LISTED_STATUSES)
        counts = dict(listed.values_list("region_id").annotate(total=Count("pk")).values_list("region_id", "total"))
        regions = alphabetical(access.readable(user, Region.objects.active()), language)
        for region in regions:
            region.association_total = counts.get(region.iso_code, 0)
        region_code = chosen(self.request, "region", {r.iso_code for r in regions})
        groups = sorted_by_name(access.readable(user, EthnicGroup.objects.active()), language)
        group_id = chosen(self.request, "ethnic_group", {str(g.pk) for g in groups})
        region = next((r for r in regions if r.iso_code == region_code), None)
        group = next((g for g in groups if str(g.pk) == group_id), None)
        sections = []
        if region or group:
            selection = listed
            if region:
                selection = selection.filter(region_id=region_code)
            if group:
                selection = selection.filter(ethnic_groups=group_id)
            selection = selection.select_related("region", "district", "host_house").prefetch_related(
                "ethnic_groups",
                Prefetch("activities", queryset=AssociationActivity.objects.active().order_by("kind")),
            )
            sections = by_region(sorted_by_name(selection, language), regions)
        context.update(
            regions=regions,
            region=region,
            groups=groups,
            group=group,
            group_id=group_id,
            sections=sections,
            associations=[association for section in sections for association in section["associations"]],
            total=sum(counts.values()),
        )
        return context


def by_region(associations, regions):
    """Sections of associations, one per region in the order of `regions`; republican ones first."""
    places = {region.iso_code: index for index, region in enumerate(regions)}
    sections = {}
    for association in associations:
        key = association.region_id
        sections.setdefault(key, {"region": association.region, "associations": []})["associations"].append(association)
    return [sections[key] for key in sorted(sections, key=lambda code: -1 if code is None else places.get(code, 99))]
