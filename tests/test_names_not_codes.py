"""What a person reads where the registry keeps a code: the name, in the language of the page or the console."""

import datetime
import html as entities
import io
import re

import pytest
from django.core.management.base import OutputWrapper
from django.urls import reverse
from django.utils import timezone, translation

from accounts import demo
from events.models import Verification
from tests.conftest import web_client
from tests.eventkit import make_event


def test_demo_users_are_printed_with_their_region_name_not_a_bare_code(reference):
    out = io.StringIO()
    with translation.override("ru"):
        demo.seed(OutputWrapper(out))
    lines = {line.split()[0]: line for line in out.getvalue().splitlines()[1:]}
    assert "область Абай (KZ-10)" in lines["coord-kz-10"]
    assert "город Алматы (KZ-75)" in lines["coord-kz-75"]
    assert "Региональный координатор" in lines["coord-kz-10"]
    assert "KZ" not in lines["reader"]


def _history_page(users, event, language):
    client = web_client(users["secretariat"], language=language)
    response = client.get(reverse("admin:events_event_history", args=[event.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _verify(event, user):
    user.first_name, user.last_name = "Айгерим", "Сапарова"
    user.save()
    event.verification = Verification.VERIFIED
    event.verified_by = user
    event.verified_at = timezone.now().replace(microsecond=123456)
    event._history_user = user
    event.save()


def _changes(html):
    """The text of the history table's "changes" cells, one string per entry."""
    return [
        re.sub(r"\s+", " ", entities.unescape(re.sub(r"<[^>]+>", " ", cell))).strip()
        for cell in re.findall(r"<li><strong>.*?</li>", html)
    ]


@pytest.mark.parametrize(
    ("language", "before", "after"),
    [("ru", "отправлено на проверку", "проверено"), ("kk", "тексеруге жіберілді", "тексерілген")],
)
def test_admin_history_shows_choice_labels_names_and_local_times(users, language, before, after):
    event = make_event()
    _verify(event, users["secretariat"])
    html = _history_page(users, event, language)
    changes = _changes(html)
    assert any(f"{before} → {after}" in change for change in changes), changes
    assert any("Айгерим Сапарова" in change for change in changes), changes  # verified by: the person's name
    local = timezone.localtime(event.verified_at)
    assert any(local.strftime("%d.%m.%Y %H:%M") in change for change in changes), changes
    assert not re.search(r"\d:\d\d:\d\d", " ".join(changes))  # no seconds, no microseconds
    assert "None" not in " ".join(changes)
    assert "pk=None" not in html and "Deleted user" not in html


def test_admin_history_shows_no_reason_column_unless_an_entry_has_a_reason(users):
    event = make_event()
    _verify(event, users["secretariat"])
    assert "Причина изменения" not in _history_page(users, event, "ru")

    event.title = "Достық фестивалі 2025"
    event._change_reason = "Опечатка в названии"
    event.save()
    html = _history_page(users, event, "ru")
    assert "Причина изменения" in html and "Опечатка в названии" in html


def test_admin_history_shows_a_user_removed_from_a_record_as_empty(users):
    event = make_event()
    _verify(event, users["secretariat"])
    event.verified_by = None
    event.verification = Verification.RETURNED
    event.save()
    html = _history_page(users, event, "en")
    assert "pk=None" not in html and "Deleted user" not in html
    assert any(change.startswith("Verified by: Айгерим Сапарова →") for change in _changes(html)), _changes(html)


def test_portal_and_public_event_pages_group_thousands_as_the_language_does(users):
    event = make_event(participants_count=1200, verification=Verification.VERIFIED)
    portal = web_client(users["coord-kz-10"], language="ru").get("/portal/events/").content.decode()
    assert "1\xa0200" in portal
    public = web_client(language="kk").get(f"/calendar/{event.pk}/").content.decode()
    assert "1\xa0200" in public
    english = web_client(language="en").get(f"/calendar/{event.pk}/").content.decode()
    assert "1,200" in english


def test_the_calendar_heads_each_month_as_the_language_writes_it(reference):
    day = timezone.localdate() + datetime.timedelta(days=40)
    make_event(start_date=day, status="planned", verification=Verification.VERIFIED)
    page = web_client(language="kk").get("/calendar/").content.decode()
    assert f"<h2>{day.year} жылғы " in page


def test_a_portal_registry_page_writes_dates_as_the_language_does(users):
    from assembly.models import HouseOfFriendship

    house = HouseOfFriendship.objects.create(
        name_kk="Достық үйі",
        name_ru="Дом дружбы",
        name_en="House of Friendship",
        region_id="KZ-10",
        house_kind="district",
        status="operating",
        opened_on=datetime.date(2020, 5, 1),
    )
    page = web_client(users["secretariat"], language="ru").get(f"/portal/registries/houses-of-friendship/{house.pk}/")
    assert page.status_code == 200, page.status_code
    assert "01.05.2020" in page.content.decode() and "2020-05-01" not in page.content.decode()


def test_an_event_is_named_with_its_date_as_the_language_writes_it(reference):
    event = make_event(start_date=datetime.date(2025, 3, 14))
    with translation.override("ru"):
        assert str(event) == "Достық фестивалі (14.03.2025)"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_front_page_names_the_regions_and_keeps_their_codes_to_the_links(reference, language):
    page = web_client(language=language).get("/").content.decode()
    visible = re.sub(r"<[^>]+>", " ", page)
    assert not re.search(r"KZ-\d\d", visible)
    assert "/regions/KZ-10/" in page
    assert ("Абай облысы" if language == "kk" else "область Абай") in visible
