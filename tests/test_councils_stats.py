"""Public statistics: mediation cases and mothers' homes, with small counts withheld and not derivable."""

import random
from fractions import Fraction

import pytest
from django.utils import timezone

from councils.models import MothersHome
from mediation import stats
from mediation.models import CaseStatus, MediationCase
from registry.disclosure import protect
from tests.councils_world import ROLES, for_every_role

pytestmark = pytest.mark.django_db


# -- a checker independent of the algorithm: can a withheld value be computed from the published ones? ----------
def rank(rows):
    rows = [list(row) for row in rows]
    result, column_count = 0, len(rows[0]) if rows else 0
    for column in range(column_count):
        pivot = next((i for i in range(result, len(rows)) if rows[i][column] != 0), None)
        if pivot is None:
            continue
        rows[result], rows[pivot] = rows[pivot], rows[result]
        for i in range(len(rows)):
            if i != result and rows[i][column] != 0:
                factor = Fraction(rows[i][column], rows[result][column])
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[result], strict=True)]
        result += 1
    return result


def determined(relations, hidden):
    """The withheld keys whose value follows by linear algebra from the equations `total = sum(parts)`."""
    unknowns = sorted(hidden, key=str)
    index = {key: i for i, key in enumerate(unknowns)}
    equations = []
    for total, parts in relations:
        row = [0] * len(unknowns)
        if total in index:
            row[index[total]] += 1
        for part in parts:
            if part in index:
                row[index[part]] -= 1
        if any(row):
            equations.append(row)
    if not equations:
        return set()
    base = rank(equations)
    found = set()
    for key in unknowns:
        probe = [0] * len(unknowns)
        probe[index[key]] = 1
        if rank([*equations, probe]) == base:
            found.add(key)
    return found


def tree(rng, regions=6, categories=7, outcomes=5):
    """A random table shaped like the mediation statistics of one year, with many small counts."""
    values, relations, totals = {}, [], []
    for region in range(regions):
        cube = [[rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 14]) for _ in range(outcomes)] for _ in range(categories)]
        total = ("total", region)
        values[total] = sum(map(sum, cube))
        totals.append(total)
        category_parts = [("category", region, c) for c in range(categories)]
        outcome_parts = [("outcome", region, o) for o in range(outcomes)]
        for c, key in enumerate(category_parts):
            values[key] = sum(cube[c])
        for o, key in enumerate(outcome_parts):
            values[key] = sum(row[o] for row in cube)
        relations += [(total, category_parts), (total, outcome_parts)]
    values["national"] = sum(values[key] for key in totals)
    relations.append(("national", totals))
    return values, relations


@pytest.mark.parametrize("seed", range(40))
def test_protect_leaves_no_withheld_count_derivable(seed):
    rng = random.Random(seed)
    values, relations = tree(rng, regions=rng.randint(2, 6))
    primary = {key for key, value in values.items() if value < stats.THRESHOLD}
    hidden = protect(values, relations, primary, band=stats.THRESHOLD - 1)
    assert primary <= hidden
    assert determined(relations, hidden) == set()
    for total, parts in relations:
        members = [total, *parts]
        assert sum(key in hidden for key in members) != 1


def test_protect_completes_a_lone_small_cell_and_the_all_at_maximum_case():
    values = {"t": 21, "a": 5, "b": 5, "c": 6, "d": 1}
    hidden = protect(values, [("t", ["a", "b", "c", "d"])], {"d"}, band=4)
    assert hidden == {"d", "a"}  # the smallest published part goes with it
    # Two "<5" parts that must add up to 8 would both have to be 4: one more part is withheld.
    values = {"t": 20, "a": 12, "b": 4, "c": 4}
    hidden = protect(values, [("t", ["a", "b", "c"])], {"b", "c"}, band=4)
    assert hidden == {"a", "b", "c"}
    # A part whose value is known some other way cannot serve as the complement: the total goes instead.
    values = {"t": 9, "a": 0, "b": 9}
    assert protect(values, [("t", ["a", "b"])], {"b"}, eligible=lambda key: values[key] > 0) == {"b", "t"}


