from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export import fields, widgets

from events.models import REPORTED_FIELDS, Event, Programme, Source, Verification
from regions.models import Region
from registry.admin import RegistryAdmin, RegistryResource


class ProgrammeResource(RegistryResource):
    region = fields.Field(attribute="region", column_name="region", widget=widgets.ForeignKeyWidget(Region, "iso_code"))

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


class EventResource(RegistryResource):
    region = fields.Field(attribute="region", column_name="region", widget=widgets.ForeignKeyWidget(Region, "iso_code"))
    programme = fields.Field(
        attribute="programme", column_name="programme", widget=widgets.ForeignKeyWidget(Programme, "code")
    )

    class Meta(RegistryResource.Meta):
        model = Event
        import_id_fields = ("id",)
        fields = ("id", *REPORTED_FIELDS, "is_public", "verification")


@admin.register(Programme)
class ProgrammeAdmin(RegistryAdmin):
    resource_classes = [ProgrammeResource]
    list_display = ("code", "name_kk", "name_ru", "name_en", "start_date", "end_date", "region", "target_events")
    list_filter = ("region",)
    search_fields = ("code", "name_kk", "name_ru", "name_en")
    autocomplete_fields = ("region",)
    raw_id_fields = ("owner",)
    readonly_fields = ("progress_summary",)

    @admin.display(description=_("progress (verified / all events)"))
    def progress_summary(self, obj):
        if not obj.pk:
            return "-"
        template = _("%(label)s: %(verified)s verified, %(all)s in all, of %(target)s (%(verified_percent)s%%)")
        return "; ".join(template % row for row in obj.progress_rows()) or "-"


@admin.register(Event)
class EventAdmin(RegistryAdmin):
    resource_classes = [EventResource]
    list_display = ("title", "kind", "status", "start_date", "region", "participants_count", "verification")
    list_filter = ("verification", "status", "kind", "region", "programme", "is_public", "source")
    list_select_related = ("region",)
    search_fields = ("title", "title_kk", "title_ru", "title_en", "venue")
    date_hierarchy = "start_date"
    autocomplete_fields = ("region", "district", "programme")
    raw_id_fields = ("organizer",)
    readonly_fields = ("verified_at", "verified_by", "submitted_at", "logged_by", "source")
    actions = ["verify_selected", *RegistryAdmin.actions]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.source = Source.ADMIN
            obj.start_verification(request.user)
        else:
            obj.after_edit_by(request.user)
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Verify selected events"))
    def verify_selected(self, request, queryset):
        if not Event.access.can_verify(request.user):
            self.message_user(request, _("Only the secretariat verifies events."), messages.ERROR)
            return
        done = 0
        for event in queryset.filter(verification__in=[Verification.SUBMITTED, Verification.RETURNED]):
            try:
                event.verify(request.user)
                done += 1
            except ValidationError:
                continue
        self.message_user(
            request,
            ngettext("%(count)d event verified.", "%(count)d events verified.", done) % {"count": done},
            messages.SUCCESS,
        )
