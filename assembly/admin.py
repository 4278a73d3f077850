from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from assembly.models import (
    AgendaItem,
    AssociationActivity,
    Award,
    AwardPresentation,
    Body,
    BodyName,
    EthnicGroup,
    EthnoculturalAssociation,
    HouseOfFriendship,
    Identifier,
    Instruction,
    Membership,
    Person,
    Post,
    ProgressReport,
    Session,
    SessionDocument,
    StrategicDocument,
)
from regions.models import District, Region
from registry.admin import RegistryAdmin, RegistryInline, RegistryResource

NAMES = ("name_kk", "name_ru", "name_en")
PERSON_NAMES = ("surname", "given_name", "patronymic", *NAMES)


# -- import/export: every registry updates by its natural key; a bad row imports nothing -----------------------
def fk(attribute, model, field="pk", column=None):
    return fields.Field(
        attribute=attribute, column_name=column or attribute, widget=widgets.ForeignKeyWidget(model, field)
    )


class AssemblyResource(RegistryResource):
    class Meta(RegistryResource.Meta):
        clean_model_instances = True  # the model's own rules (BIN check digit, quotas, transitions) apply


class BodyResource(AssemblyResource):
    region = fk("region", Region, "iso_code")
    district = fk("district", District)
    parent = fk("parent", Body)
    successor = fk("successor", Body)

    class Meta(AssemblyResource.Meta):
        model = Body
        import_id_fields = ("kind", "region", "name_en")
        fields = (
            "id",
            "kind",
            "level",
            "region",
            "district",
            "parent",
            "successor",
            "status",
            "founded_on",
            "dissolved_on",
            *NAMES,
            "website",
        )


class BodyNameResource(AssemblyResource):
    body = fk("body", Body)

    class Meta(AssemblyResource.Meta):
        model = BodyName
        import_id_fields = ("body", "name_en")
        fields = ("body", *NAMES, "valid_from", "valid_until", "note")


class IdentifierResource(AssemblyResource):
    body = fk("body", Body)

    class Meta(AssemblyResource.Meta):
        model = Identifier
        import_id_fields = ("scheme", "value")
        fields = ("scheme", "value", "body")


class PersonResource(AssemblyResource):
    region = fk("region", Region, "iso_code")

    class Meta(AssemblyResource.Meta):
        model = Person
        import_id_fields = ("surname", "given_name", "patronymic")
        fields = (*PERSON_NAMES, "region", "biography_kk", "biography_ru", "biography_en", "email", "phone", "address")


class MembershipResource(AssemblyResource):
    person = fk("person", Person)
    body = fk("body", Body)

    class Meta(AssemblyResource.Meta):
        model = Membership
        import_id_fields = ("person", "body", "role", "start_date")
        fields = ("person", "body", "role", "start_date", "end_date", "end_reason", "appointed_by", "country", "note")


class PostResource(AssemblyResource):
    body = fk("body", Body)

    class Meta(AssemblyResource.Meta):
        model = Post
        import_id_fields = ("body", "role", "valid_from")
        fields = ("body", "role", "valid_from", "valid_to", "seats", *NAMES, "legal_basis")


class SessionResource(AssemblyResource):
    chair = fk("chair", Person)

    class Meta(AssemblyResource.Meta):
        model = Session
        import_id_fields = ("number",)
        fields = (
            "number",
            "start_date",
            "end_date",
            "city",
            "venue",
            "chair",
            "theme_kk",
            "theme_ru",
            "theme_en",
            "dates_verified",
        )


class AgendaItemResource(AssemblyResource):
    session = fk("session", Session, "number")

    class Meta(AssemblyResource.Meta):
        model = AgendaItem
        import_id_fields = ("session", "position")
        fields = ("session", "position", "title_kk", "title_ru", "title_en")


class SessionDocumentResource(AssemblyResource):
    session = fk("session", Session, "number")

    class Meta(AssemblyResource.Meta):
        model = SessionDocument
        import_id_fields = ("session", "title_en")
        fields = ("session", "kind", "title_kk", "title_ru", "title_en", "url")


class AwardResource(AssemblyResource):
    class Meta(AssemblyResource.Meta):
        model = Award
        import_id_fields = ("name_en",)
        fields = (*NAMES,)


