"""One scoring rule for multiple select (exercises.checking.multiple_select_score), the
same in the four places that score: checking.py (marking, tests), the widgets'
checking.js (the site; compared in tests/site/test_checking_in_browser.py), the Moodle
XML export and the Canvas QTI export. Each right option chosen earns 1/(number of right
options), each wrong one chosen loses as much, and the score never falls below 0."""
from __future__ import annotations

import itertools
import zipfile
from xml.etree import ElementTree as ET

import pytest

from exercises import check
from exercises.kit.lms import QTI_NS, export
from exercises.specs import load_banks
from shared_cases import load_scored_cases

Q = f"{{{QTI_NS}}}"
CASES = [c for c in load_scored_cases() if c[1]["type"] == "multiple_select" and c[3] != "invalid"]
MULTIPLE = [(name, ex) for name, bank in load_banks().items() for ex in bank.exercises
            if ex["type"] == "multiple_select"]


def moodle_score(question: ET.Element, chosen: set[int]) -> float:
    """What Moodle gives: the chosen answers' fractions added, between 0 and 100 %."""
    fractions = [float(a.get("fraction")) for a in question.findall("answer")]
    return min(100.0, max(0.0, sum(fractions[i] for i in chosen))) / 100


def _holds(cond: ET.Element, chosen: set[str]) -> bool:
    tag = cond.tag.replace(Q, "")
    if tag == "varequal":
        return cond.text in chosen
    if tag == "and":
        return all(_holds(c, chosen) for c in cond)
    if tag == "or":
        return any(_holds(c, chosen) for c in cond)
    if tag == "not":
        return not _holds(cond[0], chosen)
    raise AssertionError(f"QTI condition not understood: {tag}")


def qti_score(item: ET.Element, chosen: set[int]) -> float:
    """A QTI 1.2 response processing of the item, as Canvas reads it, for the chosen options."""
    resproc = item.find(f"{Q}resprocessing")
    decvar = resproc.find(f"{Q}outcomes/{Q}decvar")
    low, high = float(decvar.get("minvalue")), float(decvar.get("maxvalue"))
    idents = {f"c{i}" for i in chosen}
    score = 0.0
    for cond in resproc.findall(f"{Q}respcondition"):
        if all(_holds(c, idents) for c in cond.find(f"{Q}conditionvar")):
            setvar = cond.find(f"{Q}setvar")
            value, action = float(setvar.text), setvar.get("action")
            score = {"Set": value, "Add": score + value, "Subtract": score - value}[action]
            if cond.get("continue") == "No":
                break
    return min(high, max(low, score)) / 100


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    out = tmp_path_factory.mktemp("lms") / "lms"
    export(out)
    moodle, canvas = {}, {}
    for name in {name for name, _ in MULTIPLE}:
        for q in ET.parse(out / "moodle" / f"{name}.xml").getroot().iter("question"):
            if q.get("type") == "multichoice":
                moodle[(name, q.find("idnumber").text)] = q
        with zipfile.ZipFile(out / "canvas" / f"{name}.zip") as z:
            href = ET.fromstring(z.read("imsmanifest.xml")).find(".//{*}resource").get("href")
            for item in ET.fromstring(z.read(href)).iter(f"{Q}item"):
                canvas[(name, item.get("ident").removeprefix(f"{name}-"))] = item
    return moodle, canvas


@pytest.mark.parametrize("name, spec, answer, status, score", CASES, ids=[c[0] for c in CASES])
def test_checking_scores_the_shared_cases(name, spec, answer, status, score):
    result = check(spec, answer)
    assert result["status"] == status and result["score"] == pytest.approx(score)
    assert f"score {int(score * 100 + 0.5)}%" in result["feedback"]


def test_there_are_multiple_select_exercises_to_compare():
    assert len(MULTIPLE) >= 5


@pytest.mark.parametrize("bank, ex", MULTIPLE, ids=[f"{b}/{e['id']}" for b, e in MULTIPLE])
def test_site_moodle_and_canvas_agree_on_every_answer(exports, bank, ex):
    moodle, canvas = exports
    key = (bank, ex["id"])
    if ex.get("graded") and key not in moodle:
        pytest.skip("graded exercise kept out of the export")
    n = len(ex["options"])
    for k in range(1, n + 1):
        for chosen in itertools.combinations(range(n), k):
            expected = check(ex, list(chosen))["score"]
            assert moodle_score(moodle[key], set(chosen)) == pytest.approx(expected, abs=1e-4), (chosen, "Moodle")
            assert qti_score(canvas[key], set(chosen)) == pytest.approx(expected, abs=1e-4), (chosen, "Canvas")
