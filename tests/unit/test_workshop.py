"""The workshop materials (exercises/kit/workshop.py) and the venue kit's index page:
schema errors name file, line and field; every text is escaped; the rotation never pairs
the same two roles twice."""
from __future__ import annotations

import itertools

import pytest

from exercises.kit import venue, workshop
from exercises.yaml_data import SpecError

HOSTILE = '<img src=x onerror="alert(1)"> & {cite:p}`x` **bold**'


def test_the_course_workshop_file_is_valid():
    data = workshop.load_workshop()
    assert data["injects"] and data["evaluation"]


@pytest.mark.parametrize("count", [2, 5, 11, 12])
def test_the_rotation_pairs_no_two_roles_twice_and_seats_everyone(count):
    names = [f"role {i}" for i in range(count)]
    plan = workshop.rotation(names, 20)
    assert len(plan) == (count - 1 if count % 2 == 0 else count)
    seen = set()
    for pairs in plan:
        seated = [n for pair in pairs for n in pair if n is not None]
        assert sorted(seated) == sorted(names)  # everyone once per round
        for a, b in pairs:
            if b is not None:
                assert frozenset((a, b)) not in seen
                seen.add(frozenset((a, b)))
    if count % 2 == 0:
        assert seen == {frozenset(p) for p in itertools.combinations(names, 2)}


def test_a_broken_workshop_file_names_file_line_and_field(tmp_path):
    text = (workshop.WORKSHOP_DIR / "half-day-workshop.yml").read_text(encoding="utf-8")
    (tmp_path / "half-day-workshop.yml").write_text(text.replace("tables: 1", "tables: many"), encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        workshop.load_workshop("half-day-workshop", tmp_path)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("tables:"))
    assert caught.value.field == "tables" and caught.value.line == line
    assert "half-day-workshop.yml" in str(caught.value)


def test_plain_text_fields_are_escaped_everywhere():
    data = {**workshop.load_workshop(), "title": HOSTILE,
            "injects": [{"headline": HOSTILE, "release": HOSTILE, "source": HOSTILE, "text": HOSTILE}],
            "evaluation": [{"question": HOSTILE, "kind": "scale"}, {"question": HOSTILE, "kind": "text"}]}
    for page in (workshop.injects_html(data), workshop.evaluation_html(data), workshop.rotation_html(data)):
        assert "<img" not in page and "&lt;img" in page
        assert "<strong>" not in page  # plain text: no Markdown


def test_the_kit_index_escapes_its_text():
    page = venue.index_html(HOSTILE, [(HOSTILE, [('a"b.html', HOSTILE)])])
    assert "<img" not in page and "&lt;img" in page
    assert 'href="a%22b.html"' in page


def test_an_agenda_prints_its_titles_as_plain_text():
    from exercises.kit.myst_print import Bibliography, MystPrinter
    from exercises.site.agenda import load_agenda
    agenda = load_agenda("half-day-workshop")
    agenda = {**agenda, "title": HOSTILE, "activities": [{**agenda["activities"][0], "title": HOSTILE}]}
    page = venue.agenda_html(agenda, MystPrinter(Bibliography.from_config()))
    assert "<img" not in page and page.count("&lt;img") == 3  # <title>, <h1>, the activity


def test_the_kit_refuses_an_instructor_build_and_a_missing_one(tmp_path):
    from exercises.edition import banner
    (tmp_path / "index.html").write_text(f"<html><body><p>{banner('en')}</p></body></html>", encoding="utf-8")
    with pytest.raises(venue.KitError, match="instructor edition"):
        venue.ensure_site(tmp_path)
    with pytest.raises(venue.KitError, match="no built site"):
        venue.ensure_site(tmp_path / "elsewhere")
    (tmp_path / "index.html").write_text("<html><body><p>Student</p></body></html>", encoding="utf-8")
    assert venue.ensure_site(tmp_path) == tmp_path
