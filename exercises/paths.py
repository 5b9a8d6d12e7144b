"""Where the course's files are, relative to this package (one place for every module)."""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
SCHEMA_DIR = PACKAGE_DIR / "schema"
BOOK_DIR = ROOT / "book"
MODULES_DIR = BOOK_DIR / "modules"
DATA_DIR = ROOT / "data"
BUILD_DIR = ROOT / "_build"
