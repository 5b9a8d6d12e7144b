"""BENCHMARKS.md's sections (exercises/dev/benchmark.py:write_section): a benchmark rewrites
only its own section, keeps the others and the blank lines between them, and adds a new
section at the end."""
from exercises.dev.benchmark import write_section

BEFORE = """# Benchmarks

<!-- begin site -->
## Site

old numbers
<!-- end site -->

<!-- begin room -->
## Live room

room numbers
<!-- end room -->
"""


def test_a_section_is_replaced_and_the_rest_kept_as_it_was(tmp_path):
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(BEFORE, encoding="utf-8")
    write_section("site", "Site", "new numbers\n", path)
    assert path.read_text(encoding="utf-8") == BEFORE.replace("old numbers", "new numbers")
    write_section("room", "Live room", "more room numbers", path)
    assert path.read_text(encoding="utf-8").endswith("more room numbers\n<!-- end room -->\n")


def test_a_new_section_is_added_at_the_end(tmp_path):
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(BEFORE, encoding="utf-8")
    write_section("marks", "Marking hand-ins", "marks numbers", path)
    assert path.read_text(encoding="utf-8") == (
        BEFORE + "\n<!-- begin marks -->\n## Marking hand-ins\n\nmarks numbers\n<!-- end marks -->\n")
