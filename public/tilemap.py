"""The 20 regions as a tile map drawn on the server in SVG: one square per region, placed on a grid that follows
the country's shape (west to east, north to south), shaded by a figure, each square a link to the region's page.

No map tiles, no JavaScript: the page is readable as it arrives, on a phone too. Each tile has an accessible name
("Abai region: 12 events this year"); the page lists the same figures as text beside the picture.
"""

from dataclasses import dataclass

from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

# (column, row) of each region by its ISO 3166-2 code, roughly where it lies. A region added later as data, with no
# place here yet, gets a tile in a row of its own under the map rather than being left out.
PLACES = {
    "KZ-39": (2, 0),  # Kostanay
    "KZ-59": (3, 0),  # North Kazakhstan
    "KZ-55": (4, 0),  # Pavlodar
    "KZ-27": (0, 1),  # West Kazakhstan
    "KZ-15": (1, 1),  # Aktobe
    "KZ-11": (2, 1),  # Akmola
    "KZ-71": (3, 1),  # Astana
    "KZ-10": (4, 1),  # Abai
    "KZ-63": (5, 1),  # East Kazakhstan
    "KZ-23": (0, 2),  # Atyrau
    "KZ-62": (2, 2),  # Ulytau
    "KZ-35": (3, 2),  # Karaganda
    "KZ-33": (4, 2),  # Jetisu
    "KZ-47": (0, 3),  # Mangystau
    "KZ-43": (1, 3),  # Kyzylorda
    "KZ-61": (2, 3),  # Turkistan
    "KZ-31": (3, 3),  # Zhambyl
    "KZ-19": (4, 3),  # Almaty Region
    "KZ-79": (2, 4),  # Shymkent
    "KZ-75": (4, 4),  # Almaty
}
COLUMNS = 6
TILE_W, TILE_H, GAP = 104, 80, 4
NAME_SIZE, VALUE_SIZE = 13, 24
LINE_CHARS = 12  # a line of a tile's name holds about this many letters at NAME_SIZE
SHADES = 5
# Words that say what kind of unit a region is: left out of a tile (the full name is in its title and link).
KIND_WORDS = {"облысы", "область"}


@dataclass
class Tile:
    code: str
    name: str
    value: int
    url: str
    label: str  # the accessible name: the region and what the number means


def short_name(name):
    """The name without the word for "region" ("Абай облысы" → "Абай"), so it fits a tile."""
    words = [word for word in name.split() if word.lower() not in KIND_WORDS]
    return " ".join(words) or name


def lines(name, width=LINE_CHARS):
    """The name in at most two lines, broken between words or after a hyphen."""
    pieces = []
    for word in name.split():
        parts = word.split("-")
        pieces.extend(part + "-" for part in parts[:-1])
        pieces.append(parts[-1])
    result = [""]
    for piece in pieces:
        joined = result[-1] + ("" if not result[-1] or result[-1].endswith("-") else " ") + piece
        if result[-1] and len(joined) > width and len(result) < 2:
            result.append(piece)
        else:
            result[-1] = joined
    return result


def shades(values):
    """{value: shade}: 0 for nothing, else 1…SHADES-1 by rank among the values above nothing (quartiles), so the
    picture shows which regions do more even when all are close; the tiles carry the numbers themselves."""
    ranked = sorted({value for value in values if value})
    steps = SHADES - 1
    result = {0: 0}
    for index, value in enumerate(ranked):
        result[value] = 1 + (index * steps) // len(ranked)
    return result


def _text(x, y, text, css, size):
    """A centred line; squeezed to the tile's width when it would not fit."""
    room = TILE_W - 12
    estimate = len(text) * size * 0.6
    squeeze = format_html(' textLength="{}" lengthAdjust="spacingAndGlyphs"', room) if estimate > room else ""
    return format_html(
        '<text class="{}" x="{}" y="{}" font-size="{}" text-anchor="middle"{}>{}</text>', css, x, y, size, squeeze, text
    )


# Two sets of text per tile; the style sheet shows one: small type on a wide screen, large type on a phone, where the
# picture is drawn at half its size. (name size, letters per line, value size)
TYPE = {"wide": (NAME_SIZE, LINE_CHARS, VALUE_SIZE), "narrow": (17, 9, 24)}


def _labels(tile, x, y, number):
    centre = x + TILE_W / 2
    groups = []
    for css, (name_size, chars, value_size) in TYPE.items():
        texts = [
            _text(centre, y + 4 + (index + 1) * (name_size + 1), line, "name", name_size)
            for index, line in enumerate(lines(short_name(tile.name), chars))
        ]
        texts.append(_text(centre, y + TILE_H - 10, number, "value", value_size))
        groups.append(format_html('<g class="{}">{}</g>', css, mark_safe("".join(str(text) for text in texts))))
    return mark_safe("".join(str(group) for group in groups))


def _tile(tile, column, row, shade):
    x, y = GAP + column * (TILE_W + GAP), GAP + row * (TILE_H + GAP)
    return format_html(
        '<a href="{}" aria-label="{}" class="tile s{}"><title>{}</title>'
        '<rect x="{}" y="{}" width="{}" height="{}" rx="6"></rect>{}</a>',
        tile.url,
        tile.label,
        shade,
        tile.label,
        x,
        y,
        TILE_W,
        TILE_H,
        _labels(tile, x, y, formats.number_format(tile.value, force_grouping=True)),
    )


def tile_map(tiles, *, title, description):
    """The SVG of `tiles` (Tile), shaded by the rank of their values."""
    shade = shades(tile.value for tile in tiles)
    placed, extra = [], []
    for tile in tiles:
        (placed if tile.code in PLACES else extra).append(tile)
    rows = 1 + max((PLACES[tile.code][1] for tile in placed), default=0)
    drawn = [_tile(tile, *PLACES[tile.code], shade[tile.value]) for tile in placed]
    for index, tile in enumerate(extra):
        drawn.append(_tile(tile, index % COLUMNS, rows + index // COLUMNS, shade[tile.value]))
    rows += (len(extra) + COLUMNS - 1) // COLUMNS
    width, height = GAP + COLUMNS * (TILE_W + GAP), GAP + rows * (TILE_H + GAP)
    return format_html(
        '<svg class="tilemap" viewBox="0 0 {} {}" aria-labelledby="tilemap-title tilemap-desc">'
        '<title id="tilemap-title">{}</title><desc id="tilemap-desc">{}</desc>{}</svg>',
        width,
        height,
        title,
        description,
        format_html_join("", "{}", ((tile,) for tile in drawn)),
    )
