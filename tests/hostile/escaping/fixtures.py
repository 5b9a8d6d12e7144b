"""The hostile fixtures of the escaping tests (issue 12), and a one-page site built from
them with the course's Sphinx extension, in a temporary folder (the book is not touched).

The page shows every exercise of ``banks/hostile.yml``, a data explorer over a copy of
``data/oda_dac_donors.csv`` with the rows of ``data/oda_dac_donors.rows.csv`` appended,
and the case box, agenda, roles and glossary of this folder; it ends with
END-OF-PAGE-MARKER (a payload such as ``<!--<script>`` that hid the rest would hide it).
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent
ROOT = FIXTURES.parents[2]

# A payload per kind, as the tests of the helpers use them (the fixtures' files hold the
# same kinds, each with its own canary number).
PAYLOADS = [
    '</SCRIPT ><img src=x onerror="window.__pwned=1">',
    '</ScRiPt><img src=x onerror="window.__pwned=1">',
    '</script\n><img src=x onerror="window.__pwned=1">',
    "<!--<script>",
    '<img src=x onerror="window.__pwned=1">',
    '<svg onload="window.__pwned=1">',
    ']]><img src=x onerror="window.__pwned=1">',
    '"><img src=x onerror="window.__pwned=1">',
    "[click](javascript:window.__pwned=1)",
    '<a href="JaVaScRiPt:window.__pwned=1">click</a>',
    "```{raw} html\n<img src=x onerror=\"window.__pwned=1\">\n```",
    "{eval-rst}`x` & &lt;script&gt; &#60;b&#62;",
]

DATA_EXPLORER = """\
bank: hostile-data
title: A dataset row with a payload
exercises:
  - id: appended-row
    type: data_explorer
    title: Donors in 2024
    prompt: Explore.
    dataset: oda_dac_donors
    where: {year: 2024, iso3: JPN}
    filters: [{column: donor, label: Donor}]
    chart: {kind: bar, x: donor, y: oda_usd_million_2025, title: Aid}
    questions:
      - type: numeric
        prompt: How much?
        answer_from: {column: oda_gni_percent, aggregate: count}
        tolerance: 0
        explanation: Counted.
"""


def hostile_banks() -> dict:
    from exercises.specs import parse_bank
    path = FIXTURES / "banks" / "hostile.yml"
    return {"hostile": parse_bank(path.read_text(encoding="utf-8"), path)}


def hostile_data(folder: Path) -> Path:
    """A copy of the data package with the hostile rows appended to oda_dac_donors.csv
    (every table is copied: the strict loader checks foreign keys, e.g. into countries)."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in [ROOT / "data" / "datapackage.json", *(ROOT / "data").glob("*.csv")]:
        shutil.copy(source, folder / source.name)
    csv = (ROOT / "data" / "oda_dac_donors.csv").read_text(encoding="utf-8")
    rows = (FIXTURES / "data" / "oda_dac_donors.rows.csv").read_text(encoding="utf-8")
    (folder / "oda_dac_donors.csv").write_text(csv.rstrip("\n") + "\n" + rows, encoding="utf-8")
    return folder / "datapackage.json"


PAGE = '''---
jupytext:
  text_representation:
    format_name: myst
kernelspec:
  name: python3
  display_name: Python 3
---
# Hostile page

```{{code-cell}} ipython3
:tags: [remove-input]
import functools
from pathlib import Path
from IPython.display import display
import exercises.datasets as datasets
from exercises.specs import parse_bank
from exercises.widgets import ExerciseWidget

datasets.load = functools.partial(datasets.load, package=Path({package!r}))
for path in [Path({bank!r}), Path({data_bank!r})]:
    bank = parse_bank(path.read_text(encoding="utf-8"), path)
    for ex in bank.exercises:
        display(ExerciseWidget(ex, f"{{bank.name}}/{{ex['id']}}"))
```

```{{case-box}} hostile-case
```

```{{agenda}} hostile-agenda
```

```{{roles}} hostile-roles
```

```{{course-glossary}}
```

END-OF-PAGE-MARKER
'''


def build_hostile_site(tmp: Path, edition: str = "instructor") -> Path:
    """Build the page into ``tmp/html`` and return that folder. The build runs in its own
    process (Sphinx and myst-nb keep global state), see :func:`_build`. The instructor
    edition shows the most: the widgets' answer keys as well."""
    proc = subprocess.run([sys.executable, __file__, str(tmp)], capture_output=True, text=True,
                          env={**os.environ, "COURSE_EDITION": edition}, cwd=ROOT)
    assert proc.returncode == 0 and (tmp / "html" / "index.html").exists(), proc.stdout[-4000:] + proc.stderr[-4000:]
    return tmp / "html"


def _build(tmp: Path) -> None:
    """The build itself, with the directives pointed at this folder's YAML."""
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    from exercises.site.agenda import AgendaDirective
    from exercises.site.case_box import CaseBoxDirective
    from exercises.site.glossary import CourseGlossaryDirective
    from exercises.site.roles import RolesDirective

    src = tmp / "src"
    src.mkdir(parents=True)
    (src / "secret.txt").write_text("SECRET-OF-THE-BUILD-MACHINE", encoding="utf-8")  # no YAML may insert it
    (tmp / "banks").mkdir()
    (tmp / "banks" / "hostile-data.yml").write_text(DATA_EXPLORER, encoding="utf-8")
    (src / "index.md").write_text(PAGE.format(
        package=str(hostile_data(tmp / "data")), bank=str(FIXTURES / "banks" / "hostile.yml"),
        data_bank=str(tmp / "banks" / "hostile-data.yml")), encoding="utf-8")
    config = {
        "extensions": ["myst_nb", "exercises.site.sphinx_ext"],
        "myst_enable_extensions": ["colon_fence", "deflist"],
        "nb_execution_mode": "force",
        "nb_execution_raise_on_error": True,
        "nb_execution_timeout": 120,
        "nb_ipywidgets_js": {"anywidget-static.js": {}},
        "html_static_path": [str(ROOT / "book" / "_theme")],
        "exclude_patterns": ["_build"],
    }
    directories = {CaseBoxDirective: ("directory", FIXTURES / "cases"),
                   AgendaDirective: ("directory", FIXTURES / "agendas"),
                   RolesDirective: ("directory", FIXTURES / "roles"),
                   CourseGlossaryDirective: ("modules_dir", FIXTURES / "modules")}
    for cls, (attr, value) in directories.items():
        setattr(cls, attr, value)
    warnings = io.StringIO()
    with patch_docutils(None), docutils_namespace():
        app = Sphinx(str(src), None, str(tmp / "html"), str(tmp / "doctrees"), "html",
                     confoverrides=config, status=None, warning=warnings, freshenv=True)
        app.build(force_all=True)
    print(warnings.getvalue())


if __name__ == "__main__":
    _build(Path(sys.argv[1]))
