"""/api/v1/popolo/: people, bodies, posts and memberships as a Popolo document, checked against our transcription of
the Popolo classes (tests/data/popolo/), with no contact details for anyone and queries flat in the number of rows."""

import json
from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from assembly.models import Body, BodyKind, BodyName, Identifier, IdentifierScheme, Level, Membership, Post
from tests.assembly_factories import names, person

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "data" / "popolo"
SECRET_EMAIL = "hidden.contact@example.kz"
SECRET_PHONE = "+7 701 555 0199"
SECRET_ADDRESS = "Semey, Secret lane 7"
CLASSES = {"persons": "person.json", "organizations": "organization.json", "posts": "post.json"}
CLASSES["memberships"] = "membership.json"


def validator(name):
    resources = []
    for path in SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text())
        resources.append((path.name, Resource.from_contents(contents)))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    registry = Registry().with_resources(resources)
    return Draft202012Validator(json.loads((SCHEMAS / name).read_text()), registry=registry)


def add_people(assembly, council, n, start=0):
    for i in range(start, start + n):
        member = person(f"Member{i}", region="KZ-10", email=f"m{i}@example.kz", phone=f"+7 700 000 {i:04d}")
        Membership.objects.create(person=member, body=council, role="member", start_date=date(2020, 1, 1))
        Membership.objects.create(person=member, body=assembly, role="council_member", start_date=date(2021, 1, 1))


@pytest.fixture
def world(users):
    assembly = Body.objects.create(
        kind=BodyKind.NATIONAL_ASSEMBLY,
        founded_on=date(1995, 3, 1),
        **names("Assembly of the People of Kazakhstan", "Ассамблея народа Казахстана", "Қазақстан халқы Ассамблеясы"),
    )
    BodyName.objects.create(
        body=assembly,
        name_en="Assembly of Peoples of Kazakhstan",
        name_ru="Ассамблея народов Казахстана",
        name_kk="Қазақстан халықтары Ассамблеясы",
        start_date=date(1995, 3, 1),
        end_date=date(2007, 5, 21),
    )
    Identifier.objects.create(body=assembly, scheme=IdentifierScheme.WEBSITE, value="https://assembly.kz")
    regional = Body.objects.create(
        kind=BodyKind.OTHER, level=Level.REGIONAL, region_id="KZ-10", parent=assembly,
        **names("Commission of Abai Region"),
    )  # fmt: skip
    gone = Body.objects.create(kind=BodyKind.OTHER, **names("Archived commission"), parent=assembly)
    orphan = Body.objects.create(kind=BodyKind.OTHER, **names("Sub-commission"), parent=gone)
    Post.objects.create(body=assembly, role="deputy_chairman", seats=5, start_date=date(1995, 3, 1), **names("Deputy"))
    chair = person(
        "Tokayev", name_en="Kassym-Jomart Tokayev", name_ru="Касым-Жомарт Токаев", name_kk="Қасым-Жомарт Тоқаев",
        email=SECRET_EMAIL, phone=SECRET_PHONE, address=SECRET_ADDRESS,
    )  # fmt: skip
    Membership.objects.create(person=chair, body=assembly, role="chairman", start_date=date(2019, 3, 20))
    deputy = person("Deputy", email="deputy@example.kz")
    Membership.objects.create(
        person=deputy, body=assembly, role="deputy_chairman", start_date=date(2015, 1, 1), end_date=date(2019, 1, 1)
    )
    hidden = person("Archivedperson", email="archived@example.kz")
    Membership.objects.create(person=hidden, body=regional, role="member", start_date=date(2020, 1, 1)).archive()
    hidden.archive()
    Membership.objects.create(person=deputy, body=gone, role="member", start_date=date(2020, 1, 1)).archive()
    # Archiving refuses while an active record points at the body; older data may still hold such a reference.
    Body.objects.filter(pk=gone.pk).update(archived_at=timezone.now())
    return {"assembly": assembly, "orphan": orphan, "chair": chair, "deputy": deputy, "gone": gone}


def organization(document, body):
    return next(item for item in document["organizations"] if item["id"] == f"organization/{body.pk}")


def popolo(api, who="secretariat", language="en"):
    client = api(who)
    client.credentials(HTTP_ACCEPT_LANGUAGE=language)
    response = client.get("/api/v1/popolo/")
    assert response.status_code == 200, response.content
    return response.json()


def test_every_object_is_valid_against_our_transcription_of_the_popolo_classes(api, world):
    document = popolo(api)
    assert set(document) == {"persons", "organizations", "posts", "memberships"}
    for key, schema in CLASSES.items():
        checker = validator(schema)
        assert document[key], key
        for item in document[key]:
            errors = [error.message for error in checker.iter_errors(item)]
            assert not errors, (key, item, errors)


def test_the_schemas_refuse_what_popolo_does_not_allow(api, world):
    assert list(validator("membership.json").iter_errors({"person_id": "person/1"}))
    assert list(validator("organization.json").iter_errors({"name": "x", "founding_date": "1 March 1995"}))
    assert list(validator("person.json").iter_errors({"name": "x", "phone": "+7"}))
    assert list(validator("post.json").iter_errors({"role": "x"}))


