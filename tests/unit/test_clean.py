"""`make clean` (`course clean`): the build output goes; every edition's execution cache and the
live rooms' database stay (a room's results are a facilitator's data, not build output)."""
from __future__ import annotations

from exercises import paths


def test_clean_keeps_every_execution_cache_and_the_rooms(tmp_path, monkeypatch):
    root = tmp_path / "course"
    build = root / "_build"
    monkeypatch.setattr(paths, "ROOT", root)
    monkeypatch.setattr(paths, "BUILD_DIR", build)
    kept = [build / ".jupyter_cache" / "global.db", build / "room" / "room.sqlite3",
            *(build / edition / "_build" / ".jupyter_cache" / "executed" / "a.ipynb"
              for edition in ("ja", "instructor", "instructor-ja"))]
    gone = [build / "html" / "index.html", build / ".doctrees" / "x.doctree", build / "jupyter_execute" / "p.ipynb",
            build / "slides" / "01" / "index.html", build / "marks" / "scores.csv", build / "gettext" / "a.pot",
            build / "ja" / "_build" / "html" / "index.html", build / "ja" / "slides" / "index.html",
            build / "ja" / "_config.yml", build / "instructor" / "_build" / "jupyter_execute" / "p.ipynb",
            build / "kit" / "venue-kit.zip"]
    for path in kept + gone:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    removed = paths.clean_build()
    assert all(p.exists() for p in kept)
    assert not any(p.exists() for p in gone)
    assert build / "html" in removed and build / "ja" / "_build" / "html" in removed
    assert paths.clean_build() == []  # nothing left to remove
