"""Kill the server in the middle of a question (SIGKILL, as a dying battery would), start
it again: every answer it acknowledged is still there, and a participant's page reconnects
by itself, as the same participant, and sends the answer it could not send meanwhile."""
from __future__ import annotations

import sqlite3
import threading
import time

POLL = "ways-forward/which-recommendation"


def test_restart_mid_question_loses_no_acknowledged_answer(room_server, new_page):
    server = room_server()
    server.host("question", {"qid": POLL, "action": "open"})
    page, offsite, _ = new_page(server.base + "/")
    card = page.locator("section.card", has=page.get_by_role("heading", name="The paper's recommendations"))
    card.get_by_role("radio").nth(1).check()
    card.get_by_role("button", name="Send").click()
    card.get_by_text("Your answer is saved.").wait_for()
    pid = page.evaluate("() => Object.entries(localStorage).find(([k]) => k.endsWith(':pid'))[1]")

    # 40 participants answer in four threads while the server is killed under them
    pids = [server.join() for _ in range(40)]
    acknowledged, lock = [], threading.Lock()

    def answer(chunk):
        for p in chunk:
            try:
                status, _ = server.answer(p, POLL, 2)
            except OSError:
                continue  # no acknowledgement: the server was gone
            if status == 200:
                with lock:
                    acknowledged.append(p)

    threads = [threading.Thread(target=answer, args=(pids[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 20
    while len(acknowledged) < 10 and time.monotonic() < deadline:
        time.sleep(0.002)
    server.kill()
    for t in threads:
        t.join()
    assert 10 <= len(acknowledged) <= 40

    # while the server is down, the page shows it and keeps the new answer
    page.get_by_text("Reconnecting…").wait_for()
    card.get_by_role("radio").nth(3).check()
    card.get_by_role("button", name="Send").click()
    card.get_by_text("Sending your answer…").wait_for()

    server.start()
    with sqlite3.connect(server.db) as db:
        stored = {p for (p,) in db.execute("SELECT pid FROM answers WHERE qid = ?", (POLL,))}
    assert set(acknowledged) <= stored

    # the page reconnects by itself and its pending answer is acknowledged
    page.get_by_text("Connected.").wait_for(timeout=20000)
    card.get_by_text("Your answer is saved.").wait_for(timeout=20000)
    assert page.evaluate("() => Object.entries(localStorage).find(([k]) => k.endsWith(':pid'))[1]") == pid
    with sqlite3.connect(server.db) as db:
        value = db.execute("SELECT value FROM answers WHERE qid = ? AND pid = ?", (POLL, pid)).fetchone()[0]
    assert value == "3"
    # everyone who had not been acknowledged can answer again, as the same participant
    for p in set(pids) - set(acknowledged):
        assert server.answer(p, POLL, 0)[0] == 200
    _, state = server.host("state")
    poll = next(q for q in state["questions"] if q["qid"] == POLL)
    assert poll["results"]["count"] == 41
    assert offsite == []
