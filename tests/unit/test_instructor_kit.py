"""The instructor kit: the instructor edition, the handouts and the LMS export in one zip,
written whole; a student site or a missing part is refused before anything is written."""
from __future__ import annotations

import zipfile

import pytest

from exercises import edition
from exercises.kit import instructor
from exercises.kit.venue import KitError


def parts(tmp_path, banner=True):
    site, handouts, lms = tmp_path / "site", tmp_path / "handouts", tmp_path / "lms"
    for folder in (site, handouts, lms):
        folder.mkdir(parents=True)
    (site / "index.html").write_text(f"<p>{edition.BANNER if banner else 'Student'}</p>", encoding="utf-8")
    (handouts / "index.html").write_text("handouts", encoding="utf-8")
    (handouts / "01-foundations-answers.pdf").write_bytes(b"%PDF-1.4")
    (lms / "foundations.moodle.xml").write_text("<quiz/>", encoding="utf-8")
    return {"site": site, "handouts": handouts, "lms": lms}


def test_kit_holds_the_three_parts_and_says_what_needs_no_python(tmp_path):
    out = tmp_path / "kit" / "instructor-kit"
    index = instructor.build(out, **parts(tmp_path))
    page = index.read_text(encoding="utf-8")
    assert 'href="site/index.html"' in page and 'href="lms/foundations.moodle.xml"' in page
    assert "answer keys" in page and "Python" in page
    names = zipfile.ZipFile(out.with_suffix(".zip")).namelist()
    assert {"instructor-kit/site/index.html", "instructor-kit/handouts/01-foundations-answers.pdf",
            "instructor-kit/lms/foundations.moodle.xml", "instructor-kit/index.html"} <= set(names)


def test_a_student_site_or_a_missing_part_is_refused(tmp_path):
    out = tmp_path / "kit" / "instructor-kit"
    with pytest.raises(KitError, match="not the instructor edition"):
        instructor.build(out, **parts(tmp_path / "a", banner=False))
    given = parts(tmp_path / "b")
    for f in given["lms"].iterdir():
        f.unlink()
    with pytest.raises(KitError, match="make lms"):
        instructor.build(out, **given)
    assert not out.exists() and not out.with_suffix(".zip").exists()
