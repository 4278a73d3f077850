from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export import fields

from events.fields import LanguagesField, LinksField
from events.lifecycle import Action
from events.models import REPORTED_FIELDS, Event, Programme, Source, Verification
from regions.admin import RegionalResource
from registry.admin import NAME, RegistryAdmin, RegistryAdminForm, RegistryResource, key_column


class ProgrammeResource(RegionalResource):
    class Meta(RegistryResource.Meta):
        model = Programme
        import_id_fields = ("code",)
        fields = (
            "code",
            "name_kk",
            "name_ru",
            "name_en",
            "start_date",
            "end_date",
            "owner",
            "region",
            "target_events",
            "target_participants",
            "target_volunteers",
            "target_beneficiaries",
            "target_funds_kzt",
        )


class EventResource(RegionalResource):
    programme = key_column("programme", Programme, "code")

    verification = fields.Field(attribute="verification", column_name="verification", readonly=True)

    class Meta(RegistryResource.Meta):
        model = Event
        import_id_fields = ("id",)
        fields = ("id", *REPORTED_FIELDS, "is_public", "verification")

    def before_save_instance(self, instance, row, **kwargs):
        # An imported row takes the same path as a save in the admin form: the life cycle decides its state.
        user = kwargs.get("user")
        if instance.pk is None:
            instance.source = Source.ADMIN
        instance.transition(user, Action.EDIT, save=False)


@admin.register(Programme)
class ProgrammeAdmin(RegistryAdmin):
    resource_classes = [ProgrammeResource]
    list_display = ("code", NAME, "start_date", "end_date", "region", "target_events")
    list_filter = ("region",)
    autocomplete_fields = ("region", "owner")
    readonly_fields = ("progress_summary",)

    @admin.display(description=_("progress (verified / all events)"))
    def progress_summary(self, obj):
        if not obj.pk:
            return "-"
        template = _("%(label)s: %(verified)s verified, %(all)s in all, of %(target)s (%(verified_percent)s%%)")
        return "; ".join(template % row for row in obj.progress_rows()) or "-"


class EventAdminForm(RegistryAdminForm):
    """The admin's event form asks the life cycle and the likely-duplicate check as the portal and the API do."""

    user = None
    languages = LanguagesField()
    press_links = LinksField()
    confirm_duplicate = forms.BooleanField(
        label=_("Yes, this is a different event: save it anyway"),
        required=False,
        help_text=_("An event with a similar title recorded in the region that day needs this tick."),
    )

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        try:
            self.instance.next_verification(self.user, Action.EDIT)
        except ValidationError as error:
            self.add_error(None, error.messages)
            return
        duplicates = [] if self.cleaned_data.get("confirm_duplicate") else self.instance.likely_duplicates()
        if duplicates:
            listed = "; ".join(f"«{event.title}» (id {event.pk})" for event in duplicates)
            self.add_error(
                "confirm_duplicate",
                _("This looks like an event already recorded in the region that day: %(events)s.") % {"events": listed},
            )


@admin.register(Event)
class EventAdmin(RegistryAdmin):
    resource_classes = [EventResource]
    list_display = ("title", "kind", "status", "start_date", "region", "participants_count", "verification")
    list_filter = ("verification", "status", "kind", "region", "programme", "is_public", "source")
    list_select_related = ("region",)
    date_hierarchy = "start_date"
    autocomplete_fields = ("region", "district", "programme", "organizer")
    # The verification state changes only through the life cycle's actions (verify here, or portal and API).
    readonly_fields = (
        "verification",
        "return_comment",
        "verified_at",
        "verified_by",
        "submitted_at",
        "logged_by",
        "source",
    )
    actions = ["verify_selected", *RegistryAdmin.actions]

    form = EventAdminForm

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user
        return form

    def save_model(self, request, obj, form, change):
        if not change:
            obj.source = Source.ADMIN
        obj.transition(request.user, Action.EDIT, save=False)
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Verify selected events"))
    def verify_selected(self, request, queryset):
        if not Event.access.can_verify(request.user):
            self.message_user(request, _("Only the secretariat verifies events."), messages.ERROR)
            return
        done = 0
        for event in queryset.filter(verification__in=[Verification.SUBMITTED, Verification.RETURNED]):
            try:
                event.transition(request.user, Action.VERIFY)
                done += 1
            except (ValidationError, PermissionDenied):
                continue
        self.message_user(
            request,
            ngettext("%(count)d event verified.", "%(count)d events verified.", done) % {"count": done},
            messages.SUCCESS,
        )
