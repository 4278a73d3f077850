"""Forms of the portal's registry pages: a model form built from a PortalRegistry declaration, and the council
roster's forms. Fields a user may not set (another region) are never offered."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts import access
from assembly.models import EndReason, Membership, Person
from portal.widgets import DateInput
from regions.models import District, Region
from registry.versions import VersionedFormMixin


def region_options(region_id, queryset):
    """Rows of `queryset` (a foreign key's target) that fit a record of `region_id`: its region's and national."""
    names = {model_field.name for model_field in queryset.model._meta.get_fields()}
    if "archived_at" in names:
        queryset = queryset.filter(archived_at__isnull=True)
    if queryset.model is District:
        return queryset.filter(region_id=region_id) if region_id else queryset
    if "region" in names:
        if region_id:
            return queryset.filter(Q(region_id=region_id) | Q(region__isnull=True))
        return queryset.filter(region__isnull=True)
    return queryset


def formfield(model_field, **kwargs):
    if isinstance(model_field, models.DateField):
        kwargs["widget"] = DateInput()
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    if isinstance(model_field, models.TextField):
        kwargs["widget"] = forms.Textarea(attrs={"rows": 3})
    if isinstance(model_field, models.ManyToManyField):
        kwargs["widget"] = forms.SelectMultiple(attrs={"size": 8})
    return model_field.formfield(**kwargs)


class RegistryForm(VersionedFormMixin, forms.ModelForm):
    """Create or change a registry record. The region is the coordinator's own and is not offered to them; every
    choice of a related record is narrowed to that region (and national records). The model's clean() decides."""

    def __init__(self, *args, user, registry, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.registry = registry
        region_id = access.bound_region(user)
        if region_id:
            self.fields.pop("region", None)
            if self.instance.pk is None:
                self.instance.region_id = region_id
        else:
            if "region" in self.fields:
                self.fields["region"].queryset = Region.objects.active()
            posted = self.data.get(self.add_prefix("region")) if self.is_bound else self.initial.get("region")
            region_id = posted or self.instance.region_id
            region_id = region_id if Region.objects.filter(pk=region_id).exists() else None
        for name, form_field in self.fields.items():
            choices = registry.choices_for(name)
            if choices is not None and hasattr(form_field, "choices") and not hasattr(form_field, "queryset"):
                form_field.choices = [("", "---------"), *choices] if not form_field.required else list(choices)
            if hasattr(form_field, "queryset") and name != "region":
                target = registry.limit_to.get(name)
                queryset = target.objects.all() if target is not None else form_field.queryset
                form_field.queryset = region_options(region_id, queryset)

    def add_error(self, field, error):
        """A model rule about a field this form does not show (the coordinator's region, a body's kind) is shown
        above the form with the field's name, instead of failing."""
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            shown = {}
            for name, errors in error.error_dict.items():
                if name == NON_FIELD_ERRORS or name in self.fields:
                    shown.setdefault(name, []).extend(errors)
                    continue
                label = capfirst(self.registry.label(name))
                for problem in errors:
                    for message in problem.messages:
                        shown.setdefault(NON_FIELD_ERRORS, []).append(f"{label}: {message}")
            error = ValidationError(shown)
        super().add_error(field, error)


def registry_form_class(registry):
    return forms.modelform_factory(
        registry.model, form=RegistryForm, fields=registry.form_fields, formfield_callback=formfield
    )


# -- council rosters -----------------------------------------------------------------------------------------------
class MemberForm(forms.ModelForm):
    """Add a member: an existing person of the council's region, or a new person typed in."""

    person = forms.ModelChoiceField(
        label=_("Existing person"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Or leave empty and type the new person's name below."),
    )
    surname = forms.CharField(label=capfirst(_("surname")), max_length=100, required=False)
    given_name = forms.CharField(label=capfirst(_("given name")), max_length=100, required=False)
    patronymic = forms.CharField(label=capfirst(_("patronymic")), max_length=100, required=False)
    phone = forms.CharField(label=capfirst(_("phone")), max_length=40, required=False)
    email = forms.EmailField(label=capfirst(_("e-mail")), required=False)

    new_person_fields = ("surname", "given_name", "patronymic", "phone", "email")

    class Meta:
        model = Membership
        fields = ("role", "start_date", "appointed_by")
        widgets = {"start_date": DateInput()}

    def __init__(self, *args, council, user, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["person", *self.new_person_fields, "role", "start_date", "appointed_by"])
        self.council = council
        self.user = user
        self.instance.body = council
        region_id = council.region_id
        self.fields["person"].queryset = access.readable(
            user, Person.objects.active().filter(region_id=region_id) if region_id else Person.objects.none()
        )
        self.fields["role"].choices = list(roles)
        if not self.is_bound:
            self.initial.setdefault("start_date", timezone.localdate())
        self.new_person = None

    def clean(self):
        data = super().clean()
        typed = {name: data.get(name) for name in self.new_person_fields if data.get(name)}
        if data.get("person") and typed:
            raise ValidationError(_("Choose an existing person or type a new one, not both."))
        if not data.get("person"):
            if not (data.get("surname") and data.get("given_name")):
                self.add_error("surname", _("Choose an existing person, or give the new person's surname."))
                if not data.get("given_name"):
                    self.add_error("given_name", _("Give the new person's given name."))
                return data
            person = Person(region_id=self.council.region_id, **typed)
            if not access.can_write_object(self.user, person):
                raise ValidationError(Person.access.write_refusal(self.user))
            try:
                person.full_clean()
            except ValidationError as error:
                for name, messages in error.message_dict.items():
                    self.add_error(name if name in self.fields else None, messages)
                return data
            self.new_person = person
            self.instance.person = person  # the membership is checked as if the person were recorded already
        else:
            self.instance.person = data["person"]
        return data

    def save(self, commit=True):
        if self.new_person is not None:
            self.new_person.save()
            self.instance.person = self.new_person
        return super().save(commit=commit)


class MembershipChangeForm(forms.ModelForm):
    """Change a member's role, or end the membership with a date and a reason."""

    class Meta:
        model = Membership
        fields = ("role", "start_date", "end_date", "end_reason", "appointed_by")
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = list(roles)
        self.fields["end_reason"].choices = [("", "---------"), *EndReason.choices]

    def clean(self):
        data = super().clean()
        if data.get("end_date") and not data.get("end_reason"):
            self.add_error("end_reason", _("Say why the membership ended."))
        return data
