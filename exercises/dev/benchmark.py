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
  timed and sized;
- with ``--tests``, the whole test suite as `make test` runs it (two workers).
With ``--kit-languages`` it measures only the kit (every deck and every handout) in each
language of the course, side by side, into its own section; with ``--languages``, the
site's cold and warm build in each language (English and Japanese), into its own section.
Targets for the whole course: cold build <= 180 s on 2 cores, warm rebuild <= 5 % of
cold; on a cold load, the median page <= 500 kB and the heaviest <= 1 MB uncompressed;
the test suite under 8 minutes.

It rewrites only its own section of BENCHMARKS.md (see :func:`write_section`); other
benchmarks keep theirs.
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
TARGETS = {"cold_s": 180.0, "warm_ratio": 0.05, "median_raw_bytes": 500e3, "heaviest_raw_bytes": 1e6,
           "tests_s": 480.0}
BENCHMARKS = ROOT / "BENCHMARKS.md"


def _build(out: Path, lang: str = "en") -> float:
    """One strict build into ``out`` in ``lang`` (the Japanese with its derived configuration,
    as `course book --lang ja` builds it)."""
    from .. import book_config, i18n
    options = ["--config", str(book_config.derived(out, lang))] if lang != i18n.SOURCE_LANGUAGE else []
    start = time.perf_counter()
    proc = subprocess.run([JB, "build", ".", "-W", "-n", "--keep-going", "--path-output", str(out), *options],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, i18n.VARIABLE: lang})
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
            page.on("response", lambda r, into=responses: into.append(r))
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


def kit_times(out: Path, lang: str | None = None) -> dict:
    """Seconds and bytes for building every slide deck and every handout in ``lang``
    (default: the current language)."""
    from ..kit import handouts, slides
    start = time.perf_counter()
    slides.build(None, out / "slides", lang=lang)
    slides_s = time.perf_counter() - start
    start = time.perf_counter()
    pdfs = handouts.build(None, out / "handouts", lang=lang)
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


