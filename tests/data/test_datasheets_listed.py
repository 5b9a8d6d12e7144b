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


def test_every_datasheet_is_titled_with_the_datasets_title_and_name():
    """A reader sees what the dataset is, not only its machine name."""
    from exercises.datasets import resource
    for name in names():
        first = next(line for line in (ROOT / "book" / "datasets" / f"{name}.md").read_text(encoding="utf-8").splitlines()
                     if line.startswith("# "))
        assert first == f"# {resource(name)['title']} (`{name}`)", first
