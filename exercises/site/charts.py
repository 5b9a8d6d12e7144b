"""Charts for the book's pages: Altair drawn to a static SVG image with alt text.

No JavaScript and no CDN: the chart is an ``<img>`` of an SVG data URL, so it shows on
the static site, in print and offline. Every chart needs an ``alt_text`` that says what
it shows; pages should also say it in words below the chart.

On a phone (up to 599 px wide) a second drawing of the same chart is shown instead: at
most ``PHONE_WIDTH`` pixels wide overall, its text at least ``PHONE_FONT`` px, the legend
below the plot and a long title wrapped, so its labels read at 11 px or more on a
390 px screen (a 720 px drawing scaled down to fit would show 10 px labels at about 5 px).

    from exercises.site.charts import svg_figure
    svg_figure(chart, "Line chart of ...")      # last expression of a code cell
"""
from __future__ import annotations

import base64
import html
import json
import re
import textwrap
import unicodedata

import altair as alt
import vl_convert as vlc
from IPython.display import HTML

PHONE_MEDIA = "(max-width: 599px)"
PHONE_WIDTH = 400   # px, the whole drawing: shown at 358 px on a 390 px screen, 14 px text reads at 12.5 px
PHONE_FONT = 14     # px, every label, title and text mark
PHONE_LABEL_LIMIT = 150  # px, longer axis labels are cut with an ellipsis
LEGEND_LABEL_LIMIT = 340  # px, a legend's (below the plot, one entry a line)
TITLE_CHARS = 32    # longer titles (of the chart, an axis, a legend) are wrapped; a Japanese character counts 2
NO_LINE_START = set("、。，．・：；？！）」』】〕ー～")  # Japanese punctuation that never begins a line
SVG_WIDTH = re.compile(r'<svg[^>]*\swidth="([0-9.]+)"')


def _drawn(spec: dict) -> str:
    """SVG of a Vega-Lite spec whose year labels sit at their years: the end labels of an x
    axis are not pushed inwards (Vega-Lite's labelFlush does that on continuous axes)."""
    config = spec.setdefault("config", {})
    config["axisX"] = {"labelFlush": False, **config.get("axisX", {})}
    return vlc.vegalite_to_svg(spec)


def _data_url(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _phone_spec(spec: dict, plot_width: int) -> dict:
    """The Vega-Lite ``spec`` laid out for a phone: one plot ``plot_width`` wide, bigger text,
    legend below, labels limited, a long title wrapped."""
    def walk(node, parent=""):
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                if key in ("width", "height") and isinstance(value, (int, float)):
                    continue  # sizes are set once, at the top
                if key == "labelLimit" and isinstance(value, (int, float)):  # a legend below has the width
                    value = min(value, LEGEND_LABEL_LIMIT if parent == "legend" else PHONE_LABEL_LIMIT)
                elif key in ("labelFontSize", "titleFontSize", "fontSize") and isinstance(value, (int, float)):
                    value = max(value, PHONE_FONT)
                elif key == "orient" and value in ("left", "right", "top") and "labelLimit" in node:
                    value = "bottom"  # a legend given a side goes below the plot
                elif key == "title" and isinstance(value, str) and _width(value) > TITLE_CHARS:
                    value = _wrap(value)  # a title of several lines
                elif key == "dy" and isinstance(value, (int, float)) and abs(value) > 40:
                    value = value * 0.6  # text placed far above a point moves with the shorter plot
                out[key] = walk(value, key)
            return out
        if isinstance(node, list):
            return [walk(v, parent) for v in node]
        return node

    phone = walk(spec)
    heights = [v for v in _values(spec, "height") if isinstance(v, (int, float))]
    phone["width"] = plot_width
    phone["height"] = min(max(heights, default=260), 260)
    title = phone.get("title")
    text = title.get("text") if isinstance(title, dict) else title
    if isinstance(title, dict) and isinstance(text, str) and _width(text) > TITLE_CHARS:
        phone["title"] = {**title, "text": _wrap(text)}
    config = phone.setdefault("config", {})
    for part, settings in {
        "axis": {"labelFontSize": PHONE_FONT, "titleFontSize": PHONE_FONT, "labelLimit": PHONE_LABEL_LIMIT},
        "legend": {"orient": "bottom", "direction": "vertical", "labelFontSize": PHONE_FONT,
                   "titleFontSize": PHONE_FONT, "labelLimit": LEGEND_LABEL_LIMIT, "symbolSize": 120},
        "title": {"fontSize": PHONE_FONT + 2},
        "text": {"fontSize": PHONE_FONT},
        "header": {"labelFontSize": PHONE_FONT, "titleFontSize": PHONE_FONT},
    }.items():
        config[part] = {**config.get(part, {}), **settings}
    return phone


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _width(text: str) -> int:
    """Columns of ``text``: a wide (Japanese) character takes two."""
    return sum(2 if _wide(ch) else 1 for ch in text)


def _wrap(text: str) -> list[str]:
    """Lines of at most ``TITLE_CHARS`` columns: English at spaces; text with Japanese
    between any two characters, except before Japanese punctuation."""
    if not any(_wide(ch) for ch in text):
        return textwrap.wrap(text, TITLE_CHARS)
    lines, line = [], ""
    for ch in text:
        if line and _width(line + ch) > TITLE_CHARS and ch not in NO_LINE_START:
            lines.append(line.rstrip())
            line = ch.lstrip()
        else:
            line += ch
    return [*lines, line] if line else lines


def _values(node, key):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield v
            yield from _values(v, key)
    elif isinstance(node, list):
        for v in node:
            yield from _values(v, key)


def phone_svg(chart: alt.Chart) -> str:
    """``chart`` drawn for a phone, no wider than ``PHONE_WIDTH`` px overall."""
    spec = json.loads(chart.to_json())
    plot = 300
    for _ in range(6):  # narrow the plot by what the axes, labels and legend add
        svg = _drawn(_phone_spec(spec, plot))
        width = float(SVG_WIDTH.search(svg)[1])
        if width <= PHONE_WIDTH:
            return svg
        plot = int(plot - (width - PHONE_WIDTH)) - 2
        if plot < 100:
            break
    raise ValueError(f"the chart {spec.get('title')!r} does not fit a phone: {width:.0f} px wide "
                     f"with a {plot}-px plot; shorten its labels or give it fewer columns")


def svg_html(chart: alt.Chart, alt_text: str, css_class: str = "course-chart") -> str:
    if not alt_text.strip():
        raise ValueError("a chart needs alt text saying what it shows")
    wide = _data_url(_drawn(json.loads(chart.to_json())))
    phone = _data_url(phone_svg(chart))
    return (f'<figure class="{css_class}"><picture><source media="{PHONE_MEDIA}" srcset="{phone}">'
            f'<img src="{wide}" alt="{html.escape(alt_text)}" style="max-width:100%;height:auto">'
            '</picture></figure>')


def svg_figure(chart: alt.Chart, alt_text: str) -> HTML:
    """Display ``chart`` as an accessible static SVG in a notebook or built page."""
    return HTML(svg_html(chart, alt_text))
