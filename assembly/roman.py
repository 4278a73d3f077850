"""Roman numerals, as sessions of the Assembly are numbered."""

ROMAN_NUMERALS = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def to_roman(number):
    result = []
    for value, numeral in ROMAN_NUMERALS:
        count, number = divmod(number, value)
        result.append(numeral * count)
    return "".join(result)


def from_roman(text):
    """The integer of a Roman numeral such as XXXIV, or None when `text` is not one."""
    text = (text or "").strip().upper()
    if not text or not set(text) <= set("MDCLXVI"):
        return None
    values = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
    total = 0
    for index, char in enumerate(text):
        value = values[char]
        total += -value if index + 1 < len(text) and values[text[index + 1]] > value else value
    return total if to_roman(total) == text else None
