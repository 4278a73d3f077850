"""Charts drawn on the server as inline SVG: no JavaScript, nothing from the internet, readable on a phone."""

from django.utils.html import format_html
from django.utils.safestring import mark_safe


def column_chart(columns, *, title, height=160, bar_gap=6, unit_width=36):
    """Columns with two overlaid values each: `all` (light) and `verified` (dark), labelled underneath.

    columns: [{"label": "Jan", "all": 12, "verified": 9}, ...]
    """
    peak = max((column["all"] for column in columns), default=0) or 1
    width = unit_width * max(len(columns), 1)
    plot = height - 34
    parts = [
        format_html(
            '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" preserveAspectRatio="xMinYMin meet">',
            width,
            height,
            title,
        ),
        format_html("<title>{}</title>", title),
    ]
    for index, column in enumerate(columns):
        x = index * unit_width + bar_gap / 2
        bar = unit_width - bar_gap
        for key, css in (("all", "all"), ("verified", "verified")):
            value = column[key]
            bar_height = round(plot * value / peak, 1)
            parts.append(
                format_html(
                    '<rect class="{}" x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>',
                    css,
                    x,
                    round(14 + plot - bar_height, 1),
                    bar,
                    bar_height,
                    column["label"],
                    value,
                )
            )
        parts.append(
            format_html(
                '<text class="value" x="{}" y="{}" text-anchor="middle">{}</text>',
                x + bar / 2,
                round(12 + plot - plot * column["all"] / peak, 1),
                column["all"] if column["all"] else "",
            )
        )
        parts.append(
            format_html(
                '<text class="label" x="{}" y="{}" text-anchor="middle">{}</text>',
                x + bar / 2,
                height - 6,
                column["label"],
            )
        )
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(str(part) for part in parts))


def bar_rows(rows, *, label_key="label"):
    """Horizontal bars as data for CSS: width of `all` and `verified` in percent of the largest `all`."""
    peak = max((row["all"] for row in rows), default=0) or 1
    return [
        {
            **row,
            "label": row[label_key],
            "all_width": round(100 * row["all"] / peak, 1),
            "verified_width": round(100 * row["verified"] / peak, 1),
        }
        for row in rows
    ]
