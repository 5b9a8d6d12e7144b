"""Output folders (exercises/kit/output.py): no folder of the user's is deleted, and the
previous output stays intact until the new one is complete."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from exercises.__main__ import main
from exercises.kit import lms
from exercises.kit.output import MARKER, OutputError, replacing, safe_name

FIXTURES = Path(__file__).resolve().parents[1] / "hostile" / "output"
BAD_NAMES = [line for line in (FIXTURES / "course_names.txt").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")] + ["nul\x00byte"]  # kept out of the file: it stays text


def user_folder(path: Path) -> dict[str, str]:
    """A folder of the user's: files, one in a subfolder; returns what must survive."""
    path.mkdir(parents=True, exist_ok=True)
    files = {"thesis.txt": "three years of work", "notes/today.md": "# notes"}
    for name, text in files.items():
        (path / name).parent.mkdir(exist_ok=True)
        (path / name).write_text(text)
    return files


def assert_intact(path: Path, files: dict[str, str]) -> None:
    assert {str(p.relative_to(path)) for p in path.rglob("*") if p.is_file()} == set(files)
    for name, text in files.items():
        assert (path / name).read_text() == text


def snapshot(path: Path) -> dict[str, bytes]:
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("command", ["lms", "slides", "handouts"])
def test_out_dot_is_refused_and_the_current_folder_kept(command, tmp_path, monkeypatch, capsys):
    files = user_folder(tmp_path / "work")
    monkeypatch.chdir(tmp_path / "work")
    assert main([command, "--out", "."]) == 1
    err = capsys.readouterr().err
    assert "error: " in err and "refusing" in err and "Traceback" not in err
    assert_intact(tmp_path / "work", files)


@pytest.mark.parametrize("command", ["lms", "slides", "handouts"])
def test_a_non_empty_folder_without_the_marker_is_refused(command, tmp_path, capsys):
    files = user_folder(tmp_path / "mine")
    assert main([command, "--out", str(tmp_path / "mine")]) == 1
    err = capsys.readouterr().err
    assert str(tmp_path / "mine") in err and MARKER in err
    assert_intact(tmp_path / "mine", files)
    assert [p.name for p in tmp_path.iterdir()] == ["mine"], "nothing written beside it"


def test_another_commands_output_is_refused(tmp_path):
    out = tmp_path / "out"
    with replacing(out, "slides") as tmp:
        (tmp / "index.html").write_text("deck")
    with pytest.raises(OutputError, match="output of `slides`, not `lms`"):
        lms.export(out)
    assert (out / "index.html").read_text() == "deck"


def test_a_file_and_a_symlink_are_refused(tmp_path):
    (tmp_path / "file").write_text("keep")
    with pytest.raises(OutputError, match="not a folder"):
        lms.export(tmp_path / "file")
    user_folder(tmp_path / "real")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    with pytest.raises(OutputError, match="symbolic link"):
        lms.export(tmp_path / "link")
    assert (tmp_path / "file").read_text() == "keep" and (tmp_path / "real" / "thesis.txt").exists()


def test_the_commands_own_output_is_replaced_and_marked(tmp_path):
    out = tmp_path / "lms"
    lms.export(out)
    assert (out / MARKER).read_text().strip() == "lms"
    (out / "moodle" / "stale.xml").write_text("from an older run")
    lms.export(out)
    assert not (out / "moodle" / "stale.xml").exists(), "replaced as a whole"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lms"], "no temporary folder left"


def test_an_empty_folder_is_accepted(tmp_path):
    (tmp_path / "empty").mkdir()
    lms.export(tmp_path / "empty")
    assert (tmp_path / "empty" / "README.txt").exists()


@pytest.mark.parametrize("name", BAD_NAMES, ids=repr)
def test_a_course_name_with_a_path_trick_is_refused(name, tmp_path, monkeypatch, capsys):
    with pytest.raises(OutputError, match="is not allowed"):
        safe_name(name, "course name")
    if "\x00" in name:
        return  # the command line cannot carry a NUL
    monkeypatch.chdir(tmp_path)
    assert main(["course", "foundations", f"--name={name}"]) == 1
    err = capsys.readouterr().err
    assert "course name" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == [], "nothing written"


def test_a_plain_course_name_is_accepted():
    assert safe_name("m6-spring.2027") == "m6-spring.2027"


def test_an_export_that_fails_midway_leaves_the_previous_output_intact(tmp_path, monkeypatch):
    out = tmp_path / "lms"
    lms.export(out)
    before = snapshot(out)
    calls = []

    def interrupted(bank, questions):  # a few banks are written, then the user presses Ctrl-C
        calls.append(bank)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return b"<quiz/>"
    monkeypatch.setattr(lms, "moodle_xml", interrupted)
    with pytest.raises(KeyboardInterrupt):
        lms.export(out)
    assert len(calls) == 3
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lms"], "the half-built folder is removed"


def test_a_failed_swap_puts_the_previous_output_back(tmp_path, monkeypatch):
    out = tmp_path / "lms"
    lms.export(out)
    before = snapshot(out)
    real = Path.rename

    def rename(self, target):
        if Path(self).name.startswith(".lms-new-"):
            raise OSError("disk gone")
        return real(self, target)
    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError, match="disk gone"):
        lms.export(out)
    monkeypatch.undo()
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lms"]


def test_a_killed_build_leaves_the_previous_output_intact(tmp_path):
    """A real interrupt: the process building the new output is killed midway."""
    out = tmp_path / "handouts"
    with replacing(out, "handouts") as tmp:
        (tmp / "1.pdf").write_text("old 1")
        (tmp / "2.pdf").write_text("old 2")
    before = snapshot(out)
    script = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from exercises.kit.output import replacing
        with replacing(Path({str(out)!r}), "handouts") as tmp:
            (tmp / "1.pdf").write_text("new 1")
            Path({str(tmp_path / 'started')!r}).touch()
            time.sleep(60)
            (tmp / "2.pdf").write_text("new 2")
    """)
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        for _ in range(300):
            if (tmp_path / "started").exists():
                break
            time.sleep(0.1)
        assert (tmp_path / "started").exists(), "the build did not start"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert snapshot(out) == before
