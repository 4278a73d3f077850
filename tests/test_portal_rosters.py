"""Council rosters in the portal and through the API: members over time, contacts only for those entitled, and
coordinators keeping the rosters of their own region's councils (and nothing else)."""

import datetime

import pytest
from django.utils import formats, translation

from assembly.models import Body, BodyKind, Membership, Person, Post
from tests.assembly_factories import association
from tests.councils_world import ROLES

pytestmark = pytest.mark.django_db

EMAILS = ("secret.abai@example.kz", "secret.almaty@example.kz", "secret.former@example.kz")
SEES = {
    None: set(),
    "reader": set(),
    "mediator-kz-10": set(),
    "mediator-kz-75": set(),
    "coord-kz-10": {"secret.abai@example.kz", "secret.former@example.kz"},  # members living in Abai region
    "coord-kz-75": {"secret.almaty@example.kz"},
    "secretariat": set(EMAILS),
}


def shown(day):
    """A date as the (English) page writes it: in the locale's short format, never by hand."""
    with translation.override("en"):
        return formats.date_format(day, "SHORT_DATE_FORMAT")


def council_url(council, tail=""):
    return f"/portal/registries/councils/{council.pk}/{tail}"


def test_the_roster_shows_members_over_time(councils_world, browser):
    world = councils_world
    html = browser("reader").get(council_url(world.abai)).content.decode()
    current, former = html.split("Current members")[1].split("Former members")
    assert "Abaikyzy Test" in current and "Almatova Test" in current and "Formerova" not in current
    assert "Formerova Test" in former and "Abaikyzy" not in former
    assert shown(world.chair.start_date) in current
    assert shown(world.today - datetime.timedelta(days=101)) in former
    assert "chair" in current and "member" in current


def test_roster_contacts_per_role(councils_world, browser):
    world = councils_world
    for role in ROLES:
        response = browser(role).get(council_url(world.abai))
        if role is None:
            assert response.status_code == 302
            continue
        html = response.content.decode()
        shown = {email for email in EMAILS if email in html}
        assert shown == SEES[role], role
        assert ("+7 700 111 22 33" in html) == bool(SEES[role]), role
        assert "SECRET-ADDRESS" not in html, role


def test_a_coordinator_cannot_see_contacts_of_another_regions_council_members(councils_world, browser):
    world = councils_world
    elder = Person.objects.create(surname="Eldarov", given_name="T", region_id="KZ-75", email="elder75@example.kz")
    Membership.objects.create(person=elder, body=world.almaty, role="chair", start_date=datetime.date(2024, 1, 1))
    html = browser("coord-kz-10").get(council_url(world.almaty)).content.decode()
    assert "Eldarov T" in html and "elder75@example.kz" not in html
    assert "elder75@example.kz" in browser("coord-kz-75").get(council_url(world.almaty)).content.decode()


def test_roster_editing_per_role(councils_world, browser):
    """Only the council's region's coordinator and the secretariat get the roster's forms; the others 403."""
    world = councils_world
    chair = world.chair
    for council, writers in (
        (world.abai, {"coord-kz-10", "secretariat"}),
        (world.almaty, {"coord-kz-75", "secretariat"}),
        (world.republican, {"secretariat"}),
    ):
        for role in ROLES:
            client = browser(role)
            add = client.get(council_url(council, "members/new/"))
            page = client.get(council_url(council))
            if role is None:
                assert add.status_code == 302 and add["Location"].startswith("/portal/login/")
                continue
            assert add.status_code == (200 if role in writers else 403), (council, role)
            assert ("/members/new/" in page.content.decode()) == (role in writers), (council, role)
        change = council_url(world.abai, f"members/{chair.pk}/")
    for role in ROLES[1:]:
        client = browser(role)
        allowed = role in ("coord-kz-10", "secretariat")
        assert client.get(change).status_code == (200 if allowed else 403), role
        if not allowed:
            response = client.post(change, {"role": "member", "start_date": chair.start_date.isoformat()})
            assert response.status_code == 403, role
            response = client.post(council_url(world.abai, "members/new/"), {"surname": "Intruder", "given_name": "X"})
            assert response.status_code == 403, role
    chair.refresh_from_db()
    assert chair.role == "chair"
    assert not Person.objects.filter(surname="Intruder").exists()
    # a membership of another council cannot be reached through this one
    other = Membership.objects.create(person=world.almaty_member, body=world.almaty, role="member")
    assert browser("coord-kz-10").get(council_url(world.abai, f"members/{other.pk}/")).status_code == 404


