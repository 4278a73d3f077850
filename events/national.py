"""The events' share of the national seed (see registry/national.py): 15,000 events a year over five years with
about 1,000,000 participants a year, spread over regions, months (with a seasonal shape) and kinds."""

import datetime
import math

from assembly.national import THEMES, RegionalPart
from events.models import Event, EventKind, EventStatus, Source, Verification
from registry.national import FIGURES, NATIONAL_MARK, YEARS, insert, weighted

EVENT_NOTE = f"{NATIONAL_MARK} — демонстрациялық жазба / демонстрационная запись / demo record"
# More in spring and autumn, a dip in January and in the August holidays; Nauryz and Unity Day (1 May) lift March
# and May.
MONTH_WEIGHTS = [5, 7, 11, 9, 11, 9, 8, 6, 10, 9, 8, 7]
# Each kind of event: how often it happens (a weight) and its title in the three languages (kk, ru, en) with a
# theme slot.
KINDS = {
    EventKind.FORUM: (5, ("«{kk}» форумы", "Форум «{ru}»", "Forum “{en}”")),
    EventKind.FESTIVAL: (10, ("«{kk}» фестивалі", "Фестиваль «{ru}»", "Festival “{en}”")),
    EventKind.SPORTS: (9, ("«{kk}» спорт жарысы", "Спортивные состязания «{ru}»", "Sports games “{en}”")),
    EventKind.THEATRE: (6, ("«{kk}» спектаклі", "Спектакль «{ru}»", "Performance “{en}”")),
    EventKind.CREATIVE_EVENING: (
        12,
        ("«{kk}» шығармашылық кеші", "Творческий вечер «{ru}»", "Creative evening “{en}”"),
    ),
    EventKind.EXPEDITION: (2, ("«{kk}» экспедициясы", "Экспедиция «{ru}»", "Expedition “{en}”")),
    EventKind.YOUTH_CAMP: (3, ("«{kk}» жастар лагері", "Молодёжный лагерь «{ru}»", "Youth camp “{en}”")),
    EventKind.ROUND_TABLE: (14, ("«{kk}» дөңгелек үстелі", "Круглый стол «{ru}»", "Round table “{en}”")),
    EventKind.CHARITY: (10, ("«{kk}» қайырымдылық акциясы", "Благотворительная акция «{ru}»", "Charity drive “{en}”")),
    EventKind.VOLUNTEER_ACTION: (
        9,
        ("«{kk}» еріктілер акциясы", "Волонтёрская акция «{ru}»", "Volunteer action “{en}”"),
    ),
    EventKind.TRAINING: (8, ("«{kk}» семинары", "Семинар «{ru}»", "Seminar “{en}”")),
    EventKind.EXHIBITION: (6, ("«{kk}» көрмесі", "Выставка «{ru}»", "Exhibition “{en}”")),
    EventKind.OTHER: (6, ("«{kk}» кездесуі", "Встреча «{ru}»", "Meeting “{en}”")),
}
KIND_WEIGHTS = {kind: weight for kind, (weight, _titles) in KINDS.items()}
KIND_TITLES = {kind: titles for kind, (_weight, titles) in KINDS.items()}
TITLE_LANGUAGES = (("kk", 50), ("ru", 42), ("en", 8))


class EventPart(RegionalPart):
    def make_plan(self):
        for year in YEARS:
            in_year = Event.objects.filter(start_date__year=year)
            self.want_rows(f"events_{year}", f"events {year}", in_year, {"description": EVENT_NOTE}, "events_per_year")

    def events(self, year):
        key = f"events_{year}"
        label, have, missing, rng = self.todo(key)
        if not missing:
            return 0
        month_weights = dict(enumerate(MONTH_WEIGHTS, start=1))
        kinds = KIND_WEIGHTS
        mean = FIGURES["participants_per_year"] / FIGURES["events_per_year"]
        # A log-normal with sigma 0.9 has mean exp(mu + sigma²/2): most events are small, a few are large.
        sigma = 0.9
        mu = math.log(mean) - sigma * sigma / 2
        today = datetime.date.today()
        rows = []
        for number in range(have, have + missing):
            iso, district = self.region_and_district(rng)
            month = weighted(rng, month_weights)
            day = rng.randint(1, 28)
            start = datetime.date(year, month, day)
            length = 0 if rng.random() < 0.85 else rng.randint(1, 4)
            kind = weighted(rng, kinds)
            theme = rng.choice(THEMES)
            titles = [template.format(kk=theme[0], ru=theme[1], en=theme[2]) for template in KIND_TITLES[kind]]
            language = weighted(rng, dict(TITLE_LANGUAGES))
            title = titles[("kk", "ru", "en").index(language)]
            held = start <= today
            participants = max(5, int(rng.lognormvariate(mu, sigma)))
            rows.append(
                Event(
                    title=f"{title} № {number + 1}",
                    title_kk=titles[0],
                    title_ru=titles[1],
                    title_en=titles[2],
                    kind=kind,
                    status=EventStatus.HELD if held else EventStatus.PLANNED,
                    start_date=start,
                    end_date=start + datetime.timedelta(days=length),
                    region_id=iso,
                    district_id=district,
                    venue="",
                    organizer_id=self.assemblies.get(iso),
                    participants_count=participants,
                    volunteers_count=rng.randint(0, 30) if rng.random() < 0.6 else None,
                    beneficiaries_count=rng.randint(10, 300) if kind == EventKind.CHARITY else None,
                    funds_raised_kzt=rng.randint(50, 5000) * 1000 if kind == EventKind.CHARITY else None,
                    languages=["kk", "ru"] if rng.random() < 0.8 else ["kk"],
                    description=EVENT_NOTE,
                    is_public=True,
                    verification=Verification.VERIFIED if held and rng.random() < 0.9 else Verification.SUBMITTED,
                    source=Source.DEMO,
                )
            )
        insert(Event, rows, self.progress, label, (have, have + missing))
        return missing

    def run(self):
        return {f"events {year}": self.events(year) for year in YEARS}


PARTS = (EventPart,)
