"""The font that prints Japanese in handouts and role cards, whatever fonts the machine has.

Chromium prints a glyph only if some font has it; on a machine with no Japanese font the
glossary's Japanese terms printed as blanks. So the print pages load Noto Sans JP
(SIL Open Font Licence), regular and bold, as web fonts from the npm package
``@expo-google-fonts/noto-sans-jp``, which the project's own commands install into
``node_modules/`` (``npm ci``; see the Makefile). It ships whole static TrueType files:
Chromium embeds one subset of each in the PDF, so the Japanese text is also searchable
and copyable. (The split or variable web-font packages print as many Type 3 fonts, one
per Unicode range, and lose that.)
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..paths import ROOT

PACKAGE = "@expo-google-fonts/noto-sans-jp"
FAMILY = "Noto Sans JP"
FOLDER = ROOT / "node_modules" / PACKAGE
FILES = {400: FOLDER / "400Regular" / "NotoSansJP_400Regular.ttf",
         700: FOLDER / "700Bold" / "NotoSansJP_700Bold.ttf"}


class FontMissing(RuntimeError):
    pass


def _missing() -> list[Path]:
    return [path for path in FILES.values() if not path.exists()]


def ensure() -> dict[int, Path]:
    """The font's files by weight; installs the project's npm packages first where they are missing."""
    if _missing() and (ROOT / "package-lock.json").exists():
        npm = shutil.which("npm")
        if npm:
            subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL)
    if _missing():
        raise FontMissing(f"the Japanese print font is missing ({_missing()[0]}): run `make handouts`, "
                          "which installs it, or `npm ci` in the course folder")
    return FILES


def font_face_css() -> str:
    """@font-face rules for the font, for a page printed from file://."""
    return "".join(f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; font-style: normal; '
                   f'src: url("{path.resolve().as_uri()}") format("truetype"); }}\n'
                   for weight, path in ensure().items())
