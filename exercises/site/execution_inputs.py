"""Re-run the book's notebooks when what they read changes.

myst-nb's execution cache is keyed on a page's code cells only. Pages that show an
exercise or a chart also read the exercise banks, the widget code and the datasets, and
the built page embeds what they read (a widget's spec and front end). So when any of
those inputs changes, this clears the execution cache and marks every executed page out
of date: a warm build never serves a stale question, widget or figure.

The digest of the inputs is kept beside the cache, so ``jupyter-book clean`` (which keeps
the cache) does not force a re-run by itself. The edition being built (``COURSE_EDITION``)
is part of the digest: the pages' widgets differ between the student and instructor
editions, so a cache never serves one edition's pages to the other (``make book
EDITION=instructor`` also keeps its own cache, in its own build folder). So are the language
and, in a translated edition, the catalogues of the YAML sources and program strings
(``locales/<lang>/data``): the widgets embed their text.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from .. import edition, i18n
from ..paths import ROOT

INPUTS = ["exercises/**/*.py", "exercises/**/*.js", "exercises/**/*.css", "exercises/**/*.yml",
          "exercises/**/*.json", "data/**/*.csv", "data/**/*.json"]
DIGEST_FILE = "course-inputs.sha256"
logger = logging.getLogger(__name__)


def inputs_digest(root: Path = ROOT, edition_name: str | None = None, lang: str | None = None) -> str:
    digest = hashlib.sha256()
    lang = lang or i18n.current()
    digest.update(f"edition={edition_name or edition.current()}\nlanguage={lang}\n".encode())
    # a translated edition's widgets and case boxes also read the translations of the YAML sources
    patterns = INPUTS + ([f"locales/{lang}/data/**/*.po"] if lang != i18n.SOURCE_LANGUAGE else [])
    files = sorted({p for pattern in patterns for p in root.glob(pattern)
                    if p.is_file() and "__pycache__" not in p.parts})
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _cache_dir(app: Sphinx) -> Path:
    """The folder myst-nb caches executions in (it settles the path when the build starts)."""
    configured = getattr(getattr(app.env, "mystnb_config", None), "execution_cache_path", "")
    return Path(configured) if configured else Path(app.outdir).parent / ".jupyter_cache"


def outdated_notebooks(app: Sphinx, env, added, changed, removed) -> list[str]:
    cache = _cache_dir(app)
    stamp = cache / DIGEST_FILE
    digest = inputs_digest(edition_name=app.config.course_edition, lang=app.config.language)
    if stamp.exists() and stamp.read_text().strip() == digest:
        return []
    if cache.exists():
        logger.info("exercise, widget or data files (or the edition) changed: re-running the book's notebooks")
        shutil.rmtree(cache)
    cache.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest + "\n")
    return [doc for doc in env.found_docs if "kernelspec" in env.metadata.get(doc, {})]
