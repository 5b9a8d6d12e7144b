"""Every page of the built site: loads offline, no errors, widgets drawn, accessible."""
from __future__ import annotations

import pytest

from conftest import all_pages, serious_violations
from course_toc import expected_html_pages

PAGES = expected_html_pages()


def test_every_built_page_is_one_we_test(site):
    """The built pages are exactly the table of contents (plus index and search)."""
    assert set(all_pages(site)) == set(PAGES)


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_offline_cleanly_and_accessibly(visit_page, path):
    page, log = visit_page(path)
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

    violations = serious_violations(page)
    assert not violations, f"accessibility violations on {path}:\n" + "\n".join(violations)
