"""Each group of users' first hour in a real headless Chromium, on a phone and on a desktop, in Kazakh, Russian and
English: a coordinator, the secretariat, a mediator and a citizen go through their first tasks by clicking what they
read, and each step shows them its result in their language, on a page no wider than the screen."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext

from assembly.models import EthnicGroup, EthnoculturalAssociation
from events.models import Event, Verification
from events.tables import COLUMNS, column_label
from mediation.models import CaseStatus
from regions.models import Region
from tests.assembly_factories import association
from tests.browser import BROWSER_TESTS, LANGUAGES, SCREENS, read_settled_page
from tests.eventkit import make_event
from tests.jobkit import run_jobs

pytestmark = [*BROWSER_TESTS, pytest.mark.end_to_end]

WALKS = [pytest.param(screen, language, id=f"{screen}-{language}") for screen in SCREENS for language in LANGUAGES]


@pytest.fixture(autouse=True)
def _each_walk_closes_its_connections(closed_connections):
    pass


def say(language, text, **values):
    """`text` as the page in `language` shows it."""
    with translation.override(language):
        said = str(gettext(text) if isinstance(text, str) else text)
    return said % values if values else said


class Walk:
    """A person on `screen` reading `language`: opens pages, clicks what they read, and is shown each page whole."""

    def __init__(self, browser, base, screen, language):
        self.context = browser.new_context(locale=LANGUAGES[language], accept_downloads=True, **SCREENS[screen])
        self.page = self.context.new_page()
        self.base, self.screen, self.language = base, screen, language

    def say(self, text, **values):
        return say(self.language, text, **values)

    def open(self, path):
        self.page.goto(f"{self.base}{path}")
        self.sees_a_whole_page()

    def sees_a_whole_page(self):
        """The page is in the walk's language, and on a phone nothing is wider than the screen."""
        lang, wide, screen = read_settled_page(
            self.page, "[document.documentElement.lang, document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert lang == self.language, self.page.url
        if self.screen == "phone":
            assert wide <= screen, f"{self.page.url} is {wide}px wide on a {screen}px screen"

    def click(self, locator):
        locator.click()
        self.sees_a_whole_page()

    def menu(self, text):
        """The header's link `text`: behind the "Menu" button on a phone."""
        link = self.page.locator("header").get_by_role("link", name=self.say(text), exact=True)
        if not link.is_visible():
            self.page.locator("header summary", has_text=self.say("Menu")).click()
        self.click(link)

    def log_in(self, username):
        self.open("/portal/login/")
        self.page.get_by_label(self.say("Username")).fill(username)
        self.page.get_by_label(self.say("Password")).fill(f"pw-{username}")
        self.click(self.page.locator("main").get_by_role("button", name=self.say("Log in")))

    def close(self):
        self.context.close()


@pytest.fixture
def walk(shared_chromium, live_server):
    walks = []

    def start(screen, language):
        walks.append(Walk(shared_chromium, live_server.url, screen, language))
        return walks[-1]

    yield start
    for each in walks:
        each.close()


def spreadsheet_with_mistakes():
    """Two events, the second with words where the participants' number goes."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerow({"title": "Достық кеші", "kind": "creative_evening", "start_date": "2025-02-10"})
    wrong = {"title": "Тіл мерекесі", "kind": "festival", "start_date": "2025-09-05", "participants_count": "көп"}
    writer.writerow(wrong)
    return {"name": "events.csv", "mimeType": "text/csv", "buffer": buffer.getvalue().encode("utf-8")}


@pytest.mark.parametrize(("screen", "language"), WALKS)
def test_a_coordinator_finds_edits_and_submits_an_event_then_uploads_a_spreadsheet_with_mistakes(
    walk, users, screen, language
):
    from playwright.sync_api import expect

    coordinator = users["coord-kz-10"]
    draft = make_event(title="Наурыз мерекесі", verification=Verification.DRAFT, logged_by=coordinator)
    make_event(
        title="Абай оқулары",
        verification=Verification.RETURNED,
        return_comment="Give the number of volunteers, please.",
        logged_by=coordinator,
    )
    person = walk(screen, language)
    page = person.page
    person.log_in("coord-kz-10")
    expect(page.locator("h1")).to_have_text(person.say("Welcome, %(name)s", name="coord-kz-10"))
    expect(page.locator(".callout.returned")).to_contain_text("Give the number of volunteers, please.")

    person.click(page.locator(".quick").get_by_role("link", name=person.say("Events"), exact=True))
    returned = page.locator("tr", has_text="Абай оқулары")
    expect(returned.locator(".badge")).to_have_text(person.say(Verification.RETURNED.label))
    page.locator("summary", has_text=person.say("Filters and search")).click()
    page.locator("input[name=search]").fill("наурыз")
    person.click(page.get_by_role("button", name=person.say("Show"), exact=True))
    expect(page.locator("table.events tbody tr")).to_have_count(1)
    person.click(page.get_by_role("link", name="Наурыз мерекесі"))

    expect(page.locator("h1")).to_have_text("Наурыз мерекесі")
    page.locator("#id_participants_count").fill("250")
    person.click(page.get_by_role("button", name=person.say("Save and submit")))
    page.wait_for_url(re.compile(rf"/portal/events/{draft.pk}/$"))
    expect(page.locator("h1")).to_have_text("Наурыз мерекесі")
    expect(page.locator(".state .badge")).to_have_text(person.say(Verification.SUBMITTED.label))
    draft.refresh_from_db()
    assert (draft.verification, draft.participants_count) == (Verification.SUBMITTED, 250)

    person.click(page.locator(".crumbs").get_by_role("link", name=person.say("Portal")))
    person.click(page.locator(".quick").get_by_role("link", name=person.say("Upload a spreadsheet")))
    page.locator("input[type=file]").set_input_files(spreadsheet_with_mistakes())
    person.click(page.get_by_role("button", name=person.say("Check the file")))
    page.wait_for_url(re.compile(r"/portal/jobs/"))
    run_jobs()
    # The job's page follows it and reloads itself with the report once it has finished.
    page.locator("#preview").wait_for(timeout=20_000)
    person.sees_a_whole_page()
    participants = say(language, column_label("participants_count"))
    expect(page.locator(".preview strong.error")).to_be_visible()
    expect(page.locator(".row-errors tbody tr")).to_have_count(1)
    expect(page.locator(".row-errors tbody tr")).to_contain_text("Тіл мерекесі")
    expect(page.locator(".row-errors tbody tr li")).to_contain_text(f"{participants}: ")
    assert not Event.objects.filter(title="Тіл мерекесі").exists()


@pytest.mark.parametrize(("screen", "language"), WALKS)
def test_the_secretariat_verifies_and_returns_finds_an_association_in_russian_exports_and_reads_its_history(
    walk, users, screen, language
):
    from playwright.sync_api import expect

    festival = make_event(title="Достық фестивалі")
    evening = make_event(title="Мерейтой кеші")
    tatars = association("KZ-10", "Tatar cultural centre of Abai", ["Tatars"], phone="+7 722 000 0001")
    EthnoculturalAssociation.objects.filter(pk=tatars.pk).update(
        name_ru="Татарский культурный центр области Абай", name_kk="Абай облысының татар мәдени орталығы"
    )
    tatars.refresh_from_db()
    tatars.phone = "+7 722 000 0010"
    tatars.save()
    person = walk(screen, language)
    page = person.page
    person.log_in("secretariat")

    queue = re.compile(re.escape(person.say("Verification queue")))
    person.click(page.locator(".quick").get_by_role("link", name=queue))
    page.get_by_role("checkbox", name="Достық фестивалі").check()
    person.click(page.get_by_role("button", name=person.say("Verify selected")))
    expect(page.locator(f"#queue-{festival.pk}")).to_have_count(0)
    row = page.locator(f"#queue-{evening.pk}")
    row.get_by_label(person.say("Comment"), exact=True).fill("Шара күні қате")
    person.click(row.get_by_role("button", name=person.say("Return"), exact=True))
    expect(page.locator(f"#queue-{evening.pk}")).to_have_count(0)
    festival.refresh_from_db()
    evening.refresh_from_db()
    assert (festival.verification, evening.verification) == (Verification.VERIFIED, Verification.RETURNED)
    assert evening.return_comment == "Шара күні қате"

    plural = capfirst(say(language, EthnoculturalAssociation._meta.verbose_name_plural))
    person.click(page.locator(".crumbs").get_by_role("link", name=person.say("Portal")))
    person.click(page.locator(".quick").get_by_role("link", name=plural, exact=True))
    page.locator("summary", has_text=person.say("Filters and search")).click()
    page.locator("input[name=search]").fill("татарский культурный")
    person.click(page.get_by_role("button", name=person.say("Show"), exact=True))
    found = page.locator("table.registry tbody tr")
    expect(found).to_have_count(1)
    name = {"kk": tatars.name_kk, "ru": tatars.name_ru, "en": tatars.name_en}[language]
    person.click(found.get_by_role("link", name=name))
    expect(page.locator("h1")).to_contain_text(name)

    person.menu("Admin")
    person.click(page.locator("#content-main").get_by_role("link", name=plural, exact=True))
    person.click(page.get_by_role("link", name=person.say("Export"), exact=True))
    page.locator("select[name=format]").select_option(label="csv")
    with page.expect_download() as download:
        page.get_by_role("button", name=person.say("Submit")).click()
    assert download.value.suggested_filename == f"{plural} {timezone.localdate():%Y-%m-%d}.csv"
    assert name in download.value.path().read_text(encoding="utf-8-sig")

    person.open(f"/admin/assembly/ethnoculturalassociation/{tatars.pk}/change/")
    person.click(page.locator("#content").get_by_role("link", name=person.say("History"), exact=True))
    changed = page.locator("tbody tr", has_text="+7 722 000 0010")
    expect(changed).to_have_count(1)
    expect(changed).to_contain_text(person.say("Changed"))
    expect(changed).to_contain_text("+7 722 000 0001")


@pytest.mark.parametrize(("screen", "language"), WALKS)
def test_a_mediator_opens_a_case_and_moves_it_on(walk, councils_world, screen, language):
    from playwright.sync_api import expect

    case = councils_world.case10
    person = walk(screen, language)
    page = person.page
    person.log_in("mediator-kz-10")
    person.menu("Portal")
    person.click(page.locator(".quick").get_by_role("link", name=person.say("Mediation cases")))
    person.click(page.get_by_role("link", name=case.reference_number))
    expect(page.locator("h1 .badge")).to_have_text(person.say(CaseStatus.RECEIVED.label))

    moved = person.say(CaseStatus.IN_MEDIATION.label)
    page.locator("select[name=status]").select_option(label=moved)
    person.click(page.get_by_role("button", name=person.say("Change status")))
    expect(page.locator("h1 .badge")).to_have_text(moved)
    expect(page.locator(".timeline")).to_contain_text(person.say("Status: %(status)s", status=moved))
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_MEDIATION


@pytest.mark.parametrize(("screen", "language"), WALKS)
def test_a_citizen_browses_the_front_page_the_calendar_a_region_and_a_directory(walk, reference, screen, language):
    from playwright.sync_api import expect

    make_event(
        title="Достық фестивалі",
        status="planned",
        start_date=timezone.localdate() + datetime.timedelta(days=3),
        verification=Verification.VERIFIED,
    )
    tatars = association("KZ-10", "Tatar cultural centre of Abai", ["Tatars"])
    association("KZ-10", "Korean centre of Abai", ["Koreans"])
    with translation.override(language):
        abai = Region.objects.get(pk="KZ-10").name
        group = EthnicGroup.objects.get(name_en="Tatars").name
        centre = tatars.name
    person = walk(screen, language)
    page = person.page
    person.open("/")
    tile = page.locator("svg.tilemap").get_by_role("link", name=re.compile(re.escape(abai)))
    expect(tile).to_have_count(1)

    person.menu("Calendar")
    expect(page.locator(".event-card")).to_contain_text("Достық фестивалі")
    expect(page.locator(".event-card")).to_contain_text(abai)

    person.click(page.locator("header .brand"))
    person.click(page.locator("svg.tilemap").get_by_role("link", name=re.compile(re.escape(abai))))
    expect(page.locator("h1")).to_have_text(abai)

    person.menu("Associations")
    page.locator("select[name=ethnic_group]").select_option(label=group)
    person.click(page.get_by_role("button", name=person.say("Show"), exact=True))
    expect(page.locator("h2").first).to_contain_text(group)
    expect(page.locator(".entry")).to_have_count(1)
    expect(page.locator(".entry")).to_contain_text(centre)
