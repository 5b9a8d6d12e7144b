"""LMS export: every bank's Moodle XML and Canvas QTI package parse back to the same answers."""
from __future__ import annotations

import zipfile
from xml.etree import ElementTree as ET

import pytest

import base64
import re

from exercises.escaping import html_text
from exercises.kit.exhibits import MENTIONS, readable_title
from exercises.kit.lms import IMAGES, QTI_NS, export, question_for
from exercises.markdown import to_inline_html
from exercises.specs import load_banks
from exercises.tables import expected_value

Q = f"{{{QTI_NS}}}"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("lms") / "lms"
    return out, export(out), load_banks()


def test_every_exportable_exercise_is_exported_and_the_rest_listed(exported):
    out, summary, banks = exported
    readme = (out / "README.txt").read_text()
    for name, bank in banks.items():
        for ex in bank.exercises:
            if question_for(ex) is None:
                assert f"{name}/{ex['id']} ({ex['type']})" in readme
            elif ex["id"] in dict(summary[name]["no_exhibit"]):  # its chart or table is only on its page
                assert f"{name}/{ex['id']} (" in readme
            else:
                assert ex["id"] in summary[name]["exported"]


def test_moodle_xml_parses_back_to_the_right_answers(exported):
    out, summary, banks = exported
    checked = 0
    for name, bank in banks.items():
        path = out / "moodle" / f"{name}.xml"
        expected = [q for q in summary[name]["exported"] if q not in summary[name]["not_in_moodle"]]
        if not expected:
            assert not path.exists()
            continue
        questions = {q.find("idnumber").text: q for q in ET.parse(path).getroot().iter("question")
                     if q.get("type") != "category"}
        assert list(questions) == expected
        for ex in bank.exercises:
            q = questions.get(ex["id"])
            if q is None:
                continue
            if ex["type"] == "single_choice":
                right = [a.find("text").text for a in q.findall("answer") if a.get("fraction") == "100"]
                assert right == [to_inline_html(o["text"]) for o in ex["options"] if o.get("correct")]
            elif ex["type"] == "multiple_select":
                fractions = [float(a.get("fraction")) for a in q.findall("answer")]
                assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=0.01)
            elif ex["type"] == "numeric":
                assert float(q.find("answer/text").text) == pytest.approx(expected_value(ex), rel=1e-5)
                assert float(q.find("answer/tolerance").text) == pytest.approx(ex["tolerance"])
            elif ex["type"] == "categorize":
                got = [(s.find("text").text, s.find("answer/text").text) for s in q.findall("subquestion")]
                assert got == [(to_inline_html(i["text"]), i["category"]) for i in ex["items"]]
            elif ex["type"] == "reflection":
                assert q.get("type") == "essay" and q.find("graderinfo/text").text
            checked += 1
    assert checked > 20


def test_canvas_packages_parse_back_to_the_right_answers(exported):
    out, summary, banks = exported
    for name, bank in banks.items():
        if not summary[name]["exported"]:
            continue
        with zipfile.ZipFile(out / "canvas" / f"{name}.zip") as z:
            manifest = ET.fromstring(z.read("imsmanifest.xml"))
            href = next(manifest.iter()).find(".//{*}resource").get("href")
            assessment = ET.fromstring(z.read(href))
        items = {i.get("ident").removeprefix(f"{name}-"): i for i in assessment.iter(f"{Q}item")}
        assert list(items) == summary[name]["exported"]
        for ex in bank.exercises:
            item = items.get(ex["id"])
            if item is None or ex["type"] != "single_choice":
                continue
            labels = {label.get("ident"): label.find(f"{Q}material/{Q}mattext").text
                      for label in item.iter(f"{Q}response_label")}
            both = item.find(f"{Q}resprocessing/{Q}respcondition/{Q}conditionvar/{Q}and")
            scored = [v.text for v in both.findall(f"{Q}varequal")]  # the ones that must be chosen
            assert [labels[i] for i in scored] == [to_inline_html(o["text"]) for o in ex["options"] if o.get("correct")]


