"""The councils' share of the national seed (see registry/national.py): councils of elders and of mothers, their
members, and the Assembly of Youth's members."""

import datetime

from assembly.models import BodyKind, Level, Membership, MembershipRole
from assembly.national import RegionalPart, insert_bodies
from councils.models import Council
from registry.national import NATIONAL_MARK, weighted


class CouncilPart(RegionalPart):
    def make_plan(self):
        national = {"description_en__startswith": NATIONAL_MARK}
        for key, kind, figure in (
            ("elders_councils", BodyKind.COUNCIL_OF_ELDERS, "councils_of_elders"),
            ("mothers_councils", BodyKind.COUNCIL_OF_MOTHERS, "councils_of_mothers"),
        ):
            councils = Council.objects.filter(kind=kind, archived_at__isnull=True)
            self.want_rows(key, key.replace("_", " "), councils, national, figure)
        for key, kind, figure in (
            ("elders", BodyKind.COUNCIL_OF_ELDERS, "elders"),
            ("mothers", BodyKind.COUNCIL_OF_MOTHERS, "mothers"),
            ("youth", BodyKind.YOUTH_ASSEMBLY, "youth"),
        ):
            members = Membership.objects.filter(body__kind=kind, archived_at__isnull=True)
            self.want_rows(key, f"{key} (members)", members, {"note": NATIONAL_MARK}, figure)

    def councils(self, key, kind, words):
        label, have, missing, rng = self.todo(key)
        if not missing:
            return 0
        bodies, extras = [], []
        for number in range(have, have + missing):
            iso, district = self.region_and_district(rng, 0.9)
            bodies.append(
                self.body(
                    kind,
                    Level.LOCAL if district else Level.REGIONAL,
                    iso,
                    district,
                    f"{words[0]} № {number + 1}",
                    f"{words[1]} № {number + 1}",
                    f"{words[2]} No. {number + 1}",
                )
            )
            extras.append({})
        insert_bodies(Council, bodies, extras, self.progress, label, (have, have + missing))
        return missing

    def members(self, key, kind):
        """Members spread over the councils of that kind (the youth over the Assembly of Youth's councils)."""
        if not self.plan[key][3]:
            return 0
        councils = list(Council.objects.filter(kind=kind, archived_at__isnull=True).values_list("id", "region_id"))
        if not councils:
            councils = (
                [(body.pk, body.region_id) for body in self.youth_councils()] if kind == BodyKind.YOUTH_ASSEMBLY else []
            )
        if not councils:
            return 0

        def home(rng, _number):
            council_id, iso = rng.choice(councils)
            return council_id, iso or weighted(rng, self.region_weights)

        def membership(rng, person_id, council_id):
            return Membership(
                person_id=person_id,
                body_id=council_id,
                role=MembershipRole.MEMBER,
                start_date=datetime.date(rng.randint(2015, 2025), rng.randint(1, 12), 1),
                note=NATIONAL_MARK,
            )

        return self.insert_people(key, home, membership)

    def youth_councils(self):
        """The Assembly of Youth in each region (created once, as demo councils)."""
        existing = {
            region: pk
            for pk, region in Council.objects.filter(kind=BodyKind.YOUTH_ASSEMBLY, level=Level.REGIONAL).values_list(
                "id", "region_id"
            )
        }
        bodies, extras = [], []
        for iso, region in self.regions.items():
            if iso in existing:
                continue
            bodies.append(
                self.body(
                    BodyKind.YOUTH_ASSEMBLY,
                    Level.REGIONAL,
                    iso,
                    None,
                    f"{region.name_kk}: Жастар ассамблеясы",
                    f"Ассамблея молодёжи: {region.name_ru}",
                    f"Assembly of Youth, {region.name_en}",
                )
            )
            extras.append({"wing": ""})
        insert_bodies(Council, bodies, extras, self.progress, "Assembly of Youth", (0, len(bodies)))
        return list(Council.objects.filter(kind=BodyKind.YOUTH_ASSEMBLY, level=Level.REGIONAL))

    def run(self):
        return {
            "councils of elders": self.councils(
                "elders_councils",
                BodyKind.COUNCIL_OF_ELDERS,
                ("Ақсақалдар кеңесі", "Совет старейшин", "Council of Elders"),
            ),
            "councils of mothers": self.councils(
                "mothers_councils",
                BodyKind.COUNCIL_OF_MOTHERS,
                ("Аналар кеңесі", "Совет матерей", "Council of Mothers"),
            ),
            "elders": self.members("elders", BodyKind.COUNCIL_OF_ELDERS),
            "mothers": self.members("mothers", BodyKind.COUNCIL_OF_MOTHERS),
            "Assembly of Youth members": self.members("youth", BodyKind.YOUTH_ASSEMBLY),
        }


PARTS = (CouncilPart,)
