"""One escaping rule per boundary (issue 12): the helpers of exercises/escaping.py, the
MyST made inert by the course's directives, the URLs and control characters refused with
file, line and field. The built pages, decks, exports and handouts are opened in Chromium
by tests/site/test_hostile_escaping.py."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from docutils import nodes
from docutils.core import publish_doctree
from myst_parser.parsers.docutils_ import Parser

from exercises.escaping import json_in_script, myst_link, myst_text, safe_url, url_problem, xml_problem
from exercises.site.agenda import agenda_markdown, load_agenda
from exercises.site.case_box import case_markdown, load_case
from exercises.site.directives import inert, safe_target
from exercises.site.glossary import glossary_markdown, load_glossary
from exercises.site.roles import load_roles, roles_markdown
from exercises.specs import parse_bank
from exercises.yaml_data import SpecError
from hostile.escaping.fixtures import FIXTURES, PAYLOADS, hostile_banks

ROOT = Path(__file__).resolve().parents[2]


def myst(text: str) -> nodes.document:
    """``text`` parsed as MyST by docutils (as the book's parser reads it, Sphinx aside)."""
    return publish_doctree(text, parser=Parser(), settings_overrides={
        "report_level": 5, "myst_enable_extensions": ["colon_fence", "deflist"]})


# ------------------------------------------------------------------ JSON inside <script>

@pytest.mark.parametrize("payload", PAYLOADS)
def test_json_in_script_cannot_end_or_comment_the_script(payload):
    value = {"title": payload, "rows": [[payload, 1]], "unit": payload}
    out = json_in_script(value)
    assert not re.search(r"[<>&]", out)
    assert json.loads(out) == value  # what JSON.parse reads back


# ------------------------------------------------------------------ plain text into MyST

@pytest.mark.parametrize("payload", [*PAYLOADS, "# not a heading", "- not a list", "1. not a list", "{term}`x`",
                                     "{{ substitution }}", "***", "| a | b |"])
def test_myst_text_shows_markup_as_typed(payload):
    doc = myst(f"Before {myst_text(payload)} after")
    assert [type(n).__name__ for n in doc.children] == ["paragraph"]
    assert not list(doc.findall(nodes.raw)) and not list(doc.findall(nodes.reference))
    assert doc.astext() == f"Before {' '.join(payload.split())} after"


# ------------------------------------------------------------------ MyST Markdown made inert

HOSTILE_MARKDOWN = [
    '<img src=x onerror="window.__pwned=1">',
    "</SCRIPT ><script>window.__pwned=1</script>",
    "<!--<script>",
    "```{raw} html\n<img src=x onerror=window.__pwned=1>\n```",
    "```{eval-rst}\n.. raw:: html\n\n   <b onmouseover=x>\n```",
    '<a href="JaVaScRiPt:window.__pwned=1">x</a>',
    "```{eval-rst}\n`x <java\tscript:window.__pwned=1>`_\n```",
    "```{eval-rst}\n`x <javascript:window.__pwned=1>`_\n```",
    "```{eval-rst}\n.. image:: javascript:window.__pwned=1\n```",
]


@pytest.mark.parametrize("markdown", HOSTILE_MARKDOWN)
def test_inert_leaves_no_raw_html_or_script_link(markdown):
    doc = myst(markdown)
    raws = [r.astext() for r in doc.findall(nodes.raw)]
    unsafe = ([r for r in doc.findall(nodes.reference) if not safe_target(r.get("refuri", ""))]
              + [i for i in doc.findall(nodes.image) if not safe_target(i.get("uri", ""))])
    assert raws or unsafe, "MyST itself left nothing to make inert"
    inert(doc)
    assert not list(doc.findall(nodes.raw))
    assert all(safe_target(r.get("refuri", "")) for r in doc.findall(nodes.reference))
    assert all(safe_target(i.get("uri", "")) for i in doc.findall(nodes.image))
    for text in raws:  # raw HTML is shown as text
        assert text in doc.astext()


@pytest.mark.parametrize("uri, safe", [
    ("https://example.org", True), ("http://example.org/a?b#c", True), ("mailto:a@example.org", True),
    ("#term-genocide", True), ("../page.html", True), ("page.html#x", True),
    ("javascript:alert(1)", False), ("  JaVaScRiPt:alert(1)", False), ("java\tscript:alert(1)", False),
    ("java\nscript:alert(1)", False), ("vbscript:x", False), ("data:text/html,<script>x</script>", False),
    ("file:///etc/passwd", False)])
def test_safe_targets(uri, safe):
    assert safe_target(uri) is safe


# ------------------------------------------------------------------ URLs

@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x",
                                 "vbscript:x", "ftp://example.org/x", "//example.org/x", "https://",
                                 "http://example.org/a b", "https://example.org/\nx", "example.org"])