def test_a_failed_export_leaves_the_previous_one_in_place(tmp_path, monkeypatch):
    out = tmp_path / "lms"
    export(out)
    before = sorted(p.name for p in (out / "moodle").iterdir())
    import exercises.kit.lms as lms
    monkeypatch.setattr(lms, "qti_package", lambda *a: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        export(out)
    assert sorted(p.name for p in (out / "moodle").iterdir()) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".lms-")]


def _mentions(html: str) -> bool:
    """The question's own words (its exhibit taken out) speak of a chart, table or dataset."""
    own = re.sub(r'<div class="exhibit">.*?</div>', " ", html, flags=re.S)
    return bool(MENTIONS.search(re.sub(r"<[^>]+>", " ", own)))


def test_every_exported_question_that_mentions_a_chart_or_table_carries_it(exported):
    out, summary, banks = exported
    carried = charts = 0
    for name, bank in banks.items():
        specs = {ex["id"]: ex for ex in bank.exercises}
        path = out / "moodle" / f"{name}.xml"
        moodle = {q.find("idnumber").text: q for q in ET.parse(path).getroot().iter("question")
                  if q.get("type") != "category"} if path.exists() else {}
        canvas = {}
        if summary[name]["exported"]:
            with zipfile.ZipFile(out / "canvas" / f"{name}.zip") as z:
                files = set(z.namelist())
                manifest_files = {f.get("href") for f in ET.fromstring(z.read("imsmanifest.xml")).iter()
                                  if f.tag.endswith("file")}
                assessment = ET.fromstring(z.read(f"{name}/{name}.xml"))
            canvas = {i.get("ident").removeprefix(f"{name}-"): i for i in assessment.iter(f"{Q}item")}
        for ex_id in summary[name]["exported"]:
            ex = specs[ex_id]
            qti_text = canvas[ex_id].find(f"{Q}presentation/{Q}material/{Q}mattext").text
            texts = [qti_text] + ([moodle[ex_id].find("questiontext/text").text] if ex_id in moodle else [])
            reads_data = "dataset" in ex or "table" in ex or "chart" in ex
            for text in texts:
                if _mentions(text) or reads_data:
                    assert "<table" in text, f"{name}/{ex_id} mentions a chart or table but carries none"
                    carried += 1
            if "chart" in ex:
                charts += 1
                src = re.search(r'<img src="([^"]+)"', qti_text)
                assert src, f"{name}/{ex_id}: its chart is not in the Canvas question"
                image = src.group(1).replace("$IMS-CC-FILEBASE$/", "")
                assert image.startswith(f"{IMAGES}/") and image in files and image in manifest_files
                if ex_id in moodle:
                    text_el = moodle[ex_id].find("questiontext")
                    assert f"@@PLUGINFILE@@/{ex_id}.png" in text_el.find("text").text
                    file = text_el.find("file")
                    assert file.get("name") == f"{ex_id}.png"
                    assert base64.b64decode(file.text).startswith(b"\x89PNG")
        for ex_id, _ in summary[name]["no_exhibit"]:
            assert ex_id not in summary[name]["exported"]
            assert f"{name}/{ex_id} (" in (out / "README.txt").read_text()
    assert carried >= 8 and charts >= 5


def test_questions_are_named_by_readable_titles(exported):
    out, _, banks = exported
    for name, bank in banks.items():
        path = out / "moodle" / f"{name}.xml"
        if not path.exists():
            continue
        specs = {ex["id"]: ex for ex in bank.exercises}
        for q in ET.parse(path).getroot().iter("question"):
            if q.get("type") == "category":
                continue
            ex = specs[q.find("idnumber").text]
            assert q.find("name/text").text == html_text(readable_title(ex))  # Moodle may show it as HTML
            assert q.find("name/text").text != ex["id"] or " " in ex["id"]


def test_readable_title_falls_back_to_the_prompt():
    assert readable_title({"id": "x", "prompt": "Which **pillar** of R2P covers `prevention`?"}) == \
        "Which pillar of R2P covers prevention?"
