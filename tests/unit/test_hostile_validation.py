"""Hostile and malformed inputs (tests/hostile/validation/, listed in its expected.yml): each
is refused with a message naming the file, the line and the field where one applies, and the
command line says so in one line, with exit status 1 and no traceback."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from exercises import datasets
from exercises.__main__ import main
from exercises.paths import ROOT, SCHEMA_DIR
from exercises.specs import load_bank, load_banks
from exercises import yaml_data
from exercises.yaml_data import SpecError, load_yaml

HERE = Path(__file__).resolve().parents[1] / "hostile" / "validation"
EXPECTED = yaml.safe_load((HERE / "expected.yml").read_text(encoding="utf-8"))
YAML_CASES = [(group, name, exp) for group in ("banks", "banks-yaml-extension", "sources")
              for name, exp in EXPECTED[group].items()]
DATA_CASES = list(EXPECTED["data"].items())


def test_the_corpus_lists_every_fixture_and_only_those():
    listed = {f"{g}/{n}" for g, n, _ in YAML_CASES} | {f"data/{n}" for n, _ in DATA_CASES}
    on_disk = {str(p.relative_to(HERE)) for p in [*HERE.glob("banks*/*"), *HERE.glob("sources/*/*")]}
    on_disk |= {f"data/{p.name}" for p in (HERE / "data").iterdir() if p.name != "base"}
    assert listed == on_disk
    assert len(listed) >= 30


def _load(group: str, name: str) -> None:
    path = HERE / group / name
    if group == "banks":
        load_bank(path)
    elif group == "banks-yaml-extension":
        load_banks(path.parent)
    else:
        load_yaml(path, SCHEMA_DIR / f"{path.parent.name}.schema.json")


@pytest.fixture(params=["libyaml", "pyyaml"])
def yaml_parser(request, monkeypatch):
    """Each case with the parser the course uses (libyaml, where PyYAML has it) and with
    PyYAML's own (where it does not)."""
    if request.param == "pyyaml":
        monkeypatch.setattr(yaml_data, "Loader", yaml.SafeLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("this PyYAML has no libyaml")
    return request.param


@pytest.mark.parametrize("group,name,exp", YAML_CASES, ids=[f"{g}/{n}" for g, n, _ in YAML_CASES])
def test_a_hostile_yaml_file_is_refused_naming_file_line_and_field(group, name, exp, yaml_parser):
    with pytest.raises(SpecError) as caught:
        _load(group, name)
    err = caught.value
    assert Path(err.file) == HERE / group / name
    assert err.line == exp["line"]
    assert err.field == exp["field"]
    assert exp["message"] in err.message
    assert str(HERE / group / name) in str(err)
    if exp["line"]:
        assert f"line {exp['line']}" in str(err)


def package_with(case: str, tmp_path: Path) -> Path:
    """data/base/ with the case's files put in its place; returns its datapackage.json."""
    pkg = tmp_path / "pkg"
    shutil.copytree(HERE / "data" / "base", pkg)
    for file in (HERE / "data" / case).iterdir():
        shutil.copy(file, pkg / file.name)
    return pkg / "datapackage.json"


def test_the_base_data_package_loads(tmp_path):
    package = package_with("base", tmp_path)
    events = datasets.load("events", package)
    assert list(events["event_id"]) == ["rwa-1994", "khm-1975", "bih-1995"]
    assert str(events["year"].dtype) == "Int64"


@pytest.mark.parametrize("case,exp", DATA_CASES, ids=[c for c, _ in DATA_CASES])
def test_a_hostile_data_file_is_refused_naming_file_line_and_field(case, exp, tmp_path):
    package = package_with(case, tmp_path)
    with pytest.raises(datasets.DataError) as caught:
        for name in ("countries", "events"):
            datasets.load(name, package)
    where = f"{exp['file']}:{exp['line']}: " if exp["line"] else f"{exp['file']}: "
    matching = [p for p in caught.value.problems if where + f"{exp['field']}: " in p]
    assert matching, caught.value.problems
    assert exp["message"] in matching[0]


def test_load_without_strict_still_reads_what_it_can(tmp_path):
    package = package_with("extra-column", tmp_path)
    assert "payload" not in datasets.load("events", package, strict=False).columns


@pytest.mark.parametrize("name", [n for n in EXPECTED["banks"]])
def test_the_validate_command_names_the_bank_and_exits_1(name, capsys):
    assert main(["validate", str(HERE / "banks" / name)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and str(HERE / "banks" / name) in err


@pytest.mark.parametrize("case", [c for c, _ in DATA_CASES])
def test_the_validate_data_command_names_the_file_and_exits_1(case, tmp_path, capsys):
    package = package_with(case, tmp_path)
    assert main(["validate-data", "--package", str(package)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and EXPECTED["data"][case]["file"] in err


@pytest.mark.parametrize("args", [
    ["validate", "tests/hostile/validation/banks/non-utf8.yml"],
    ["validate", "tests/hostile/validation/banks/deep-nesting.yml"],
    ["validate", "tests/hostile/validation/banks/billion-laughs.yml"],
    ["validate-data", "--package", "tests/hostile/validation/data/datapackage-trailing-comma/datapackage.json"],
    ["validate-data", "--package", "tests/hostile/validation/data/datapackage-deep-nesting/datapackage.json"],
], ids=["non-utf8-bank", "deep-bank", "billion-laughs", "malformed-datapackage", "deep-datapackage"])
def test_the_command_line_gives_one_line_and_no_traceback(args):
    proc = subprocess.run([sys.executable, "-m", "exercises", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error: " + args[-1]) and proc.stderr.count("\n") == 1


def test_the_course_data_package_is_valid_and_make_book_checks_it(monkeypatch, capsys):
    datasets.validate()
    book = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nbook:", 1)[1].split("\n\n", 1)[0]
    assert "$(COURSE) book" in book  # make book runs `course book`, which validates the data first:
    import subprocess

    from exercises.__main__ import main
    builds = []
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: builds.append(a) or subprocess.CompletedProcess(a, 0))
    monkeypatch.setattr(datasets, "validate", lambda *a, **k: (_ for _ in ()).throw(
        datasets.DataError(["data/example.csv:3: year: 'x' is not an integer"])))
    assert main(["book"]) == 1 and not builds
    assert "data/example.csv:3: year" in capsys.readouterr().err


@pytest.mark.parametrize("ref", ["../roles/capstone", "../../exercises/banks/authoring-guide", "/etc/passwd", "Rwanda-1994"])
def test_a_source_id_with_a_path_trick_is_refused(ref):
    from exercises.site.case_box import load_case
    from exercises.specs import find_exercise
    with pytest.raises(KeyError, match="valid cases"):
        load_case(ref)
    with pytest.raises(KeyError, match="valid banks"):
        find_exercise(f"{ref}/some-id")
