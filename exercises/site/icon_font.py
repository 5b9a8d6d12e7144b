"""Cut the theme's icon fonts down to the icons the site's CSS can show.

pydata-sphinx-theme ships Font Awesome's solid, regular and brands fonts (156, 25 and
118 kB as WOFF2), and a page showing any icon (the search, menu and dark-mode buttons are
on every page) loads the whole solid font. After the themes' CSS has lost the rules no page
can match (:mod:`exercises.site.unused_css`), the characters its remaining rules can
still draw (every escaped or non-ASCII character in its strings: ``content:"\\f185"``,
``--pst-icon-...``) are all the icons the site can show; each font in ``_static`` is cut to
those (fontTools' subsetter), keeping its name, format and metrics. The TrueType copies
(a fallback only for browsers without WOFF2) are left whole.
"""
from __future__ import annotations

import re
from pathlib import Path

FONTS = "vendor/fontawesome/webfonts/*.woff2"
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\'', re.S)
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?")


def drawn_characters(css: str) -> set[int]:
    """Code points of every escaped or non-ASCII character inside the CSS's strings."""
    points: set[int] = set()
    for m in _STRING.finditer(css):
        text = m.group(1) if m.group(1) is not None else m.group(2)
        points.update(int(h, 16) for h in _ESCAPE.findall(text))
        points.update(ord(c) for c in _ESCAPE.sub("", text) if ord(c) > 127)
    return points


def subset_fonts(html_dir: Path) -> dict[str, tuple[int, int]]:
    """Cut each icon font in ``html_dir/_static`` to the characters the site's CSS draws;
    -> {name: (bytes before, bytes after)}."""
    from fontTools import subset

    static = html_dir / "_static"
    points: set[int] = set()
    for sheet in static.rglob("*.css"):
        points |= drawn_characters(sheet.read_text(encoding="utf-8", errors="replace"))
    sizes = {}
    for path in sorted(static.glob(FONTS)):
        before = path.stat().st_size
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        font = subset.load_font(str(path), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=points & set(font.getBestCmap()))
        subsetter.subset(font)
        tmp = path.with_suffix(".woff2.tmp")
        subset.save_font(font, str(tmp), options)
        tmp.replace(path)
        sizes[path.relative_to(html_dir).as_posix()] = (before, path.stat().st_size)
    return sizes
