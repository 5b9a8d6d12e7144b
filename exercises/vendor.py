"""Copy the browser assets the site serves into ``_vendor/course-vendor/`` (no CDN at view time).

Sources: ``node_modules/`` (installed from the pinned package-lock.json) and the
installed ``anywidget`` Python package, whose AMD front end matches the Python side's
version exactly. Only what pages use is copied: of the widget manager's icon fonts,
just the woff2/woff files that current browsers load. The folder is written whole to
a temporary directory and swapped in, so a failed run leaves the old one intact.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import json
from importlib.metadata import metadata

import anywidget

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "_vendor"
BUILD_HTML = ROOT / "_build" / "html"
HTML_MANAGER = ROOT / "node_modules" / "@jupyter-widgets" / "html-manager"


def _files() -> dict[str, Path]:
    """Destination (relative to _vendor/) -> source file."""
    anywidget_js = Path(anywidget.__file__).parent / "nbextension" / "index.js"
    files = {
        "course-vendor/require.js": ROOT / "node_modules" / "requirejs" / "require.js",
        "course-vendor/widgets-setup.js": Path(__file__).parent / "site" / "widgets-setup.js",
        "course-vendor/html-manager/embed-amd.js": HTML_MANAGER / "dist" / "embed-amd.js",
        "course-vendor/anywidget/index.js": anywidget_js,
    }
    for font in sorted((HTML_MANAGER / "dist").glob("*.woff*")):
        files[f"course-vendor/html-manager/{font.name}"] = font
    return files


def _licences() -> str:
    """Name, version and licence of every vendored package."""
    rows = []
    for name in ("requirejs", "@jupyter-widgets/html-manager"):
        meta = json.loads((ROOT / "node_modules" / name / "package.json").read_text(encoding="utf-8"))
        rows.append(f"{meta['name']} {meta['version']} (npm): {meta.get('license', 'see package')}")
    meta = metadata("anywidget")
    rows.append(f"anywidget {meta['Version']} (PyPI): {meta.get('License-Expression') or meta.get('License') or 'MIT'}")
    return "Third-party browser assets served by this site:\n" + "\n".join(rows) + "\n"


def _same_tree(a: Path, b: Path) -> bool:
    files = lambda d: sorted(p.relative_to(d) for p in d.rglob("*") if p.is_file()) if d.exists() else []
    return files(a) == files(b) and all((a / f).read_bytes() == (b / f).read_bytes() for f in files(a))


def vendor(out: Path = OUT) -> list[str]:
    files = _files()
    missing = [str(src) for src in files.values() if not src.exists()]
    if missing:
        raise FileNotFoundError("missing browser assets (run `npm ci` first): " + ", ".join(missing))
    tmp = Path(tempfile.mkdtemp(prefix=".vendor-", dir=out.parent))
    try:
        for dest, src in files.items():
            target = tmp / dest
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
        (tmp / "course-vendor" / "LICENSES.txt").write_text(_licences(), encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        tmp.rename(out)
        built = BUILD_HTML / "_static" / "course-vendor"
        if built.exists() and not _same_tree(out / "course-vendor", built):
            # Sphinx copies static files only when some page is out of date, so a warm
            # build would keep serving the old assets: drop the built site (the
            # notebook execution cache in _build/.jupyter_cache is kept).
            shutil.rmtree(BUILD_HTML)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return sorted(files)
