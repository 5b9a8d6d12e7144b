"""The table of contents holds the whole course and every file it names exists."""

from course_toc import ROOT, toc_files

MODULES = ["01-foundations", "02-new-environment", "03-human-security", "04-responsibility-to-protect",
           "05-early-warning", "06-japans-aspiration", "07-japans-means", "08-challenges",
           "09-ways-forward", "10-case-studies"]


def test_toc_lists_front_matter_ten_modules_and_back_matter():
    files = toc_files()
    assert [f for f in files if f.startswith("book/modules/") and f.endswith("/index")] == \
        [f"book/modules/{m}/index" for m in MODULES]
    for doc in ["book/front/how-to-use", "book/front/content-note", "book/back/glossary",
                "book/back/references", "book/back/datasets", "book/back/instructor-guide",
                "book/back/facilitator-guide"]:
        assert doc in files


def test_every_toc_entry_exists():
    for doc in toc_files():
        assert any((ROOT / f"{doc}{suffix}").exists() for suffix in (".md", ".ipynb")), doc
