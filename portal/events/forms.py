"""Forms of the portal's event pages: short, with sensible defaults and errors a coordinator understands."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import access
from assembly.models import Body
from events.fields import LanguagesField, LinksField
from events.filters import EventFilterSet
from events.inputs import InputError, parse_whole_tenge
from events.models import (
    DESCRIPTIVE_FIELDS,
    OCCASION_FIELDS,
    REPORTED_FIELDS,
    Event,
    EventKind,
    EventStatus,
    Programme,
)
from portal.widgets import DateInput
from regions.models import District, Region
from registry.api.filters import PageFilters, SearchFieldsFilter
from registry.ordering import naturally_sorted_choices
from registry.versions import VersionedFormMixin


class WholeTengeFormField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        try:
            return parse_whole_tenge(value)
        except InputError as error:
            raise forms.ValidationError(str(error)) from None


class EventForm(VersionedFormMixin, forms.ModelForm):
    """Log or correct an event. The region is the coordinator's own; the secretariat picks one."""

    funds_raised_kzt = WholeTengeFormField(
        label=_("Funds raised, tenge"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "0"}),
    )
    languages = LanguagesField()
    press_links = LinksField()
    confirm_duplicate = forms.BooleanField(label=_("Yes, this is a different event: save it anyway"), required=False)
    # Made on the phone when the form is first saved there; a retry with it never logs the event twice.
    client_key = forms.UUIDField(label=_("key given on the phone"), required=False, widget=forms.HiddenInput)

    class Meta:
        model = Event
        fields = (*REPORTED_FIELDS, *DESCRIPTIVE_FIELDS, "title_kk", "title_ru", "title_en")
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            "participants_count": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "volunteers_count": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "beneficiaries_count": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
        }

    # The short form a coordinator fills on a phone; the rest sits under "More details".
    quick_fields = (
        "title",
        *OCCASION_FIELDS,
        "participants_count",
        "volunteers_count",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.duplicates = []
        self.fields["end_date"].help_text = _("Leave empty for a one-day event.")
        if self.instance.pk:
            del self.fields["client_key"]
        # A new event's kind is the coordinator's answer, never a default they may overlook.
        self.fields["kind"].choices = [("", _("Choose the kind"))] if not self.instance.pk else []
        self.fields["kind"].choices += EventKind.choices
        self.fields["status"].choices = EventStatus.choices
        if access.is_secretariat(user):
            self.fields["region"].queryset = Region.objects.active()
            region_id = self.data.get(self.add_prefix("region")) or self.instance.region_id
        else:
            del self.fields["region"]
            region_id = self.instance.region_id
        region_id = region_id if Region.objects.filter(pk=region_id).exists() else None
        districts = District.objects.active()
        bodies = Body.objects.active().filter(Q(region__isnull=True) | Q(kind="regional_assembly"))
        programmes = Programme.objects.active().filter(region__isnull=True)
        if region_id:
            districts = districts.filter(region_id=region_id)
            bodies = Body.objects.active().filter(Q(region_id=region_id) | Q(region__isnull=True))
            programmes = Programme.objects.active().filter(Q(region_id=region_id) | Q(region__isnull=True))
        self.fields["district"].queryset = districts.order_by("name_en")
        self.fields["organizer"].queryset = bodies
        self.fields["organizer"].choices = naturally_sorted_choices(bodies, blank_label="---------")
        self.fields["organizer"].widget.attrs["data-searchable"] = _("Type to narrow the list")
        self.fields["programme"].queryset = programmes.order_by("-start_date", "code")
        if not self.is_bound and not self.instance.pk and region_id:
            assembly = Body.objects.active().filter(kind="regional_assembly", region_id=region_id).first()
            if assembly and not self.initial.get("organizer"):
                self.initial["organizer"] = assembly.pk

    def quick(self):
        return [self[name] for name in self.quick_fields if name in self.fields]

    def details(self):
        return [self[name] for name in self.fields if name not in self.quick_fields and name != "confirm_duplicate"]

    def _post_clean(self):
        super()._post_clean()
        if self.errors or self.cleaned_data.get("confirm_duplicate"):
            return
        self.duplicates = self.instance.likely_duplicates()
        if self.duplicates:
            self.add_error(
                "confirm_duplicate",
                _(
                    "An event with a similar title is already recorded in this region on the same day. "
                    "Check the list below; if yours is a different event, tick the box and save again."
                ),
            )


class EventPageFilterSet(PageFilters, EventFilterSet):
    """The events list's filters: the API's, under the API's parameter names, with `search` over the API's search
    fields. "From" keeps the events still running on that day, "To" those begun by then."""

    search = SearchFieldsFilter(Event.search_fields)
    page_fields = (
        "search",
        "region",
        "end_date__gte",
        "start_date__lte",
        "kind",
        "status",
        "verification",
        "programme",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["region"].queryset = Region.objects.active()
        self.filters["programme"].queryset = Programme.objects.active()
        for name, label in (("end_date__gte", _("From")), ("start_date__lte", _("To"))):
            self.filters[name].label = label
            self.filters[name].extra["widget"] = DateInput()


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("One event per row, with the columns of the template."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )


def default_event(user):
    """A new event as the form first shows it: my region, today, held."""
    return Event(
        kind="",
        region_id=user.region_id if not access.is_secretariat(user) else None,
        start_date=timezone.localdate(),
        status=EventStatus.HELD,
        languages=["kk", "ru"],
    )
