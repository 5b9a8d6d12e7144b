"""The objectives map: every module has a bank, objectives, and no exercise left unshown."""
from __future__ import annotations

from exercises.site.objectives_map import map_markdown, objectives_map


def test_every_module_has_a_bank_with_at_least_three_objectives():
    rows = objectives_map()
    assert len(rows) == 10
    for row in rows:
        assert len(row["objectives"]) >= 3, row["module"]
        assert "(no objective given)" not in dict(row["objectives"]), row["module"]


def test_every_exercise_of_a_module_is_shown_on_one_of_its_pages():
    for row in objectives_map():
        for _, exercises in row["objectives"]:
            for ref, _, doc in exercises:
                assert doc, f"{ref} is in the bank but no page shows it"
                assert doc.startswith(f"book/modules/{row['module']}/"), f"{ref} is shown on {doc}"


def test_map_links_pages_in_the_build_and_names_the_rest():
    rows = objectives_map()[:1]
    _ref, _, doc = rows[0]["objectives"][0][1][0]
    linked = map_markdown(rows, {doc, f"book/modules/{rows[0]['module']}/index"})
    plain = map_markdown(rows, set())
    assert f"</{doc}>" in linked and "{doc}" not in plain
