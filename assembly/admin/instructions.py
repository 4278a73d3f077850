"""Admin of instructions, their sub-instructions and progress reports."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from assembly.admin.base import AssemblyResource, fk
from assembly.models import Body, Instruction, Person, ProgressReport, Session
from regions.admin import RegionalResource
from registry.admin import RegistryAdmin, RegistryInline
from registry.admin_lists import OptionsListFilter


class InstructionResource(RegionalResource, AssemblyResource):
    session = fk("session", Session, "number")
    parent = fk("parent", Instruction, "code")
    addressee = fk("addressee", Body)
    responsible = fk("responsible", Person)

    class Meta(AssemblyResource.Meta):
        model = Instruction
        import_id_fields = ("session", "parent", "number")
        fields = (
            "code",
            "session",
            "parent",
            "number",
            "text_kk",
            "text_ru",
            "text_en",
            "addressee",
            "region",
            "responsible",
            "deadline",
            "status",
            "progress_percent",
        )
        export_order = fields


class ProgressReportResource(AssemblyResource):
    instruction = fk("instruction", Instruction, "code")

    class Meta(AssemblyResource.Meta):
        model = ProgressReport
        import_id_fields = ("instruction", "reported_on")
        fields = ("instruction", "reported_on", "progress_percent", "text_kk", "text_ru", "text_en")


class InstructionInline(RegistryInline, admin.StackedInline):
    model = Instruction
    fk_name = "session"
    fields = (
        ("number", "parent"),
        ("text_kk", "text_ru", "text_en"),
        ("addressee", "region", "responsible"),
        ("deadline", "status", "progress_percent"),
    )
    autocomplete_fields = ("addressee", "responsible", "parent")


class SubInstructionInline(InstructionInline):
    fk_name = "parent"
    verbose_name = _("sub-instruction")
    verbose_name_plural = _("sub-instructions")
    fields = (
        "number",
        ("text_kk", "text_ru", "text_en"),
        ("addressee", "region", "responsible"),
        ("deadline", "status", "progress_percent"),
    )


class ProgressReportInline(RegistryInline, admin.TabularInline):
    model = ProgressReport
    fields = ("reported_on", "progress_percent", "text_kk", "text_ru", "text_en")


class OverdueFilter(OptionsListFilter):
    title = _("overdue")
    parameter_name = "overdue"
    options = {
        "yes": (_("Overdue"), lambda instructions: instructions.overdue()),
        "no": (_("Not overdue"), lambda instructions: instructions.not_overdue()),
    }


@admin.register(Instruction)
class InstructionAdmin(RegistryAdmin):
    resource_classes = [InstructionResource]
    list_display = ("code", "short_text", "addressee", "deadline", "status", "progress_percent", "is_overdue")
    list_filter = (OverdueFilter, "status", "session", "region")
    list_select_related = ("session", "addressee", "parent")
    autocomplete_fields = ("session", "parent", "addressee", "responsible", "region")
    readonly_fields = ("code", "status_changed_on")
    inlines = [SubInstructionInline, ProgressReportInline]

    @admin.display(description=_("text"))
    def short_text(self, instruction):
        text = instruction.text
        return text if len(text) <= 80 else text[:79] + "…"

    @admin.display(description=_("overdue"), boolean=True)
    def is_overdue(self, instruction):
        return instruction.overdue


@admin.register(ProgressReport)
class ProgressReportAdmin(RegistryAdmin):
    resource_classes = [ProgressReportResource]
    list_display = ("instruction", "reported_on", "progress_percent")
    list_select_related = ("instruction",)
    search_fields = ("instruction__code", *ProgressReport.search_fields)
    autocomplete_fields = ("instruction",)
    date_hierarchy = "reported_on"
