"""Find Chromium for the browser tests, installing one where it is missing.

Debian's ``chromium`` package is used where it exists (these machines cannot run
Playwright's own browser download). On a Debian machine without it, running this
file as root installs it with apt; elsewhere it falls back to Playwright's own
browser (``python -m playwright install chromium``).

    python tests/browser.py      # make sure a browser is there; print its path
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

DEBIAN_CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


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
        return chromium_executable() or "chromium install failed"
    subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=True)
    return "playwright's chromium"


if __name__ == "__main__":
    print(ensure())
