"""Search: the index loads only on the search page (page weight), and a search started
from any page's search dialog finds the right module there."""
from __future__ import annotations

PAGE = "book/modules/02-new-environment/attention-and-institutions.html"


def test_the_search_index_loads_only_on_the_search_page(open_page):
    page, log = open_page(PAGE)
    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert not [u for u in loaded if u.endswith("searchindex.js") or "searchtools.js" in u]
    assert not log.problems()


def test_searching_from_a_page_finds_the_module(open_page):
    page, log = open_page(PAGE)
    page.keyboard.press("Control+k")
    field = page.locator("#pst-search-dialog input[name='q']")
    field.wait_for(state="visible")
    field.fill("responsibility to protect")
    field.press("Enter")
    page.wait_for_url("**/search.html?**")
    page.wait_for_selector("#search-results li a", timeout=20000)
    links = page.eval_on_selector_all("#search-results li a", "els => els.map(a => a.getAttribute('href'))")
    assert any("04-responsibility-to-protect" in (href or "") for href in links), links
    assert not log.problems()
