"""Where the course is published: one setting for the repository and Binder buttons and
the site's base URL.

``course_repository_url`` in ``_config.yml`` (``sphinx: config:``), or the environment
variable ``COURSE_REPOSITORY_URL``, names the course's repository, for example
``https://github.com/OWNER/REPO``. From it:

- the repository button links there, and the launch (Binder) button opens it;
- ``html_baseurl`` is ``https://OWNER.github.io/REPO/`` (GitHub Pages), or the value of
  ``COURSE_SITE_URL`` where the site is served elsewhere.

While it is empty, both buttons are left out and no base URL is set, so a fresh fork
never links to someone else's repository. The Pages workflow sets it from the
repository it runs in.
"""
from __future__ import annotations

import os
import re

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

GITHUB = re.compile(r"^https://github\.com/(?P<owner>[A-Za-z0-9][A-Za-z0-9-]{0,38})/(?P<repo>[A-Za-z0-9._-]{1,100})/?$")


def site_url(repository_url: str) -> str:
    """The GitHub Pages address of a repository (``COURSE_SITE_URL`` overrides it)."""
    if os.environ.get("COURSE_SITE_URL"):
        return os.environ["COURSE_SITE_URL"].rstrip("/") + "/"
    m = GITHUB.match(repository_url)
    if not m:
        return ""
    owner, repo = m["owner"].lower(), m["repo"]
    return f"https://{owner}.github.io/" if repo.lower() == f"{owner}.github.io" else f"https://{owner}.github.io/{repo}/"


def _configure(app: Sphinx, config: Config) -> None:
    url = (os.environ.get("COURSE_REPOSITORY_URL") or config.course_repository_url or "").strip().rstrip("/")
    options = config.html_theme_options
    if url and not url.startswith("https://"):
        raise ConfigError(f"course_repository_url (or COURSE_REPOSITORY_URL) must be an https:// address, not {url!r}")
    if not url:
        options["use_repository_button"] = False
        options["repository_url"] = ""
        options.pop("launch_buttons", None)
        return
    options["repository_url"] = url
    options["use_repository_button"] = True
    if not config.html_baseurl:
        config.html_baseurl = site_url(url)


def setup(app: Sphinx) -> None:
    app.add_config_value("course_repository_url", "", "html")
    app.connect("config-inited", _configure, priority=100)