@pytest.mark.parametrize("who", [None, "reader", "coord-kz-10", "secretariat", "admin"])
def test_no_contact_detail_appears_anywhere_for_any_reader(api, world, who):
    text = json.dumps(popolo(api, who), ensure_ascii=False)
    for secret in (SECRET_EMAIL, SECRET_PHONE, SECRET_ADDRESS, "@example.kz", "contact_details", '"email"'):
        assert secret not in text


def test_the_secretariat_gets_persons_and_memberships_but_the_public_only_bodies_and_posts(api, world):
    public = popolo(api, None)
    assert public["persons"] == [] and public["memberships"] == []
    assert {item["name"] for item in public["organizations"]} >= {"Assembly of the People of Kazakhstan"}
    assert public["posts"]
    signed_in = popolo(api, "secretariat")
    assert "Kassym-Jomart Tokayev" in {item["name"] for item in signed_in["persons"]}


def test_archived_records_and_references_to_them_are_left_out(api, world):
    document = popolo(api)
    text = json.dumps(document, ensure_ascii=False)
    assert "Archivedperson" not in text and "Archived commission" not in text
    orphan = next(item for item in document["organizations"] if item["id"] == f"organization/{world['orphan'].pk}")
    assert "parent_id" not in orphan
    assert f"organization/{world['gone'].pk}" not in text


def test_hierarchy_and_membership_references_resolve_to_listed_objects(api, world):
    document = popolo(api)
    organizations = {item["id"] for item in document["organizations"]}
    persons = {item["id"] for item in document["persons"]}
    posts = {item["id"] for item in document["posts"]}
    parents = [item["parent_id"] for item in document["organizations"] if "parent_id" in item]
    assert f"organization/{world['assembly'].pk}" in parents
    assert set(parents) <= organizations
    assert {item["organization_id"] for item in document["posts"]} <= organizations
    assert document["memberships"]
    for membership in document["memberships"]:
        assert membership["person_id"] in persons
        assert membership["organization_id"] in organizations
        assert membership.get("post_id", next(iter(posts))) in posts
    deputy = next(item for item in document["memberships"] if item["person_id"] == f"person/{world['deputy'].pk}")
    assert deputy["post_id"] in posts
    assert (deputy["start_date"], deputy["end_date"]) == ("2015-01-01", "2019-01-01")


def test_former_names_are_other_names_with_their_end_date(api, world):
    assembly = organization(popolo(api), world["assembly"])
    former = [name for name in assembly["other_names"] if name.get("note") == "former name"]
    assert {(name["lang"], name["name"], name["end_date"]) for name in former} == {
        ("en", "Assembly of Peoples of Kazakhstan", "2007-05-21"),
        ("ru", "Ассамблея народов Казахстана", "2007-05-21"),
        ("kk", "Қазақстан халықтары Ассамблеясы", "2007-05-21"),
    }
    assert all(name["start_date"] == "1995-03-01" for name in former)
    assert assembly["founding_date"] == "1995-03-01"
    assert {"identifier": "https://assembly.kz", "scheme": "website"} in assembly["identifiers"]


@pytest.mark.parametrize(
    ("language", "name", "others"),
    [
        ("en", "Kassym-Jomart Tokayev", {"ru": "Касым-Жомарт Токаев", "kk": "Қасым-Жомарт Тоқаев"}),
        ("ru", "Касым-Жомарт Токаев", {"en": "Kassym-Jomart Tokayev", "kk": "Қасым-Жомарт Тоқаев"}),
        ("kk", "Қасым-Жомарт Тоқаев", {"en": "Kassym-Jomart Tokayev", "ru": "Касым-Жомарт Токаев"}),
    ],
)
def test_the_name_is_in_the_readers_language_and_the_others_carry_their_language(api, world, language, name, others):
    document = popolo(api, "secretariat", language)
    chair = next(item for item in document["persons"] if item["id"] == f"person/{world['chair'].pk}")
    assert chair["name"] == name
    assert {item["lang"]: item["name"] for item in chair["other_names"]} == others
    assembly = organization(document, world["assembly"])
    multilingual = {item["lang"] for item in assembly["other_names"] if item["note"] == "multilingual"}
    assert multilingual == {"kk", "ru", "en"} - {language}


def test_the_number_of_queries_does_not_grow_with_the_rows(api, world):
    council = Body.objects.create(kind=BodyKind.OTHER, **names("Working group"), parent=world["assembly"])
    add_people(world["assembly"], council, 2)
    client = api("secretariat")
    with CaptureQueriesContext(connection) as few:
        assert client.get("/api/v1/popolo/").status_code == 200
    add_people(world["assembly"], council, 15, start=2)
    for n in range(6):
        BodyName.objects.create(body=council, name_en=f"Old name {n}", start_date=date(2000 + n, 1, 1))
    with CaptureQueriesContext(connection) as many:
        document = client.get("/api/v1/popolo/").json()
    assert len(document["memberships"]) >= 34
    assert len(many) == len(few)


def test_the_schema_describes_the_popolo_document(api, users):
    schema = api(None).get("/api/schema/?format=json").json()
    answer = schema["paths"]["/api/v1/popolo/"]["get"]["responses"]["200"]
    assert "Popolo document" in answer["description"]
    assert "$ref" in answer["content"]["application/json"]["schema"]
