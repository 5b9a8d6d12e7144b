"""The room refuses what it should, and stores nothing it refused: a participant trying the
facilitator's actions, a wrong origin, guessed room codes, XSS payloads, oversized and
malformed requests, a flood from one participant and from one address; and data is
deleted on request (from the page and from the command line)."""
from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys

import pytest

from room_helpers import ROOT

POLL = "ways-forward/which-recommendation"
SIMULATION = "ways-forward/advise-tokyo-valdoria"


def stored(server, sql: str) -> int:
    with sqlite3.connect(server.db) as db:
        return db.execute(sql).fetchone()[0]


def open_questions(s):
    assert s.host("question", {"qid": POLL, "action": "open"})[0] == 200
    assert s.host("question", {"qid": "floor", "action": "open"})[0] == 200
    return s


@pytest.fixture
def server(shared_room):
    """The tests that leave the room usable share one server."""
    return open_questions(shared_room)


@pytest.fixture
def own_server(room_server):
    """A server of its own, for the flood and the deletion."""
    return open_questions(room_server("--address-limit", "400", "--join-limit", "20"))


def test_a_participant_cannot_act_as_facilitator(server):
    pid = server.join()
    as_participant = {"X-Participant": pid, "Origin": server.origin}
    for path, body in [("question", {"qid": SIMULATION, "action": "open"}), ("end", {}), ("delete", {}),
                       ("question", {"qid": POLL, "action": "reveal"})]:
        status, _ = server.call("POST", "/api/host/" + path, body, as_participant)
        assert status == 403
    for path in ("state", "results.csv", "summary.pdf"):
        assert server.call("GET", "/api/host/" + path, None, as_participant)[0] == 403
    # a wrong token, the right token from another origin, or with no origin at all
    wrong_last = "y" if server.token.endswith("x") else "x"  # a token ending in x stays wrong
    wrong = {"X-Room-Token": server.token[:-1] + wrong_last, "Origin": server.origin}
    assert server.call("POST", "/api/host/end", {}, wrong)[0] == 403
    other_site = {"X-Room-Token": server.token, "Origin": "http://evil.example"}
    assert server.call("POST", "/api/host/end", {}, other_site)[0] == 403
    assert server.call("POST", "/api/host/end", {}, {"X-Room-Token": server.token})[0] == 403
    cross = {"X-Room-Token": server.token, "Sec-Fetch-Site": "cross-site"}
    assert server.call("GET", "/api/host/state", None, cross)[0] == 403
    status, state = server.host("state")
    assert status == 200 and not state["ended"]
    assert {q["qid"]: q["state"] for q in state["questions"]}[SIMULATION] == "ready"
    assert stored(server, "SELECT COUNT(*) FROM rooms WHERE ended IS NULL") == 1


def test_room_codes_cannot_be_guessed(server):
    assert len(server.code) >= 12
    for code in ("AAAAAAAAAAAA", server.code[:-1] + ("A" if server.code[-1] != "A" else "B"), "1", "../etc"):
        server_copy = type(server).__new__(type(server))
        server_copy.__dict__.update(server.__dict__, code=code)
        assert server_copy.call("POST", "/api/join", {})[0] in (404, 405)
    _, page = server.call("GET", "/", None)  # the home page lists no room
    assert server.code not in str(page)


def test_xss_payloads_are_stored_as_text_and_exported_safely(server):
    pid = server.join()
    payloads = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "=HYPERLINK(\"http://x\")",
                "+1+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3"]
    for text in payloads:
        status, data = server.call("POST", "/api/entry", {"qid": "floor", "text": text}, {"X-Participant": pid})
        assert status == 200 or (status == 429 and "up to 5" in data["error"])
    _, state = server.host("state")
    entries = next(q for q in state["questions"] if q["qid"] == "floor")["entries"]
    for e in entries:
        server.host("entry", {"eid": e["eid"], "action": "show"})
    # the JSON carries the text as data; the page sets it with textContent (see the workshop test)
    _, public = server.call("GET", "/api/state", None, {"X-Participant": pid})
    shown = {e["text"] for q in public["questions"] if q["qid"] == "floor" for e in q["entries"]}
    assert shown <= set(payloads) and len(shown) == 5
    status, text = server.host("results.csv")
    assert status == 200
    for row in csv.reader(io.StringIO(text.decode() if isinstance(text, bytes) else text)):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert "'=HYPERLINK" in (text.decode() if isinstance(text, bytes) else text)


