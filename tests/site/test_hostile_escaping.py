"""No script from content or data (issue 12), in Chromium.

The hostile fixtures in ``tests/hostile/escaping/`` (an exercise bank, a dataset row, a
case box, an agenda, roles, a module's glossary, pages and deck) hold upper- and
mixed-case payloads (``</SCRIPT >``, ``</ScRiPt>``, ``<!--<script>``, ``<img onerror>``,
``javascript:`` links, ``]]>``...), each setting ``window.__pwned`` to its own number.
They are built into a one-page site with the course's extension (in a temporary folder,
never the real book), a deck, the LMS exports and the handouts; every result is opened
in Chromium and must leave the canary unset, keep the page whole and show the payloads
as text.
"""
from __future__ import annotations

import contextlib
import re
import zipfile
from xml.etree import ElementTree as ET

import pytest

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from exercises.kit.browser import serve
from hostile.escaping.fixtures import FIXTURES, build_hostile_site, hostile_banks
from conftest import open_logged

CANARY = "window.__pwned"
# after the page's scripts and the widgets have run: what must hold on every page
INERT_CHECK = """() => ({
  pwned: window.__pwned === undefined ? null : String(window.__pwned),
  handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes]
      .filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
  jsLinks: [...document.querySelectorAll('[href],[src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src'))
      .filter((u) => /^\\s*(javascript|vbscript|data:text\\/html)/i.test(u.replace(/[\\u0000-\\u0020]/g, ''))),
  injected: [...document.querySelectorAll('img[src="x"], svg[onload], iframe')].length,
  text: (() => {  // the text nodes of the page (as typed: innerText would apply text-transform)
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const out = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest('script, style')) out.push(node.textContent);
    }
    return out.join('');
  })(),
})"""


def as_typed(text: str) -> str:
    """Text with Sphinx's smart quotes and dashes turned back into what was typed."""
    return (text.translate({ord("“"): '"', ord("”"): '"', ord("‘"): "'", ord("’"): "'"})
            .replace("—", "---").replace("–", "--"))


def assert_inert(page, must_show: list[str] = ()) -> str:
    page.wait_for_timeout(200)  # onerror handlers of broken images fire after load
    state = page.evaluate(INERT_CHECK)
    assert state["pwned"] is None, f"a payload ran a script: {CANARY} = {state['pwned']}"
    assert not state["handlers"], f"event handler attributes on the page: {state['handlers'][:5]}"
    assert not state["jsLinks"], f"script links on the page: {state['jsLinks'][:5]}"
    assert state["injected"] == 0, "an injected element (img src=x, svg onload, iframe) is on the page"
    shown = as_typed(state["text"])
    for text in must_show:
        assert text in shown, f"{text!r} is not shown as text"
    return shown


@pytest.fixture(scope="module", params=["student", "instructor"])
def hostile_site(request, tmp_path_factory):
    """The page in each edition (the student one sends graded exercises without answers,
    the instructor one adds every answer key)."""
    return build_hostile_site(tmp_path_factory.mktemp(f"hostile-{request.param}"), request.param)


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    with serve(hostile_site) as url:
        yield url


