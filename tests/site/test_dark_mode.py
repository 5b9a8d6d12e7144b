"""The exercises in the theme's dark mode: still drawn, still accessible (contrast included)."""
from __future__ import annotations

import pytest

from conftest import serious_violations

DARK = "localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');"


@pytest.mark.parametrize("path", ["book/back/authoring-guide.html", "book/front/how-to-use.html"])
def test_exercises_in_dark_mode_pass_axe(open_page, path):
    page, log = open_page(path, init_script=DARK)
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.wait_for_selector("[data-exercise-type]")
    violations = serious_violations(page)
    assert not violations, f"accessibility violations in dark mode on {path}:\n" + "\n".join(violations)
    assert not log.problems(), log.problems()
