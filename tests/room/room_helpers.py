"""Helpers for the live room's tests: a room server in a subprocess, a new room in a
database, a free port (imported by conftest.py and the tests)."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from exercises.room.server import new_code, token_hash
from exercises.room.store import Store

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RoomServer:
    """One ``course room`` process on 127.0.0.1; ``start()`` again after ``kill()`` resumes."""

    def __init__(self, db: Path | str, module: str = "9", *extra: str, log_dir: Path | None = None):
        self.db, self.module, self.extra = db, module, extra
        self.port = free_port()
        self.proc = None
        self.token = self.code = None
        self.log = (log_dir or Path(db).parent) / f"server-{self.port}.log"

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base(self) -> str:
        return f"{self.origin}/r/{self.code}"

    def start(self, timeout: float = 30) -> RoomServer:
        with open(self.log, "w") as out:  # the child keeps its own copy of the file
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "exercises", "room", "--module", self.module, "--db", str(self.db),
                 "--host", "127.0.0.1", "--port", str(self.port), "--quiet", *self.extra],
                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.log.read_text()
            token = re.search(r"Token:\s+(\S+)", text)
            if token:
                self.token = token[1]
                self.code = re.search(r"/r/([^/]+)/", text)[1]
                try:
                    urllib.request.urlopen(self.origin + "/", timeout=2).read()
                    return self
                except OSError:
                    pass
            if self.proc.poll() is not None:
                raise RuntimeError("the room did not start:\n" + text)
            time.sleep(0.1)
        raise RuntimeError("the room did not start in time:\n" + self.log.read_text())

    def kill(self):
        """SIGKILL: no clean shutdown, as when a laptop's battery dies."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.kill()

    # --- HTTP ----------------------------------------------------------------------------------

    def call(self, method: str, path: str, body=None, headers=None, raw: bytes | None = None):
        """-> (status, parsed JSON or text)."""
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        hdrs = {"Content-Type": "application/json"} if data is not None else {}
        hdrs.update(headers or {})
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=hdrs)
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                status, text = resp.status, resp.read()
        except urllib.error.HTTPError as err:
            status, text = err.code, err.read()
        try:
            return status, json.loads(text)
        except ValueError:
            return status, text

    def host(self, path: str, body=None, method: str | None = None):
        headers = {"X-Room-Token": self.token, "Origin": self.origin}
        return self.call(method or ("POST" if body is not None else "GET"), "/api/host/" + path, body, headers)

    def join(self) -> str:
        status, data = self.call("POST", "/api/join", {})
        assert status == 200, data
        return data["pid"]

    def answer(self, pid: str, qid: str, value, **extra):
        return self.call("POST", "/api/answer", {"qid": qid, "value": value, **extra}, {"X-Participant": pid})


def new_room(db: Path | str, module9, ask_name: bool = False, lang: str = "en") -> str:
    folder, questions = module9
    store = Store(db)
    code = new_code()
    store.create_room(code, folder, token_hash("unused"), questions, ask_name=ask_name, lang=lang)
    store.close()
    return code


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AUDIT = ("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
         ".filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id + ': ' + v.help)")


def axe_violations(browser, url: str, viewport: dict, ready: str) -> list[str]:
    """The serious and critical axe-core violations of the page at ``url``, once its button
    named ``ready`` is there (axe-core from npm: check AXE exists first)."""
    context = browser.new_context(viewport=viewport, bypass_csp=True)  # to inject axe
    try:
        page = context.new_page()
        page.goto(url)
        page.get_by_role("button", name=ready).first.wait_for()
        page.add_script_tag(path=str(AXE))
        return page.evaluate(AUDIT)
    finally:
        context.close()