def test_urls_that_are_not_http_are_refused(url):
    assert url_problem(url)
    with pytest.raises(ValueError):
        safe_url(url)


def test_a_url_cannot_close_its_markdown_link():
    url = 'https://example.org/a)[x](javascript:alert(1))"<b>'
    link = myst_link("source", url)
    doc = myst(link)
    refs = list(doc.findall(nodes.reference))
    assert len(refs) == 1 and refs[0].astext() == "source"
    assert refs[0]["refuri"].startswith("https://example.org/a%29%5Bx%5D%28javascript")
    assert not list(doc.findall(nodes.raw))


def _glossary(tmp_path, source: str) -> Path:
    folder = tmp_path / "01-a"
    folder.mkdir()
    (folder / "glossary.yml").write_text(
        "- term: genocide\n  definition: A crime.\n  ja: ジェノサイド\n"
        f"  ja_source: {json.dumps(source)}\n", encoding="utf-8")
    return folder / "glossary.yml"


@pytest.mark.parametrize("source", ["javascript:alert(1)", "https://example.org/a b", "ftp://example.org",
                                    "www.example.org", "Standard usage"])
def test_a_glossary_source_that_is_not_an_http_url_is_refused_with_file_line_field(tmp_path, source):
    path = _glossary(tmp_path, source)
    with pytest.raises(SpecError) as err:
        load_glossary(tmp_path)
    assert (err.value.file, err.value.line, err.value.field) == (str(path), 4, "[0].ja_source")


def test_glossary_entries_from_the_fixture_are_escaped():
    entries = load_glossary(FIXTURES / "modules")
    md = glossary_markdown(entries, lambda folder: None)
    assert "\n" + myst_text('</SCRIPT ><img src=x onerror="window.__pwned=71">') + "\n" in md  # the term
    assert "](<https://example.org/a%29%5Bx%5D%28javascript" in md


# ------------------------------------------------------------------ schema: text or Markdown

def _schema_fields(schema: dict, kind: str, at: tuple = ()) -> list[tuple]:
    """Paths of the string properties whose description says ``kind``."""
    out = []
    if schema.get("type") == "string" and kind in schema.get("description", ""):
        out.append(at)
    for name, sub in schema.get("properties", {}).items():
        out += _schema_fields(sub, kind, (*at, name))
    if "items" in schema:
        out += _schema_fields(schema["items"], kind, (*at, 0))
    return out


def _get(data, path: tuple):
    for part in path:
        data = data[part]
    return data


def _set(data, path: tuple, value) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


SOURCES = [("case", lambda: load_case("rwanda-1994"), case_markdown),
           ("agenda", lambda: load_agenda("half-day-workshop"), agenda_markdown),
           ("roles", lambda: load_roles("capstone"), roles_markdown)]


@pytest.mark.parametrize("schema, load, to_markdown", SOURCES, ids=[s[0] for s in SOURCES])
def test_fields_the_schema_calls_plain_text_are_escaped_and_markdown_fields_kept(schema, load, to_markdown):
    spec = json.loads((ROOT / "exercises" / "schema" / f"{schema}.schema.json").read_text(encoding="utf-8"))
    plain, markdown = _schema_fields(spec, "Plain text"), _schema_fields(spec, "MyST Markdown")
    assert plain and markdown
    flat = lambda text: " ".join(text.split())  # noqa: E731
    for path in plain + markdown:
        data = load()
        try:
            shown = flat(str(_get(data, path))) in flat(to_markdown(data))
            _set(data, path, "*x* <b>y</b> {term}`z`")
        except (KeyError, IndexError):
            continue  # an optional field the sample does not have
        if not shown:
            continue  # not on the page (e.g. the roles' question, printed on the cards only)
        md = to_markdown(data)
        if path in plain:
            assert "*x* <b>y</b>" not in md, f"{schema} field {path} (plain text) went into MyST unescaped"
        else:
            assert "*x* <b>y</b> {term}`z`" in md, f"{schema} field {path} (MyST Markdown) was not kept"


# ------------------------------------------------------------------ LMS exports

