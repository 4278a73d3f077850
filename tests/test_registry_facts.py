"""Each registry fact (three-language texts, confidential fields, search fields) is declared once, on the model, and
the API, the admin and the portal read it: they cannot disagree about what is searched or hidden."""

import pytest
from django.contrib import admin
from django.urls import reverse

from accounts import access
from assembly.models import EthnoculturalAssociation, Person
from config.api_urls import router
from registry.admin import RegistryAdmin
from registry.api.viewsets import RegistryViewSet
from tests.assembly_factories import association


def _plain(field):
    return field.lstrip("^=@$")


def test_every_registry_endpoint_searches_the_fields_its_model_declares():
    for prefix, viewset, _basename in router.registry:
        if issubclass(viewset, RegistryViewSet) and viewset.queryset is not None:
            assert tuple(viewset.search_fields) == tuple(viewset.queryset.model.search_fields), prefix


def test_every_registry_admin_searches_at_least_the_fields_its_model_declares():
    for model, model_admin in admin.site._registry.items():
        if isinstance(model_admin, RegistryAdmin):
            searched = {_plain(field) for field in model_admin.search_fields}
            assert set(model.search_fields) <= searched, model.__name__


def test_every_registry_serializer_shows_the_texts_its_model_translates():
    for prefix, viewset, _basename in router.registry:
        serializer_class = getattr(viewset, "serializer_class", None)
        if not issubclass(viewset, RegistryViewSet) or serializer_class is None:
            continue
        meta = serializer_class.Meta
        fields = serializer_class().fields
        for base in getattr(meta, "translated", meta.model.translated_fields):
            assert base in fields, (prefix, base)
            assert ("names" if base == "name" else f"{base}_translations") in fields, (prefix, base)


def test_a_confidential_field_is_searched_for_the_secretariat_only(users):
    fields = Person.search_fields
    assert "email" in access.searchable_fields(users["secretariat"], Person, fields)
    for role in ("coord-kz-10", "reader", "mediator-kz-10"):
        assert not {"email", "phone"} & set(access.searchable_fields(users[role], Person, fields)), role


@pytest.fixture
def contacted_association(reference):
    return association("KZ-10", "Test Contacted Association", email="contacted@example.kz", phone="+7 722 555 0101")


def test_the_secretariat_finds_an_association_by_its_email_in_the_admin_and_the_api(
    contacted_association, staff_client, api
):
    changelist = staff_client.get(reverse("admin:assembly_ethnoculturalassociation_changelist"), {"q": "contacted@"})
    assert list(changelist.context["cl"].queryset) == [contacted_association]
    rows = api("secretariat").get("/api/v1/associations/", {"search": "contacted@"}).json()["results"]
    assert [row["id"] for row in rows] == [contacted_association.pk]


@pytest.mark.parametrize("role", ["coord-kz-10", "coord-kz-75", "reader", None])
def test_others_cannot_find_an_association_by_its_email(contacted_association, api, role):
    rows = api(role).get("/api/v1/associations/", {"search": "contacted@"}).json()["results"]
    assert rows == []
    assert EthnoculturalAssociation.confidential_fields == ("email", "phone", "address")


def test_a_record_matched_through_several_related_rows_is_listed_once(reference, api):
    from assembly.models import Body, BodyName

    body = Body.objects.filter(archived_at__isnull=True).first()
    for word in ("One", "Two"):
        BodyName.objects.create(body=body, name_kk=f"Zyxw {word}", name_ru=f"Zyxw {word}", name_en=f"Zyxw {word}")
    rows = api("secretariat").get("/api/v1/bodies/", {"search": "Zyxw"}).json()["results"]
    assert [row["id"] for row in rows] == [body.pk]
