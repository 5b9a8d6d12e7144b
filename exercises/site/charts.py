"""Charts for the book's pages: Altair drawn to a static SVG image with alt text.

No JavaScript and no CDN: the chart is an ``<img>`` of an SVG data URL, so it shows on
the static site, in print and offline. Every chart needs an ``alt_text`` that says what
it shows; pages should also say it in words below the chart.

    from exercises.site.charts import svg_figure
    svg_figure(chart, "Line chart of ...")      # last expression of a code cell
"""
from __future__ import annotations

import base64
import html

import altair as alt
import vl_convert as vlc
from IPython.display import HTML


def svg_html(chart: alt.Chart, alt_text: str, css_class: str = "course-chart") -> str:
    if not alt_text.strip():
        raise ValueError("a chart needs alt text saying what it shows")
    svg = vlc.vegalite_to_svg(chart.to_json())
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (f'<figure class="{css_class}"><img src="data:image/svg+xml;base64,{data}" '
            f'alt="{html.escape(alt_text)}" style="max-width:100%;height:auto"></figure>')


def svg_figure(chart: alt.Chart, alt_text: str) -> HTML:
    """Display ``chart`` as an accessible static SVG in a notebook or built page."""
    return HTML(svg_html(chart, alt_text))
