"""What the assembly API tests share: the world they read (on top of `reference` and `users`), the rows of a
response, and the payloads of new network records."""

from django.utils import timezone

from assembly.models import AssociationActivity, Award, AwardPresentation, EthnicGroup, Identifier, Session
from tests.assembly_factories import (
    build_deputy_chairmen,
    build_instructions,
    build_network,
    make_bin,
    person,
)


def build_api_world():
    """The network, the instructions, the deputy chairmen, two persons with contacts, an activity, a BIN and an
    award presented; the records by name."""
    made = build_network()
    made.update(build_instructions())
    made["deputies"] = build_deputy_chairmen()
    made["abai_person"] = person("Abaieva", "KZ-10", email="abai.person@example.kz", phone="+7 722 000 0010")
    made["almaty_person"] = person("Almatova", "KZ-75", email="almaty.person@example.kz", address="Almaty, Dostyk 5")
    AssociationActivity.objects.create(
        association=made["uyghur_19"], kind="media_outlet", language="ug", name_kk="a", name_ru="b", name_en="Paper"
    )
    Identifier.objects.create(body=made["uyghur_19"], scheme="bin", value=made["uyghur_19"].bin)
    award = Award.objects.get()
    AwardPresentation.objects.create(award=award, person=made["abai_person"], session=Session.objects.get(number=34))
    return made


def ensure_progress_report(data):
    from assembly.models import ProgressReport

    if not ProgressReport.objects.exists():
        ProgressReport.objects.create(
            instruction=data["overdue"], reported_on=timezone.localdate(), progress_percent=40, text_en="Half way"
        )


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def ids(response):
    return {row["id"] for row in results(response)}


def new_association(data, region="KZ-10"):
    return {
        "names": {"kk": "Жаңа бірлестік", "ru": "Новое объединение", "en": "New association"},
        "region": region,
        "level": "regional",
        "ethnic_groups": [EthnicGroup.objects.get(name_en="Germans").pk],
        "bin": make_bin(77),
        "registered_on": "2015-03-01",
        "email": "new@example.kz",
    }


def new_house(data, region="KZ-10"):
    return {
        "names": {"kk": "Жаңа Достық үйі", "ru": "Новый Дом дружбы", "en": "New House of Friendship"},
        "region": region,
        "kind": "city",
        "address": "Semey, Abai street 10",
        "opened_on": "2019-09-01",
        "capacity": 250,
    }


def new_activity(data, region="KZ-10"):
    target = data["abai_tatar"] if region == "KZ-10" else data["uyghur_75"]
    return {
        "association": target.pk,
        "kind": "language_school",
        "language": "tt",
        "names": {"kk": "Жексенбі мектебі", "ru": "Воскресная школа", "en": "Sunday school"},
    }
