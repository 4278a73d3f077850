from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import access
from mediation.filters import MediationCaseFilterSet
from mediation.models import CaseNote, CaseStatus, MediationCase, MediationOffice, Mediator
from portal.widgets import DateInput
from registry.api.filters import PageFilters, SearchFieldsFilter
from registry.versions import VersionedFormMixin

DATE = DateInput()


def offices_for(user):
    """The offices `user` may open cases in (asked of accounts.access, one candidate case per office)."""
    offices = access.readable(user, MediationOffice.objects.active())
    return [office for office in offices if access.can_write_object(user, MediationCase(office=office))]


class CaseFilterSet(PageFilters, MediationCaseFilterSet):
    """The case list's filters: the API's, with `search` over the same fields as the API's search."""

    search = SearchFieldsFilter(MediationCase.search_fields)
    page_fields = ("status", "category", "search")


class CaseForm(VersionedFormMixin, forms.ModelForm):
    """Opening a case (it starts as "received" in one of the user's own offices) or correcting its facts later; a
    case stays in its office."""

    class Meta:
        model = MediationCase
        fields = ("office", "received_on", "category", "parties_count", "languages", "mediators")
        widgets = {"received_on": DATE, "mediators": forms.CheckboxSelectMultiple}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        offices = offices_for(user)
        self.fields["office"].queryset = MediationOffice.objects.filter(pk__in=[office.pk for office in offices])
        if len(offices) == 1:
            self.fields["office"].initial = offices[0].pk
        self.fields["mediators"].queryset = (
            access.readable(user, Mediator.objects.active())
            .filter(office__in=offices, active=True)
            .select_related("person", "office")
        )
        self.fields["mediators"].label_from_instance = lambda mediator: str(mediator.person)
        self.fields["received_on"].initial = timezone.localdate()
        if self.instance.pk:
            self.fields["office"].disabled = True

    def clean(self):
        cleaned = super().clean()
        office = cleaned.get("office")
        if office is not None:
            if not access.can_write_object(self.user, MediationCase(office=office)):
                self.add_error("office", MediationCase.access.write_refusal(self.user))
            strangers = [m for m in cleaned.get("mediators") or [] if m.office_id != office.pk]
            if strangers:
                self.add_error("mediators", _("Assign only mediators of the case's own office."))
        return cleaned


class NoteForm(forms.ModelForm):
    class Meta:
        model = CaseNote
        fields = ("written_on", "text")
        widgets = {"written_on": DATE, "text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["written_on"].initial = timezone.localdate()


class TransitionForm(VersionedFormMixin, forms.Form):
    """Moving a case on. Every status is accepted here so that the model can say why a move is not allowed. The form
    carries the case's version: a move based on a case someone changed since is refused, saying what changed."""

    status = forms.ChoiceField(label=_("New status"), choices=CaseStatus.choices)
    closed_on = forms.DateField(
        label=_("Closing date"),
        required=False,
        widget=DATE,
        help_text=_("Required when the case closes: agreement, no agreement, court or withdrawn."),
    )
    outcome_summary = forms.CharField(
        label=_("Outcome summary"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, case, **kwargs):
        self.case = self.instance = case
        super().__init__(*args, **kwargs)
        allowed = set(case.allowed_next_statuses())
        self.fields["status"].widget.choices = [(code, label) for code, label in CaseStatus.choices if code in allowed]
        self.fields["closed_on"].initial = timezone.localdate()
        self.fields["outcome_summary"].initial = case.outcome_summary

    def apply(self):
        """Apply the move to the case and validate it there; model errors come back as this form's errors."""
        from django.core.exceptions import ValidationError

        case = self.case
        status = self.cleaned_data["status"]
        case.status = status
        closing = status not in (CaseStatus.RECEIVED, CaseStatus.IN_MEDIATION)
        case.closed_on = self.cleaned_data["closed_on"] if closing else None
        if self.cleaned_data["outcome_summary"]:
            case.outcome_summary = self.cleaned_data["outcome_summary"]
        try:
            case.full_clean()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                target = field if field in self.fields else None
                for message in messages:
                    self.add_error(target, message)
            return False
        try:
            with transaction.atomic():
                self.claim_version()
                case.save()
        except ValidationError:
            return False
        return True
