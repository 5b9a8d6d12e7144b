"""Where the course's files are (one place for every module).

In a checkout, the course is the folder that holds this package. Where the package is
installed elsewhere (``pip install .``), the course is the folder named by the
environment variable ``COURSE_ROOT``, or else the current folder.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SCHEMA_DIR = PACKAGE_DIR / "schema"


def _course_root() -> Path:
    if os.environ.get("COURSE_ROOT"):
        return Path(os.environ["COURSE_ROOT"]).resolve()
    if (PACKAGE_DIR.parent / "_config.yml").exists():
        return PACKAGE_DIR.parent
    return Path.cwd().resolve()


ROOT = _course_root()
BOOK_DIR = ROOT / "book"
MODULES_DIR = BOOK_DIR / "modules"
DATA_DIR = ROOT / "data"
BUILD_DIR = ROOT / "_build"
