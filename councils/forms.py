from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import access
from councils.models import CaseCategory, CaseNote, CaseStatus, MediationCase, MediationOffice, Mediator

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def offices_for(user):
    """The offices `user` may open cases in (asked of accounts.access, one candidate case per office)."""
    offices = access.readable(user, MediationOffice.objects.active())
    return [office for office in offices if access.can_write_object(user, MediationCase(office=office))]


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("all")), *CaseStatus.choices])
    category = forms.ChoiceField(label=_("Category"), required=False, choices=[("", _("all")), *CaseCategory.choices])
    q = forms.CharField(label=_("Reference number"), required=False, max_length=40)

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["category"]:
            queryset = queryset.filter(category=data["category"])
        if data["q"]:
            queryset = queryset.filter(reference_number__icontains=data["q"].strip())
        return queryset


class CaseForm(forms.ModelForm):
    """Opening a case: it starts as "received" in one of the user's own offices."""

    class Meta:
        model = MediationCase
        fields = ("office", "reference_number", "received_on", "category", "parties_count", "languages", "mediators")
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
        self.fields["reference_number"].required = False

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


class TransitionForm(forms.Form):
    """Moving a case on. Every status is accepted here so that the model can say why a move is not allowed."""

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
        super().__init__(*args, **kwargs)
        self.case = case
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
        case.save()
        return True
