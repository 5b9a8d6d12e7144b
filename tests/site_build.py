"""The clean, strict build of the book that the site tests and the notebook test share.

Set COURSE_REUSE_BUILD=1 to skip the build and use the site already built.
COURSE_BUILD_ROOT=DIR builds into DIR/_build instead of ./_build (so parallel work does
not collide).
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD_ROOT = Path(os.environ.get("COURSE_BUILD_ROOT", ROOT))
HTML = BUILD_ROOT / "_build" / "html"
JB = [str(Path(os.sys.executable).parent / "jupyter-book")]


def clean(build_root: Path) -> None:
    """Remove a build's site, doctrees and executed notebooks (so every page is read again and
    every warning shows), keeping its execution cache. Not `jupyter-book clean`: that empties
    all of ``_build`` but the cache, and so the other editions built inside it (``_build/ja``)
    while a test worker may be building one of them."""
    for part in ("html", ".doctrees", "jupyter_execute"):
        shutil.rmtree(build_root / "_build" / part, ignore_errors=True)


def _once(build_root: Path, what: str, command: list[str], env: dict) -> Path:
    """Clean ``build_root``'s site and run ``command`` (a strict build into it), once per test
    run; returns its html folder. With COURSE_REUSE_BUILD=1 the site already built there is
    used as it is. Under pytest-xdist (``make test`` runs two workers) the first worker to ask
    builds, holding a lock, and the others wait for it and reuse that build in the same run."""
    html = build_root / "_build" / "html"
    if os.environ.get("COURSE_REUSE_BUILD") != "1":
        run = os.environ.get("PYTEST_XDIST_TESTRUNUID", "")
        key = hashlib.sha256(f"{build_root.resolve()}|{what}".encode()).hexdigest()[:16]
        with open(Path(tempfile.gettempdir()) / f"course-site-build-{key}.lock", "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            lock.seek(0)
            if not (run and lock.read().strip() == run and (html / "index.html").exists()):
                clean(build_root)
                proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env={**os.environ, **env})
                assert proc.returncode == 0, f"strict {what} build failed:\n" + proc.stdout[-6000:] + proc.stderr[-6000:]
                lock.seek(0)
                lock.truncate()
                lock.write(run)
    assert (html / "index.html").exists()
    return html


def build(build_root: Path = BUILD_ROOT, edition: str = "student") -> Path:
    """A clean, strict build of the book into ``build_root/_build``; returns its html folder."""
    output = ["--path-output", str(build_root)] if build_root != ROOT else []
    return _once(build_root, edition, [*JB, "build", ".", "-W", "-n", "--keep-going", *output],
                 {"COURSE_EDITION": edition})


def build_japanese() -> Path:
    """A clean, strict build of the Japanese edition with the course's own command
    (``course book --lang ja``: checks that the translations are complete, then builds into
    ``_build/ja``); returns its html folder."""
    from exercises.paths import site_output
    return _once(site_output("student", "ja"), "Japanese", [os.sys.executable, "-m", "exercises", "book", "--lang", "ja"],
                 {"COURSE_EDITION": "student", "COURSE_LANG": "ja"})