class AwardPresentationResource(AssemblyResource):
    award = fk("award", Award, "name_en")
    person = fk("person", Person)
    session = fk("session", Session, "number")

    class Meta(AssemblyResource.Meta):
        model = AwardPresentation
        import_id_fields = ("award", "person", "awarded_on")
        fields = ("award", "person", "session", "awarded_on", "note")


class InstructionResource(AssemblyResource):
    session = fk("session", Session, "number")
    parent = fk("parent", Instruction, "code")
    addressee = fk("addressee", Body)
    region = fk("region", Region, "iso_code")
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


class StrategicDocumentResource(AssemblyResource):
    class Meta(AssemblyResource.Meta):
        model = StrategicDocument
        import_id_fields = ("kind", "name_en")
        fields = ("kind", *NAMES, "number", "adopted_on", "adopted_year", "start_date", "end_date", "url")


class EthnicGroupResource(AssemblyResource):
    class Meta(AssemblyResource.Meta):
        model = EthnicGroup
        import_id_fields = ("name_en",)
        fields = (*NAMES, "census_2021_count", "census_2021_percent", "census_2021_rank", "note")


class HouseOfFriendshipResource(AssemblyResource):
    region = fk("region", Region, "iso_code")
    district = fk("district", District)

    class Meta(AssemblyResource.Meta):
        model = HouseOfFriendship
        import_id_fields = ("region", "name_en")
        fields = (
            "id",
            *NAMES,
            "house_kind",
            "region",
            "district",
            "address",
            "status",
            "opened_on",
            "dissolved_on",
            "capacity",
            "on_tourist_route",
        )


class AssociationResource(AssemblyResource):
    region = fk("region", Region, "iso_code")
    district = fk("district", District)
    host_house = fk("host_house", HouseOfFriendship)
    ethnic_groups = fields.Field(
        attribute="ethnic_groups",
        column_name="ethnic_groups",
        widget=widgets.ManyToManyWidget(EthnicGroup, field="name_en", separator="|"),
    )

    class Meta(AssemblyResource.Meta):
        model = EthnoculturalAssociation
        import_id_fields = ("region", "name_en")
        fields = (
            "id",
            *NAMES,
            "level",
            "region",
            "district",
            "ethnic_groups",
            "host_house",
            "status",
            "status_since",
            "bin",
            "founded_on",
            "registered_on",
            "dissolved_on",
        )


class ActivityResource(AssemblyResource):
    association = fk("association", EthnoculturalAssociation)

    class Meta(AssemblyResource.Meta):
        model = AssociationActivity
        import_id_fields = ("association", "kind", "name_en")
        fields = ("association", "kind", *NAMES, "language", "start_date", "end_date")


# -- inlines -----------------------------------------------------------------------------------------------
class MembershipInline(RegistryInline, admin.TabularInline):
    model = Membership
    fk_name = "body"
    fields = ("person", "role", "start_date", "end_date", "end_reason", "appointed_by", "country")
    autocomplete_fields = ("person",)


class PersonMembershipInline(MembershipInline):
    fk_name = "person"
    fields = ("body", "role", "start_date", "end_date", "end_reason", "appointed_by", "country")
    autocomplete_fields = ("body",)


class BodyNameInline(RegistryInline, admin.TabularInline):
    model = BodyName
    fields = (*NAMES, "valid_from", "valid_until", "note")


class IdentifierInline(RegistryInline, admin.TabularInline):
    model = Identifier
    fields = ("scheme", "value")


class PostInline(RegistryInline, admin.TabularInline):
    model = Post
    fields = ("role", *NAMES, "seats", "valid_from", "valid_to", "legal_basis")


class AgendaItemInline(RegistryInline, admin.TabularInline):
    model = AgendaItem
    fields = ("position", "title_kk", "title_ru", "title_en", "speaker")
    autocomplete_fields = ("speaker",)


class SessionDocumentInline(RegistryInline, admin.TabularInline):
    model = SessionDocument
    fields = ("kind", "title_kk", "title_ru", "title_en", "url")


class AwardPresentationInline(RegistryInline, admin.TabularInline):
    model = AwardPresentation
    fields = ("award", "person", "awarded_on", "note")
    autocomplete_fields = ("award", "person")


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


class ActivityInline(RegistryInline, admin.TabularInline):
    model = AssociationActivity
    fields = ("kind", *NAMES, "language", "start_date", "end_date")


