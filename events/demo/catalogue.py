"""What the demo events are made of: the years, the programmes, titles, kinds and their weights, sizes of the
crowds, languages and the secretariat's return comments."""

import datetime

from events.models import EventKind

DEMO_NOTE = "DEMO — демонстрациялық жазба / демонстрационная запись / demo record"
YEARS = (2023, 2024, 2025, 2026)
EVENTS_PER_REGION_YEAR = 38

PROGRAMMES = [
    {
        "code": "anniversary-30",
        "name_kk": "Қазақстан халқы Ассамблеясының 30 жылдығына арналған іс-шаралар жоспары",
        "name_ru": "План мероприятий к 30-летию Ассамблеи народа Казахстана",
        "name_en": "Plan of events for the 30th anniversary of the Assembly",
        "start_date": datetime.date(2025, 1, 1),
        "end_date": datetime.date(2025, 12, 31),
        "target_events": 400,
    },
    {
        "code": "heart-to-heart-2024",
        "name_kk": "«Жүректен жүрекке» — су тасқынынан зардап шеккендерге көмек",
        "name_ru": "«От сердца к сердцу» — помощь пострадавшим от паводков",
        "name_en": "Heart to Heart (Zhurekten Zhurekke): flood relief",
        "start_date": datetime.date(2024, 3, 25),
        "end_date": datetime.date(2024, 6, 30),
        "target_volunteers": 12000,
    },
    {
        "code": "reconciliation-accord",
        "name_kk": "«Елдесу және татуласу» жобасы",
        "name_ru": "Проект «Примирение и согласие»",
        "name_en": "Reconciliation and Accord (Eldesu zhane Tatulasu)",
        "start_date": datetime.date(2023, 1, 1),
        "end_date": datetime.date(2026, 12, 31),
        "target_events": 300,
        "target_participants": 15000,
    },
    {
        "code": "working-professions-2025",
        "name_kk": "Жұмысшы мамандықтары жылы",
        "name_ru": "Год рабочих профессий",
        "name_en": "Year of Working Professions",
        "start_date": datetime.date(2025, 1, 1),
        "end_date": datetime.date(2025, 12, 31),
        "target_events": 60,
        "target_participants": 20000,
    },
    {
        "code": "jomart-jan-2025q1",
        "name_kk": "«Жомарт жан» қайырымдылық бағдарламасы (Абай облысы)",
        "name_ru": "Благотворительная программа «Жомарт жан» (область Абай)",
        "name_en": "Jomart Jan charity programme (Abai region)",
        "start_date": datetime.date(2025, 1, 1),
        "end_date": datetime.date(2025, 3, 31),
        "region_id": "KZ-10",
        "target_events": 32,
        "target_beneficiaries": 470,
        "target_funds_kzt": 2600718,
    },
]

TITLES = {
    EventKind.FORUM: [
        "«Бірлік» жастар форумы",
        "Форум этнокультурных объединений",
        "Достық форумы",
        "Форум «Қоғамдық келісім»",
    ],
    EventKind.FESTIVAL: [
        "«Достық шаңырағы» этномәдени фестивалі",
        "Фестиваль национальных культур «Мы — народ Казахстана»",
        "Наурыз мейрамындағы халықтар фестивалі",
        "Фестиваль национальной кухни",
    ],
    EventKind.SPORTS: [
        "Ұлттық ойындар турнирі",
        "Спартакиада этнокультурных объединений",
        "Тоғызқұмалақ турнирі",
        "Турнир по волейболу «Дружба»",
    ],
    EventKind.THEATRE: [
        "Ұйғыр театрының спектаклі",
        "Гастроли Корейского театра",
        "Неміс драма театрының қойылымы",
        "Спектакль Узбекского театра",
    ],
    EventKind.CREATIVE_EVENING: [
        "Абай өлеңдері кеші",
        "Вечер поэзии на родных языках",
        "Ақындар айтысы",
        "Вечер песни «Бір шаңырақ астында»",
    ],
    EventKind.EXPEDITION: [
        "«Туған жер» тарихи-этнографиялық экспедициясы",
        "Экспедиция по памятным местам",
        "Өлкетану экспедициясы",
    ],
    EventKind.YOUTH_CAMP: [
        "«Жаңа толқын» жастар лагері",
        "Летний лагерь Ассамблеи молодёжи",
        "Студенттер ассамблеясының лагері",
    ],
    EventKind.ROUND_TABLE: [
        "«Қоғамдық келісім» дөңгелек үстелі",
        "Круглый стол по межэтническому согласию",
        "Медиация: татуласу тәжірибесі",
        "Круглый стол «Единство в многообразии»",
    ],
    EventKind.CHARITY: [
        "Қайырымдылық жәрмеңкесі",
        "Благотворительная акция «Мектепке жол»",
        "Қарттарға көмек акциясы",
        "Благотворительный концерт",
    ],
    EventKind.VOLUNTEER_ACTION: [
        "Еріктілер сенбілігі",
        "Экологическая акция «Таза аула»",
        "Еріктілер акциясы «Бірге»",
        "Помощь ветеранам",
    ],
    EventKind.TRAINING: [
        "Медиаторларға арналған семинар",
        "Семинар для руководителей этнокультурных объединений",
        "Мемлекеттік тілді үйрену курсы",
        "Тренинг для модераторов",
    ],
    EventKind.EXHIBITION: [
        "Қолөнер шеберлерінің көрмесі",
        "Выставка декоративно-прикладного искусства",
        "«Бір ел — бір мүдде» фотокөрмесі",
        "Выставка национальных костюмов",
    ],
    EventKind.OTHER: [
        "Қазақстан халқының бірлігі күніне арналған салтанатты жиын",
        "Акция «Бірлік күні»",
        "Встреча с ветеранами Ассамблеи",
    ],
}
# Each kind of demo event: how often it happens (a weight) and how many people come (the range).
KINDS = {
    EventKind.FORUM: (5, (150, 600)),
    EventKind.FESTIVAL: (10, (300, 3000)),
    EventKind.SPORTS: (8, (60, 400)),
    EventKind.THEATRE: (4, (150, 700)),
    EventKind.CREATIVE_EVENING: (9, (50, 250)),
    EventKind.EXPEDITION: (2, (10, 40)),
    EventKind.YOUTH_CAMP: (2, (40, 150)),
    EventKind.ROUND_TABLE: (12, (20, 80)),
    EventKind.CHARITY: (10, (30, 300)),
    EventKind.VOLUNTEER_ACTION: (10, (20, 150)),
    EventKind.TRAINING: (9, (15, 60)),
    EventKind.EXHIBITION: (6, (100, 900)),
    EventKind.OTHER: (3, (50, 400)),
}
KIND_WEIGHTS = {kind: weight for kind, (weight, _crowd) in KINDS.items()}
PARTICIPANTS = {kind: crowd for kind, (_weight, crowd) in KINDS.items()}
MINORITY_LANGUAGES = ["uz", "ug", "uk", "de", "ko", "tt", "az", "tr", "be", "pl", "dng"]
FLOOD_REGIONS = ["KZ-10", "KZ-11", "KZ-15", "KZ-23", "KZ-27", "KZ-39", "KZ-59", "KZ-35", "KZ-62"]
RETURN_COMMENTS = [
    "Укажите количество волонтёров и приложите ссылку на публикацию.",
    "Қатысушылар саны тым көп сияқты: тексеріп, түзетіңіз.",
    "Уточните место проведения и организатора.",
]
