"""A room in Japanese (``course room --module 4 --lang ja``), in Chromium on 127.0.0.1: the
participant's and the facilitator's pages are ``lang="ja"`` with every word of their own in
Japanese (none of the room's English strings left), the questions come from the Japanese
banks and module texts, an answer is sent and acknowledged in Japanese, the server's
refusals, the CSV and the summary are Japanese, participants' text stays inert; the room
keeps its language when it is resumed (even when asked for another); an English room's
pages are as before."""
from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import urllib.error
import urllib.request

import pytest
from room_helpers import AXE, RoomServer, axe_violations, new_room
from test_room_workshop import XSS, card_id, host_click, participant_card

from exercises import i18n
from exercises.room.server import summary_page
from exercises.room.store import Store

POLL = "responsibility-to-protect/iciss-reframing"


def ja(key: str, **values) -> str:
    return i18n.message(key, "ja", **values)


def english_left(text: str) -> list[str]:
    """The room's English strings (those without placeholders) that appear in ``text``."""
    english = {k: v for k, v in i18n.messages("en").items() if k.startswith("room.") and "{" not in v}
    return sorted(v for k, v in english.items() if len(v) > 4 and v != ja(k) and v in text)


def test_a_japanese_room(tmp_path, new_page, module4):
    db = tmp_path / "room.sqlite3"
    # made by the command (the questions in Japanese), on an empty database
    server = RoomServer(db, "4", "--lang", "ja").start(timeout=90)
    try:
        assert "Language:    ja" in server.log.read_text()
        questions = {q["qid"]: q for q in Store(db).questions(server.code)}
        english = {q["qid"]: q for q in module4[1]}
        title = questions[POLL]["title"]
        assert re.search("[\u3040-\u30ff\u4e00-\u9fff]", title) and title != english[POLL]["title"]
        assert questions["floor"]["title"] == ja("room.floor_title")
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT lang FROM rooms").fetchall() == [("ja",)]

        host, host_offsite, host_errors = new_page(f"{server.base}/host#token={server.token}")
        host.get_by_role("heading", name=ja("room.host_title")).wait_for()
        assert host.locator("html").get_attribute("lang") == "ja"
        assert host.title() == ja("room.host_title")
        phone, offsite, errors = new_page(server.base + "/", viewport={"width": 390, "height": 844}, is_mobile=True)
        phone.get_by_text(ja("room.intro")).wait_for()
        assert phone.locator("html").get_attribute("lang") == "ja"
        host.get_by_text(ja("room.host.joined", n=1)).wait_for()
        host.get_by_role("button", name=ja("room.host.download_csv")).wait_for()

        # a poll: the Japanese question, answered and acknowledged in Japanese
        host_click(host, POLL, ja("room.host.open"))
        card = participant_card(phone, title)
        card.get_by_text(ja("room.choose_one")).wait_for()
        card.get_by_role("radio").nth(1).check()
        card.get_by_role("button", name=ja("room.send")).click()
        card.get_by_text(ja("room.answer_saved")).wait_for()
        host.locator(card_id(POLL)).locator("p.count", has_text=ja("room.host.answers_count", n=1)).wait_for()
        host_click(host, POLL, ja("room.host.reveal"))
        card.locator("svg.room-chart").wait_for()
        assert ja("room.chart.one_answer") in card.locator("svg.room-chart").text_content()

        # questions from the floor: hostile text is shown as text, in a Japanese page
        host_click(host, "floor", ja("room.host.open"))
        floor = participant_card(phone, ja("room.floor_title"))
        floor.get_by_label(ja("room.floor_label")).fill(XSS)
        floor.get_by_role("button", name=ja("room.send")).click()
        floor.get_by_text(ja("room.sent")).wait_for()
        host_floor = host.locator(card_id("floor"))
        host_floor.locator("li", has_text=XSS).get_by_text(ja("room.state.pending"), exact=False).wait_for()
        host_floor.locator("li", has_text=XSS).get_by_role("button", name=ja("room.host.show"), exact=True).click()
        floor.locator("ul.entries li .text", has_text=XSS).wait_for()
        floor.get_by_role("button", name=ja("room.upvote", n=0)).wait_for()
        assert floor.locator("ul.entries img").count() == 0
        assert phone.evaluate("() => window.__xss") is None and host.evaluate("() => window.__xss") is None

        # no English of the room's own left on either page
        assert english_left(phone.locator("body").inner_text()) == []
        assert english_left(host.locator("body").inner_text()) == []

        # the server's refusals, in the room's language
        pid = server.join()
        assert server.answer(pid, POLL, 9) == (422, {"error": ja("check.choose_one", n=4)})  # the checker's reason
        host_click(host, POLL, ja("room.host.close"))
        card.get_by_text(ja("room.closed")).wait_for()
        assert server.answer(pid, POLL, 0) == (409, {"error": ja("room.error.not_open")})
        status, data = server.call("POST", "/api/host/end", {}, {"X-Room-Token": "wrong", "Origin": server.origin})
        assert (status, data) == (403, {"error": ja("room.error.token")})
        status, data = server.call("POST", "/api/entry", {"qid": "floor", "text": "   "}, {"X-Participant": pid})
        assert (status, data) == (422, {"error": ja("room.error.empty_text")})

        # the exports: the CSV's header and words, the summary page
        status, text = server.host("results.csv")
        assert text.startswith("\ufeff".encode())  # a spreadsheet reads it as UTF-8
        rows = list(csv.DictReader(io.StringIO(text.decode("utf-8-sig"))))
        assert rows and {ja("room.csv.question"), ja("room.csv.answer"), ja("room.csv.status")} <= set(rows[0])
        assert any(r[ja("room.csv.status")] == ja("room.state.shown") and r[ja("room.csv.answer")] == XSS
                   for r in rows)
        store = Store(db)
        summary = summary_page(store, store.room(server.code))
        assert "<html lang='ja'>" in summary and ja("room.summary.heading", module="04-responsibility-to-protect") in summary
        assert XSS not in summary  # escaped

        # ending: the participant's page says so in Japanese
        host.once("dialog", lambda d: d.accept())
        host.get_by_role("button", name=ja("room.host.end")).click()
        phone.get_by_text(ja("room.ended")).wait_for()
        assert offsite == [] and host_offsite == [] and errors == [] and host_errors == []
    finally:
        server.stop()