def test_the_hostile_bank_exports_to_xml_that_parses(tmp_path):
    from exercises.kit.lms import export
    export(tmp_path / "lms", banks=hostile_banks())
    moodle = ET.parse(tmp_path / "lms" / "moodle" / "hostile.xml").getroot()
    category = moodle.find("question[@type='category']/category/text").text
    assert category == ('$course$/&lt;//SCRIPT &gt;&lt;img src=x onerror=window.__pwned=101&gt;Hostile bank')
    with zipfile.ZipFile(tmp_path / "lms" / "canvas" / "hostile.zip") as z:
        assessment = ET.fromstring(z.read("hostile/hostile.xml"))
    labels = [m.text for m in assessment.iter("{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}mattext")]
    assert "&lt;/SCRIPT &gt;&lt;img src=x onerror=window.__pwned=15&gt;" in labels  # a category name
    # the only image is the exhibit's own chart, from the package, its alt text escaped
    own_chart = re.compile(r'<img src="\$IMS-CC-FILEBASE\$/images/[\w.-]+\.png" alt="[^"<>]*" width="600">')
    assert not any(re.search(r"<(img|svg|script)\b", own_chart.sub("", text or ""), re.I) for text in labels)


@pytest.mark.parametrize("char", ["\\0", "\\x01", "\\x08", "\\x0b", "\\x0c", "\\x1b", "\\x7f\\x1f", "\\uFFFE"])
def test_a_control_character_is_refused_with_file_line_field_and_nothing_is_written(tmp_path, char):
    from exercises.kit.lms import export
    source = (FIXTURES / "banks" / "hostile.yml").read_text(encoding="utf-8")
    source = source.replace("    prompt: Read the chart.", f'    prompt: "Read the {char} chart."')
    path = tmp_path / "hostile.yml"
    path.write_text(source, encoding="utf-8")
    bank = parse_bank(source, path)
    with pytest.raises(SpecError) as err:
        export(tmp_path / "lms", banks={"hostile": bank})
    line = source.splitlines().index('    prompt: "Read the ' + char + ' chart."') + 1
    assert (err.value.file, err.value.line, err.value.field) == (str(path), line, "exercises[1].prompt")
    assert "cannot be exported" in err.value.message
    assert not (tmp_path / "lms").exists()


@pytest.mark.parametrize("text, bad", [("tab\tnew\nline\r", False), ("日本語 ✓ 😀", False), ("\x00", True),
                                       ("a\x1fb", True), ("\ufffe", True), ("\ud800", True)])
def test_xml_problem(text, bad):
    assert bool(xml_problem(text)) is bad


def test_every_payload_kind_is_in_the_fixtures():
    """The fixtures hold upper- and mixed-case payloads in every authored source."""
    sources = {p.relative_to(FIXTURES).as_posix(): p.read_text(encoding="utf-8")
               for p in FIXTURES.rglob("*") if p.suffix in (".yml", ".md", ".csv")}
    for name in ["banks/hostile.yml", "cases/hostile-case.yml", "agendas/hostile-agenda.yml",
                 "roles/hostile-roles.yml", "modules/01-hostile/glossary.yml", "modules/01-hostile/seminar.md",
                 "data/oda_dac_donors.rows.csv"]:
        assert re.search(r"</(SCRIPT|ScRiPt)|<!--<script>", sources[name]), name
    everything = "".join(sources.values())
    for kind in ["</SCRIPT >", "</ScRiPt>", "<!--<script>", "onerror=", "javascript:", "]]>", "<svg onload"]:
        assert kind in everything, kind
    assert len(re.findall(r"window\.__pwned=\d+", everything)) >= 60
    for path in (FIXTURES / "cases", FIXTURES / "agendas", FIXTURES / "roles"):
        for file in path.glob("*.yml"):
            yaml.safe_load(file.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ datasheets (data package text)

def test_a_datasheet_shows_the_package_text_inert():
    import pandas as pd

    from exercises.datasets import resource
    from exercises.site.datasheets import _markdown
    from exercises.markdown import to_html
    res = json.loads(json.dumps(resource("un_bodies")))
    res["description"] = '</SCRIPT ><img src=x onerror=window.__pwned=1> [x](javascript:window.__pwned=2)'
    res["caveats"] = ["<!--<script>", "```{raw} html\n<svg onload=window.__pwned=3>\n```"]
    res["sources"] = [{"title": "<b>T</b> ](javascript:x)", "path": "https://example.org/a)(<img>"},
                      {"title": "Not a URL", "path": "javascript:window.__pwned=4"}]
    res["schema"]["fields"][0]["constraints"]["enum"] = ["<i>a</i>", "b"]
    html = to_html(_markdown("un_bodies", res, pd.DataFrame({"body": ["x"]})))
    assert not re.search(r"<(img|svg|script|b|i)\b|<!--", html, re.I)
    assert not re.search(r'href="\s*javascript', html, re.I)
    assert '<a href="https://example.org/a%29%28%3Cimg%3E">&lt;b&gt;T&lt;/b&gt; ](javascript:x)</a>' in html
    assert "Not a URL" in html and "&lt;!--&lt;script&gt;" in html and "<code>source_url</code>" in html
