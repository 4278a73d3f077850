"""Mediation's share of the national seed (see registry/national.py): the regional offices, their mediators and
the cases of each year."""

import datetime

from assembly.models import BodyKind, Level
from assembly.national import RegionalPart, insert_bodies
from mediation.models import CaseCategory, CaseStatus, MediationCase, MediationOffice, Mediator
from registry.national import MEDIATION_OFFICES, NATIONAL_MARK, YEARS, insert, weighted


class MediationPart(RegionalPart):
    def make_plan(self):
        national = {"description_en__startswith": NATIONAL_MARK}
        offices = MediationOffice.objects.filter(level=Level.REGIONAL, archived_at__isnull=True)
        self.want_rows("offices", "mediation offices", offices, national, MEDIATION_OFFICES)
        mediators = Mediator.objects.filter(archived_at__isnull=True)
        self.want_rows("mediators", "mediators", mediators, {"person__biography_en": NATIONAL_MARK}, "mediators")
        for year in YEARS:
            cases = MediationCase.objects.filter(received_on__year=year)
            demo = {"reference_number__startswith": "DEMO-"}
            self.want_rows(f"cases_{year}", f"mediation cases {year}", cases, demo, "cases_per_year")

    def offices(self):
        label, have, _want, missing = self.plan["offices"]
        if not missing:
            return 0
        served = set(MediationOffice.objects.filter(level=Level.REGIONAL).values_list("region_id", flat=True))
        bodies, extras = [], []
        for iso, region in self.regions.items():
            if iso in served or len(bodies) >= missing:
                continue
            bodies.append(
                self.body(
                    BodyKind.MEDIATION_OFFICE,
                    Level.REGIONAL,
                    iso,
                    None,
                    f"{region.name_kk}: медиация кабинеті",
                    f"Кабинет медиации: {region.name_ru}",
                    f"Mediation office, {region.name_en}",
                )
            )
            extras.append({"address": f"{region.centre_en} (demo)"})
        insert_bodies(MediationOffice, bodies, extras, self.progress, label, (have, have + len(bodies)))
        return len(bodies)

    def mediators(self):
        if not self.plan["mediators"][3]:
            return 0
        offices = list(MediationOffice.objects.filter(archived_at__isnull=True).values_list("id", "region_id"))

        def post(rng, person_id, office_id):
            return Mediator(
                person_id=person_id,
                office_id=office_id,
                certified_on=datetime.date(rng.randint(2012, 2025), rng.randint(1, 12), 1),
                languages=["kk", "ru"],
            )

        return self.insert_people("mediators", lambda _rng, number: offices[number % len(offices)], post)

    def cases(self, year):
        key = f"cases_{year}"
        label, have, missing, rng = self.todo(key)
        if not missing:
            return 0
        offices = list(
            MediationOffice.objects.filter(archived_at__isnull=True, region__isnull=False).values_list(
                "id", "region_id"
            )
        )
        weights = {office: self.region_weights.get(iso, 500) for office, iso in offices}
        regions = dict(offices)
        categories = {
            CaseCategory.FAMILY: 30,
            CaseCategory.NEIGHBOURS: 25,
            CaseCategory.PROPERTY: 20,
            CaseCategory.LABOUR: 12,
            CaseCategory.INTERETHNIC: 3,
            CaseCategory.RELIGIOUS: 2,
            CaseCategory.OTHER: 8,
        }
        closed = {
            CaseStatus.AGREEMENT: 70,
            CaseStatus.NO_AGREEMENT: 15,
            CaseStatus.REFERRED_TO_COURT: 8,
            CaseStatus.WITHDRAWN: 7,
        }
        today = datetime.date.today()
        rows = []
        for number in range(have, have + missing):
            office = weighted(rng, weights)
            received = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
            closed_on = received + datetime.timedelta(days=rng.randint(5, 60))
            is_closed = closed_on < today
            status = weighted(rng, closed) if is_closed else CaseStatus.IN_MEDIATION
            rows.append(
                MediationCase(
                    reference_number=f"DEMO-{regions[office]}/{year}/{number + 1:05d}",
                    office_id=office,
                    received_on=received,
                    category=weighted(rng, categories),
                    parties_count=2 if rng.random() < 0.9 else 3,
                    languages=["kk", "ru"] if rng.random() < 0.6 else ["ru"],
                    status=status,
                    closed_on=closed_on if is_closed else None,
                    outcome_summary=f"{NATIONAL_MARK}: {CaseStatus(status).label}" if is_closed else "",
                )
            )
        insert(MediationCase, rows, self.progress, label, (have, have + missing))
        return missing

    def run(self):
        made = {"mediation offices": self.offices(), "mediators": self.mediators()}
        for year in YEARS:
            made[f"mediation cases {year}"] = self.cases(year)
        return made


PARTS = (MediationPart,)