def test_a_coordinator_adds_an_existing_person_of_the_region(users, councils_world, browser):
    world = councils_world
    client = browser("coord-kz-10")
    local = Person.objects.create(surname="Localova", given_name="T", region_id="KZ-10")
    form = client.get(council_url(world.abai, "members/new/")).content.decode()
    assert f'value="{local.pk}"' in form
    assert f'value="{world.almaty_member.pk}"' not in form  # people of other regions are not offered
    response = client.post(
        council_url(world.abai, "members/new/"), {"person": local.pk, "role": "secretary", "start_date": "2025-01-15"}
    )
    assert response.status_code == 302, response.content.decode()
    membership = Membership.objects.get(person=local)
    assert (membership.body_id, membership.role, membership.start_date) == (
        world.abai.pk,
        "secretary",
        datetime.date(2025, 1, 15),
    )
    assert membership.history.get().history_user == users["coord-kz-10"]
    refused = client.post(council_url(world.abai, "members/new/"), {"person": world.almaty_member.pk, "role": "member"})
    assert refused.status_code == 400 and "Select a valid choice" in refused.content.decode()


def test_a_coordinator_adds_a_new_person(users, councils_world, browser):
    world = councils_world
    client = browser("coord-kz-10")
    data = {
        "surname": "Жаңаева",
        "given_name": "Айгүл",
        "patronymic": "Серікқызы",
        "phone": "+7 701 555 66 77",
        "email": "new.member@example.kz",
        "role": "member",
        "start_date": "2025-02-01",
    }
    response = client.post(council_url(world.abai, "members/new/"), data)
    assert response.status_code == 302, response.content.decode()
    person = Person.objects.get(surname="Жаңаева")
    assert (person.given_name, person.patronymic, person.region_id) == ("Айгүл", "Серікқызы", "KZ-10")
    assert (person.phone, person.email) == ("+7 701 555 66 77", "new.member@example.kz")
    assert person.history.get().history_user == users["coord-kz-10"]
    assert person.memberships.get().body_id == world.abai.pk
    page = client.get(council_url(world.abai)).content.decode()
    assert "Жаңаева Айгүл Серікқызы" in page and "new.member@example.kz" in page


def test_member_form_errors(councils_world, browser):
    world = councils_world
    client = browser("coord-kz-10")
    url = council_url(world.abai, "members/new/")
    local = Person.objects.create(surname="Localova", given_name="T", region_id="KZ-10")
    cases = [
        ({"role": "member"}, "give the new person&#x27;s surname"),
        ({"person": local.pk, "surname": "Both", "role": "member"}, "not both"),
        ({"surname": "Bad", "given_name": "Mail", "email": "not-an-email", "role": "member"}, "valid email"),
        ({"surname": "Bad", "given_name": "Role", "role": "senator"}, "Select a valid choice"),
    ]
    for data, message in cases:
        response = client.post(url, data)
        assert response.status_code == 400, data
        assert message in response.content.decode(), (data, response.content.decode()[-4000:])
    assert not Person.objects.filter(surname__in=["Both", "Bad"]).exists()
    assert Membership.objects.filter(body=world.abai).count() == 3


def test_quotas_still_apply(councils_world, browser):
    world = councils_world
    names = {"name_en": "Chair", "name_ru": "Председатель", "name_kk": "Төраға"}
    Post.objects.create(body=world.abai, role="chair", seats=1, **names)
    response = browser("coord-kz-10").post(
        council_url(world.abai, "members/new/"),
        {"surname": "Second", "given_name": "Chair", "role": "chair", "start_date": world.today.isoformat()},
    )
    assert response.status_code == 400
    assert "is full" in response.content.decode()
    assert not Person.objects.filter(surname="Second").exists()  # the person is not left behind either