class HostedAssociationInline(RegistryInline, admin.TabularInline):
    model = EthnoculturalAssociation
    fk_name = "host_house"
    fields = ("name_en", "status", "level")
    readonly_fields = fields
    verbose_name_plural = _("associations hosted")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# -- registries --------------------------------------------------------------------------------------------
BODY_LIST = ("name_kk", "name_ru", "name_en", "kind", "level", "region", "status", "founded_on", "dissolved_on")


@admin.register(Body)
class BodyAdmin(RegistryAdmin):
    resource_classes = [BodyResource]
    list_display = BODY_LIST
    list_filter = ("kind", "level", "status", "region")
    list_select_related = ("region",)
    search_fields = (*NAMES, "former_names__name_kk", "former_names__name_ru", "former_names__name_en")
    autocomplete_fields = ("region", "district", "parent", "successor")
    inlines = [BodyNameInline, IdentifierInline, PostInline, MembershipInline]


@admin.register(BodyName)
class BodyNameAdmin(RegistryAdmin):
    resource_classes = [BodyNameResource]
    list_display = ("name_en", "name_ru", "name_kk", "body", "valid_from", "valid_until")
    list_select_related = ("body",)
    search_fields = (*NAMES, "body__name_en", "body__name_ru", "body__name_kk")
    autocomplete_fields = ("body",)


@admin.register(Identifier)
class IdentifierAdmin(RegistryAdmin):
    resource_classes = [IdentifierResource]
    list_display = ("scheme", "value", "body")
    list_filter = ("scheme",)
    list_select_related = ("body",)
    search_fields = ("value", "body__name_en", "body__name_ru", "body__name_kk")
    autocomplete_fields = ("body",)


@admin.register(Person)
class PersonAdmin(RegistryAdmin):
    resource_classes = [PersonResource]
    list_display = ("surname", "given_name", "patronymic", "name_kk", "name_ru", "region")
    list_filter = ("region", "memberships__role")
    list_select_related = ("region",)
    search_fields = PERSON_NAMES
    autocomplete_fields = ("region",)
    inlines = [PersonMembershipInline]

    def get_search_fields(self, request):
        fields = super().get_search_fields(request)
        from accounts import access

        return (*fields, "email", "phone") if access.is_secretariat(request.user) else fields


@admin.register(Membership)
class MembershipAdmin(RegistryAdmin):
    resource_classes = [MembershipResource]
    list_display = ("person", "role", "body", "start_date", "end_date", "end_reason")
    list_filter = ("role", "body__kind", "end_reason", ("start_date", admin.DateFieldListFilter))
    list_select_related = ("person", "body")
    search_fields = tuple(f"person__{f}" for f in PERSON_NAMES) + tuple(f"body__{f}" for f in NAMES)
    autocomplete_fields = ("person", "body")
    date_hierarchy = "start_date"


@admin.register(Post)
class PostAdmin(RegistryAdmin):
    resource_classes = [PostResource]
    list_display = ("name_en", "body", "role", "seats", "valid_from", "valid_to")
    list_filter = ("role",)
    list_select_related = ("body",)
    search_fields = (*NAMES, "body__name_en", "body__name_ru", "body__name_kk")
    autocomplete_fields = ("body",)


@admin.register(Session)
class SessionAdmin(RegistryAdmin):
    resource_classes = [SessionResource]
    list_display = ("roman_number", "start_date", "end_date", "city", "chair", "dates_verified")
    list_filter = ("city", "dates_verified")
    list_select_related = ("chair",)
    search_fields = ("=number", "city", "venue", "theme_kk", "theme_ru", "theme_en")
    autocomplete_fields = ("chair",)
    inlines = [AgendaItemInline, InstructionInline, SessionDocumentInline, AwardPresentationInline]
    date_hierarchy = "start_date"

    @admin.display(description=_("number"), ordering="number")
    def roman_number(self, session):
        return session.roman


@admin.register(AgendaItem)
class AgendaItemAdmin(RegistryAdmin):
    resource_classes = [AgendaItemResource]
    list_display = ("session", "position", "title_en", "title_ru", "title_kk")
    list_select_related = ("session",)
    search_fields = ("title_kk", "title_ru", "title_en")
    autocomplete_fields = ("session", "speaker")


