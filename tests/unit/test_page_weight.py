"""What keeps the built pages light: the themes' CSS without rules nothing can match
(exercises/site/unused_css.py), and each widget's code and style once per page
(exercises/site/widget_state.py)."""
from __future__ import annotations

import json
from pathlib import Path

from exercises.site.unused_css import purge, purge_site, site_words
from exercises.site.widget_state import MIN_SHARED, compact

CSS = ("@charset \"UTF-8\";/*! License kept */:root{--x:1}"
       ".used{a:1}.unused{b:2}.used .unused{c:3}.unused,.used>p{d:4}"
       "a:not(.unused){e:5}[data-theme=dark] .used{f:6}.x\\:y{g:7}"
       "@media (min-width:960px){.unused{h:8}.used:hover{i:9}}"
       "@media print{.unused{j:10}}@font-face{font-family:F;src:url(f.woff2)}"
       "@keyframes spin{0%{k:0}to{k:1}}.fa-sun:before{content:\"\\f185\"}.fa-moon:before{content:\"}\"}"
       "/* a comment */.used::after{l:11}#top{m:12}#gone{n:13}.used:is(.unused,.other){o:14}")


def test_purge_keeps_what_can_match():
    kept = purge(CSS, {"used", "fa-moon", "top"})
    for rule in ['@charset "UTF-8";', "/*! License kept */", ":root{--x:1}", ".used{a:1}", ".used>p{d:4}",
                 "a:not(.unused){e:5}", "[data-theme=dark] .used{f:6}", ".x\\:y{g:7}",
                 "@media (min-width:960px){.used:hover{i:9}}", "@font-face{font-family:F;src:url(f.woff2)}",
                 "@keyframes spin{0%{k:0}to{k:1}}", '.fa-moon:before{content:"}"}', ".used::after{l:11}",
                 "#top{m:12}", ".used:is(.unused,.other){o:14}"]:
        assert rule in kept, rule


def test_purge_drops_what_cannot():
    kept = purge(CSS, {"used", "fa-moon", "top"})
    for gone in [".unused{b:2}", ".used .unused", ".unused,.used>p", "h:8", "@media print", "fa-sun", "#gone",
                 "a comment"]:
        assert gone not in kept, gone


def test_purge_is_stable():
    words = {"used", "fa-moon", "top"}
    assert purge(purge(CSS, words), words) == purge(CSS, words)


def test_purge_site_reads_pages_and_scripts(tmp_path):
    (tmp_path / "_static" / "styles").mkdir(parents=True)
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "page.html").write_text('<div class="used">text</div>', encoding="utf-8")
    (tmp_path / "_static" / "theme.js").write_text('el.classList.add("shown")', encoding="utf-8")
    sheet = tmp_path / "_static" / "styles" / "pydata-sphinx-theme.css"
    css = ".used{a:1}.shown{b:2}.never{c:3}"
    sheet.write_text(css, encoding="utf-8")
    assert {"used", "shown", "text"} <= site_words(tmp_path)
    sizes = purge_site(tmp_path)
    assert sheet.read_text(encoding="utf-8") == ".used{a:1}.shown{b:2}"
    assert sizes["_static/styles/pydata-sphinx-theme.css"] == (len(css), len(".used{a:1}.shown{b:2}"))


def widget(esm: str, css: str = "CSS" * 10, spec: str = "s") -> dict:
    return {"model_module": "anywidget", "state": {"_esm": esm, "_css": css, "spec": spec}}


def test_compact_writes_each_text_once_and_joins_back():
    common = "// shared\n" + "x" * MIN_SHARED + "\n"
    state = {"version_major": 2, "state": {
        "a": widget(common + "single();\n"), "b": widget(common + "numeric();\n"),
        "c": widget(common + "single();\n"), "layout": {"state": {"width": "1px"}}}}
    original = json.loads(json.dumps(state))
    small = compact(state)
    pieces = small["course_pieces"]
    assert len(json.dumps(small)) < len(json.dumps(original)) - len(common)
    assert pieces.count(common) == 1 and pieces.count("CSS" * 10) == 1
    for model_id, model in original["state"].items():
        got = small["state"][model_id]["state"]
        for field in ("_esm", "_css"):
            if field in model["state"]:
                assert field not in got
                assert "".join(pieces[i] for i in got[f"{field}_pieces"]) == model["state"][field]
        assert got.get("spec") == model["state"].get("spec") and got.get("width") == model["state"].get("width")


def test_compact_leaves_a_page_without_widgets_alone():
    state = {"version_major": 2, "state": {"layout": {"state": {"width": "1px"}}}}
    assert compact(json.loads(json.dumps(state))) == state


def test_icon_font_keeps_the_characters_the_css_draws(tmp_path):
    from fontTools.ttLib import TTFont

    from exercises.site.icon_font import FONTS, drawn_characters, subset_fonts
    assert drawn_characters('.fa-sun:before{content:"\\f185"}.x{--i:"\\f0f3 "}.y{font-family:"Font Awesome\\ 6"}'
                            ".z{content:'→'}") == {0xF185, 0xF0F3, ord("→")}
    source = Path(theme_fonts()) / "fa-solid-900.woff2"
    font_dir = tmp_path / "_static" / Path(FONTS).parent
    font_dir.mkdir(parents=True)
    (font_dir / source.name).write_bytes(source.read_bytes())
    (tmp_path / "_static" / "theme.css").write_text('.fa-sun:before{content:"\\f185"}', encoding="utf-8")
    sizes = subset_fonts(tmp_path)
    before, after = sizes[f"_static/{Path(FONTS).parent.as_posix()}/fa-solid-900.woff2"]
    assert after < before / 10
    cut = TTFont(font_dir / source.name)
    assert cut.flavor == "woff2" and set(cut.getBestCmap()) == {0xF185}


def theme_fonts() -> Path:
    import pydata_sphinx_theme
    return Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / \
        "vendor" / "fontawesome" / "webfonts"
