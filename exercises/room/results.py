"""Live results: counts per question, projector-fit SVG charts (drawn here, no chart
library), the CSV export (spreadsheet formulas defused) and the one-page summary (HTML,
printed to PDF with the kit's browser).

Every text that goes into a chart or the summary is escaped here; the SVG uses
presentation attributes only (the pages' Content-Security-Policy allows no inline style).
Their words are the program's strings (``room.chart.*``, ``room.csv.*``, ``room.summary.*``)
in the room's language (``lang``).
"""
from __future__ import annotations

import csv
import html
import io
import re
import statistics
import time
import unicodedata
from pathlib import Path

from .. import i18n
from ..escaping import spreadsheet_cell
from .questions import TEXT_KINDS, current_node

WIDTH = 900
ROW = 56
FONT = 22
BAR = "#1f5f99"
RIGHT = "#1b7a3d"
EN = i18n.SOURCE_LANGUAGE
_m = i18n.message


def plain(fragment_html: str) -> str:
    """Rendered Markdown -> plain text (for charts, CSV and the summary)."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment_html)).strip()


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _columns(ch: str) -> int:
    """How many half-width columns a character takes (a Japanese character two)."""
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _fit(text: str, columns: int) -> str:
    """``text`` cut to ``columns`` half-width columns (with …), so a label leaves its bar alone."""
    if sum(map(_columns, text)) <= columns:
        return text
    used, out = _columns("…"), []
    for ch in text:
        used += _columns(ch)
        if used > columns:
            break
        out.append(ch)
    return "".join(out).rstrip() + "…"


def bars_svg(labels: list[str], values: list[float], *, total: int, highlight: set[int] = frozenset(),
             unit: str = "", title: str = "", lang: str = EN) -> str:
    """Horizontal bars, one row per label; ``values`` are counts (or percentages with unit "%")."""
    height = ROW * max(1, len(labels)) + 50
    top = max(values, default=0) or 1
    title = title or _m("room.chart.results", lang)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-label="{html.escape(title)}" class="room-chart">',
           f'<title>{html.escape(title)}</title>']
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 10 + i * ROW
        width = 0 if not value else max(4, (WIDTH - 420) * value / top)
        colour = RIGHT if i in highlight else BAR
        mark = " ✓" if i in highlight else ""
        out.append(f'<text x="0" y="{y + 34}" font-size="{FONT}" fill="currentColor">'
                   f'{html.escape(_fit(label, 30) + mark)}</text>')
        out.append(f'<rect x="340" y="{y + 8}" width="{width:.1f}" height="{ROW - 16}" fill="{colour}"/>')
        shown = f"{value:.0f}{unit}" if unit else f"{value:g}"
        out.append(f'<text x="{348 + width:.1f}" y="{y + 34}" font-size="{FONT}" fill="currentColor">'
                   f'{html.escape(shown)}</text>')
    count = _m("room.chart.one_answer", lang) if total == 1 else _m("room.chart.answers", lang, n=total)
    out.append(f'<text x="0" y="{height - 8}" font-size="{FONT - 4}" fill="currentColor">'
               f'{html.escape(count)}</text></svg>')
    return "".join(out)


def histogram_svg(values: list[float], expected: float | None, title: str, decimals: int = 0,
                  lang: str = EN) -> str:
    """An estimate's distribution: ten bins; the expected value marked once revealed."""
    height, base = 380, 300
    if not values:
        none = html.escape(_m("room.chart.no_estimates", lang))
        return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} 80" role="img" '
                f'aria-label="{none}" class="room-chart"><text x="0" y="40" font-size="{FONT}" '
                f'fill="currentColor">{none}</text></svg>')
    lo, hi = min(values), max(values)
    if expected is not None:
        lo, hi = min(lo, expected), max(hi, expected)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    bins = 10
    step = (hi - lo) / bins
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, int((v - lo) / step))] += 1
    top = max(counts)
    width = (WIDTH - 40) / bins
    median = statistics.median(values)
    shown_median = f"{median:,.{decimals}f}"
    label = _m("room.chart.estimates_label", lang, title=title, n=len(values), median=shown_median)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-label="{html.escape(label)}" class="room-chart"><title>{html.escape(label)}</title>']
    for i, c in enumerate(counts):
        h = (base - 30) * c / top
        x = 20 + i * width
        out.append(f'<rect x="{x + 2:.1f}" y="{base - h:.1f}" width="{width - 4:.1f}" height="{h:.1f}" fill="{BAR}"/>')
        if c:
            out.append(f'<text x="{x + width / 2:.1f}" y="{base - h - 6:.1f}" font-size="{FONT + 4}" '
                       f'text-anchor="middle" fill="currentColor">{c}</text>')
    out.append(f'<text x="20" y="{base + 30}" font-size="{FONT + 4}" fill="currentColor">{lo:,.{decimals}f}</text>')
    out.append(f'<text x="{WIDTH - 20}" y="{base + 30}" font-size="{FONT + 4}" text-anchor="end" '
               f'fill="currentColor">{hi:,.{decimals}f}</text>')
    out.append(f'<text x="{WIDTH / 2}" y="{base + 30}" font-size="{FONT + 4}" text-anchor="middle" '
               f'fill="currentColor">{html.escape(_m("room.chart.median", lang, median=shown_median, n=len(values)))}'
               '</text>')
    if expected is not None:
        x = 20 + (expected - lo) / (hi - lo) * (WIDTH - 40)
        out.append(f'<line x1="{x:.1f}" y1="10" x2="{x:.1f}" y2="{base}" stroke="{RIGHT}" stroke-width="5"/>')
        out.append(f'<text x="{min(x + 8, WIDTH - 200):.1f}" y="30" font-size="{FONT}" fill="{RIGHT}">'
                   f'{html.escape(_m("room.chart.data", lang, value=f"{expected:,.{decimals}f}"))}</text>')
    out.append("</svg>")
    return "".join(out)