@admin.register(SessionDocument)
class SessionDocumentAdmin(RegistryAdmin):
    resource_classes = [SessionDocumentResource]
    list_display = ("title_en", "kind", "session", "url")
    list_filter = ("kind",)
    list_select_related = ("session",)
    search_fields = ("title_kk", "title_ru", "title_en", "url")
    autocomplete_fields = ("session",)


@admin.register(Award)
class AwardAdmin(RegistryAdmin):
    resource_classes = [AwardResource]
    list_display = NAMES
    search_fields = NAMES


@admin.register(AwardPresentation)
class AwardPresentationAdmin(RegistryAdmin):
    resource_classes = [AwardPresentationResource]
    list_display = ("award", "person", "session", "awarded_on")
    list_filter = ("award",)
    list_select_related = ("award", "person", "session")
    search_fields = tuple(f"person__{f}" for f in PERSON_NAMES) + tuple(f"award__{f}" for f in NAMES)
    autocomplete_fields = ("award", "person", "session")


class OverdueFilter(admin.SimpleListFilter):
    title = _("overdue")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue")), ("no", _("Not overdue"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.overdue()
        if self.value() == "no":
            return queryset.not_overdue()
        return queryset


@admin.register(Instruction)
class InstructionAdmin(RegistryAdmin):
    resource_classes = [InstructionResource]
    list_display = ("code", "short_text", "addressee", "deadline", "status", "progress_percent", "is_overdue")
    list_filter = (OverdueFilter, "status", "session", "region")
    list_select_related = ("session", "addressee", "parent")
    search_fields = ("code", "text_kk", "text_ru", "text_en")
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
    search_fields = ("instruction__code", "text_kk", "text_ru", "text_en")
    autocomplete_fields = ("instruction",)
    date_hierarchy = "reported_on"


@admin.register(StrategicDocument)
class StrategicDocumentAdmin(RegistryAdmin):
    resource_classes = [StrategicDocumentResource]
    list_display = ("name_en", "name_ru", "name_kk", "kind", "number", "adopted_year", "start_date", "end_date")
    list_filter = ("kind", "adopted_year")
    search_fields = (*NAMES, "number")
    autocomplete_fields = ("adopted_by",)


@admin.register(EthnicGroup)
class EthnicGroupAdmin(RegistryAdmin):
    resource_classes = [EthnicGroupResource]
    list_display = ("name_kk", "name_ru", "name_en", "census_2021_count", "census_2021_percent", "association_count")
    search_fields = NAMES

    def get_queryset(self, request):
        active = Q(associations__archived_at__isnull=True)
        return super().get_queryset(request).annotate(association_total=Count("associations", filter=active))

    @admin.display(description=_("associations"), ordering="association_total")
    def association_count(self, group):
        return group.association_total


@admin.register(HouseOfFriendship)
class HouseOfFriendshipAdmin(RegistryAdmin):
    resource_classes = [HouseOfFriendshipResource]
    list_display = ("name_kk", "name_ru", "name_en", "house_kind", "region", "status", "opened_on", "on_tourist_route")
    list_filter = ("house_kind", "status", "on_tourist_route", "region")
    list_select_related = ("region",)
    search_fields = (*NAMES, "address")
    autocomplete_fields = ("region", "district", "parent", "successor")
    exclude = ("kind", "level")
    inlines = [HostedAssociationInline, MembershipInline]


@admin.register(EthnoculturalAssociation)
class EthnoculturalAssociationAdmin(RegistryAdmin):
    resource_classes = [AssociationResource]
    list_display = ("name_kk", "name_ru", "name_en", "region", "level", "status", "registered_on", "bin")
    list_filter = ("status", "level", "ethnic_groups", "region")
    list_select_related = ("region",)
    search_fields = (*NAMES, "bin", "ethnic_groups__name_kk", "ethnic_groups__name_ru", "ethnic_groups__name_en")
    autocomplete_fields = ("region", "district", "parent", "successor", "host_house", "ethnic_groups")
    exclude = ("kind",)
    inlines = [ActivityInline, MembershipInline, IdentifierInline]


@admin.register(AssociationActivity)
class AssociationActivityAdmin(RegistryAdmin):
    resource_classes = [ActivityResource]
    list_display = ("name_en", "name_ru", "name_kk", "kind", "language", "association")
    list_filter = ("kind", "language")
    list_select_related = ("association",)
    search_fields = (*NAMES, "association__name_en", "association__name_ru", "association__name_kk")
    autocomplete_fields = ("association",)
