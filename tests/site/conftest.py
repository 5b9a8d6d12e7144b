"""Build the site once (tests/site_build.py, shared with the notebook test), serve it on
127.0.0.1, and open pages in headless Chromium.

Every page is opened with every request off this machine blocked and recorded, so a
test can fail on any attempt to reach the network. Set COURSE_REUSE_BUILD=1 to skip
the (clean, strict) build and test the site already built. COURSE_BUILD_ROOT=DIR
builds into DIR/_build instead of ./_build (so parallel work does not collide).
"""
from __future__ import annotations

import re
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError, TimeoutError as PlaywrightTimeoutError

from exercises.kit.browser import is_local, serve
from site_build import BUILD_ROOT, HTML, ROOT, build, build_japanese  # noqa: F401 (the tests import them from here)


@pytest.fixture(scope="session")
def site() -> Path:
    return build()


@pytest.fixture(scope="session")
def ja_site() -> Path:
    return build_japanese()


@pytest.fixture(scope="session")
def bilingual_url(site, ja_site):
    """Both editions served as published: English at the root, Japanese under ja/."""
    with serve(site, {"ja/": ja_site}) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site) as url:
        yield url


@dataclass
class PageLog:
    offsite: list = field(default_factory=list)
    console_errors: list = field(default_factory=list)
    bad_responses: list = field(default_factory=list)
    failed: list = field(default_factory=list)

    def clear(self) -> None:
        for found in (self.offsite, self.console_errors, self.bad_responses, self.failed):
            found.clear()

    def problems(self) -> list[str]:
        return ([f"request off the machine: {u}" for u in self.offsite]
                + [f"console error: {m}" for m in self.console_errors]
                + [f"HTTP {s}: {u}" for s, u in self.bad_responses]
                + [f"request failed: {u} ({e})" for u, e in self.failed])


@contextmanager
def page_opener(browser, base_url):
    """A function that opens a page of the site at ``base_url`` in a new browser context ->
    (page, log); the contexts close when the block ends."""
    contexts = []

    def _open(path: str, init_script: str | None = None, **context_args):
        context = browser.new_context(**context_args)
        contexts.append(context)
        return open_logged(context, base_url + path, init_script)
    try:
        yield _open
    finally:
        for context in contexts:
            context.close()


class PageVisitor:
    """One browser context and one page that visit the site's pages in turn: ``visit(path)``
    -> (page, log), the log holding only that visit's problems and the page's storage
    emptied first. For tests that read a page as it loads (errors, widgets drawn,
    accessibility): a context of its own for each page costs a new renderer process and a
    cold cache, about a second of CPU a page. Offsite requests are blocked as in
    :func:`open_logged`."""

    def __init__(self, browser, base_url: str, **context_args):
        self.base_url = base_url
        self.log = PageLog()
        self.context = browser.new_context(**context_args)
        block_offsite(self.context, self.log)
        self.page = self.context.new_page()
        watch_page(self.page, self.log)

    def visit(self, path: str):
        if self.page.url.startswith(self.base_url):  # the site's own storage, from the last visit
            self.page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        self.log.clear()
        self.page.goto(self.base_url + path, wait_until="load")
        settle(self.page)
        return self.page, self.log


@contextmanager
def visiting(browser, base_url: str, **context_args):
    """A PageVisitor's visit function; its context closes when the block ends."""
    visitor = PageVisitor(browser, base_url, **context_args)
    try:
        yield visitor.visit
    finally:
        visitor.context.close()


@pytest.fixture(scope="module")
def visit_page(browser, base_url):
    """visit_page("book/index.html") -> (page, log), in a context the module's tests share."""
    with visiting(browser, base_url) as visit:
        yield visit


@pytest.fixture(scope="module")
def visit_bilingual(browser, bilingual_url):
    """visit_page with both editions served together (Japanese under ja/)."""
    with visiting(browser, bilingual_url) as visit:
        yield visit


@pytest.fixture
def page_visitor(browser, base_url):
    """page_visitor(viewport=...) -> a visit function like visit_page's, in a context of
    its own with those arguments, for a test that reads many pages at one size."""
    with ExitStack() as stack:
        yield lambda **context_args: stack.enter_context(visiting(browser, base_url, **context_args))


@pytest.fixture
def open_page(browser, base_url):
    """open_page("book/front/how-to-use.html") -> (page, log); offsite requests are blocked."""
    with page_opener(browser, base_url) as _open:
        yield _open


@pytest.fixture
def open_bilingual(browser, bilingual_url):
    """open_bilingual("ja/book/index.html") -> (page, log), both editions served together."""
    with page_opener(browser, bilingual_url) as _open:
        yield _open


def watch_page(page, log: PageLog) -> None:
    """Record the page's console errors, HTTP errors and failed local requests in ``log``."""
    page.on("console", lambda m: m.type == "error" and log.console_errors.append(m.text))
    page.on("pageerror", lambda e: log.console_errors.append(str(e)))
    page.on("response", lambda r: r.status >= 400 and log.bad_responses.append((r.status, r.url)))
    page.on("requestfailed", lambda r: failed(r) and log.failed.append((r.url, r.failure)))


def failed(request) -> bool:
    """A local request that failed. Not one cancelled (net::ERR_ABORTED) because its page
    went on to another: the browser asks for the favicon after the load event, and a test
    that moves on at once cancels it."""
    return is_local(request.url) and request.failure != "net::ERR_ABORTED"