def summary(q: dict, answers: list[dict], entries: list[dict], lang: str = EN) -> dict:
    """Counts for one question (answers of its current round for a simulation) and a chart."""
    kind = q["kind"]
    title = q["title"]
    revealed = q.get("revealed", False)
    if kind in TEXT_KINDS:
        return {"count": len(entries), "svg": ""}
    if kind == "simulation":
        round_ = len(q["path"])
        node = current_node(q)
        votes = [a["value"] for a in answers if a["round"] == round_]
        labels = [plain(c) for c in node["choices_html"]]
        counts = [votes.count(i) for i in range(len(labels))]
        svg = bars_svg(labels, counts, total=len(votes), lang=lang,
                       title=_m("room.chart.round", lang, title=title, n=round_ + 1)) if labels else ""
        return {"count": len(votes), "counts": counts, "round": round_, "svg": svg}
    values = [a["value"] for a in answers]
    if kind in ("single", "multiple"):
        labels = [plain(o) for o in q["options_html"]]
        counts = [sum(1 for v in values if (v == i if kind == "single" else i in v)) for i in range(len(labels))]
        svg = bars_svg(labels, counts, total=len(values), title=title, lang=lang,
                       highlight=set(q["correct"]) if revealed else set())
        return {"count": len(values), "counts": counts, "svg": svg}
    if kind == "ordering":
        labels = [plain(t) for t in q["items_html"]]
        right = [sum(1 for v in values if v[i] == i) for i in range(len(labels))]
        pct = [100 * r / len(values) if values else 0 for r in right]
        exact = sum(1 for v in values if v == list(range(len(labels))))
        svg = bars_svg(labels, pct, total=len(values), unit="%", lang=lang,
                       title=_m("room.chart.ordering", lang, title=title))
        return {"count": len(values), "exact": exact, "svg": svg}
    if kind == "categorize":
        labels = [plain(t) for t in q["items_html"]]
        right = [sum(1 for v in values if v[i] == q["correct"][i]) for i in range(len(labels))]
        pct = [100 * r / len(values) if values else 0 for r in right]
        svg = bars_svg(labels, pct, total=len(values), unit="%", lang=lang,
                       title=_m("room.chart.categorize", lang, title=title))
        return {"count": len(values), "svg": svg}
    if kind == "estimate":
        nums = [float(v) for v in values]
        svg = histogram_svg(nums, q["expected"] if revealed else None, title, q.get("decimals", 0), lang)
        return {"count": len(nums), "median": statistics.median(nums) if nums else None, "svg": svg}
    return {"count": len(values), "svg": ""}


# --- export ----------------------------------------------------------------------------------

# one CSV cell, formula prefixes defused (the one rule: exercises/escaping.py)
cell = spreadsheet_cell


def readable(q: dict, value) -> str:
    kind = q["kind"]
    if kind == "single":
        return plain(q["options_html"][value])
    if kind == "multiple":
        return "; ".join(plain(q["options_html"][i]) for i in value)
    if kind == "ordering":
        return " > ".join(plain(q["items_html"][i]) for i in value)
    if kind == "categorize":
        return "; ".join(f"{plain(q['items_html'][i])}: {q['categories'][c]}" for i, c in enumerate(value))
    return str(value)


CSV_COLUMNS = ("room.csv.room", "room.csv.module", "room.csv.question", "room.csv.title", "room.csv.kind",
               "room.csv.round", "room.csv.participant", "room.csv.name", "room.csv.answer", "room.csv.status",
               "room.csv.upvotes", "room.csv.time")
# a text entry's moderation state, as a word
ENTRY_STATES = {"pending": "room.state.pending", "shown": "room.state.shown", "hidden": "room.state.hidden"}