def test_change_a_role_and_end_a_membership(users, councils_world, browser):
    world = councils_world
    client = browser("coord-kz-10")
    member = Membership.objects.get(body=world.abai, person=world.almaty_member)
    url = council_url(world.abai, f"members/{member.pk}/")
    start = member.start_date.isoformat()
    assert client.post(url, {"role": "secretary", "start_date": start}).status_code == 302
    member.refresh_from_db()
    assert member.role == "secretary"
    response = client.post(url, {"role": "secretary", "start_date": start, "end_date": world.today.isoformat()})
    assert response.status_code == 400 and "Say why the membership ended." in response.content.decode()
    before = (member.start_date - datetime.timedelta(days=1)).isoformat()
    response = client.post(
        url, {"role": "secretary", "start_date": start, "end_date": before, "end_reason": "resigned"}
    )
    assert response.status_code == 400
    assert "The end date cannot be before the start date." in response.content.decode()
    ended = (world.today - datetime.timedelta(days=1)).isoformat()
    response = client.post(url, {"role": "secretary", "start_date": start, "end_date": ended, "end_reason": "resigned"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.end_date.isoformat(), member.end_reason) == (ended, "resigned")
    assert member.history.first().history_user == users["coord-kz-10"]
    former = client.get(council_url(world.abai)).content.decode().split("Former members")[1]
    assert "Almatova Test" in former and "resigned" in former


def test_a_council_with_members_is_not_archived(councils_world, browser):
    world = councils_world
    response = browser("coord-kz-10").post(council_url(world.abai, "archive/"), follow=True)
    assert "was not archived" in response.content.decode() and "memberships" in response.content.decode()
    world.abai.refresh_from_db()
    assert world.abai.archived_at is None


# -- the same rule through the API --------------------------------------------------------------------------------
def membership(body, person, role="member"):
    return {"person": person.pk, "body": body.pk, "role": role, "start_date": "2025-03-01"}


def test_memberships_api_follows_the_roster_rule(api, councils_world):
    world = councils_world
    person = Person.objects.create(surname="Apiova", given_name="T", region_id="KZ-10")
    national = Body.objects.get(kind=BodyKind.NATIONAL_ASSEMBLY)
    url = "/api/v1/memberships/"
    for role, expected in ((None, 401), ("reader", 403), ("mediator-kz-10", 403), ("coord-kz-75", 400)):
        response = api(role).post(url, membership(world.abai, person), format="json")
        assert response.status_code == expected, (role, response.content)
    assert "KZ-75" in str(api("coord-kz-75").post(url, membership(world.abai, person), format="json").json()["body"])
    coordinator = api("coord-kz-10")
    created = coordinator.post(url, membership(world.abai, person), format="json")
    assert created.status_code == 201, created.content
    refused = coordinator.post(url, membership(world.almaty, person), format="json")
    assert refused.status_code == 400 and "body" in refused.json()
    assert coordinator.post(url, membership(national, person, "deputy_chairman"), format="json").status_code == 403
    assert coordinator.post(url, membership(world.office10, person), format="json").status_code == 403
    wrong_role = coordinator.post(url, membership(world.abai, person, "senator"), format="json")
    assert wrong_role.status_code == 400 and "role" in wrong_role.json()
    key = created.json()["id"]
    assert api("coord-kz-75").patch(f"{url}{key}/", {"role": "expert"}, format="json").status_code == 403
    ended = coordinator.patch(f"{url}{key}/", {"end_date": "2025-06-01", "end_reason": "resigned"}, format="json")
    assert ended.status_code == 200, ended.content
    moved = coordinator.patch(f"{url}{key}/", {"body": world.almaty.pk}, format="json")
    assert moved.status_code == 400
    assert Membership.objects.get(pk=key).body_id == world.abai.pk
    by_secretariat = api("secretariat").post(url, membership(national, person, "deputy_chairman"), format="json")
    assert by_secretariat.status_code == 201
    national_membership = Membership.objects.get(body=national, person=person)
    assert coordinator.patch(f"{url}{national_membership.pk}/", {}, format="json").status_code == 403
    assert coordinator.delete(f"{url}{national_membership.pk}/").status_code == 403


def test_persons_api_coordinators_keep_their_rosters_people(api, councils_world):
    world = councils_world
    url = "/api/v1/persons/"
    new = {"surname": "Newman", "given_name": "Aru", "region": "KZ-10"}
    for role, expected in ((None, 401), ("reader", 403), ("mediator-kz-10", 403), ("coord-kz-75", 400)):
        assert api(role).post(url, new, format="json").status_code == expected, role
    assert api("coord-kz-10").post(url, new, format="json").status_code == 201
    coordinator = api("coord-kz-10")
    assert coordinator.patch(f"{url}{world.local_member.pk}/", {"phone": "+7 1"}, format="json").status_code == 200
    assert api("coord-kz-75").patch(f"{url}{world.local_member.pk}/", {}, format="json").status_code == 403
    moved = coordinator.patch(f"{url}{world.local_member.pk}/", {"region": "KZ-75"}, format="json")
    assert moved.status_code == 400 and "region" in moved.json()
    # a person of the region who also leads an association is the secretariat's to change
    leader = Person.objects.create(surname="Leaderkyzy", given_name="T", region_id="KZ-10")
    Membership.objects.create(person=leader, body=association("KZ-10", "Abai Uzbek centre"), role="leader")
    assert coordinator.patch(f"{url}{leader.pk}/", {"phone": "+7 2"}, format="json").status_code == 403
    assert api("secretariat").patch(f"{url}{leader.pk}/", {"phone": "+7 2"}, format="json").status_code == 200


def test_admin_inlines_follow_the_roster_rule(users, councils_world):
    """A staff coordinator's admin offers roster rows under their region's councils only (not under an association
    of their region, nor under another region's council)."""
    from django.contrib.admin.sites import site
    from django.test import RequestFactory

    from assembly.admin import MembershipInline
    from assembly.models import EthnoculturalAssociation
    from councils.admin import CouncilMembershipInline
    from councils.models import Council

    world = councils_world
    coordinator = users["coord-kz-10"]
    coordinator.is_staff = True
    coordinator.save()
    request = RequestFactory().get("/admin/")
    request.user = coordinator
    roster = CouncilMembershipInline(Council, site)
    assert roster.has_add_permission(request, world.abai) and roster.has_change_permission(request, world.abai)
    assert not roster.has_add_permission(request, world.almaty)
    assert not roster.has_change_permission(request, world.republican)
    leaders = MembershipInline(EthnoculturalAssociation, site)
    own_association = association("KZ-10", "Abai Korean centre")
    assert not leaders.has_add_permission(request, own_association)
    request.user = users["secretariat"]
    assert leaders.has_add_permission(request, own_association) and roster.has_add_permission(request, world.almaty)
