"""Load-test a live room on this machine's loopback; write the numbers to BENCHMARKS.md.

    python -m exercises.dev.room_load [--participants 300] [--window 5] [--write]
    make room-benchmark

Starts the real server (``python -m exercises room``) on 127.0.0.1 and a free port with a
fresh SQLite database in a temporary folder, opens one question of module 4, then
simulates ``--participants`` phones arriving over ``--window`` seconds. Each phone opens
the live event stream (and keeps it open, as the page does), joins, and answers. Then the
facilitator reveals the results and every phone's stream must hear of it.

Reported: join and answer latency (p50, p95, max), how long until every answer was in,
answers acknowledged against answers stored in the database (target: zero lost), and the
time for the reveal to reach every open stream. Bounded: at most 1000 participants, one
minute in all; loopback only (the address is fixed to 127.0.0.1).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from ..paths import ROOT
from ..room.questions import room_questions
from ..room.server import new_code, token_hash
from ..room.store import Store
from .benchmark import write_section

HOST = "127.0.0.1"
SECTION = "room"  # BENCHMARKS.md's section: <!-- begin room --> ... <!-- end room -->
QUESTION = "responsibility-to-protect/pillar-two"
LIMIT_S = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


async def http(port: int, method: str, path: str, body=None, headers=None) -> tuple[int, dict]:
    reader, writer = await asyncio.open_connection(HOST, port)
    data = json.dumps(body).encode() if body is not None else b""
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{port}", "Connection: close",
             f"Content-Length: {len(data)}"]
    if body is not None:
        lines.append("Content-Type: application/json")
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + data)
    await writer.drain()
    raw = await reader.read()
    writer.close()
    head, _, payload = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    try:
        return status, json.loads(payload)
    except ValueError:
        return status, {}


class Stream:
    """One phone's open event stream; records when each event arrives."""

    def __init__(self):
        self.events: list[float] = []
        self.task = None
        self.writer = None

    async def open(self, port: int, path: str):
        reader, self.writer = await asyncio.open_connection(HOST, port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
        await self.writer.drain()
        self.task = asyncio.create_task(self._read(reader))

    async def _read(self, reader):
        try:
            while line := await reader.readline():
                if line.startswith(b"data:"):
                    self.events.append(time.perf_counter())
        except (ConnectionError, asyncio.CancelledError):
            pass

    def close(self):
        if self.task:
            self.task.cancel()
        if self.writer:
            self.writer.close()


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else float("nan")


async def simulate(port: int, code: str, token: str, n: int, window: float) -> dict:
    base = f"/r/{code}/api"
    host = {"X-Room-Token": token, "Origin": f"http://{HOST}:{port}"}
    status, _ = await http(port, "POST", f"{base}/host/question", {"qid": QUESTION, "action": "open"}, host)
    assert status == 200, status
    joins, answers, refused = [], [], []
    acknowledged = 0
    streams = [Stream() for _ in range(n)]
    start = time.perf_counter()

    async def phone(i: int):
        nonlocal acknowledged
        await asyncio.sleep(window * i / n)
        await streams[i].open(port, f"{base}/events")
        t0 = time.perf_counter()
        status, data = await http(port, "POST", f"{base}/join", {})
        joins.append(time.perf_counter() - t0)
        if status != 200:
            refused.append(("join", status))
            return
        t0 = time.perf_counter()
        status, _ = await http(port, "POST", f"{base}/answer", {"qid": QUESTION, "value": i % 3},
                               {"X-Participant": data["pid"]})
        answers.append(time.perf_counter() - t0)
        if status == 200:
            acknowledged += 1
        else:
            refused.append(("answer", status))

    await asyncio.wait_for(asyncio.gather(*(phone(i) for i in range(n))), LIMIT_S)
    all_in = time.perf_counter() - start
    # the reveal reaches every open stream
    await asyncio.sleep(0.5)
    before = [len(s.events) for s in streams]
    t_reveal = time.perf_counter()
    await http(port, "POST", f"{base}/host/question", {"qid": QUESTION, "action": "reveal"}, host)
    deadline = t_reveal + 10
    while time.perf_counter() < deadline and any(len(s.events) <= b for s, b in zip(streams, before, strict=True)):
        await asyncio.sleep(0.02)
    reached = [s.events[b] - t_reveal for s, b in zip(streams, before, strict=True) if len(s.events) > b]
    for s in streams:
        s.close()
    return {"joins": joins, "answers": answers, "acknowledged": acknowledged, "refused": refused,
            "all_in_s": all_in, "reveal": reached}


def run(n: int, window: float) -> dict:
    n = max(1, min(n, 1000))
    with tempfile.TemporaryDirectory(prefix="course-room-load-") as tmp:
        db = Path(tmp) / "room.sqlite3"
        folder, questions = room_questions("4")
        store = Store(db)
        code = new_code()
        store.create_room(code, folder, token_hash("unused"), questions, ask_name=False)
        store.close()
        port = free_port()
        log = Path(tmp) / "server.log"
        with open(log, "w") as out:
            proc = subprocess.Popen([sys.executable, "-m", "exercises", "room", "--module", "4", "--db", str(db),
                                     "--host", HOST, "--port", str(port), "--quiet"],
                                    cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                    env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            token = None
            for _ in range(600):
                m = re.search(r"Token:\s+(\S+)", log.read_text())
                if m:
                    token = m[1]
                    try:
                        socket.create_connection((HOST, port), timeout=1).close()
                        break
                    except OSError:
                        pass
                if proc.poll() is not None:
                    raise RuntimeError(log.read_text())
                time.sleep(0.1)
            result = asyncio.run(simulate(port, code, token, n, window))
        finally:
            proc.terminate()
            proc.wait(10)
        with sqlite3.connect(db) as conn:
            result["stored"] = conn.execute("SELECT COUNT(*) FROM answers WHERE qid = ?", (QUESTION,)).fetchone()[0]
            result["participants"] = conn.execute("SELECT COUNT(*) FROM participants").fetchone()[0]
    result["n"], result["window"] = n, window
    return result


def commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


def report(r: dict, burst: dict | None = None) -> str:
    ms = lambda v: f"{v * 1000:.0f} ms"  # noqa: E731
    lost = r["acknowledged"] - r["stored"]
    p95 = pct(r["answers"], 95)
    return "\n".join([
        f"Measured {date.today().isoformat()} at commit {commit()} by `make room-benchmark` "
        f"(`exercises/dev/room_load.py`) on: {platform.system()} {platform.release()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; server and simulated phones on the same machine, loopback only.",
        f"{r['n']} simulated participants arrive over {r['window']:g} s; each opens the live event stream "
        f"(kept open), joins and answers one question (module 4, `{QUESTION}`); then the facilitator reveals it.",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| all {r['n']} joined and answered within | {r['all_in_s']:.1f} s | <= 10 s: "
        f"{'met' if r['all_in_s'] <= 10 else 'NOT met'} |",
        f"| join latency p50 / p95 / max | {ms(pct(r['joins'], 50))} / {ms(pct(r['joins'], 95))} / "
        f"{ms(max(r['joins']))} | |",
        f"| answer latency p50 / p95 / max | {ms(pct(r['answers'], 50))} / {ms(p95)} / {ms(max(r['answers']))} | "
        f"p95 < 300 ms: {'met' if p95 < 0.3 else 'NOT met'} |",
        f"| answers acknowledged / stored | {r['acknowledged']} / {r['stored']} (refused: {len(r['refused'])}) | "
        f"zero lost: {'met' if lost <= 0 and r['acknowledged'] == r['n'] else 'NOT met'} |",
        f"| reveal reached open streams | {len(r['reveal'])} of {r['n']}, p95 {ms(pct(r['reveal'], 95))} | |",
        *([f"| burst: all {burst['n']} arrive within {burst['window']:g} s; answer p50 / p95; acknowledged / "
           f"stored | {ms(pct(burst['answers'], 50))} / {ms(pct(burst['answers'], 95))}; {burst['acknowledged']} / "
           f"{burst['stored']} | |"] if burst else []),
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--window", type=float, default=5.0, help="seconds over which participants arrive")
    parser.add_argument("--write", action="store_true", help="write the section into BENCHMARKS.md")
    args = parser.parse_args(argv)
    burst = run(args.participants, 1.0) if args.window > 1 else None
    text = report(run(args.participants, args.window), burst)
    print(text)
    if args.write:
        write_section(SECTION, "Live room", text)
        print(f"wrote the Live room section of {ROOT / 'BENCHMARKS.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
