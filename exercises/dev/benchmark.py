"""Measure build speed and page weight; write the numbers to BENCHMARKS.md.

    python -m exercises.dev.benchmark        (or: make benchmark)

Builds into a temporary folder (never touches ./_build):
- cold build: empty output folder and no execution cache;
- warm rebuild: the same command again, nothing changed;
- one-page edit: one prose page changed, rebuilt (the page is restored afterwards);
- bytes per page on a cold load: every page opened in a fresh headless Chromium profile,
  summing the bytes of every response, as served raw and as gzip would send them;
- the size of the built site;
- the teaching kit: every slide deck (`make slides`) and every handout (`make handouts`),
  timed and sized.
Targets for the whole course: cold build <= 180 s on 2 cores, warm rebuild <= 5 % of
cold, heaviest page <= 1.5 MB transferred (gzip, as static hosts serve it).
"""
from __future__ import annotations

import gzip
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from ..kit.browser import chromium, serve
from ..paths import ROOT

JB = str(Path(sys.executable).parent / "jupyter-book")
EDITED_PAGE = ROOT / "book" / "front" / "content-note.md"
TARGETS = {"cold_s": 180.0, "warm_ratio": 0.05, "heaviest_gzip_bytes": 1.5e6}


def _build(out: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run([JB, "build", ".", "-W", "-n", "--keep-going", "--path-output", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode:
        sys.exit("benchmark: the strict build failed:\n" + (proc.stdout + proc.stderr)[-4000:])
    return time.perf_counter() - start


def build_times(out: Path) -> dict:
    cold = _build(out)
    warm = _build(out)
    original = EDITED_PAGE.read_bytes()
    try:
        EDITED_PAGE.write_bytes(original + b"\n<!-- benchmark edit -->\n")
        edit = _build(out)
    finally:
        EDITED_PAGE.write_bytes(original)
    _build(out)  # leave the output matching the sources
    return {"cold_s": cold, "warm_s": warm, "edit_s": edit}


def page_weights(html_dir: Path) -> dict[str, dict]:
    pages = sorted(p.relative_to(html_dir).as_posix() for p in html_dir.rglob("*.html")
                   if not p.relative_to(html_dir).parts[0].startswith("_"))
    weights = {}
    with serve(html_dir) as base, chromium() as browser:
        for page_path in pages:
            context = browser.new_context()
            page = context.new_page()
            responses = []
            page.on("response", lambda r: responses.append(r))
            page.goto(base + page_path, wait_until="networkidle")
            raw = packed = 0
            for response in responses:
                try:
                    body = response.body()
                except Exception:  # redirects and aborted requests have no body
                    continue
                raw += len(body)
                packed += len(gzip.compress(body, 6))
            weights[page_path] = {"raw": raw, "gzip": packed, "requests": len(responses)}
            context.close()
    return weights


def site_size(html_dir: Path) -> int:
    return sum(p.stat().st_size for p in html_dir.rglob("*") if p.is_file())


def kit_times(out: Path) -> dict:
    """Seconds and bytes for building every slide deck and every handout."""
    from ..kit import handouts, slides
    start = time.perf_counter()
    slides.build(None, out / "slides")
    slides_s = time.perf_counter() - start
    start = time.perf_counter()
    pdfs = handouts.build(None, out / "handouts")
    handouts_s = time.perf_counter() - start
    return {"slides_s": slides_s, "slides_bytes": site_size(out / "slides"),
            "handouts_s": handouts_s, "pdfs": len(pdfs),
            "pdf_bytes": sum(p.stat().st_size for p in pdfs)}


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() \
        else platform.processor()
    mem = ""
    if Path("/proc/meminfo").exists():
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 2**20:.0f} GiB RAM"
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}){mem}, Python {platform.python_version()}"


def commit() -> str:
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return proc.stdout.strip() or "(not a git checkout)"


def report(times: dict, weights: dict, size: int, kit: dict) -> str:
    mb = lambda n: f"{n / 1e6:.2f} MB"
    by_gzip = sorted(weights.items(), key=lambda kv: kv[1]["gzip"])
    heaviest_page, heaviest = by_gzip[-1]
    median_gzip = statistics.median(w["gzip"] for w in weights.values())
    median_raw = statistics.median(w["raw"] for w in weights.values())
    ok = lambda good: "met" if good else "NOT met"
    warm_ratio = times["warm_s"] / times["cold_s"]
    return "\n".join([
        "# Benchmarks",
        "",
        f"Measured {date.today().isoformat()} at commit {commit()} by `make benchmark` (`exercises/benchmark.py`)",
        f"on: {machine()}.",
        f"Pages: {len(weights)}. Build: `jupyter-book build . -W -n --keep-going` into a temporary folder.",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| cold build (no output, no execution cache) | {times['cold_s']:.1f} s | <= {TARGETS['cold_s']:.0f} s: {ok(times['cold_s'] <= TARGETS['cold_s'])} |",
        f"| warm rebuild (no change) | {times['warm_s']:.1f} s ({warm_ratio:.0%} of cold) | <= 5 % of cold: {ok(warm_ratio <= TARGETS['warm_ratio'])} |",
        f"| rebuild after editing one page | {times['edit_s']:.1f} s | |",
        f"| heaviest page, cold load, gzip | {mb(heaviest['gzip'])} ({heaviest_page}; raw {mb(heaviest['raw'])}) | <= 1.5 MB: {ok(heaviest['gzip'] <= TARGETS['heaviest_gzip_bytes'])} |",
        f"| median page, cold load, gzip | {mb(median_gzip)} (raw {mb(median_raw)}) | |",
        f"| size of the built site | {mb(size)} | |",
        f"| all slide decks (`make slides`) | {kit['slides_s']:.1f} s, {mb(kit['slides_bytes'])} | |",
        f"| all handouts (`make handouts`) | {kit['handouts_s']:.1f} s, {kit['pdfs']} PDFs, {mb(kit['pdf_bytes'])} | |",
        "",
        "Bytes per page are every response's body on a cold load in a fresh browser profile,",
        "raw as the test server sends them and gzip-compressed as a static host would send them.",
        "",
        "Heaviest pages (gzip):",
        "",
        *[f"- {path}: {mb(w['gzip'])} gzip, {mb(w['raw'])} raw, {w['requests']} requests"
          for path, w in reversed(by_gzip[-5:])],
        "",
    ])


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        out = Path(tmp)
        times = build_times(out)
        html = out / "_build" / "html"
        text = report(times, page_weights(html), site_size(html), kit_times(out))
    (ROOT / "BENCHMARKS.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