def test_time() -> float:
    """Seconds for the whole test suite, run as `make test` runs it."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "loadfile"], cwd=ROOT, check=True)
    return time.perf_counter() - start


def _mb(n: float) -> str:
    return f"{n / 1e6:.2f} MB"


def _met(good: bool) -> str:
    return "met" if good else "NOT met"


def report(times: dict, weights: dict, size: int, kit: dict, tests_s: float | None = None) -> str:
    by_raw = sorted(weights.items(), key=lambda kv: kv[1]["raw"])
    heaviest_page, heaviest = by_raw[-1]
    median_gzip = statistics.median(w["gzip"] for w in weights.values())
    median_raw = statistics.median(w["raw"] for w in weights.values())
    warm_ratio = times["warm_s"] / times["cold_s"]
    cold, warm = times["cold_s"], TARGETS["cold_s"]
    rows = [
        f"| cold build (no output, no execution cache) | {cold:.1f} s | <= {warm:.0f} s: {_met(cold <= warm)} |",
        f"| warm rebuild (no change) | {times['warm_s']:.1f} s ({warm_ratio:.0%} of cold) "
        f"| <= 5 % of cold: {_met(warm_ratio <= TARGETS['warm_ratio'])} |",
        f"| rebuild after editing one page | {times['edit_s']:.1f} s | |",
        f"| median page, cold load, uncompressed | {_mb(median_raw)} (gzip {_mb(median_gzip)}) "
        f"| <= 0.5 MB: {_met(median_raw <= TARGETS['median_raw_bytes'])} |",
        f"| heaviest page, cold load, uncompressed | {_mb(heaviest['raw'])} ({heaviest_page}; gzip "
        f"{_mb(heaviest['gzip'])}) | <= 1 MB: {_met(heaviest['raw'] <= TARGETS['heaviest_raw_bytes'])} |",
        f"| size of the built site | {_mb(size)} | |",
        f"| all slide decks (`make slides`) | {kit['slides_s']:.1f} s, {_mb(kit['slides_bytes'])} | |",
        f"| all handouts (`make handouts`) | {kit['handouts_s']:.1f} s, {kit['pdfs']} PDFs, {_mb(kit['pdf_bytes'])} | |",
    ]
    if tests_s is not None:
        rows.append(f"| the test suite (`make test`'s pytest, 2 workers) | {tests_s / 60:.1f} min "
                    f"| < 8 min: {_met(tests_s < TARGETS['tests_s'])} |")
    return "\n".join([
        f"Measured {date.today().isoformat()} at commit {commit()} by `make benchmark` (`exercises/dev/benchmark.py`)",
        f"on: {machine()}.",
        f"Pages: {len(weights)}. Build: `jupyter-book build . -W -n --keep-going` into a temporary folder.",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        *rows,
        "",
        "Bytes per page are every response's body on a cold load in a fresh browser profile,",
        "uncompressed as the test server sends them, and gzip-compressed as a static host would send them.",
        "",
        "Heaviest pages (uncompressed):",
        "",
        *[f"- {path}: {_mb(w['raw'])} raw, {_mb(w['gzip'])} gzip, {w['requests']} requests"
          for path, w in reversed(by_raw[-5:])],
    ])


def site_languages_report(out: Path) -> str:
    """The site built cold, then warm, in each language of the course."""
    from .. import i18n
    rows = []
    for lang in i18n.LANGUAGES:
        cold = _build(out / lang, lang)
        warm = _build(out / lang, lang)
        rows.append(f"| {lang} | {cold:.1f} s | {warm:.1f} s |")
    return "\n".join([
        f"Measured {date.today().isoformat()} at commit {commit()} by "
        "`python -m exercises.dev.benchmark --languages` on: " + machine() + ".",
        "Each language's strict build (`make book`, `make book LANG=ja`) into an empty folder with",
        "no execution cache (cold), then the same build again with nothing changed (warm).",
        f"Load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: other work on",
        "the machine slows both languages alike, so compare the rows with each other.",
        "",
        "| language | cold build | warm rebuild |",
        "|---|---|---|",
        *rows,
    ])


def kit_languages_report(out: Path) -> str:
    """The kit built in each language of the course, side by side."""
    from .. import i18n
    rows = []
    for lang in i18n.LANGUAGES:
        kit = kit_times(out / lang, lang)
        rows.append(f"| {lang} | {kit['slides_s']:.1f} s, {_mb(kit['slides_bytes'])} "
                    f"| {kit['handouts_s']:.1f} s, {kit['pdfs']} PDFs, {_mb(kit['pdf_bytes'])} |")
    return "\n".join([
        f"Measured {date.today().isoformat()} at commit {commit()} by "
        "`python -m exercises.dev.benchmark --kit-languages` on: " + machine() + ".",
        "Every deck (`make slides LANG=...`) and every handout, answer key and the role cards",
        "(`make handouts LANG=...`), each into a new folder; text not yet translated shows in English.",
        f"Load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: other work on",
        "the machine slows both languages alike, so compare the rows with each other.",
        "",
        "| language | all slide decks | all handouts |",
        "|---|---|---|",
        *rows,
    ])


def write_section(name: str, title: str, text: str, path: Path = BENCHMARKS) -> None:
    """Replace section ``name`` of BENCHMARKS.md (between its markers), or add it at the end."""
    begin, end = f"<!-- begin {name} -->", f"<!-- end {name} -->"
    block = f"{begin}\n## {title}\n\n{text.rstrip()}\n{end}\n"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    if begin in old and end in old:
        head, rest = old.split(begin, 1)
        tail = rest.split(end, 1)[1].lstrip("\n")
        new = head + block + ("\n" + tail if tail else "")  # one blank line before what follows
    else:
        new = old.rstrip("\n") + "\n\n" + block
    path.write_text(new, encoding="utf-8")


LANGUAGE_SECTIONS = {"--languages": ("site-languages", "The site in each language", site_languages_report),
                     "--kit-languages": ("kit-languages", "The teaching kit in each language", kit_languages_report)}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for flag, (name, title, measure) in LANGUAGE_SECTIONS.items():
        if flag in args:  # one section of BENCHMARKS.md, measured in every language
            with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
                text = measure(Path(tmp))
            write_section(name, title, text)
            print(text)
            return 0
    with_tests = "--tests" in args
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        out = Path(tmp)
        times = build_times(out)
        html = out / "_build" / "html"
        text = report(times, page_weights(html), site_size(html), kit_times(out),
                      test_time() if with_tests else None)
    write_section("site", "Site, teaching kit and tests", text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
