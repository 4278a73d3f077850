"""The public front page, the page of the regions and the page of one region. Nothing personal or confidential:
names of bodies, figures of verified events, upcoming public events."""

from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView

from accounts import access
from assembly.models import Body, BodyKind, EthnicGroup, HouseOfFriendship, Level
from councils.models import Council
from events.views import public_events
from public import figures
from public.tilemap import Tile, tile_map
from regions.models import Region, alphabetical
from registry.collation import sorted_by_name

UPCOMING = 5
COUNCIL_KINDS = {
    BodyKind.COUNCIL_OF_ELDERS: gettext_lazy("Councils of Elders"),
    BodyKind.COUNCIL_OF_MOTHERS: gettext_lazy("Councils of Mothers"),
}


def upcoming(user, region=None, limit=UPCOMING):
    events = public_events(user).filter(end_date__gte=timezone.localdate())
    if region is not None:
        events = events.filter(region=region)
    return list(events.order_by("start_date", "id")[:limit])


def regions_map(user, year):
    """The tile map of the regions by verified events this year, and the same figures as rows for the list."""
    regions = alphabetical(access.readable(user, Region.objects.active()))
    per_region = figures.by_region(year)
    rows = []
    for region in regions:
        counted = per_region.get(region.iso_code) or figures.Figures(year=year)
        number = formats.number_format(counted.events, force_grouping=True)
        label = ngettext(
            "%(region)s: %(number)s event in %(year)s", "%(region)s: %(number)s events in %(year)s", counted.events
        ) % {"region": region.name, "number": number, "year": year}
        rows.append({"region": region, "figures": counted, "label": label})
    tiles = [
        Tile(
            code=row["region"].iso_code,
            name=row["region"].name,
            value=row["figures"].events,
            url=reverse("regions:detail", args=[row["region"].iso_code]),
            label=row["label"],
        )
        for row in rows
    ]
    picture = tile_map(
        tiles,
        title=_("Verified events by region, %(year)s") % {"year": year},
        description=_("Each square is a region, placed roughly where it lies; the darker, the more events."),
    )
    return picture, rows


class HomeView(TemplateView):
    """The front page: what the Assembly does this year, what comes next, and the regions at a glance."""

    template_name = "public/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = timezone.localdate().year
        picture, rows = regions_map(self.request.user, year)
        context.update(
            figures=figures.totals(year=year), upcoming=upcoming(self.request.user), tilemap=picture, rows=rows
        )
        return context


class RegionListView(TemplateView):
    template_name = "public/regions.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = timezone.localdate().year
        context["tilemap"], context["rows"] = regions_map(self.request.user, year)
        context["year"] = year
        return context


class RegionView(TemplateView):
    """One region: its assembly, Houses of Friendship, associations by ethnic group, councils, upcoming events."""

    template_name = "public/region.html"

    def get(self, request, *args, **kwargs):
        code = kwargs["code"]
        if code != code.upper():
            return redirect("regions:detail", code.upper(), permanent=True)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        region = access.readable(user, Region.objects.active()).filter(pk=kwargs["code"]).first()
        if region is None:
            raise Http404(_("No such region."))
        language = translation.get_language()
        houses = access.readable(user, HouseOfFriendship.objects.active()).filter(region=region)
        groups = (
            access.readable(user, EthnicGroup.objects.active())
            .filter(associations__in=access.readable(user, figures.listed_associations()).filter(region=region))
            .annotate(total=Count("associations", distinct=True))
        )
        context.update(
            region=region,
            figures=figures.totals(region=region),
            assembly=access.readable(user, Body.objects.active())
            .filter(kind=BodyKind.REGIONAL_ASSEMBLY, region=region)
            .first(),
            houses=sorted_by_name(houses.select_related("district"), language),
            groups=sorted_by_name(groups, language),
            councils=self.councils(user, region, language),
            upcoming=upcoming(user, region),
        )
        return context

    @staticmethod
    def councils(user, region, language):
        """Councils of Elders and of Mothers of the region, by kind: the regional ones, then district and local ones."""
        rows = access.readable(user, Council.objects.active()).filter(region=region, kind__in=COUNCIL_KINDS)
        rows = rows.select_related("district")
        kinds = []
        for kind, label in COUNCIL_KINDS.items():
            of_kind = [council for council in rows if council.kind == kind]
            if of_kind:
                ordered = sorted_by_name(of_kind, language)
                kinds.append(
                    {
                        "label": label,
                        "total": len(ordered),
                        "regional": [council for council in ordered if council.level == Level.REGIONAL],
                        "local": [council for council in ordered if council.level != Level.REGIONAL],
                    }
                )
        return kinds
