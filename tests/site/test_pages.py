"""Every page of the built site: loads offline, no errors, widgets drawn, accessible."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, all_pages
from course_toc import expected_html_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = expected_html_pages()


def test_every_built_page_is_one_we_test(site):
    """The built pages are exactly the table of contents (plus index and search)."""
    assert set(all_pages(site)) == set(PAGES)


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_offline_cleanly_and_accessibly(open_page, path):
    page, log = open_page(path)
    # Every embedded widget is drawn: the manager puts a view beside each widget script.
    views = page.eval_on_selector_all(
        'script[type="application/vnd.jupyter.widget-view+json"]',
        "els => els.map(s => { const v = s.parentElement.querySelector('.widget-subarea');"
        " return v ? v.getBoundingClientRect().height : -1; })")
    if views:
        page.wait_for_selector("[data-exercise-type]", timeout=10_000)
        views = page.eval_on_selector_all(
            'script[type="application/vnd.jupyter.widget-view+json"]',
            "els => els.map(s => { const v = s.parentElement.querySelector('.widget-subarea');"
            " return v ? v.getBoundingClientRect().height : -1; })")
    assert all(h > 0 for h in views), f"empty widget area on {path}: heights {views}"
    assert not log.problems(), f"{path}:\n" + "\n".join(log.problems())

    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => `${v.id} (${v.impact}): ${v.help} -- ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)")
    assert not violations, f"accessibility violations on {path}:\n" + "\n".join(violations)