def test_a_room_keeps_its_language_when_resumed(tmp_path, new_page, module4):
    db = tmp_path / "room.sqlite3"
    code = new_room(db, (module4[0], [q for q in module4[1] if q["qid"] == "floor"]), lang="ja")
    server = RoomServer(db, "4", "--lang", "en").start()  # resumed: stays Japanese
    try:
        assert server.code == code
        assert "keeps the language it was created in (ja)" in server.log.read_text()
        page, offsite, errors = new_page(server.base + "/")
        page.get_by_text(ja("room.intro")).wait_for()
        assert page.locator("html").get_attribute("lang") == "ja"
        assert server.call("GET", "/api/state", None)[1]["code"] == code
        # what belongs to no room is in the server's language (the resumed room's)
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(server.origin + "/r/nosuchroom/api/state")
        assert (refused.value.code, json.loads(refused.value.read())) == (404, {"error": ja("room.error.no_room")})
        assert errors == [] and offsite == []
    finally:
        server.stop()


def test_an_english_room_is_as_before(room_server, new_page):
    server = room_server()
    page, offsite, errors = new_page(server.base + "/")
    page.get_by_text("You are anonymous. Questions appear here when the facilitator opens them.").wait_for()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.title() == "Live room"
    html = page.evaluate("() => document.documentElement.outerHTML")
    assert "/messages/en.js" in html
    assert server.call("POST", "/api/answer", {"qid": "x", "value": 0})[1] == {"error": "Join the room first."}
    assert errors == [] and offsite == []


def test_the_strings_script_and_an_old_database(tmp_path, room_server):
    """/messages/<lang>.js holds the room's strings only (no other language); a database made
    before rooms had a language gets the column, its rooms in English."""
    server = room_server()
    script = urllib.request.urlopen(server.origin + "/messages/ja.js").read().decode()
    assert script.startswith("const MESSAGES = ") and "const t = " in script
    assert ja("room.answer_saved").encode("unicode_escape").decode() in script and '"check.' not in script
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(server.origin + "/messages/fr.js")
    assert refused.value.code == 404

    old = tmp_path / "old.sqlite3"
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE rooms (code TEXT PRIMARY KEY, module TEXT NOT NULL, token_hash TEXT NOT NULL, "
                     "ask_name INTEGER NOT NULL DEFAULT 0, created DOUBLE PRECISION NOT NULL, ended DOUBLE PRECISION)")
        conn.execute("INSERT INTO rooms VALUES ('OLD', '04-x', 'h', 0, 1.0, NULL)")
    store = Store(old)
    assert store.room("OLD")["lang"] == "en"
    store.close()


def test_a_room_made_with_course_lang_ja_is_japanese(tmp_path, monkeypatch):
    """`make room MODULE=4 LANG=ja` exports COURSE_LANG=ja: the room is made in Japanese."""
    monkeypatch.setenv(i18n.VARIABLE, "ja")
    server = RoomServer(tmp_path / "room.sqlite3", "4").start(timeout=90)
    try:
        assert "Language:    ja" in server.log.read_text()
        assert Store(server.db).room(server.code)["lang"] == "ja"
    finally:
        server.stop()


def test_the_japanese_pages_pass_axe(tmp_path, module4, browser):
    """The Japanese phone page with a question of every kind of module 4 open, and the
    facilitator's page: no serious or critical axe-core violation."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci)")
    from exercises.room.questions import room_questions
    db = tmp_path / "room.sqlite3"
    new_room(db, room_questions("4", "ja"), lang="ja")
    server = RoomServer(db, "4").start()
    try:
        for qid in (POLL, "responsibility-to-protect/r2p-chronology", "responsibility-to-protect/pillars-sort",
                    "responsibility-to-protect/gc-count", "discussion-1", "floor"):
            server.host("question", {"qid": qid, "action": "open"})
        assert axe_violations(browser, server.base + "/", {"width": 390, "height": 844}, ja("room.send")) == []
        assert axe_violations(browser, f"{server.base}/host#token={server.token}", {"width": 1280, "height": 900},
                              ja("room.host.download_csv")) == []
    finally:
        server.stop()
