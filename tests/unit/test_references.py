"""The BibTeX files: every key is defined once across all of them.

(pybtex stops reading a file at a repeated key, so a duplicate silently drops every
entry after it and surfaces only as unrelated 'could not find bibtex key' warnings.)
"""
from __future__ import annotations

import re
from collections import defaultdict

import yaml

from course_toc import ROOT

KEY = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,", re.M)


def bib_files() -> list[str]:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return config["bibtex_bibfiles"]


def test_every_bib_file_exists():
    for name in bib_files():
        assert (ROOT / name).exists(), name


def test_every_key_is_defined_once_across_all_bib_files():
    where = defaultdict(list)
    for name in bib_files():
        for key in KEY.findall((ROOT / name).read_text(encoding="utf-8")):
            where[key.lower()].append(name)
    repeated = {key: files for key, files in where.items() if len(files) > 1}
    assert not repeated, "keys defined more than once (reuse the existing key instead):\n" + \
        "\n".join(f"  {key}: {', '.join(files)}" for key, files in sorted(repeated.items()))


def test_the_keys_banks_may_cite_are_the_keys_pybtex_reads():
    """exercises.specs.bibtex_keys reads only the entries' openings (each page's kernel asks);
    it must find what a full parse finds, in every file."""
    from pybtex.database import parse_file

    from exercises.specs import bibtex_keys
    parsed = {key.lower() for name in bib_files() for key in parse_file(str(ROOT / name), "bibtex").entries}
    assert parsed and bibtex_keys(ROOT) == parsed
