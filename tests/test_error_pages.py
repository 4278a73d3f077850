"""The 403, 404 and 500 pages: the site's own, in the visitor's language, with a way back; the 500 page needs neither
the request's context nor the database. And the site's icon."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory, override_settings
from django.urls import path
from django.utils import translation
from django.views import defaults

from config.urls import urlpatterns as site_urlpatterns

HEADINGS = {
    404: {"kk": "Бет табылмады", "ru": "Страница не найдена", "en": "Page not found"},
    403: {"kk": "Қол жеткізу жоқ", "ru": "Доступ запрещён", "en": "Access denied"},
    500: {"kk": "Бірдеңе дұрыс болмады", "ru": "Что-то пошло не так", "en": "Something went wrong"},
}
FRONT_PAGE = {"kk": "Басты бетке өту", "ru": "На главную страницу", "en": "Go to the front page"}
LANGUAGES = ["kk", "ru", "en"]


def fails(request):
    raise RuntimeError("a fault in a view")


def refuses(request):
    raise PermissionDenied


# The site's URLs and two that fail, for the tests below (ROOT_URLCONF = this module).
urlpatterns = [*site_urlpatterns, path("fails/", fails), path("refuses/", refuses)]
production = override_settings(DEBUG=False, ROOT_URLCONF=__name__)


def assert_error_page(response, status, language):
    page = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}">' in page
    assert f"<h1>{HEADINGS[status][language]}</h1>" in page
    assert f'<a class="button" href="/">{FRONT_PAGE[language]}</a>' in page
    assert "/static/favicon.svg" in page
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@production
def test_an_unknown_address_gets_the_not_found_page_in_the_visitors_language(language):
    page = assert_error_page(Client(HTTP_ACCEPT_LANGUAGE=language).get("/no-such-page/"), 404, language)
    assert 'href="/portal/login/"' in page  # anonymous: a way to sign in


@pytest.mark.parametrize("language", LANGUAGES)
@production
def test_a_refused_page_gets_the_access_denied_page_with_the_reason_and_a_way_back(language, users):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(users["reader"])
    page = assert_error_page(client.get("/portal/events/new/"), 403, language)
    assert 'href="/portal/"' in page  # signed in: back to the portal
    with translation.override(language):
        assert str(translation.gettext("Your role cannot log events.")) in page
    assert_error_page(client.get("/refuses/"), 403, language)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@production
def test_a_fault_gets_the_server_error_page_in_the_visitors_language(language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language, raise_request_exception=False)
    page = assert_error_page(client.get("/fails/"), 500, language)
    assert 'href="/portal/"' in page
    assert "a fault in a view" not in page  # nothing of the fault is shown


@pytest.mark.parametrize("language", LANGUAGES)
@production
def test_the_server_error_page_renders_without_a_request_context_or_the_database(language):
    # No django_db mark: any query here fails the test.
    with translation.override(language):
        response = defaults.server_error(RequestFactory().get("/anything/"))
    assert_error_page(response, 500, language)


@pytest.mark.django_db
def test_favicon_ico_leads_to_the_sites_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/favicon.svg"
    home = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in home
