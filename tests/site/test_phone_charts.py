"""Exercise charts and their data tables on a phone (390 px wide, issue 18): every chart's
axis labels show at 11 px or more, the data-table toggle looks like something to tap, and
column headers break between words only. The static figures of the data pages and
datasheets show their phone drawing, whose every text is 11 px or more on screen."""
from __future__ import annotations

import re

import pytest

from conftest import figure_images, pages_with_figures

PAGES = ["book/modules/06-japans-aspiration/oda-data.html", "book/modules/08-challenges/opinion-data.html"]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}

MEASURE = """() => [...document.querySelectorAll('.cx-chart-svg')].map(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('.cx-tick, .cx-axis-label')]
    .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  return {smallest: Math.min(...sizes), labels: sizes.length};
})"""

TOGGLES = """() => [...document.querySelectorAll('details.cx-chart-data > summary')].map(s => {
  const css = getComputedStyle(s), box = s.getBoundingClientRect();
  return {border: parseFloat(css.borderTopWidth), height: box.height, width: box.width};
})"""

HEADERS = """() => [...document.querySelectorAll('.cx-table th')].map(th => {
  const css = getComputedStyle(th);
  return css.wordBreak + '/' + css.overflowWrap;
})"""


@pytest.mark.parametrize("path", PAGES)
def test_charts_toggles_and_headers_at_phone_width(open_page, path):
    page, log = open_page(path, **PHONE)
    page.wait_for_selector(".cx-chart-svg")
    charts = page.evaluate(MEASURE)
    assert charts, f"no exercise chart on {path}"
    for chart in charts:
        assert chart["labels"] > 3 and chart["smallest"] >= 11, f"labels at {chart['smallest']:.1f} px on {path}"
    toggles = page.evaluate(TOGGLES)
    assert toggles and all(t["border"] >= 1 and t["height"] >= 44 for t in toggles), toggles
    page.click("details.cx-chart-data > summary")
    headers = page.evaluate(HEADERS)
    assert headers and all(h == "normal/normal" for h in headers), set(headers)
    assert not log.problems()


FONT_SIZE = re.compile(r'font-size="([0-9.]+)px"')
SVG_WIDTH = re.compile(r'<svg[^>]*\swidth="([0-9.]+)"')


def test_static_figures_are_readable_at_phone_width(page_visitor, site):
    """Every text of every static figure (labels, titles, legends, values on bars) on screen."""
    figures = 0
    visit = page_visitor(**PHONE)
    for path in pages_with_figures(site):
        page, log = visit(path)
        width = page.evaluate("document.documentElement.clientWidth")
        for image in figure_images(page):
            assert image["phone"], f"{path}: {image['alt']!r} shows its wide drawing on a phone"
            scale = image["shown"] / float(SVG_WIDTH.search(image["svg"])[1])
            smallest = min(float(size) for size in FONT_SIZE.findall(image["svg"])) * scale
            assert smallest >= 11, f"{path}: {image['alt']!r}: text at {smallest:.1f} px on screen"
            assert image["shown"] <= width, f"{path}: {image['alt']!r} is wider than the screen"
            figures += 1
        assert not log.problems()
    assert figures >= 20, f"only {figures} static figures found"
