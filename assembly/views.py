"""Public directories of the network: Houses of Friendship and ethnocultural associations, by region.

Nothing personal or confidential is shown: no contacts, no leaders' names.
"""

from django.db.models import Count, Prefetch, Q
from django.views.generic import TemplateView

from accounts import access
from assembly.models import (
    AssociationActivity,
    AssociationStatus,
    EthnicGroup,
    EthnoculturalAssociation,
    HouseKind,
    HouseOfFriendship,
)
from regions.models import Region

LISTED_STATUSES = (AssociationStatus.REGISTERED, AssociationStatus.ACTIVE, AssociationStatus.SUSPENDED)


def chosen(request, name, choices):
    value = request.GET.get(name, "")
    return value if value in choices else ""


class HousesDirectoryView(TemplateView):
    template_name = "directory/houses.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        regions = list(access.readable(user, Region.objects.active()))
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
        context.update(
            groups=[groups[key] for key in sorted(groups, key=lambda code: code or "")],
            regions=regions,
            kinds=HouseKind.choices,
            region=region,
            kind=kind,
            total=sum(len(group["houses"]) for group in groups.values()),
        )
        return context


class AssociationsDirectoryView(TemplateView):
    template_name = "directory/associations.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        listed = access.readable(user, EthnoculturalAssociation.objects.active()).filter(status__in=LISTED_STATUSES)
        counts = dict(listed.values_list("region_id").annotate(total=Count("pk")).values_list("region_id", "total"))
        regions = list(access.readable(user, Region.objects.active()))
        for region in regions:
            region.association_total = counts.get(region.iso_code, 0)
        region_code = chosen(self.request, "region", {r.iso_code for r in regions})
        groups = list(access.readable(user, EthnicGroup.objects.active()).order_by("name_en"))
        group_id = chosen(self.request, "ethnic_group", {str(g.pk) for g in groups})
        associations = []
        if region_code:
            selection = listed.filter(region_id=region_code)
            if group_id:
                selection = selection.filter(ethnic_groups=group_id)
            associations = selection.select_related("district", "host_house").prefetch_related(
                "ethnic_groups",
                Prefetch("activities", queryset=AssociationActivity.objects.active().order_by("kind")),
            )
        context.update(
            regions=regions,
            region=next((r for r in regions if r.iso_code == region_code), None),
            groups=groups,
            group_id=group_id,
            associations=associations,
            total=sum(counts.values()),
        )
        return context