def test_widget_state_and_yaml_directives_are_inert_on_a_built_page(browser, hostile_site, hostile_url):
    context = browser.new_context()
    try:
        page, log = open_logged(context, hostile_url + "index.html")
        # the 8 widgets (7 of the bank, 1 over the dataset); on a broken page the canary and the checks below say why
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function("document.querySelectorAll('.cx-exercise').length >= 8", timeout=15000)
        assert_inert(page)
        assert page.locator(".cx-exercise").count() == 8, "not every widget rendered"
        text = assert_inert(page, must_show=[
            'Exercise: </SCRIPT ><img src=x onerror=window.__pwned=1>',  # exercise title
            '</script><script>window.__pwned=7</script>',                 # chart series (inline data)
            '<img src=x onerror=window.__pwned=25>',                      # a question's unit
            "END-OF-PAGE-MARKER",                                           # <!--<script> hid nothing
            'Case: </SCRIPT ><img src=x onerror="window.__pwned=41">',     # case box title
            '<svg onload="window.__pwned=43">',                            # case box Markdown field
            '<img src=x onerror="window.__pwned=47">',                     # {raw} html in a case
            '</ScRiPt><img src=x onerror="window.__pwned=51">',            # agenda title
            '* - injected row',                                            # agenda activity title
            '</ScRiPt><img src=x onerror="window.__pwned=63">',            # role name
            '<script>window.__pwned=68</script>',                          # role care note
            '</SCRIPT ><img src=x onerror="window.__pwned=71">',           # glossary term
            '<img src=x onerror="window.__pwned=74">',                     # glossary reading
        ])
        # the dataset row appended to a copy of oda_dac_donors.csv, in the data explorer
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        assert_inert(page, must_show=['</SCRIPT ><img src=x onerror=window.__pwned=91>'])
        assert "<!--<script>" in text
        assert "SECRET-OF-THE-BUILD-MACHINE" not in text  # {literalinclude} in a case box
        assert ("Answer key: " in text) == (hostile_site.parent.name.startswith("hostile-instructor"))
        assert not log.console_errors, log.problems()
        # the glossary's source link stays one link to example.org, its payload encoded
        hrefs = page.eval_on_selector_all("a", "els => els.map((a) => a.getAttribute('href'))")
        source = [h for h in hrefs if h and "example.org" in h]
        assert source and all(h.startswith("https://example.org/a%29%5Bx%5D%28javascript") for h in source), source
        assert as_typed(page.locator('span[lang="ja"]').first.inner_text()).startswith("<!--<script>")
    finally:
        context.close()
    html = (hostile_site / "index.html").read_text(encoding="utf-8")
    state = re.search(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', html, re.S)
    assert state, "the page has no widget state"
    assert not re.search(r"[<>&]", state.group(1)), "the widget state holds <, > or & unescaped"


def test_deck_discussion_questions_and_module_texts_are_inert(browser, tmp_path):
    from exercises.kit.slides import build
    index = build(["01-hostile"], out=tmp_path / "slides", modules_dir=FIXTURES / "modules")
    context = browser.new_context()
    try:
        page, _log = open_logged(context, index.resolve().as_uri())
        assert_inert(page, must_show=['Hostile </SCRIPT ><img src=x onerror="window.__pwned=81">'])
        page, _log = open_logged(context, (index.parent / "01-hostile" / "index.html").resolve().as_uri())
        assert_inert(page, must_show=[
            '</ScRiPt><img src=x onerror="window.__pwned=84">', "<!--<script>",
            '<svg onload="window.__pwned=85">', '<img src=x onerror="window.__pwned=82">',
            ']]><img src=x onerror="window.__pwned=87">', "END-OF-DECK-MARKER"])
    finally:
        context.close()


def _html_fragments(xml: bytes) -> list[str]:
    """Every piece of HTML an LMS would show from an exported file."""
    root = ET.fromstring(xml)  # the export must parse
    out = []
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "mattext" and el.get("texttype") == "text/html":
            out.append(el.text or "")
        if tag == "text" and el.text:
            out.append(el.text)  # Moodle's <text> (HTML or plain; shown as HTML by some)
    return out


def test_lms_exports_parse_and_their_html_is_inert(browser, tmp_path):
    from exercises.kit.lms import export
    banks = hostile_banks()
    export(tmp_path / "lms", banks={"hostile": banks["hostile"]})
    fragments = _html_fragments((tmp_path / "lms" / "moodle" / "hostile.xml").read_bytes())
    with zipfile.ZipFile(tmp_path / "lms" / "canvas" / "hostile.zip") as z:
        for name in z.namelist():
            if name.endswith(".xml"):  # (images/ holds the charts' PNGs)
                fragments += _html_fragments(z.read(name))
    assert len(fragments) > 20
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route("**/*", lambda route: route.abort())
        for fragment in fragments:
            page.set_content(f"<!DOCTYPE html><body>{fragment}<p>END-OF-FRAGMENT</p></body>")
            assert_inert(page, must_show=["END-OF-FRAGMENT"])
    finally:
        context.close()
    category = next(f for f in fragments if f.startswith("$course$/"))
    assert "<" not in category and "&lt;//SCRIPT &gt;" in category  # Moodle reads // as a slash


def test_handouts_and_role_cards_are_inert(browser, tmp_path):
    from exercises.kit import handouts
    from exercises.kit.myst_print import Bibliography
    course = handouts.course_info()
    bibliography = Bibliography.from_config()
    banks = hostile_banks()
    pages = {
        "student": handouts.student_html("01-hostile", course, bibliography, banks, {}, FIXTURES / "modules"),
        "answers": handouts.answers_html("01-hostile", course, bibliography, banks, FIXTURES / "modules"),
        "cards": handouts.role_cards_page(course, bibliography, "hostile-roles", FIXTURES / "roles")[0],
    }
    context = browser.new_context()
    try:
        for name, html in pages.items():
            path = tmp_path / f"{name}.html"
            path.write_text(html, encoding="utf-8")
            page, _log = open_logged(context, path.resolve().as_uri())
            must = {"student": ['Hostile </SCRIPT ><img src=x onerror="window.__pwned=81">',
                                '</SCRIPT ><img src=x onerror="window.__pwned=71">', "<!--<script>"],
                    "answers": ['</SCRIPT ><img src=x onerror=window.__pwned=15>'],
                    "cards": ['</ScRiPt><img src=x onerror="window.__pwned=63">',
                              '<img src=x onerror="window.__pwned=64">']}[name]
            assert_inert(page, must_show=must)
    finally:
        context.close()
