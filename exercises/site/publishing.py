"""Where the course is published: one setting for the repository and Binder buttons and
the site's base URL.

``course_repository_url`` in ``_config.yml`` (``sphinx: config:``), or the environment
variable ``COURSE_REPOSITORY_URL``, names the course's repository, for example
``https://github.com/OWNER/REPO``. From it:

- the repository button links there, and the launch (Binder) button opens it;
- ``html_baseurl`` is ``https://OWNER.github.io/REPO/`` (GitHub Pages), or the value of
  ``COURSE_SITE_URL`` where the site is served elsewhere.

- the ``{published-kits}`` directive links the kits the Pages workflow publishes beside
  the site: ``venue-kit.zip`` always, ``instructor-kit.zip`` when the build is told it is
  published (``COURSE_INSTRUCTOR_KIT=published``; the workflow sets it only when the
  repository variable ``PUBLISH_INSTRUCTOR_KIT`` is ``true``, as that kit holds answer keys).

While it is empty, both buttons and the kit links are left out and no base URL is set, so
a fresh fork never links to someone else's repository or to files it has not published.
The Pages workflow sets it from the repository it runs in.
"""
from __future__ import annotations

import os
import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util.docutils import SphinxDirective

# (file beside the site, what it is), in the order the page lists them
KITS = [
    ("venue-kit.zip", "the venue kit, for a room with no internet: the course site, the slide decks, the "
                      "handouts and role cards, the agendas and the workshop materials. Unzip it and open "
                      "index.html; nothing to install"),
    ("instructor-kit.zip", "the instructor kit: the instructor edition of the site (answer keys, rubrics, "
                           "teaching notes), the handouts with their answer keys, and the questions for Moodle "
                           "(XML) and Canvas (QTI) to import into your learning platform. Keep it from students"),
]

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
    config.course_published_url = ""
    config.course_instructor_kit = os.environ.get("COURSE_INSTRUCTOR_KIT", "") == "published"
    if not url:
        options["use_repository_button"] = False
        options["repository_url"] = ""
        options.pop("launch_buttons", None)
        return
    options["repository_url"] = url
    options["use_repository_button"] = True
    if not config.html_baseurl:  # a translated edition is published under its folder (ja/)
        from .language import SITE_FOLDER
        config.html_baseurl = site_url(url) + SITE_FOLDER.get(config.language or "en", "")
    config.course_published_url = config.html_baseurl


def published_kits(published_url: str, instructor_kit: bool) -> list[tuple[str, str]]:
    """(address, description) of each kit published beside the site at ``published_url``;
    none while the site's address is unknown."""
    if not published_url:
        return []
    base = published_url if published_url.endswith("/") else published_url + "/"
    return [(base + name, what) for name, what in KITS if name != "instructor-kit.zip" or instructor_kit]


class PublishedKitsDirective(SphinxDirective):
    """``{published-kits}``: a list of links to the published kits, or nothing at all."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        kits = published_kits(self.config.course_published_url, self.config.course_instructor_kit)
        if not kits:
            return []
        items = nodes.bullet_list(classes=["published-kits"])
        for address, what in kits:
            name = address.rsplit("/", 1)[-1]
            para = nodes.paragraph()
            para += nodes.reference(name, f"Download {name}", refuri=address)
            para += nodes.Text(f": {what}.")
            items += nodes.list_item("", para)
        intro = nodes.paragraph(text="Prebuilt kits, published with this site (no Python needed to use them):")
        return [nodes.container("", intro, items, classes=["published-kits"])]


def setup(app: Sphinx) -> None:
    app.add_config_value("course_repository_url", "", "html")
    app.add_config_value("course_published_url", "", "env")  # both set from the environment
    app.add_config_value("course_instructor_kit", False, "env")
    app.add_directive("published-kits", PublishedKitsDirective)
    app.connect("config-inited", _configure, priority=100)
