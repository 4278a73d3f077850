"""Public directories of Houses of Friendship and associations: by region, phone-friendly, nothing personal."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assembly.models import AssociationActivity
from tests.assembly_factories import build_network

pytestmark = pytest.mark.django_db

SECRETS = ("uyghur19@example.kz", "+7 727 000 0019", "Abai street 1", "Leaderova", "leader@example.kz", "tatar10@")


@pytest.fixture
def network(reference):
    made = build_network()
    AssociationActivity.objects.create(
        association=made["uyghur_19"], kind="theatre", name_kk="Театр", name_ru="Театр", name_en="Uyghur theatre"
    )
    return made


def test_houses_directory_groups_by_region(client, network):
    response = client.get("/directory/houses-of-friendship/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Test House Konaev" in page and "Test House Semey" in page
    assert "House of Friendship of Turkistan Region" in page
    assert "Assembly centre of Uighur District" in page
    regions = [group["region"].name if group["region"] else None for group in response.context["groups"]]
    assert regions[0] is None  # republican Houses first, then the regions in alphabetical order
    assert regions[1:] == sorted(regions[1:])
    assert '<meta name="viewport"' in page
    assert "https://" not in page and "//cdn" not in page


def test_houses_directory_filters(client, network):
    page = client.get("/directory/houses-of-friendship/", {"region": "KZ-19", "kind": "regional"})
    houses = [house.name_en for group in page.context["groups"] for house in group["houses"]]
    assert sorted(houses) == ["House of Friendship of Almaty Region", "Test House Konaev"]
    konaev = next(h for g in page.context["groups"] for h in g["houses"] if h.name_en == "Test House Konaev")
    assert konaev.hosted_total == 1
    ignored = client.get("/directory/houses-of-friendship/", {"region": "KZ-99", "kind": "palace"})
    assert ignored.status_code == 200 and ignored.context["region"] == "" and ignored.context["kind"] == ""


def test_associations_directory_lists_regions_then_a_region(client, network):
    overview = client.get("/directory/associations/")
    assert overview.status_code == 200
    totals = {region.iso_code: region.association_total for region in overview.context["regions"]}
    assert totals["KZ-19"] == 4  # active, district, suspended, Korean; liquidated ones would not count
    assert totals["KZ-10"] == 1
    region = client.get("/directory/associations/", {"region": "KZ-19"})
    page = region.content.decode()
    assert "Uyghur Cultural Centre of Almaty Region" in page
    assert "Korean centre of Almaty Region" in page
    assert "Uyghur association of Almaty city" not in page
    assert "Uyghurs" in page and "theatre" in page
    for secret in SECRETS:
        assert secret not in page, secret


def test_associations_directory_by_ethnic_group(client, network):
    from assembly.models import EthnicGroup

    uyghurs = EthnicGroup.objects.get(name_en="Uyghurs")
    response = client.get("/directory/associations/", {"region": "KZ-19", "ethnic_group": uyghurs.pk})
    names = {association.name_en for association in response.context["associations"]}
    assert names == {
        "Uyghur Cultural Centre of Almaty Region",
        "Uyghur society of Uighur District",
        "Suspended Uyghur club",
    }


@pytest.mark.parametrize("language", ["kk", "kk-latn", "ru", "en"])
def test_directories_speak_three_languages(client, network, language):
    response = client.get("/directory/associations/", {"region": "KZ-19"}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


def test_directory_queries_do_not_grow_with_rows(client, network):
    with CaptureQueriesContext(connection) as captured:
        client.get("/directory/associations/", {"region": "KZ-19"})
    with CaptureQueriesContext(connection) as houses:
        client.get("/directory/houses-of-friendship/")
    assert len(captured) <= 10 and len(houses) <= 6


def test_choosing_only_an_ethnic_group_finds_its_associations_in_every_region(client, network):
    from assembly.models import EthnicGroup

    uyghurs = EthnicGroup.objects.get(name_en="Uyghurs")
    response = client.get("/directory/associations/", {"ethnic_group": uyghurs.pk})
    assert response.status_code == 200
    found = {association.name_en for association in response.context["associations"]}
    assert found == {
        "Uyghur Cultural Centre of Almaty Region",
        "Uyghur society of Uighur District",
        "Suspended Uyghur club",
        "Uyghur association of Almaty city",
    }
    sections = [section["region"].name for section in response.context["sections"]]
    assert sections == ["Almaty", "Almaty Region"]  # one heading per region, in alphabetical order
    page = response.content.decode()
    assert "Korean centre of Almaty Region" not in page and "Tatar centre of Abai" not in page
    assert 'href="/regions/KZ-75/"' in page
    for secret in SECRETS:
        assert secret not in page, secret


def option_texts(page, name):
    import re

    select = re.search(rf'<select name="{name}">(.*?)</select>', page, re.S).group(1)
    return [text.split(" (")[0] for text in re.findall(r'<option value="[^"]+"[^>]*>([^<]+)</option>', select)]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("kk", ["әзербайжандар", "кәрістер", "қазақтар", "немістер", "орыстар", "өзбектер", "ұйғырлар"]),
        ("ru", ["азербайджанцы", "казахи", "корейцы", "немцы", "русские", "узбеки", "уйгуры"]),
        ("en", ["Azerbaijanis", "Germans", "Kazakhs", "Koreans", "Russians", "Uyghurs", "Uzbeks"]),
    ],
)
def test_ethnic_groups_are_listed_in_the_alphabetical_order_of_the_readers_language(
    client, network, language, expected
):
    page = client.get("/directory/associations/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    groups = option_texts(page, "ethnic_group")
    assert [name for name in groups if name in expected] == expected


def test_regions_are_listed_by_name_without_the_word_for_region(client, network):
    kazakh = option_texts(client.get("/directory/associations/", HTTP_ACCEPT_LANGUAGE="kk").content.decode(), "region")
    assert kazakh[:5] == ["Абай облысы", "Ақмола облысы", "Ақтөбе облысы", "Алматы қаласы", "Алматы облысы"]
    assert kazakh.index("Ұлытау облысы") < kazakh.index("Шығыс Қазақстан облысы")
    russian = option_texts(client.get("/directory/associations/", HTTP_ACCEPT_LANGUAGE="ru").content.decode(), "region")
    assert russian[0] == "область Абай"  # under А, not under О
    assert russian.index("Туркестанская область") < russian.index("область Ұлытау") < russian.index("город Шымкент")
