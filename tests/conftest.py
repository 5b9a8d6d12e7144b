import sys
from pathlib import Path

import pytest

# tests/ holds shared helpers (course_toc.py) imported by tests in its subfolders
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium per test process, shared by the site, deck, handout and room
    tests: Playwright's sync API cannot start a second one in the same thread."""
    from exercises.kit.browser import chromium
    with chromium() as b:
        yield b

