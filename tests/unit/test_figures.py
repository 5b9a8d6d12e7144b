"""Every named figure renders to SVG with alt text; an unknown name lists the known ones."""
import re

import pytest

from exercises.site import figures


@pytest.mark.parametrize("name", figures.names())
def test_figure_renders_with_alt_text(name):
    svg, alt_text = figures.svg(name)
    assert svg.lstrip().startswith("<svg") and "</svg>" in svg
    assert len(alt_text) > 40, "alt text should say what the chart shows"


def test_unknown_figure_lists_known_ones():
    with pytest.raises(KeyError) as err:
        figures.chart("responsibility-to-protect/no-such-chart")
    assert "responsibility-to-protect/gc-counts" in str(err.value)


def test_figures_are_named_by_module():
    from exercises.specs import load_banks
    banks = set(load_banks())
    assert figures.names(), "no figures registered"
    for name in figures.names():
        assert name.split("/")[0] in banks, f"{name}: the part before / must be a module's bank name"


TIME_FIELD = re.compile(r"year|edition|date|when|decade", re.IGNORECASE)
# Categorical time on purpose, with the reason: these axes have no gap to lose.
CATEGORICAL_TIME = {
    "foundations/episodes-by-decade": "a bar for every decade 1955-2014, zero counts included",
    "responsibility-to-protect/gc-counts": "two dates only",
}


def x_encodings(node):
    if isinstance(node, dict):
        x = node.get("encoding", {}).get("x")
        if isinstance(x, dict) and "field" in x:
            yield x
        for value in node.values():
            yield from x_encodings(value)
    elif isinstance(node, list):
        for value in node:
            yield from x_encodings(value)


@pytest.mark.parametrize("name", figures.names())
def test_time_axes_are_quantitative_or_temporal(name):
    """A year, edition or date on x is drawn to scale, not one band per value present."""
    spec = figures.chart(name)[0].to_dict()
    for x in x_encodings(spec):
        about = f"{x['field']} {x.get('title') or ''}"
        if TIME_FIELD.search(about) and name not in CATEGORICAL_TIME:
            assert x["type"] in ("quantitative", "temporal"), f"{name}: x {about!r} is {x['type']}"


def test_year_axis_keeps_the_gaps():
    x = figures.year_axis("year", "Year", [2005, 1994, 2006]).to_dict()
    assert x["type"] == "quantitative" and x["scale"]["domain"] == [1993.5, 2006.5]
    assert x["axis"]["values"] == [1994, 2005, 2006] and x["axis"]["format"] == "d"
    import pandas as pd
    bars = figures.year_groups(pd.DataFrame({"year": [1994, 1994], "g": ["a", "b"]}), "year", "g", ["a", "b"])
    assert list(bars["x_start"]) == [1993.6, 1994.0] and all(bars["x_end"] > bars["x_start"])
    with pytest.raises(ValueError, match="no place"):
        figures.year_groups(pd.DataFrame({"year": [1994], "g": ["c"]}), "year", "g", ["a", "b"])