def test_oversized_and_malformed_requests_are_refused(server):
    pid = server.join()
    me = {"X-Participant": pid}
    big = b'{"qid": "floor", "text": "' + b"x" * 20000 + b'"}'
    assert server.call("POST", "/api/entry", None, me, raw=big)[0] == 413
    assert server.call("POST", "/api/entry", {"qid": "floor", "text": "y" * 501}, me)[0] == 422
    assert server.call("POST", "/api/entry", {"qid": "floor", "text": "   "}, me)[0] == 422
    assert server.call("POST", "/api/answer", None, me, raw=b"{not json")[0] == 400
    assert server.call("POST", "/api/answer", None, me, raw=b"[1, 2]")[0] == 400
    assert server.call("POST", "/api/answer", None, me, raw=b"[" * 8000)[0] == 400
    assert server.call("POST", "/api/answer", None, me, raw=b'{"qid": "\xff\xfe"}')[0] == 400
    assert server.call("POST", "/api/answer", None, {**me, "Content-Type": "text/plain"}, raw=b"{}")[0] == 415
    second = server.join()  # (a second phone: the first is near its rate limit)
    for value in ("1", 1.5, -1, 99, None, True, [0], {"a": 1}):
        assert server.answer(second, POLL, value)[0] == 422, value
    assert server.answer(second, "no/such-question", 0)[0] == 404
    assert server.answer(second, SIMULATION, 0)[0] == 409  # not open
    assert server.answer("not-a-participant", POLL, 0)[0] == 401
    assert server.call("POST", "/api/answer", {"qid": POLL, "value": 0})[0] == 401  # no participant id
    for p in (pid, second):
        assert stored(server, f"SELECT COUNT(*) FROM answers WHERE pid = '{p}'") == 0
        assert stored(server, f"SELECT COUNT(*) FROM entries WHERE pid = '{p}'") == 0
    other = server.join()  # (the second has used up its rate limit)
    assert server.answer(other, POLL, 1)[0] == 200
    assert stored(server, f"SELECT COUNT(*) FROM answers WHERE pid = '{other}'") == 1


def test_floods_are_rate_limited(own_server):
    server = own_server
    pid = server.join()
    statuses = [server.answer(pid, POLL, i % 4)[0] for i in range(40)]
    assert statuses.count(200) <= 20 and statuses.count(429) >= 20
    assert stored(server, "SELECT COUNT(*) FROM answers") == 1  # one answer per participant
    joins = [server.call("POST", "/api/join", {})[0] for _ in range(60)]
    assert joins.count(429) >= 30
    assert stored(server, "SELECT COUNT(*) FROM participants") <= 25
    # the facilitator is not locked out by a flood
    assert server.host("state")[0] == 200


def test_data_is_deleted_on_request(own_server, tmp_path, module9):
    server = own_server
    pid = server.join()
    server.answer(pid, POLL, 1)
    server.call("POST", "/api/entry", {"qid": "floor", "text": "my question"}, {"X-Participant": pid})
    assert server.host("delete", {})[0] == 200
    for table in ("rooms", "questions", "participants", "answers", "entries", "upvotes"):
        assert stored(server, f"SELECT COUNT(*) FROM {table}") == 0, table
    assert server.call("GET", "/api/state", None)[0] == 404
    server.stop()
    # the command line deletes a room too, and says so for an unknown one
    from room_helpers import new_room
    db = tmp_path / "cli.sqlite3"
    code = new_room(db, module9)
    done = subprocess.run([sys.executable, "-m", "exercises", "room", "--db", str(db), "--delete", code],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM questions").fetchone()[0] == 0
    again = subprocess.run([sys.executable, "-m", "exercises", "room", "--db", str(db), "--delete", code],
                           cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 2 and "no room" in again.stderr


def test_names_only_when_the_room_asks(shared_room, room_server):
    """An anonymous room stores no name even if one is sent; a room that asks keeps the
    name (as text, checked) and the CSV shows it beside P1, P2 ..."""
    status, data = shared_room.call("POST", "/api/join", {"name": "Ana"})
    assert status == 200
    assert stored(shared_room, "SELECT COUNT(*) FROM participants WHERE name IS NOT NULL") == 0
    server = room_server(ask_name=True)
    server.host("question", {"qid": "floor", "action": "open"})
    assert server.call("POST", "/api/join", {"name": "x" * 41})[0] == 422
    status, data = server.call("POST", "/api/join", {"name": "=Ana <b>"})
    assert status == 200
    server.call("POST", "/api/entry", {"qid": "floor", "text": "a question"}, {"X-Participant": data["pid"]})
    _, text = server.host("results.csv")
    rows = list(csv.DictReader(io.StringIO(text.decode() if isinstance(text, bytes) else text)))
    assert rows[0]["name"] == "'=Ana <b>" and rows[0]["participant"] == "P1"