def csv_text(room: dict, questions: list[dict], answers: list[dict], entries: list[dict],
             names: dict[str, str] | None = None) -> str:
    """Every answer and text entry; participants appear as P1, P2 ... (never their ids), with
    the name they gave only when the room asked for one. The header and the words in it are
    in the room's language; ids (room, module, question, kind) stay as they are."""
    lang = room.get("lang") or EN
    names = names or {}
    numbers: dict[str, str] = {}

    def who(pid: str) -> str:
        return numbers.setdefault(pid, f"P{len(numbers) + 1}")

    by_id = {q["qid"]: q for q in questions}
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([_m(column, lang) for column in CSV_COLUMNS])
    for a in answers:
        q = by_id.get(a["qid"])
        if q is None:
            continue
        value = a["value"]
        if q["kind"] == "simulation":
            node_id = q["start"]
            for choice in q["path"][: a["round"]]:
                node_id = q["nodes"][node_id]["next"][choice]
            shown = plain(q["nodes"][node_id]["choices_html"][value])
            status = _m("room.csv.committed", lang) if a["round"] < len(q["path"]) and q["path"][a["round"]] == value else ""
        else:
            shown, status = readable(q, value), ""
        writer.writerow([cell(x) for x in (room["code"], room["module"], q["qid"], q["title"], q["kind"],
                                           a["round"] + 1, who(a["pid"]), names.get(a["pid"], ""), shown, status, "",
                                           time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(a["created"])))])
    for e in entries:
        q = by_id.get(e["qid"], {"title": e["qid"], "kind": "text"})
        state = _m(ENTRY_STATES[e["state"]], lang)
        writer.writerow([cell(x) for x in (room["code"], room["module"], e["qid"], q["title"], q["kind"], "",
                                           who(e["pid"]), names.get(e["pid"], ""), e["text"], state, e["votes"],
                                           time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(e["created"])))])
    return buf.getvalue()


def csv_bytes(room: dict, *args) -> bytes:
    """:func:`csv_text` as the file's bytes: UTF-8, with a byte-order mark for a room not in
    English, so that a spreadsheet opened by double-click reads the Japanese as UTF-8 (as
    the marks' CSV files)."""
    return csv_text(room, *args).encode("utf-8" if (room.get("lang") or EN) == EN else "utf-8-sig")


SUMMARY_CSS = """
@page { size: A4; margin: 12mm; }
body { font-family: sans-serif; font-size: 10pt; color: #111; }
h1 { font-size: 15pt; margin: 0 0 4pt; }
p.meta { margin: 0 0 8pt; color: #444; }
section { break-inside: avoid; margin: 0 0 6pt; }
h2 { font-size: 11pt; margin: 6pt 0 2pt; }
svg { width: 100%; max-width: 150mm; height: auto; color: #111; }
ul { margin: 2pt 0; padding-left: 14pt; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 4pt 10pt; }
"""


def summary_html(room: dict, questions: list[dict], store_answers, store_entries, participants: int) -> str:
    """A one-page summary of the questions that were opened (shown entries only), in the
    room's language."""
    lang = room.get("lang") or EN
    parts = []
    for q in questions:
        if q["state"] == "ready":
            continue
        entries = store_entries(q["qid"]) if q["kind"] in TEXT_KINDS else []
        info = summary({**q, "revealed": True}, store_answers(q["qid"]), entries, lang)
        body = info["svg"]
        if q["kind"] == "simulation":
            body = "<ol>" + "".join(f"<li>{html.escape(plain(c))}</li>" for c in
                                    [h["choice_html"] for h in _history(q)]) + "</ol>" + body
        if q["kind"] in TEXT_KINDS:
            shown = sorted((e for e in entries if e["state"] == "shown"), key=lambda e: -e["votes"])[:6]
            body = ("<ul>" + "".join(f"<li>{html.escape(_short(e['text'], 160))} "
                                     f"{html.escape(_m('room.summary.upvotes', lang, n=e['votes']))}</li>"
                                     for e in shown) + "</ul>"
                    + f"<p>{html.escape(_m('room.summary.entries', lang, n=len(entries)))}</p>")
        parts.append(f"<section><h2>{html.escape(q['title'])}</h2>{body}</section>")
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(room["created"]))
    say = lambda key, **values: html.escape(_m(key, lang, **values))  # noqa: E731
    none = f"<p>{say('room.summary.none_opened')}</p>"
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{say('room.summary.title')}"
            f"</title><style>{SUMMARY_CSS}</style></head><body><h1>{say('room.summary.heading', module=room['module'])}"
            f"</h1><p class='meta'>{say('room.summary.meta', code=room['code'], when=when, n=participants)}</p>"
            f"<div class='grid'>{''.join(parts) or none}</div></body></html>")


def _history(q: dict) -> list[dict]:
    from .questions import history
    return history(q)


def print_pdf(page_html: str, out: Path) -> Path:
    """Print ``page_html`` to a one-page A4 PDF (scaled down to fit) with the kit's Chromium."""
    from ..kit.browser import chromium
    out.parent.mkdir(parents=True, exist_ok=True)
    with chromium() as browser:
        page = browser.new_page()
        page.route("**/*", lambda r: r.abort() if not r.request.url.startswith(("about:", "data:")) else r.continue_())
        page.set_content(page_html)
        page.emulate_media(media="print")
        height = page.evaluate("document.documentElement.scrollHeight")
        usable = (297 - 24) / 25.4 * 96  # A4 minus margins, in CSS pixels
        scale = max(0.1, min(1.0, usable / max(height, 1) * 0.97))
        page.pdf(path=str(out), format="A4", print_background=True, scale=scale, page_ranges="1")
        page.close()
    return out