def add_cases(office, count, category, status, received):
    closing = None if status in (CaseStatus.RECEIVED, CaseStatus.IN_MEDIATION) else received
    MediationCase.objects.bulk_create(
        [
            MediationCase(
                office=office,
                reference_number=f"T-{office.pk}-{category[:5]}-{status[:6]}-{n}",
                received_on=received,
                category=category,
                status=status,
                closed_on=closing,
            )
            for n in range(count)
        ]
    )


def test_mediation_statistics_are_public_and_withhold_small_counts(api, councils_world):
    day = timezone.localdate().replace(month=1, day=1)
    office = councils_world.office10
    # Abai this year: 21 more cases — family 20 (5 per outcome but withdrawn), 1 interethnic case withdrawn.
    for status in (CaseStatus.RECEIVED, CaseStatus.AGREEMENT, CaseStatus.NO_AGREEMENT, CaseStatus.REFERRED_TO_COURT):
        add_cases(office, 5, "family", status, day)
    add_cases(office, 1, "interethnic", CaseStatus.WITHDRAWN, day)
    for role in ROLES:
        check_mediation_statistics(api, councils_world, role, day)


def check_mediation_statistics(api, councils_world, role, day):
    response = api(role).get("/api/v1/stats/mediation/", {"year": day.year})
    assert response.status_code == 200
    body = response.json()
    assert body["threshold"] == 5
    cells = {(row["scope"], row["region"], row["dimension"], row["value"]): row for row in body["results"]}
    for row in body["results"]:
        assert row["count"] is None or row["count"] >= 5, row
        assert (row["count"] is None) == (row["display"] in ("<5", "withheld"))
    # Abai: 21 cases and the world's own (open) case if it came in this year, so its total is published …
    this_year = {
        case: int(case.received_on.year == day.year) for case in (councils_world.case10, councils_world.case75)
    }
    assert cells["region", "KZ-10", "total", ""]["count"] == 21 + this_year[councils_world.case10]
    # … the lone interethnic case and the lone withdrawn outcome are hidden …
    assert cells["region", "KZ-10", "category", "interethnic"]["display"] == "<5"
    assert cells["region", "KZ-10", "outcome", "withdrawn"]["display"] == "<5"
    # … and with it a complementary outcome, so 22 minus the published outcomes leaves two unknowns, not one.
    outcomes = [row for key, row in cells.items() if key[:3] == ("region", "KZ-10", "outcome")]
    assert sum(row["count"] is None for row in outcomes) >= 2
    # Almaty and the Institute have a case or none: every cell of theirs is withheld; so is the national total's
    # complement among the offices.
    assert all(row["count"] is None for key, row in cells.items() if key[1] == "KZ-75")
    national = cells["national", None, "total", ""]
    hidden_offices = [
        row for key, row in cells.items() if key[2] == "total" and key[0] != "national" and row["count"] is None
    ]
    assert national["count"] == 21 + sum(this_year.values())
    assert len(hidden_offices) >= 2
    assert "SECRET" not in response.content.decode()
    csv = api(role).get("/api/v1/stats/mediation/", {"format": "csv", "region": "KZ-10"})
    assert csv.status_code == 200
    assert "<5" in csv.content.decode()


def test_mediation_statistics_filters_pick_rows_only(api, councils_world):
    everything = api(None).get("/api/v1/stats/mediation/").json()["results"]
    abai = api(None).get("/api/v1/stats/mediation/", {"region": "KZ-10"}).json()["results"]
    assert abai == [row for row in everything if row["region"] == "KZ-10"]
    totals = api(None).get("/api/v1/stats/mediation/", {"dimension": "total"}).json()["results"]
    assert totals == [row for row in everything if row["dimension"] == "total"]
    assert api(None).get("/api/v1/stats/mediation/", {"year": "last"}).status_code == 400
    assert api(None).get("/api/v1/stats/mediation/", {"year": 1990}).json()["results"] == []


MOTHERS_HOMES_SEEN = {
    "secretariat": {"SECRET-HOME-Abai", "SECRET-HOME-Almaty"},
    "coord-kz-10": {"SECRET-HOME-Abai"},
    "coord-kz-75": {"SECRET-HOME-Almaty"},
}


