"""`make course`: a real custom course of one module, built after the main site so the
execution cache is warm: its own table of contents, site, course plan and slide deck."""
from __future__ import annotations

import re

import pytest

from exercises.kit.course import build

from conftest import BUILD_ROOT


@pytest.fixture(scope="module")
def course(site, tmp_path_factory):
    courses = tmp_path_factory.mktemp("courses")
    html = build(["japans-aspiration"], name="m6", courses_dir=courses,
                 cache=BUILD_ROOT / "_build" / ".jupyter_cache")
    return courses / "m6", html


def test_the_course_has_only_its_module(course):
    _, html = course
    assert (html / "book" / "modules" / "06-japans-aspiration" / "index.html").exists()
    assert not (html / "book" / "modules" / "01-foundations" / "index.html").exists()
    home = (html / "book" / "index.html").read_text(encoding="utf-8")
    assert "(modules 06)" in home


def test_its_course_plan_lists_one_session(course):
    _, html = course
    guide = (html / "book" / "back" / "instructor-guide.html").read_text(encoding="utf-8")
    plan = guide[guide.index('id="course-plan-one-session-per-module"'):guide.index('id="objectives-and')]
    assert "slides/06-japans-aspiration/" in plan
    assert not re.search(r"slides/0[1-57-9]-|slides/10-", plan)


def test_its_slides_are_built(course):
    out, _ = course
    assert (out / "slides" / "06-japans-aspiration" / "index.html").exists()
    assert not (out / "slides" / "01-foundations").exists()
    assert "06-japans-aspiration" in (out / "slides" / "index.html").read_text(encoding="utf-8")
