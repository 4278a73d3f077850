"""Horizontal bar charts drawn on the server as inline SVG: readable without JavaScript and on a phone.

Each bar has its label above it and its number after it, so the chart reads as text too. Widths are percentages of
the SVG's own width, so the text keeps its size on any screen.
"""

from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

ROW_HEIGHT = 46
BAR_SPAN = 78  # percent of the width for the longest bar, leaving room for its number
LONGEST = 20  # bars in one chart at most: a longer table charts its first rows, the table below has them all


def number(value):
    return formats.number_format(value, 0, use_l10n=True, force_grouping=True)


def bar_chart(table, *, chart_id, title):
    """The table's first figure as horizontal bars, one per row (the first `LONGEST`), labelled with the row's name
    and number."""
    key = table.chart_key
    rows = table.rows[:LONGEST]
    peak = max((row[key] for row in rows), default=0) or 1
    height = ROW_HEIGHT * max(len(rows), 1)
    bars = format_html_join(
        "",
        '<g class="bar-row"><text class="bar-label" x="0" y="{}">{}</text>'
        '<rect class="bar" x="0" y="{}" width="{}%" height="14"></rect>'
        '<text class="bar-value" x="{}%" dx="6" y="{}">{}</text></g>',
        (
            (
                index * ROW_HEIGHT + 16,
                row["label"],
                index * ROW_HEIGHT + 22,
                round(BAR_SPAN * row[key] / peak, 2),
                round(BAR_SPAN * row[key] / peak, 2),
                index * ROW_HEIGHT + 34,
                number(row[key]),
            )
            for index, row in enumerate(rows)
        ),
    )
    return format_html(
        '<svg class="bar-chart" width="100%" height="{}" role="img" aria-labelledby="{}">'
        '<title id="{}">{}</title>{}</svg>',
        height,
        chart_id,
        chart_id,
        title,
        bars if rows else mark_safe(""),
    )
