"""The world the portal's registry pages are tested in: records of each registry in two coordinators' regions."""

from assembly.models import BodyKind, Level
from councils.models import Council
from tests.assembly_factories import build_network, house

ROLES = [None, "reader", "mediator-kz-10", "coord-kz-75", "coord-kz-10", "secretariat"]
WRITERS_OF_KZ_10 = {"coord-kz-10", "secretariat"}


def council(region, en, **values):
    values.setdefault("kind", BodyKind.COUNCIL_OF_MOTHERS)
    values.setdefault("level", Level.REGIONAL if region else Level.REPUBLICAN)
    return Council.objects.create(region_id=region, name_en=en, name_ru=f"{en} ru", name_kk=f"{en} kk", **values)


def make_world():
    """Build the world; the signed-in users come from the `users` fixture, which the tests ask for first."""
    data = build_network()
    data["council_10"] = council("KZ-10", "Abai Council of Mothers")
    data["council_75"] = council("KZ-75", "Almaty Council of Elders", kind=BodyKind.COUNCIL_OF_ELDERS)
    data["council_national"] = council(None, "Republican Council of Mothers")
    data["house_75"] = house("KZ-75", "Test House Almaty")
    # one record of each registry in each of the two coordinators' regions
    data["records"] = {
        "associations": (data["abai_tatar"], data["uyghur_75"]),
        "houses-of-friendship": (data["house_10"], data["house_75"]),
        "councils": (data["council_10"], data["council_75"]),
    }
    return data