def block_offsite(context, log: PageLog) -> None:
    """Every request of ``context`` that would leave this machine is refused and recorded in
    ``log``."""
    def route(r):
        if is_local(r.request.url):
            r.continue_()
        else:
            log.offsite.append(r.request.url)
            r.abort()
    context.route("**/*", route)


def open_logged(context, url: str, init_script: str | None = None):
    """Open ``url`` (http://127.0.0.1 or file://) in ``context`` with every request off the
    machine blocked and recorded -> (page, log). Pages the context opens later (pop-ups)
    are blocked the same way; watch them with :func:`watch_page`."""
    if init_script:  # runs in every page before the page's own scripts
        context.add_init_script(init_script)
    log = PageLog()
    block_offsite(context, log)
    page = context.new_page()
    watch_page(page, log)
    page.goto(url, wait_until="load")
    settle(page)
    return page, log


# Resolves once no exercise is left to draw (a promise: no polling on every frame), with the
# address a <meta http-equiv="refresh"> sends the page on to, if any.
SETTLED = """() => new Promise(resolve => {
  const done = () => !document.querySelector('script[type="application/vnd.jupyter.widget-view+json"]')
    || document.documentElement.dataset.exercises === 'drawn';
  const onward = () => {
    const refresh = document.querySelector('meta[http-equiv="refresh" i]');
    const target = refresh && /url=(.+)$/i.exec(refresh.content);
    resolve(target ? new URL(target[1].trim(), location.href).href : null);
  };
  if (done()) return onward();
  new MutationObserver((_, observer) => { if (done()) { observer.disconnect(); onward(); } })
    .observe(document.documentElement, {attributes: true, attributeFilter: ['data-exercises']});
})"""


def settle(page) -> None:
    """Wait, after its load event, until the page's exercises are drawn (or have failed,
    with a console error): book/_theme/anywidget-static.js marks <html data-exercises="drawn">.
    A page that sends the browser on (the site's root index.html) is followed to the page it
    sends it to, where the browser goes (not every browser follows a refresh between files
    on the disk). Nothing else on a page loads after its load event, so there is no wait for
    the network to be quiet (Playwright's "networkidle" adds half a second to every page)."""
    for _ in range(5):
        try:
            onward = page.evaluate(SETTLED)
        except PlaywrightError as error:  # the page moved on while we asked
            if "Execution context was destroyed" not in str(error):
                raise
            page.wait_for_load_state("load")
            continue
        if not onward or onward == page.url:
            return
        try:
            page.wait_for_url(onward, wait_until="load", timeout=5_000)
        except PlaywrightTimeoutError:  # the browser stays where it is
            return


SLIDE_SIZES = """async () => {
  const sizes = [];
  for (let index = 0; index < Reveal.getTotalSlides(); index++) {
    Reveal.slide(index);  // the deck fits the slide as it is shown (book/_theme/slides-fit.js)
    const slide = Reveal.getCurrentSlide();
    await Promise.all([...slide.querySelectorAll('img')].filter(img => !img.complete)
      .map(img => new Promise(done => { img.addEventListener('load', done, {once: true});
                                         img.addEventListener('error', done, {once: true}); })));
    await new Promise(done => requestAnimationFrame(() => done()));
    sizes.push([slide.querySelector('h1, h2').textContent.trim(), slide.scrollHeight,
                slide.classList.contains('deck-scroll')]);
  }
  return sizes;
}"""


def slide_sizes(page) -> list[tuple[str, int, bool]]:
    """Each slide of the open deck, shown in turn with its pictures loaded: its heading, its
    height in pixels and whether it scrolls (what still did not fit once shrunk)."""
    return [tuple(size) for size in page.evaluate(SLIDE_SIZES)]


def overflowing(sizes: list[tuple[str, int, bool]], leave_out: str) -> list[str]:
    """The slides taller than the 720-pixel stage, or scrolling, but those headed
    ``leave_out`` (the sources, which may scroll)."""
    return [f"{index} {heading!r} ({height}px)" for index, (heading, height, scrolls) in enumerate(sizes, 1)
            if heading != leave_out and (scrolls or height > 720)]


def all_pages(html_dir: Path = HTML) -> list[str]:
    """Every HTML page of the built site, relative to its root."""
    return sorted(p.relative_to(html_dir).as_posix() for p in html_dir.rglob("*.html")
                  if not p.relative_to(html_dir).parts[0].startswith("_"))


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical accessibility violations on the open page."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => `${v.id} (${v.impact}): ${v.help} -- ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)")


FIGURE_IMAGES = """async () => Promise.all([...document.querySelectorAll('figure.course-chart img, figure.datasheet-chart img')]
  .map(async img => ({alt: img.alt.slice(0, 60), phone: img.currentSrc !== img.src,
                      shown: img.getBoundingClientRect().width,
                      svg: await (await fetch(img.currentSrc)).text()})))"""


def figure_images(page) -> list[dict]:
    """The page's static (Altair) figures as drawn at its width: for each, its alt text's
    start, whether the phone drawing is the one shown, its width on screen and its SVG."""
    page.wait_for_function("[...document.querySelectorAll('figure.course-chart img, figure.datasheet-chart img')]"
                           ".every(i => i.complete && i.currentSrc)")
    return page.evaluate(FIGURE_IMAGES)


def pages_with_figures(html_dir: Path = HTML) -> list[str]:
    """Every built page that shows a static figure (a chart of a data page or a datasheet)."""
    return [p for p in all_pages(html_dir)
            if re.search(r'class="(course|datasheet)-chart"', (html_dir / p).read_text(encoding="utf-8"))]
