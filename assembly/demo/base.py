"""How demo records are marked."""

DEMO = "DEMO record, invented for the demonstration."


def demo_names(en, ru, kk):
    return {"name_en": f"{en} (demo)", "name_ru": f"{ru} (демо)", "name_kk": f"{kk} (демо)"}
