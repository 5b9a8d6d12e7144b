"""Time axes keep the gaps between years (issue 18): on the built pages, in Chromium, the
marks of every exercise chart whose x is a year, an edition or a date, and the year labels
of every static figure, sit at distances in proportion to the years between them, so
1994 -> 2005 is eleven times as wide as 2005 -> 2006. An ordinal axis (one band per year
present) fails as soon as a year is missing from the data."""
from __future__ import annotations

import re
from itertools import pairwise

import pytest

from conftest import figure_images, pages_with_figures

# Pages whose exercises chart years, editions or dates (foundations: episodes begin in
# scattered years, so its gaps are uneven).
WIDGET_PAGES = ["book/modules/01-foundations/mass-killing-data.html", "book/modules/05-early-warning/ewp-data.html",
                "book/modules/06-japans-aspiration/oda-data.html", "book/modules/07-japans-means/jpf-data.html",
                "book/modules/08-challenges/opinion-data.html", "book/modules/10-case-studies/cases-data.html"]
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
TOLERANCE = 1.5  # px

MARKS = """() => [...document.querySelectorAll('svg.cx-chart-svg')].map(svg => {
  const series = {};
  for (const mark of svg.querySelectorAll('[data-x]')) {
    const box = mark.getBoundingClientRect();
    const key = [...mark.classList].find(c => /^cx-s\\d$/.test(c));
    (series[key] ||= []).push([mark.dataset.x, box.left + box.width / 2]);
  }
  return {scale: svg.dataset.xScale, title: svg.querySelector('title').textContent, series: Object.values(series)};
})"""

# Each static figure's SVG drawn in the page; per axis, its four-digit year labels and their centres.
YEAR_LABELS = """(svgs) => svgs.map(text => {
  const box = document.createElement('div');
  box.style.cssText = 'position:absolute;left:0;top:0;';
  box.innerHTML = text;
  document.body.append(box);
  const axes = [...box.querySelectorAll('g.role-axis')].map(axis => [...axis.querySelectorAll('.role-axis-label text')]
    .filter(t => /^(19|20)\\d\\d$/.test(t.textContent.trim()))
    .map(t => { const r = t.getBoundingClientRect();
                return [Number(t.textContent), r.left + r.width / 2, r.top + r.height / 2]; }));
  box.remove();
  return axes.filter(labels => labels.length >= 3);
})"""


def when(x: str) -> float | None:
    """A mark's x as a number of years (as the chart reads it: a number or an ISO date), or
    None for a name."""
    try:
        return float(x)
    except ValueError:
        m = ISO_DATE.match(x)
        return int(m[1]) + (int(m[2] or 1) - 1 + (int(m[3] or 1) - 1) / 31) / 12 if m else None


def off_the_line(points: list[tuple[float, float]]) -> float:
    """The largest distance (px) of a point from the straight line through the first and last."""
    (t0, x0), (t1, x1) = points[0], points[-1]
    slope = (x1 - x0) / (t1 - t0)
    return max(abs(x - (x0 + slope * (t - t0))) for t, x in points)


def uneven(times: list[float]) -> bool:
    gaps = [b - a for a, b in pairwise(times)]
    return bool(gaps) and max(gaps) >= 2 * min(gaps)


def test_exercise_charts_place_years_in_proportion(page_visitor):
    checked, with_gaps = 0, 0
    visit = page_visitor(viewport={"width": 1280, "height": 900})
    for path in WIDGET_PAGES:
        page, log = visit(path)
        page.wait_for_selector(".cx-chart-svg")
        for chart in page.evaluate(MARKS):
            if any(when(x) is None for marks in chart["series"] for x, _ in marks):
                assert chart["scale"] == "band", f"{path}: {chart['title']!r}: names on a time axis"
                continue  # names (answers, facts): one band each
            assert chart["scale"] == "time", f"{path}: {chart['title']!r} has a {chart['scale']} x axis"
            for marks in chart["series"]:
                points = sorted((when(x), centre) for x, centre in marks)
                if len(points) < 3:
                    continue
                assert off_the_line(points) <= TOLERANCE, f"{path}: {chart['title']!r}: {points}"
                checked += 1
                with_gaps += uneven([t for t, _ in points])
        assert not log.problems()
    assert checked >= 6 and with_gaps >= 1, (checked, with_gaps)


@pytest.mark.parametrize("device", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}], ids=["desktop", "phone"])
def test_static_figures_place_years_in_proportion(page_visitor, site, device):
    axes = 0
    visit = page_visitor(viewport=device)
    for path in pages_with_figures(site):
        page, log = visit(path)
        images = figure_images(page)
        for image, labels in zip(images, page.evaluate(YEAR_LABELS, [i["svg"] for i in images]), strict=True):
            for axis in labels:
                xs, ys = [x for _, x, _ in axis], [y for _, _, y in axis]
                horizontal = max(xs) - min(xs) > max(ys) - min(ys)
                points = sorted((year, x if horizontal else y) for year, x, y in axis)
                assert off_the_line(points) <= TOLERANCE, f"{path}: {image['alt']!r}: year labels at {points}"
                axes += 1
        assert not log.problems()
    assert axes >= 8, f"only {axes} year axes found"
