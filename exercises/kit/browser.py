"""A local browser on a local site: used by the browser tests, the benchmark and printing.

Chromium: Debian's ``chromium`` package is used where it exists (these machines cannot
run Playwright's own browser download). On a Debian machine without it, ``ensure()`` as
root installs it with apt; elsewhere it falls back to Playwright's own browser
(``python -m playwright install chromium``).

    python -m exercises.kit.browser      # make sure a browser is there; print its path
"""
from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlparse

DEBIAN_CHROMIUM = "/usr/bin/chromium"
# Headless, offline, and nothing the course does not use (extensions, crash reports, audio,
# translation and media-casting services): each of those costs CPU in every new page.
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
               "--disable-extensions", "--disable-breakpad", "--mute-audio",
               "--disable-features=Translate,MediaRouter,OptimizationHints"]


def chromium_executable() -> str | None:
    """Path for Playwright's ``executable_path``; None means Playwright's own browser."""
    for candidate in (os.environ.get("COURSE_CHROMIUM"), DEBIAN_CHROMIUM, shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _is_debian() -> bool:
    try:
        text = Path("/etc/os-release").read_text()
    except OSError:
        return False
    return any(line.strip() in ("ID=debian", 'ID="debian"') for line in text.splitlines())


def ensure() -> str:
    path = chromium_executable()
    if path:
        return path
    if _is_debian() and shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True)
        path = chromium_executable()
        if not path:
            raise RuntimeError("apt-get installed chromium, but no chromium executable was found")
        return path
    subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=True)
    return "playwright's chromium"


def is_local(url: str) -> bool:
    """True for URLs that stay on this machine."""
    parsed = urlparse(url)
    return parsed.scheme in ("data", "blob", "about", "file") or parsed.hostname in ("127.0.0.1", "localhost")


class _QuietHandler(SimpleHTTPRequestHandler):
    mounts: ClassVar[dict[str, str]] = {}  # URL prefix ("ja/") -> the folder served under it

    def translate_path(self, path: str) -> str:
        for prefix, folder in self.mounts.items():
            if path.startswith("/" + prefix):  # the standard handler's cleaned path, moved to the mount
                inside = super().translate_path("/" + path[len(prefix) + 1:])
                return os.path.join(folder, os.path.relpath(inside, self.directory))
        return super().translate_path(path)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path, mounts: dict[str, Path] | None = None, port: int = 0):
    """Serve ``directory`` on 127.0.0.1 (a free port unless given); yields the base URL.
    ``mounts`` serves other folders under URL prefixes, e.g. ``{"ja/": japanese_site}``:
    the Japanese edition sits under ``ja/`` of the English one, as when published."""
    handler = type("Handler", (_QuietHandler,), {"mounts": {k: str(v) for k, v in (mounts or {}).items()}})
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium():
    """A headless Chromium (Playwright) with this project's launch flags."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_executable(), args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


if __name__ == "__main__":
    print(ensure())
