"""Publishing: the workflows call the Makefile; one setting gives the repository and
Binder buttons and the base URL, and none of them is there while it is empty."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from sphinx.errors import ConfigError

from exercises.site import publishing

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_there_is_a_test_and_a_pages_workflow():
    assert {p.stem for p in WORKFLOWS} >= {"test", "pages"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid_and_calls_the_makefile(path):
    flow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert flow["name"] and flow[True], "a workflow needs a name and triggers (on:)"
    runs = [step["run"] for job in flow["jobs"].values() for step in job.get("steps", []) if "run" in step]
    assert any(run.strip().startswith("make ") for run in runs), runs
    targets = {run.split()[1] for run in runs if run.strip().startswith("make ")}
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert all(f"\n{t}:" in makefile for t in targets), targets


def test_pages_workflow_uploads_the_built_site_and_sets_the_repository():
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    build = flow["jobs"]["build"]
    assert "COURSE_REPOSITORY_URL" in build["env"]
    upload = [s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", "")]
    assert upload and upload[0]["with"]["path"] == "_build/html"
    assert any("deploy-pages" in s.get("uses", "") for s in flow["jobs"]["deploy"]["steps"])


def test_pages_workflow_publishes_the_japanese_edition_under_ja():
    """The language switch links <site>/ja/<page> (exercises/site/language.py SITE_FOLDER)."""
    from exercises.site.language import SITE_FOLDER
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    runs = "\n".join(s.get("run", "") for s in flow["jobs"]["build"]["steps"])
    assert "make book LANG=ja" in runs
    assert f"cp -r _build/ja/_build/html _build/html/{SITE_FOLDER['ja'].rstrip('/')}" in runs


def config(url="", baseurl=""):
    return SimpleNamespace(course_repository_url=url, html_baseurl=baseurl, language="en",
                           html_theme_options={"use_repository_button": False,
                                               "launch_buttons": {"binderhub_url": "https://mybinder.org"}})


def test_unset_repository_hides_the_buttons(monkeypatch):
    monkeypatch.delenv("COURSE_REPOSITORY_URL", raising=False)
    c = config()
    publishing._configure(None, c)
    assert c.html_theme_options["use_repository_button"] is False
    assert "launch_buttons" not in c.html_theme_options and not c.html_baseurl


def test_one_setting_gives_buttons_and_base_url(monkeypatch):
    monkeypatch.delenv("COURSE_REPOSITORY_URL", raising=False)
    monkeypatch.delenv("COURSE_SITE_URL", raising=False)
    c = config("https://github.com/Some-Uni/genocide-course")
    publishing._configure(None, c)
    assert c.html_theme_options["repository_url"] == "https://github.com/Some-Uni/genocide-course"
    assert c.html_theme_options["use_repository_button"] is True
    assert c.html_theme_options["launch_buttons"]["binderhub_url"]
    assert c.html_baseurl == "https://some-uni.github.io/genocide-course/"


def test_environment_overrides_and_site_url(monkeypatch):
    monkeypatch.setenv("COURSE_REPOSITORY_URL", "https://github.com/me/me.github.io")
    monkeypatch.delenv("COURSE_SITE_URL", raising=False)
    c = config("https://github.com/other/repo")
    publishing._configure(None, c)
    assert c.html_theme_options["repository_url"] == "https://github.com/me/me.github.io"
    assert c.html_baseurl == "https://me.github.io/"
    monkeypatch.setenv("COURSE_SITE_URL", "https://course.example.ac.jp/r2p")
    assert publishing.site_url("https://github.com/me/x") == "https://course.example.ac.jp/r2p/"


def test_a_non_https_url_is_refused(monkeypatch):
    monkeypatch.setenv("COURSE_REPOSITORY_URL", "javascript:alert(1)")
    with pytest.raises(ConfigError, match="https://"):
        publishing._configure(None, config())


def test_binder_installs_the_pinned_requirements_and_the_package():
    lines = [line.strip() for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines == ["-r ../requirements.txt", "."]


def test_pages_workflow_publishes_both_kits_and_tells_the_site():
    """venue-kit.zip always; instructor-kit.zip (answer keys) only when the repository asks,
    and the build is told so by the same condition, so the site never links a missing file."""
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    build = flow["jobs"]["build"]
    steps = build["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "make kit" in runs and "_build/html/venue-kit.zip" in runs
    kit = [s for s in steps if "make instructor-kit" in s.get("run", "")]
    assert kit and "_build/html/instructor-kit.zip" in kit[0]["run"]
    condition = "vars.PUBLISH_INSTRUCTOR_KIT == 'true'"
    assert condition in kit[0]["if"] and condition in build["env"]["COURSE_INSTRUCTOR_KIT"]
    upload = next(i for i, s in enumerate(steps) if "upload-pages-artifact" in s.get("uses", ""))
    assert steps.index(kit[0]) < upload


def test_kit_links_follow_the_one_setting(monkeypatch):
    monkeypatch.delenv("COURSE_SITE_URL", raising=False)
    monkeypatch.delenv("COURSE_REPOSITORY_URL", raising=False)
    for instructor in ("", "published"):
        monkeypatch.setenv("COURSE_INSTRUCTOR_KIT", instructor)
        c = config()
        publishing._configure(None, c)
        assert publishing.published_kits(c.course_published_url, c.course_instructor_kit) == []
    c = config("https://github.com/Some-Uni/genocide-course")
    monkeypatch.setenv("COURSE_INSTRUCTOR_KIT", "")
    publishing._configure(None, c)
    kits = [a for a, _ in publishing.published_kits(c.course_published_url, c.course_instructor_kit)]
    assert kits == ["https://some-uni.github.io/genocide-course/venue-kit.zip"]
    monkeypatch.setenv("COURSE_INSTRUCTOR_KIT", "published")
    publishing._configure(None, c)
    kits = [a for a, _ in publishing.published_kits(c.course_published_url, c.course_instructor_kit)]
    assert kits == ["https://some-uni.github.io/genocide-course/venue-kit.zip",
                    "https://some-uni.github.io/genocide-course/instructor-kit.zip"]


@pytest.mark.parametrize("url", ["", "https://github.com/Some-Uni/genocide-course"])
def test_how_to_use_page_links_the_kits_only_when_published(tmp_path, monkeypatch, url):
    """The {published-kits} directive in a real Sphinx build: links while the setting is
    set, no trace of them while it is empty."""
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace  # leaves docutils' roles as they were for the other tests
    monkeypatch.delenv("COURSE_SITE_URL", raising=False)
    monkeypatch.setenv("COURSE_REPOSITORY_URL", url)
    monkeypatch.setenv("COURSE_INSTRUCTOR_KIT", "published")
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text("extensions = ['exercises.site.publishing']\nhtml_theme_options = {}\n")
    (src / "index.rst").write_text("Guide\n=====\n\n.. published-kits::\n\nEnd of the guide.\n")
    with docutils_namespace():
        app = Sphinx(str(src), str(src), str(tmp_path / "out"), str(tmp_path / "doctrees"), "html",
                     status=None, warning=None, freshenv=True)
        app.build()
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "End of the guide." in page
    if url:
        assert 'href="https://some-uni.github.io/genocide-course/venue-kit.zip"' in page
        assert 'href="https://some-uni.github.io/genocide-course/instructor-kit.zip"' in page
        assert "no Python needed" in page
    else:
        assert "kit.zip" not in page and "published-kits" not in page
