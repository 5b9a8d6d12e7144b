"""Every dataset in the package has a datasheet page, listed on the Datasets page and in the TOC."""
from exercises.datasets import names

from course_toc import ROOT, toc_files


def test_every_dataset_has_a_listed_datasheet():
    index = (ROOT / "book" / "back" / "datasets.md").read_text(encoding="utf-8")
    toc = set(toc_files())
    for name in names():
        assert (ROOT / "book" / "datasets" / f"{name}.md").exists(), name
        assert f"{{doc}}`../datasets/{name}`" in index, f"{name} is not listed on book/back/datasets.md"
        assert f"book/datasets/{name}" in toc, f"{name} is not in _toc.yml"
