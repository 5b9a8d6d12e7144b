"""A table shows every row its question names (issue 18). For every exercise of the banks
that shows a table (a numeric question with a chart, whose data table is under the chart,
or a data explorer, with its matching rows), the values of the table's row columns that
its prompt or questions name (a country, a year, an edition, a donor) are each in a cell
that shows on the built page, with the tables opened as a learner opens them: not cut by
a row limit, and not hidden in a box that scrolls with no cue."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from exercises.specs import load_banks
from exercises.tables import frame

ROOT = Path(__file__).resolve().parents[2]
SHOW = re.compile(r'show\("([a-z0-9-]+/[a-z0-9-]+)"\)')


def pages_by_ref() -> dict[str, str]:
    """'bank/id' -> the built page that shows it."""
    found = {}
    for md in (ROOT / "book").rglob("*.md"):
        for ref in SHOW.findall(md.read_text(encoding="utf-8")):
            found.setdefault(ref, md.relative_to(ROOT).with_suffix(".html").as_posix())
    return found


def shown_columns(ex: dict, columns: list[str]) -> list[str]:
    """The columns whose values are rows (or series) of the table the learner sees."""
    if ex["type"] == "data_explorer":
        return ex.get("columns") or columns
    return [c for c in (ex["chart"]["x"], ex["chart"].get("series")) if c]


def as_text(value) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def named_rows() -> list[tuple[str, list[str], int]]:
    """(bank/id, the row values its text names, the rows of its table of rows: all of a
    data explorer's, 0 for a chart's data table) for every exercise that shows a table."""
    cases = []
    for slug, bank in sorted(load_banks().items()):
        for ex in bank.exercises:
            if not (ex["type"] == "data_explorer" or (ex["type"] == "numeric" and "chart" in ex)):
                continue
            df = frame(ex)
            text = " ".join([ex["prompt"], *(q["prompt"] for q in ex.get("questions", []))])
            named = set()
            for column in shown_columns(ex, [str(c) for c in df.columns]):
                for value in df[column].dropna().unique():
                    if isinstance(value, (int, float)) and not 1900 <= float(value) <= 2100:
                        continue  # a number that is not a year names no row
                    word = as_text(value)
                    if len(word) >= 3 and re.search(rf"(?<![\w.]){re.escape(word)}(?!\w)", text):
                        named.add(word)
            cases.append((f"{slug}/{ex['id']}", sorted(named), len(df) if ex["type"] == "data_explorer" else 0))
    return cases


CASES = named_rows()
PAGES = pages_by_ref()

# For each value: is there a cell with exactly that text, inside the exercise, that shows:
# laid out, and within every box around it that clips (a box that scrolls must not hide it).
VISIBLE = """([ref, values]) => {
  const root = document.querySelector(`[data-exercise-ref="${ref}"]`);
  root.querySelectorAll('details').forEach(d => { d.open = true; });
  const clipped = (cell) => {
    const box = cell.getBoundingClientRect();
    if (!box.width || !box.height) return 'not laid out';
    for (let el = cell.parentElement; el && el !== root; el = el.parentElement) {
      const css = getComputedStyle(el);
      if (css.overflowY === 'visible' || el.scrollHeight <= el.clientHeight + 1) continue;
      const outer = el.getBoundingClientRect();
      if (box.top < outer.top - 1 || box.bottom > outer.bottom + 1) return 'scrolled out of its box';
    }
    return '';
  };
  const cells = [...root.querySelectorAll('table th, table td')];
  const out = {};
  for (const value of values) {
    const matches = cells.filter(c => c.textContent.trim() === value);
    out[value] = matches.length ? (matches.some(c => !clipped(c)) ? 'shown' : clipped(matches[0])) : 'no such row';
  }
  const captions = [...root.querySelectorAll('table caption')].map(c => c.textContent);
  const rows = Math.max(...[...root.querySelectorAll('table')].map(t => t.querySelectorAll('tbody tr').length));
  return {out, captions, rows};
}"""


def test_every_exercise_with_a_table_is_checked():
    """The list comes from the banks, and it names rows: the test is not vacuous."""
    refs = [ref for ref, _, _ in CASES]
    assert len(refs) >= 10, refs
    assert sum(bool(values) for _, values, _ in CASES) >= 8
    missing = [ref for ref in refs if ref not in PAGES]
    assert not missing, f"exercises with a table that no page shows: {missing}"


@pytest.mark.parametrize("ref, values, rows", [c for c in CASES if c[1]], ids=[c[0] for c in CASES if c[1]])
def test_rows_a_question_names_are_shown(open_page, ref, values, rows):
    page, log = open_page(PAGES[ref], viewport={"width": 1280, "height": 900})
    page.wait_for_selector(f'[data-exercise-ref="{ref}"] table', state="attached")
    seen = page.evaluate(VISIBLE, [ref, values])
    hidden = {v: why for v, why in seen["out"].items() if why != "shown"}
    assert not hidden, f"{ref}: rows its question names are not shown: {hidden}"
    assert not any("first" in c and "of" in c for c in seen["captions"]), seen["captions"]
    if rows:  # a data explorer, all filters at "All": every row of its table is listed
        assert seen["rows"] == rows, f"{ref}: {seen['rows']} of {rows} rows listed"
    assert not log.problems()
