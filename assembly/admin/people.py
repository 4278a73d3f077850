"""Admin of persons, their memberships and the posts of bodies."""

from django.contrib import admin

from assembly.admin.base import NAMES, PERSON_NAMES, AssemblyResource, fk
from assembly.models import Body, Membership, Person, Post
from regions.admin import RegionalResource
from registry.admin import NAME, RegistryAdmin, RegistryInline
from registry.models import through


class PersonResource(RegionalResource, AssemblyResource):
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
        import_id_fields = ("body", "role", "start_date")
        fields = ("body", "role", "start_date", "end_date", "seats", *NAMES, "legal_basis")


class MembershipInline(RegistryInline, admin.TabularInline):
    model = Membership
    fk_name = "body"
    fields = ("person", "role", "start_date", "end_date", "end_reason", "appointed_by", "country")
    autocomplete_fields = ("person",)


class PersonMembershipInline(MembershipInline):
    fk_name = "person"
    fields = ("body", "role", "start_date", "end_date", "end_reason", "appointed_by", "country")
    autocomplete_fields = ("body",)


class PostInline(RegistryInline, admin.TabularInline):
    model = Post
    fields = ("role", *NAMES, "seats", "start_date", "end_date", "legal_basis")


@admin.register(Person)
class PersonAdmin(RegistryAdmin):
    resource_classes = [PersonResource]
    list_display = ("__str__", "region")
    list_filter = ("region", "memberships__role")
    list_select_related = ("region",)
    autocomplete_fields = ("region",)
    inlines = [PersonMembershipInline]


@admin.register(Membership)
class MembershipAdmin(RegistryAdmin):
    resource_classes = [MembershipResource]
    list_display = ("person", "role", "body", "start_date", "end_date")
    list_filter = ("role", "body__kind", "end_reason", ("start_date", admin.DateFieldListFilter))
    list_select_related = ("person", "body")
    autocomplete_fields = ("person", "body")
    date_hierarchy = "start_date"


@admin.register(Post)
class PostAdmin(RegistryAdmin):
    resource_classes = [PostResource]
    list_display = (NAME, "body", "role", "start_date", "end_date")
    list_filter = ("role",)
    list_select_related = ("body",)
    search_fields = (*Post.search_fields, *through("body"))
    autocomplete_fields = ("body",)
