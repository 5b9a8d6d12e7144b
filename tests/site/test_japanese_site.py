"""The Japanese edition (issue 14), built strict with `course book --lang ja` and served as
published (English at the root, Japanese under ja/): every page loads offline, is marked
lang="ja", is accessible and has its widgets drawn; the language switch leads to the same page;
search finds 保護する責任 in module 4. (Every exercise answering in Japanese:
test_japanese_exercises.py, a file of its own so that the two test workers share the pages.)
"""
from __future__ import annotations

import re

import pytest

from conftest import all_pages, serious_violations, settle
from course_toc import expected_html_pages


PAGES = expected_html_pages()
KANA = re.compile(r"[\u3040-\u30ff]")  # hiragana and katakana: text that is Japanese


def test_the_japanese_edition_has_every_page(ja_site):
    assert set(all_pages(ja_site)) == set(PAGES)


@pytest.mark.parametrize("path", PAGES)
def test_japanese_page_loads_offline_cleanly_and_accessibly(visit_bilingual, path):
    page, log = visit_bilingual("ja/" + path)
    assert page.evaluate("document.documentElement.lang") == "ja", path
    if page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count():
        page.wait_for_selector("[data-exercise-type]", timeout=10_000)
    main = page.locator("main").inner_text()
    assert KANA.search(main), f"no Japanese text in the main part of {path}"
    assert not log.problems(), f"{path}:\n" + "\n".join(log.problems())
    violations = serious_violations(page)
    assert not violations, f"accessibility violations on ja/{path}:\n" + "\n".join(violations)


@pytest.mark.parametrize("path", ["book/index.html", "book/modules/04-responsibility-to-protect/origins.html",
                                  "book/back/glossary.html", "book/datasets/r2p_resolutions.html"])
def test_the_language_switch_leads_to_the_same_page(open_bilingual, path):
    page, log = open_bilingual(path)
    assert page.evaluate("document.documentElement.lang").startswith("en")
    with page.expect_navigation(wait_until="load"):
        page.locator("a.course-language-switch").first.click()
    settle(page)
    assert page.url.endswith("/ja/" + path), page.url
    assert page.evaluate("document.documentElement.lang") == "ja"
    with page.expect_navigation(wait_until="load"):
        page.locator("a.course-language-switch").first.click()
    settle(page)
    assert page.url.endswith("/" + path) and "/ja/" not in page.url, page.url
    assert not log.problems(), log.problems()


def test_searching_in_japanese_finds_module_4(open_bilingual):
    page, log = open_bilingual("ja/search.html?q=" + "保護する責任")
    page.wait_for_selector("#search-results li a", timeout=20000)
    links = page.eval_on_selector_all("#search-results li a", "els => els.map(a => a.getAttribute('href'))")
    assert any("04-responsibility-to-protect" in (href or "") for href in links), links
    assert not log.problems(), log.problems()


def test_the_japanese_glossary_lists_japanese_first(open_bilingual):
    page, _ = open_bilingual("ja/book/back/glossary.html")
    terms = page.eval_on_selector_all("dl.glossary > dt", "els => els.map(e => e.innerText.trim())")
    assert "保護する責任" in " ".join(terms[:200])
    first = page.locator("dl.glossary > dt").first.inner_text()
    assert KANA.search(first) or re.search(r"[\u4e00-\u9fff]", first), first
