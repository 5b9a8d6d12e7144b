"""The Japanese edition's charts and datasheets: every title, axis and legend title and alt
text in Japanese, with no English word of the English version left in it; the English
charts stay as they are (tests/unit/test_figures.py).

The Japanese comes from locales/ja/data/messages.po. A translator's new strings not yet in
the catalogue can be tried first by naming a JSON file of {key: Japanese} in
COURSE_JA_EXTRA: they are added to a copy of the catalogue in a temporary folder.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from exercises import i18n
from exercises.site import figures
from exercises.site.charts import svg_html

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def words(text: str) -> set[str]:
    """The lower-case English words of a text (names, acronyms and a dataset's name,
    japan_facts, may stay in a Japanese text)."""
    return {w for w in LATIN.findall(text.replace("japan_facts", "")) if len(w) >= 3 and re.fullmatch("[a-z]+", w)}


@pytest.fixture
def japanese(monkeypatch, tmp_path):
    """COURSE_LANG=ja, reading a copy of the real catalogues (plus COURSE_JA_EXTRA's strings)."""
    locales = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES_DIR / "ja" / "data", locales / "ja" / "data")
    extra = os.environ.get("COURSE_JA_EXTRA")
    if extra:
        po = locales / "ja" / "data" / "messages.po"
        with open(po, "rb") as f:
            catalog = read_po(f)
        english = i18n._messages()
        for key, text in json.loads(Path(extra).read_text(encoding="utf-8")).items():
            catalog.add(english[key], text, context=key)
        with open(po, "wb") as f:
            write_po(f, catalog)
    monkeypatch.setattr(i18n, "LOCALES_DIR", locales)
    monkeypatch.setenv(i18n.VARIABLE, "ja")
    i18n.missing.clear()
    yield
    i18n.missing.clear()


def shown_texts(spec) -> list[str]:
    """The chart's title and every axis and legend title (not its data)."""
    out = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("data", "datasets"):
                    continue
                if key == "title":
                    text = value.get("text") if isinstance(value, dict) else value
                    out.extend([text] if isinstance(text, str) else list(text or []))
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(spec)
    return [t for t in out if t]


def english_words(texts: list[str]) -> set[str]:
    return {w for t in texts for w in words(t)}


@pytest.mark.parametrize("name", figures.names())
def test_figure_in_japanese(name, japanese, monkeypatch):
    chart, alt_text = figures.chart(name)
    svg_html(chart, alt_text)  # its phone drawing fits (Japanese titles wrap) or this raises
    texts = [*shown_texts(chart.to_dict()), alt_text]
    monkeypatch.setenv(i18n.VARIABLE, "en")
    en_chart, en_alt = figures.chart(name)
    english = english_words([*shown_texts(en_chart.to_dict()), en_alt])
    assert english, "the English chart should have words to compare with"
    for text in texts:
        assert JAPANESE.search(text), f"{name}: not in Japanese: {text!r}"
        left = words(text) & english
        assert not left, f"{name}: English words {sorted(left)} in {text!r}"
    assert not {t for _, t in i18n.missing if "messages.po" in _}, "strings shown without a translation"


@pytest.mark.parametrize("name, shown", [("case-studies/risk-ranks", "南スーダン"),
                                         ("japans-aspiration/oda-level", "アメリカ合衆国"),
                                         ("challenges/aid-answers", "現在程度でよい")])
def test_categories_come_from_the_datasets_japanese_column(name, shown, japanese):
    chart, _ = figures.chart(name)
    assert shown in json.dumps(chart.to_dict()["datasets"], ensure_ascii=False)


def test_course_list_summary_in_japanese(japanese):
    from exercises.site.figures.responsibility_to_protect import course_list_summary
    text = course_list_summary()
    assert JAPANESE.search(text) and not words(text), text
    assert text.startswith("*") and "32" in text


@pytest.mark.parametrize("name", ["r2p_resolutions", "japan_public_opinion", "un_peacekeeping_force"])
def test_datasheet_in_japanese(name, japanese, monkeypatch):
    from exercises.datasets import PACKAGE, load, resource
    from exercises.site import datasheets
    frame = load(name)
    res = i18n.localize(resource(name), PACKAGE)
    text = datasheets._markdown(name, res, frame)
    caption = datasheets._table(name, frame)
    chart, alt_text = datasheets._chart(name, frame)
    monkeypatch.setenv(i18n.VARIABLE, "en")
    english = datasheets._markdown(name, resource(name), frame)
    en_chart, en_alt = datasheets._chart(name, frame)
    description = res["description"]
    assert JAPANESE.search(description) and description != resource(name)["description"]
    assert description in text and JAPANESE.search(caption.split("</caption>")[0])
    for label in ("Load it", "Who made it", "How to cite", "Coverage", "Caveats", "Licence", "Columns"):
        assert label in english and label not in text
    shown = [*shown_texts(chart.to_dict()), alt_text]
    left = english_words([*shown_texts(en_chart.to_dict()), en_alt]) & english_words(shown)
    assert all(JAPANESE.search(t) for t in shown[-1:]), alt_text
    # the charts' remaining English words are the data's own codes (column names, categories)
    codes = {w for c in frame.columns for w in re.split(r"[_\W]+", c)} | {
        w for c in frame.select_dtypes(exclude="number").columns for v in frame[c].dropna().astype(str).unique()
        for w in words(v)}
    assert left <= codes, sorted(left - codes)