def check_mothers_homes_are_confidential_per_home(api, councils_world, role):
    client = api(role)
    seen = MOTHERS_HOMES_SEEN.get(role, set())
    for query in ({}, {"format": "csv"}, {"search": "SECRET"}, {"region": "KZ-75"}, {"archived": "include"}):
        response = client.get("/api/v1/mothers-homes/", query)
        if role is None:
            assert response.status_code == 401
            continue
        assert response.status_code == 200
        text = response.content.decode()
        for name in {"SECRET-HOME-Abai", "SECRET-HOME-Almaty"} - seen:
            assert name not in text, (query, name)
    for home in (councils_world.home_abai, councils_world.home_almaty):
        detail = client.get(f"/api/v1/mothers-homes/{home.pk}/")
        expected = 401 if role is None else (200 if home.name_en in seen else 404)
        assert detail.status_code == expected
    history = client.get(f"/api/v1/mothers-homes/{councils_world.home_abai.pk}/history/")
    assert history.status_code == (200 if role == "secretariat" else 401 if role is None else 403)


def check_coordinators_keep_their_regions_homes_within_capacity(api, councils_world, role):
    data = {"names": {"kk": "Үй", "ru": "Дом", "en": "New home"}, "region": "KZ-10", "capacity": 10, "occupancy": 4}
    response = api(role).post("/api/v1/mothers-homes/", data, format="json")
    if role in ("secretariat", "coord-kz-10"):
        assert response.status_code == 201, response.content
        assert response.json()["free_places"] == 6
        full = api(role).patch(f"/api/v1/mothers-homes/{response.json()['id']}/", {"occupancy": 11}, format="json")
        assert full.status_code == 400
        assert "occupancy" in full.json()
    elif role == "coord-kz-75":
        assert response.status_code == 400
        assert "region" in response.json()
    else:
        assert response.status_code == (401 if role is None else 403)


def test_mothers_home_statistics_show_regions_only_where_no_home_stands_out(api, councils_world):
    for number in range(3):
        MothersHome.objects.create(
            region_id="KZ-71",
            capacity=10 + number,
            occupancy=number,
            name_kk="ү",
            name_ru="д",
            name_en=f"Astana {number}",
        )
    for role in ROLES:
        check_mothers_home_statistics(api, role)


def check_mothers_home_statistics(api, role):
    response = api(role).get("/api/v1/stats/mothers-homes/")
    assert response.status_code == 200
    body = response.json()
    regions = {row["region"]: row for row in body["results"]}
    assert body["minimum_homes"] == 3
    assert regions["KZ-71"]["homes"] == 3 and regions["KZ-71"]["capacity"] == 33 and regions["KZ-71"]["occupancy"] == 3
    # Abai and Almaty have one home each: their figures would be the homes' own, so both are withheld.
    for code in ("KZ-10", "KZ-75"):
        assert regions[code]["homes"] == 1
        assert regions[code]["capacity"] is None and regions[code]["occupancy"] is None
    assert regions[None]["capacity"] == 33 + 20 + 30
    assert regions["KZ-11"] == {
        "scope": "region",
        "region": "KZ-11",
        "homes": 0,
        "capacity": 0,
        "occupancy": 0,
        "display": "",
    }
    assert "SECRET" not in response.content.decode()


def test_a_lone_withheld_region_gets_a_complement(api, councils_world):
    councils_world.home_almaty.archive()
    for number in range(3):
        MothersHome.objects.create(
            region_id="KZ-71", capacity=10, occupancy=1, name_kk="ү", name_ru="д", name_en=f"Astana {number}"
        )
    regions = {row["region"]: row for row in api(None).get("/api/v1/stats/mothers-homes/").json()["results"]}
    # Only Abai would be withheld, and the national sum minus Astana would give its home away: Astana goes too.
    assert regions["KZ-10"]["capacity"] is None
    assert regions["KZ-71"]["capacity"] is None
    assert regions[None]["capacity"] == 50


test_mothers_homes_are_confidential_per_home = for_every_role(check_mothers_homes_are_confidential_per_home)
test_coordinators_keep_their_regions_homes_within_capacity = for_every_role(
    check_coordinators_keep_their_regions_homes_within_capacity
)
