"""Output folders of the teaching kit: never delete what a command did not write.

Every command that writes a folder (``lms``, ``slides``, ``handouts``, ``course``) goes
through :func:`replacing`:

    with replacing(out, "lms") as tmp:
        ...write everything into tmp...

- ``out`` may be missing, empty, or a folder this same command wrote before (it holds the
  marker file ``.course-output`` naming the command). Anything else (a folder of the
  user's, ``--out .``, another command's output, a file) is refused with an
  :class:`OutputError` before any work starts, and nothing is touched.
- The new output is built in a hidden folder beside ``out`` and only swapped in, by
  renames, once complete: an error or an interrupt before that leaves the previous output
  as it was (and the hidden folder removed).

:func:`safe_name` checks a folder name given on the command line (``course --name``).
"""
from __future__ import annotations

import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

MARKER = ".course-output"
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class OutputError(ValueError):
    """An output folder that may not be written (or a bad output name)."""


def safe_name(name: str, what: str = "name") -> str:
    """``name`` if it is a plain folder name (letters, digits, ``.``, ``_``, ``-``; no path)."""
    if not isinstance(name, str) or not NAME.match(name) or ".." in name:
        raise OutputError(f"{what} {name!r} is not allowed: use letters, digits, '-', '_' and '.' only "
                          "(no '/', no '..', not an absolute path, at most 64 characters)")
    return name


def owner(folder: Path) -> str | None:
    """The command named in ``folder``'s marker, or None."""
    marker = Path(folder) / MARKER
    if marker.is_file() and not marker.is_symlink():
        return marker.read_text(encoding="utf-8", errors="replace").strip() or None
    return None


def check_target(out: Path | str, command: str) -> Path:
    """The absolute ``out``, if ``command`` may replace it; else an OutputError."""
    out = Path(out).absolute()
    if out.is_symlink():
        raise OutputError(f"{out} is a symbolic link: give a real folder for the {command} output")
    if not out.exists():
        return out
    if not out.is_dir():
        raise OutputError(f"{out} exists and is not a folder: refusing to replace it with the {command} output")
    if Path.cwd().resolve().is_relative_to(out.resolve()):
        raise OutputError(f"{out} holds the current folder: refusing to replace it with the {command} output")
    if not any(out.iterdir()):
        return out
    found = owner(out)
    if found == command:
        return out
    why = (f"it holds the output of `{found}`, not `{command}`" if found else
           f"it is not empty and has no {MARKER} marker, so it is not an earlier {command} output")
    raise OutputError(f"refusing to write the {command} output into {out}: {why}. "
                      "Nothing was changed; give an empty or new folder.")


def swap(new: Path, out: Path, command: str) -> None:
    """Put the complete folder ``new`` in place of ``out`` by renames (siblings, same disk)."""
    if not out.exists():
        new.rename(out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{command}-old-", dir=out.parent))
    old.rmdir()
    out.rename(old)
    try:
        new.rename(out)
    except BaseException:
        old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def replacing(out: Path | str, command: str):
    """Yield an empty folder beside ``out``; on success it replaces ``out`` (see the module)."""
    out = check_target(out, command)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{command}-new-", dir=out.parent))
    try:
        yield tmp
        (tmp / MARKER).write_text(command + "\n", encoding="utf-8")
        check_target(out, command)  # still ours: nothing appeared there while we built
        swap(tmp, out, command)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

