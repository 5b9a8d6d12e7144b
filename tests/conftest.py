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


# `make test` runs two pytest-xdist workers with --dist loadgroup. Each test file is one group
# (its module-scoped fixtures, a course build or a room, are made once), except the files of
# many independent page checks, whose tests are shared out between the workers one by one:
# kept whole, each made one worker run for minutes while the other had finished.
SPREAD = {"test_pages.py", "test_japanese_site.py"}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.name not in SPREAD:
            item.add_marker(pytest.mark.xdist_group(item.path.name))
