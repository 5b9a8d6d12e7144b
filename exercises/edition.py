"""Which edition of the course is being built: ``student`` (the default) or ``instructor``.

Set with the environment variable ``COURSE_EDITION`` (``make book EDITION=instructor``).
The Jupyter kernels that run the pages inherit it, so the exercise widgets know it too.

- student: graded exercises carry no answer key; teaching notes are left out.
- instructor: every exercise shows its answer key (and a reflection's rubric) beneath
  it, teaching notes appear, every page carries a banner, and the title says so.
"""
from __future__ import annotations

import os

EDITIONS = ("student", "instructor")
VARIABLE = "COURSE_EDITION"


def banner(lang: str | None = None) -> str:
    """The instructor edition's banner on every page (edition.banner in exercises/messages.json)."""
    from .i18n import message
    return message("edition.banner", lang)


def title_suffix(lang: str | None = None) -> str:
    from .i18n import message
    return message("edition.title_suffix", lang)


class EditionError(ValueError):
    """COURSE_EDITION names no edition."""


def check(name: str) -> str:
    """``name`` if it is an edition, else an error listing the valid ones."""
    if name not in EDITIONS:
        raise EditionError(f"{VARIABLE}={name!r} is not an edition of the course; "
                           f"use one of: {', '.join(EDITIONS)} (default: student)")
    return name


def current() -> str:
    """The edition named by ``COURSE_EDITION`` (``student`` when it is unset or empty)."""
    return check(os.environ.get(VARIABLE, "").strip() or "student")


def is_instructor() -> bool:
    return current() == "instructor"


# ------------------------------------------------------------------ Sphinx

def _configure(app, config) -> None:
    """Check the edition; in the instructor edition, say so in the title and on every page."""
    from sphinx.errors import ConfigError
    try:
        name = check(config.course_edition)
        if name != current():  # the pages' kernels read the variable: the two must agree
            raise EditionError(f"course_edition={name!r} but {VARIABLE}={current()!r}: set the edition "
                               f"with the {VARIABLE} environment variable only")
    except EditionError as err:
        raise ConfigError(str(err)) from None
    if name == "instructor":
        suffix = title_suffix(config.language)
        if config.html_title and not config.html_title.endswith(suffix):
            config.html_title += suffix
        options = dict(config.html_theme_options or {})
        options["announcement"] = banner(config.language)
        config.html_theme_options = options


def setup_sphinx(app) -> None:
    """``course_edition`` (from ``COURSE_EDITION``) as a Sphinx config value, for directives."""
    try:
        default = current()
    except EditionError as err:
        from sphinx.errors import ConfigError
        raise ConfigError(str(err)) from None
    app.add_config_value("course_edition", default, "env", types=[str])
    app.connect("config-inited", _configure)


def main() -> int:
    """Print the edition COURSE_EDITION names, or refuse it (``make book`` checks with this)."""
    import sys
    try:
        print(current())
    except EditionError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0
