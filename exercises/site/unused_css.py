"""Drop the style rules of the themes' CSS that nothing in the built site can match.

Every page loads pydata-sphinx-theme's stylesheet (Bootstrap and Font Awesome's ~2,000
icon classes included: 400 kB), sphinx-design's and myst-nb's, although the course uses a
small part of each. After the build (``build-finished``), each of those stylesheets in
``_static`` is rewritten keeping only the rules one of whose selectors names classes and
ids that all occur somewhere in the site: as a word in any built page (its HTML, and the
exercise code and data embedded in it) or in any script the site ships (the theme's, and
Bootstrap's, which add classes as pages run). Everything else is kept as it is: rules with
no class or id, ``@font-face``, ``@keyframes``, custom properties, license comments; a
selector the scan cannot read with certainty (escaped characters) is kept.

A word that merely occurs keeps its rules, so the scan errs towards keeping CSS. Sphinx
copies the themes' files afresh on each build, so a page that starts using a class gets its
rules back on the next build.
"""
from __future__ import annotations

import re
from pathlib import Path

# The themes' stylesheets, by name under _static (the course's own course.css is small and
# written for the course).
STYLESHEETS = ("styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css",
               "sphinx-design.min.css", "mystnb.*.css")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_NAMES = re.compile(r"[.#](-?[A-Za-z_][\w-]*)")
# parts of a selector that do not have to match for the selector to apply
_OPTIONAL = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\(|\[")


def site_words(html_dir: Path) -> set[str]:
    """Every word of every built page and every script of the site."""
    words: set[str] = set()
    for pattern in ("**/*.html", "**/*.js"):
        for path in html_dir.glob(pattern):
            words.update(_WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return words


def _split(text: str, stop: str, start: int = 0) -> int:
    """Index of the first ``stop`` character at depth 0 from ``start`` (outside strings,
    comments, brackets, parentheses and nested blocks), or len(text)."""
    depth, i, n = 0, start, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            i += 1
            while i < n and text[i] != c:
                i += 2 if text[i] == "\\" else 1
        elif c == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 1
        elif depth == 0 and c in stop:
            return i
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        i += 1
    return n


def _required(selector: str) -> list[str]:
    """Classes and ids the selector needs on the page (those inside :not(), :is(), :has()
    or an attribute test are left out)."""
    plain, depth, i = [], 0, 0
    while i < len(selector):
        if depth == 0:
            m = _OPTIONAL.match(selector, i)
            if m:
                depth, i = 1, m.end()
                continue
            plain.append(selector[i])
        elif selector[i] in "([":
            depth += 1
        elif selector[i] in ")]":
            depth -= 1
        i += 1
    return _NAMES.findall("".join(plain))


def _keep_selectors(selectors: str, words: set[str]) -> str:
    kept, i = [], 0
    while i <= len(selectors):
        end = _split(selectors, ",", i)
        selector = selectors[i:end].strip()
        if selector and ("\\" in selector or all(name in words for name in _required(selector))):
            kept.append(selector)
        i = end + 1
    return ",".join(kept)


def purge(css: str, words: set[str]) -> str:
    """``css`` without the rules none of whose selectors can match (see the module)."""
    out, i, n = [], 0, len(css)
    while i < n:
        while i < n and css[i].isspace():
            i += 1
        if i >= n:
            break
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            end = n if end < 0 else end + 2
            if css.startswith("/*!", i):  # license notices stay
                out.append(css[i:end])
            i = end
            continue
        head_end = _split(css, "{;", i)
        head = css[i:head_end].strip()
        if head_end >= n or css[head_end] == ";":  # @charset, @import ...
            out.append(head + ";")
            i = head_end + 1
            continue
        body_end = _split(css, "}", head_end + 1)
        body = css[head_end + 1:body_end]
        i = body_end + 1
        if head.startswith("@"):
            if re.match(r"@(media|supports|layer|container)\b", head):
                inner = purge(body, words)
                if inner:
                    out.append(f"{head}{{{inner}}}")
            else:  # @font-face, @keyframes, @page ...
                out.append(f"{head}{{{body}}}")
            continue
        selectors = _keep_selectors(head, words)
        if selectors:
            out.append(f"{selectors}{{{body}}}")
    return "".join(out)


def purge_site(html_dir: Path) -> dict[str, tuple[int, int]]:
    """Rewrite the themes' stylesheets in ``html_dir/_static``; -> {name: (before, after)} bytes."""
    words = site_words(html_dir)
    sizes = {}
    for pattern in STYLESHEETS:
        for path in sorted((html_dir / "_static").glob(pattern)):
            css = path.read_text(encoding="utf-8")
            kept = purge(css, words)
            path.write_text(kept, encoding="utf-8")
            sizes[path.relative_to(html_dir).as_posix()] = (len(css.encode()), len(kept.encode()))
    return sizes
