"""Where the course's files are (one place for every module).

In a checkout, the course is the folder that holds this package. Where the package is
installed elsewhere (``pip install .``, as on Binder), the course is the folder named by
the environment variable ``COURSE_ROOT``, or else the nearest folder, from the current
one up, that holds ``_config.yml`` and ``_toc.yml`` (a page runs in its own folder), or
else the current folder.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SCHEMA_DIR = PACKAGE_DIR / "schema"


def _is_course(folder: Path) -> bool:
    return (folder / "_config.yml").is_file() and (folder / "_toc.yml").is_file()


def _course_root() -> Path:
    if os.environ.get("COURSE_ROOT"):
        return Path(os.environ["COURSE_ROOT"]).resolve()
    if _is_course(PACKAGE_DIR.parent):
        return PACKAGE_DIR.parent
    here = Path.cwd().resolve()
    return next((folder for folder in (here, *here.parents) if _is_course(folder)), here)


ROOT = _course_root()
BOOK_DIR = ROOT / "book"
MODULES_DIR = BOOK_DIR / "modules"
DATA_DIR = ROOT / "data"
BUILD_DIR = ROOT / "_build"


def site_output(edition: str = "student", lang: str = "en") -> Path:
    """The folder Jupyter Book builds an edition and language into (the site is its
    ``_build/html``; each has its own execution cache): the course itself for the English
    student edition, else ``_build/instructor``, ``_build/ja`` or ``_build/instructor-ja``."""
    parts = [p for p in ("instructor" if edition == "instructor" else "", "" if lang == "en" else lang) if p]
    return BUILD_DIR / "-".join(parts) if parts else ROOT



# what `make clean` keeps under _build: every edition's notebook execution cache, and the
# live rooms' database (a facilitator's results, not build output)
CLEAN_KEEPS = (".jupyter_cache", "room")


def clean_build() -> list[Path]:
    """Remove the build output under ``_build`` (sites, kits, marks, gettext templates), keeping
    :data:`CLEAN_KEEPS` and each edition's own execution cache (``<edition>/_build/.jupyter_cache``);
    returns what was removed."""
    editions = {site_output(e, lang) for e in ("student", "instructor") for lang in ("en", "ja")} - {ROOT}
    removed = []

    def remove(path: Path) -> None:
        import shutil
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
        removed.append(path)

    for item in sorted(BUILD_DIR.iterdir()) if BUILD_DIR.is_dir() else []:
        if item.name in CLEAN_KEEPS:
            continue
        if item not in editions:
            remove(item)
            continue
        for part in sorted(item.iterdir()):  # an edition: all but its execution cache
            if part.name != "_build" or part.is_symlink():
                remove(part)
                continue
            for inner in sorted(part.iterdir()):
                if inner.name != ".jupyter_cache":
                    remove(inner)
    return removed


def kit_output(name: str, lang: str = "en") -> Path:
    """The default folder of a kit command's output (``slides``, ``handouts``, ``lms``,
    ``courses``): ``_build/<name>`` in English, ``_build/<lang>/<name>`` in another language
    (beside that language's site, ``_build/<lang>/_build/html``)."""
    return BUILD_DIR / name if lang == "en" else BUILD_DIR / lang / name


# the port a live room listens on by default (python -m exercises room); a deck's
# {room-results} slide looks for the room's charts there
ROOM_PORT = 8765
