"""The Japanese edition's machinery (exercises/i18n.py, exercises/catalogues.py) and the
catalogues themselves: markup that survives translation, placeholders that match, program
strings that exist."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from markdown_it import MarkdownIt

from exercises import catalogues, i18n
from exercises.paths import PACKAGE_DIR, ROOT

CATALOGUES = sorted(i18n.LOCALES_DIR.rglob("*.po"))
ROLE = re.compile(r"\{(cite:[pt]|cite|doc|ref|numref|download|course-ja)\}`([^`]*)`")
TERM = re.compile(r"\{term\}`([^`]*)`")
LINK = re.compile(r"\]\((<?[^)\s>]+>?)\)")
PLACEHOLDER = re.compile(r"\{(\w+)\}")
MD = MarkdownIt("commonmark")


def entries(po: Path):
    with open(po, "rb") as f:
        return [m for m in read_po(f) if m.id and m.string and not m.fuzzy]


def term_target(text: str) -> str:
    m = re.search(r"<([^<>]+)>\s*$", text)
    return (m.group(1) if m else text).strip().lower()


def roles(text: str) -> list[tuple[str, str]]:
    """Each role and its target (a cross-reference may carry a translated title: `title <target>`)."""
    out = []
    for role, content in ROLE.findall(text):
        m = re.search(r"<([^<>]+)>\s*$", content) if role in ("doc", "ref", "numref", "download") else None
        out.append((role, m.group(1).strip() if m else content))
    return sorted(out)


def rendered(text: str) -> tuple[int, int, int]:
    html = MD.render(text)
    return html.count("<strong>"), html.count("<em>"), html.count("<code>")


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.relative_to(i18n.LOCALES_DIR).as_posix())
def test_translations_keep_the_markup(po):
    """Citations, cross-references, glossary links, link targets and emphasis survive: a
    translation that loses one breaks the page or misleads (a citation gone)."""
    problems = []
    for m in entries(po):
        if roles(m.id) != roles(m.string):
            problems.append(f"roles differ: {m.id[:60]!r}")
        if sorted(map(term_target, TERM.findall(m.id))) != sorted(map(term_target, TERM.findall(m.string))):
            problems.append(f"{{term}} targets differ: {m.id[:60]!r}")
        if sorted(LINK.findall(m.id)) != sorted(LINK.findall(m.string)):
            problems.append(f"link targets differ: {m.id[:60]!r}")
        if rendered(m.id) != rendered(m.string):
            problems.append(f"bold/italic/code render differently {rendered(m.id)} vs {rendered(m.string)}: "
                            f"{m.string[:80]!r}")
        if m.context and sorted(PLACEHOLDER.findall(m.id)) != sorted(PLACEHOLDER.findall(m.string)):
            problems.append(f"placeholders differ in {m.context}")
    assert not problems, "\n".join(problems)


def test_every_program_string_used_exists_and_every_one_is_used():
    keys = set(i18n._messages())
    # the package's code, and the pages' code cells (a data page's table headers)
    code = [p.read_text(encoding="utf-8") for p in [*PACKAGE_DIR.rglob("*.py"), *PACKAGE_DIR.rglob("*.js"),
                                                    *(ROOT / "book").rglob("*.md")]
            if "__pycache__" not in p.parts]
    called, quoted = set(), set()
    for text in code:
        called |= set(re.findall(r"""\b(?:_t|t|message)\(\s*f?["']([a-z_]+\.[a-z0-9_.]+)["']""", text))
        quoted |= set(re.findall(r"""["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""", text))
    assert called - keys == set(), f"strings used but not in messages.json: {sorted(called - keys)}"
    # case.<part>, built from PARTS; toc.<caption>, from _toc.yml's captions; a progress
    # item's state, progress.state_<state> in progress.js
    dynamic = {k for k in keys if k.startswith(("case.", "toc.", "progress.state_"))}
    assert keys - quoted - dynamic == set(), f"unused strings in messages.json: {sorted(keys - quoted - dynamic)}"


def test_the_widgets_get_every_string_their_code_looks_up():
    from exercises.widgets import HERE, STRINGS
    code = "\n".join(p.read_text(encoding="utf-8") for p in HERE.glob("*.js"))
    looked_up = set(re.findall(r"""\bt\(\s*[^,)]*?["'`]([a-z_]+\.)""", code))
    assert looked_up and looked_up <= set(STRINGS), f"prefixes the widgets use but do not get: {looked_up - set(STRINGS)}"
    sent = i18n.browser_script("ja", STRINGS)
    assert all(f'"{key}"' in sent for key in i18n.messages("ja") if key.startswith(STRINGS))
    assert '"room.' not in sent and '"fig.' not in sent


def test_localize_translates_prose_and_leaves_ids_and_data(tmp_path, monkeypatch):
    source = ROOT / "book" / "cases" / "rwanda-1994.yml"
    po = i18n.catalogue_path(source, "ja")
    from exercises.yaml_data import parse_yaml, read_text
    data, _ = parse_yaml(read_text(source), source)
    japanese = i18n.localize(data, source, "ja")
    assert japanese["id"] == data["id"]
    assert i18n.translate(data["title"], po) == japanese["title"] != data["title"]
    assert i18n.localize(data, source, "en") is data


def test_an_english_change_leaves_the_old_translation_out_of_date(tmp_path, monkeypatch):
    """After `course i18n update`, a translation whose English changed is fuzzy: not shown,
    counted as out of date; an unchanged one stays finished."""
    monkeypatch.setattr(i18n, "LOCALES_DIR", tmp_path / "locales")
    monkeypatch.setattr(i18n, "ROOT", ROOT)
    source = tmp_path / "bank.yml"
    source.write_text("title: The first title\nintro: keep\nexercises:\n  - {id: a, prompt: A question about R2P.}\n",
                      encoding="utf-8")
    monkeypatch.setattr(catalogues, "ROOT", tmp_path)
    po = tmp_path / "bank.po"
    catalogues.merge(catalogues.yaml_template(source), po, "ja")
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgid "The first title"\nmsgstr ""', 'msgid "The first title"\nmsgstr "最初の題"')
    text = text.replace('msgid "A question about R2P."\nmsgstr ""', 'msgid "A question about R2P."\nmsgstr "R2Pについての問い。"')
    po.write_text(text, encoding="utf-8")
    assert i18n.translate("The first title", po) == "最初の題"

    source.write_text(source.read_text(encoding="utf-8").replace("The first title", "The first heading"),
                      encoding="utf-8")
    template = catalogues.yaml_template(source)
    catalogues.merge(template, po, "ja")
    result = catalogues.count(template, po)
    assert (result.total, result.translated, result.outdated) == (2, 1, 1)
    assert i18n.translate("The first heading", po) == "The first heading"  # the stale Japanese is not shown
    assert i18n.translate("A question about R2P.", po) == "R2Pについての問い。"
    assert "#| msgid \"The first title\"" in po.read_text(encoding="utf-8")  # the old English, for the translator


def test_the_status_names_what_the_strict_build_needs():
    table = {("04-responsibility-to-protect", "pages"): catalogues.Count(total=3, translated=2),
             ("front and back", "pages"): catalogues.Count(total=5, translated=0),
             ("widgets", "messages"): catalogues.Count(total=2, translated=2)}
    problems = catalogues.required_complete(table)
    assert problems == ["04-responsibility-to-protect pages: 2 of 3 translated (0 out of date, 1 missing)"]


def test_the_japanese_edition_is_complete_where_the_build_requires_it():
    """What `course book --lang ja` checks before building (the pages are checked by the build)."""
    table = catalogues.status("ja")
    problems = catalogues.required_complete({k: v for k, v in table.items() if k[1] != "pages"})
    assert not problems, "\n".join(problems)


def test_a_language_that_is_not_the_courses_is_refused(monkeypatch):
    monkeypatch.setenv(i18n.VARIABLE, "fr")
    with pytest.raises(i18n.LanguageError, match="en, ja"):
        i18n.current()


def test_messages_in_japanese_fill_their_placeholders():
    assert i18n.message("check.choose_one", "ja", n=4) != i18n.message("check.choose_one", "en", n=4)
    assert "4" in i18n.message("check.choose_one", "ja", n=4)
