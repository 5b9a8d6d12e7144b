"""The browser's checking over the shared cases: each type module's exported ``check``,
run in headless Chromium on the client spec, must agree with Python's ``check``
(status, verdict and feedback text) on every case in tests/cases/.
"""
from __future__ import annotations

import re
from html import unescape

import pytest

from exercises import check
from exercises.widgets import _front_end, client_spec
from shared_cases import load_cases

CASES = load_cases()


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


@pytest.fixture(scope="module")
def js_results(browser):
    """Every case checked by its type's module, in one page."""
    page = browser.new_page()
    page.goto("about:blank")
    modules = {spec["type"]: _front_end(spec["type"]) for _, spec, _, _ in CASES}
    calls = [{"name": name, "type": spec["type"], "spec": client_spec(spec, f"cases/{spec['id']}"), "answer": answer}
             for name, spec, answer, _ in CASES]
    results = page.evaluate("""async ({modules, calls}) => {
        const loaded = {};
        for (const [kind, source] of Object.entries(modules)) {
          const url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
          loaded[kind] = (await import(url)).default;
        }
        const out = {};
        for (const c of calls) out[c.name] = loaded[c.type].check(c.spec, c.answer);
        return out;
    }""", {"modules": modules, "calls": calls})
    page.close()
    return results


@pytest.mark.parametrize("name, spec, answer, status", CASES, ids=[c[0] for c in CASES])
def test_browser_and_python_agree(js_results, name, spec, answer, status):
    js, py = js_results[name], check(spec, answer)
    assert js["status"] == py["status"] == status
    assert js["correct"] is py["correct"]
    assert js["score"] == pytest.approx(py["score"])
    assert text_of(js["feedback"]) == text_of(py["feedback"])
