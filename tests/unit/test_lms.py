"""LMS export: every bank's Moodle XML and Canvas QTI package parse back to the same answers."""
from __future__ import annotations

import zipfile
from xml.etree import ElementTree as ET

import pytest

from exercises.kit.lms import QTI_NS, export, question_for
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
        questions = {q.find("name/text").text: q for q in ET.parse(path).getroot().iter("question")
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
        items = {i.get("title"): i for i in assessment.iter(f"{Q}item")}
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
