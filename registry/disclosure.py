"""Small-count protection for published aggregates: which cells of a set of tables to withhold so that no withheld
count can be computed back from the published ones.

Used by the public statistics of confidential registries (mediation cases, mothers' homes). Each app publishes its
own tables and chooses its thresholds; the protection itself lives here, once.
"""

SMALL = "<5"
WITHHELD = "withheld"


def protect(values, relations, primary, eligible=None, band=None):
    """The keys to withhold so that none of them follows from the published values.

    values: {key: number}; relations: [(total_key, [part_keys])], each meaning total = sum(parts); primary: the keys
    withheld by the threshold; eligible(key): whether a key may serve as a complementary cell (one whose value is
    known otherwise may not); band: the largest value a primary cell may hold (adds the bounds check: if the withheld
    parts of an equation must add up to exactly band × their number, each of them is known, so one more is withheld).
    """
    hidden = set(primary)
    eligible = eligible or (lambda key: True)
    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            hidden_parts = [key for key in parts if key in hidden]
            members_hidden = len(hidden_parts) + (total in hidden)
            exposed = members_hidden == 1
            only_small = bool(hidden_parts) and all(key in primary for key in hidden_parts)
            if not exposed and band is not None and total not in hidden and only_small:
                residual = values[total] - sum(values[key] for key in parts if key not in hidden)
                exposed = residual == band * len(hidden_parts)
            if not exposed:
                continue
            candidates = sorted(
                (key for key in parts if key not in hidden and eligible(key)), key=lambda key: (values[key], str(key))
            )
            if candidates:
                hidden.add(candidates[0])
            elif total not in hidden:
                hidden.add(total)
            else:
                continue
            changed = True
    return hidden


def cell(value, key, primary, hidden, small=SMALL):
    """One published cell: the count, or `None` with why it is withheld (below the threshold, or as a complement)."""
    if key in primary:
        return {"count": None, "display": small}
    if key in hidden:
        return {"count": None, "display": WITHHELD}
    return {"count": value, "display": str(value)}
