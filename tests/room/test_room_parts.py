"""The room's parts on their own: the data layer (SQLite, and PostgreSQL when a server can
be started here), the validation of every kind of answer, the CSV's formula defusing, the
charts' escaping, and a deck's {room-results} slide with and without a running room."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

import pytest

from room_helpers import AXE, axe_violations, free_port
from exercises.kit.slides import room_results_html
from exercises.room import questions as Q
from exercises.room import results
from exercises.room.store import TABLES, Store

ROOT = Path(__file__).resolve().parents[2]


# --- the data layer -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def postgres_url():
    """A throwaway PostgreSQL server (Debian's postgresql package), or skip."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.skip("no PostgreSQL server installed (apt-get install postgresql)")
    bindir = Path(found[-1]).parent
    folder = Path(tempfile.mkdtemp(prefix="room-pg-"))
    prefix = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no postgres user")
        shutil.chown(folder, "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    data = folder / "data"
    run = lambda *cmd: subprocess.run(prefix + list(cmd), check=True, capture_output=True, text=True)  # noqa: E731
    try:
        run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "room")
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-o",
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
    except subprocess.CalledProcessError as err:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"could not start PostgreSQL: {err.stderr[-300:]}")
    yield f"postgresql://room@127.0.0.1:{port}/postgres"
    subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                   capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        s = Store(tmp_path / "room.sqlite3")
    else:
        s = Store(request.getfixturevalue("postgres_url"))
        for table in TABLES:
            s.write(f"DELETE FROM {table}")
    yield s
    s.close()


def test_the_data_layer(store):
    questions = [{"qid": "b/q", "kind": "single", "title": "Q"}, {"qid": "floor", "kind": "floor", "title": "F"}]
    store.create_room("CODE1", "04-x", "hash", questions, ask_name=False)
    assert store.open_room_for("04-x") == "CODE1"
    assert [q["qid"] for q in store.questions("CODE1")] == ["b/q", "floor"]
    store.set_question("CODE1", "b/q", state="open", revealed=True, path=[1])
    q = store.question("CODE1", "b/q")
    assert (q["state"], q["revealed"], q["path"]) == ("open", True, [1])
    store.add_participant("CODE1", "p1", None)
    store.add_participant("CODE1", "p2", None)
    assert store.has_participant("CODE1", "p1") and not store.has_participant("CODE1", "p3")
    store.save_answer("CODE1", "b/q", 0, "p1", 1)
    store.save_answer("CODE1", "b/q", 0, "p1", 2)  # a new answer replaces the old
    store.save_answer("CODE1", "b/q", 0, "p2", [0, 1])
    assert sorted(str(a["value"]) for a in store.answers("CODE1", "b/q")) == ["2", "[0, 1]"]
    assert store.my_answers("CODE1", "p1") == [{"qid": "b/q", "round": 0, "value": 2}]
    store.add_entry("CODE1", "e1", "floor", "p1", "a question")
    store.set_entry("CODE1", "e1", "shown")
    store.upvote("CODE1", "e1", "p2")
    store.upvote("CODE1", "e1", "p2")  # once per participant
    (entry,) = store.entries("CODE1", "floor", ("shown",))
    assert entry["votes"] == 1 and entry["text"] == "a question"
    store.end_room("CODE1")
    assert store.room("CODE1")["ended"] and store.open_room_for("04-x") is None
    assert store.delete_room("CODE1")
    for table in TABLES:
        assert store.rows(f"SELECT COUNT(*) FROM {table}")[0][0] == 0, table


def test_sqlite_runs_in_wal_mode(tmp_path):
    Store(tmp_path / "r.sqlite3").close()
    with sqlite3.connect(tmp_path / "r.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# --- questions and answers ---------------------------------------------------------------------------

def test_questions_come_from_the_bank_and_the_deck(module9):
    folder, questions = module9
    assert folder == "09-ways-forward"
    kinds = {q["kind"] for q in questions}
    assert {"single", "estimate", "simulation", "text", "floor"} <= kinds
    assert any(q["qid"].startswith("discussion-") for q in questions)
    assert not any("{cite" in q["prompt_html"] for q in questions)


@pytest.fixture(scope="module")
def by_kind(module4):
    return {q["kind"]: q for q in reversed(module4[1])}


def test_every_kind_of_answer_is_validated(by_kind, module9):
    module4 = by_kind
    ok = {"single": 0, "ordering": list(range(len(module4["ordering"]["items_html"]))),
          "categorize": [0] * len(module4["categorize"]["items_html"]), "estimate": 12.5}
    bad = {"single": [-1, 99, "0", True, None, 0.5], "ordering": [[0, 0, 1], [1], "0,1", [99] * 7],
           "categorize": [[0], [9] * len(module4["categorize"]["items_html"]), None],
           "estimate": ["12", float("nan"), float("inf"), 1e13, None, True]}
    for kind, value in ok.items():
        assert Q.validate({**module4[kind], "path": []}, value) == value
        for wrong in bad[kind]:
            with pytest.raises(Q.AnswerError):
                Q.validate({**module4[kind], "path": []}, wrong)
    simulation = next(q for q in module9[1] if q["kind"] == "simulation")
    assert Q.validate({**simulation, "path": []}, 3) == 3
    for wrong in (4, -1, "1", None, True):
        with pytest.raises(Q.AnswerError):
            Q.validate({**simulation, "path": []}, wrong)
    with pytest.raises(Q.AnswerError):
        Q.validate({**simulation, "path": [0, 0, 0]}, 0)  # the simulation has ended
    # the public view of a question never carries the answers before they are revealed
    poll = {**module4["single"], "state": "open", "revealed": False, "path": []}
    assert "correct" not in Q.public(poll) and "exercise" not in Q.public(poll)
    assert "correct" in Q.public({**poll, "revealed": True})


def test_text_entries_are_cleaned():
    assert Q.clean_text("  hello\x00\x07 world  ") == "hello world"
    for wrong in ("", "   ", None, 5, "x" * 501):
        with pytest.raises(Q.AnswerError):
            Q.clean_text(wrong)


def test_csv_cells_are_defused_and_charts_escaped():
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"):
        assert results.cell(text).startswith("'")
    assert results.cell("fine") == "fine" and results.cell(None) == ""
    svg = results.bars_svg(['<script>alert(1)</script>', 'a & "b"'], [1, 2], total=3, title="<t>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&lt;t&gt;" in svg


# --- a deck's live-results slide -------------------------------------------------------------------------

DECK = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{figure}
<script>window.Reveal = {{getConfig: () => ({{height: 700}}), on: () => {{}}}};</script>
<script>{script}</script></body></html>"""


def test_a_deck_slide_shows_live_results_or_a_placeholder(room_server, browser, tmp_path):
    script = (ROOT / "book" / "_theme" / "slides-fit.js").read_text(encoding="utf-8")
    qid = "ways-forward/which-recommendation"
    server = room_server()
    deck = tmp_path / "deck.html"
    deck.write_text(DECK.format(figure=room_results_html(qid, server.port), script=script), encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(deck.as_uri())
        # running, but not revealed: the room sends a chart saying so
        page.locator("figure.room-results img:not([hidden])").wait_for()
        server.host("question", {"qid": qid, "action": "reveal"})
        status, _ = server.call("GET", "", None)
        assert status in (200, 404)
        server.stop()
        page.locator("figure.room-results .room-placeholder:not([hidden])").wait_for(timeout=10000)
        assert page.locator("figure.room-results img").get_attribute("hidden") is not None
    finally:
        page.close()
    # the deck endpoint answers only on this laptop, and only for a question of a running room
    server.start()
    import urllib.request
    svg = urllib.request.urlopen(f"{server.origin}/deck/{qid}.svg", timeout=5).read().decode()
    assert "<svg" in svg and "answers" in svg
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"{server.origin}/deck/no/such.svg", timeout=5)


# --- accessibility ------------------------------------------------------------------------------------

def test_the_pages_pass_axe(shared_room, browser):
    """A phone with a question of every kind open, and the facilitator's page: no serious or
    critical axe-core violation (the audit needs npm's axe-core: make test installs it)."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci)")
    for qid in ("ways-forward/which-recommendation", "ways-forward/charter-year-share",
                "ways-forward/advise-tokyo-valdoria", "discussion-1", "floor"):
        shared_room.host("question", {"qid": qid, "action": "open"})
    assert axe_violations(browser, shared_room.base + "/", {"width": 390, "height": 844}, "Vote") == []
    assert axe_violations(browser, f"{shared_room.base}/host#token={shared_room.token}",
                          {"width": 1280, "height": 900}, "Download results (CSV)") == []


def test_ordering_and_categorize_by_keyboard(room_server, module4, browser):
    """Module 4's ordering and categorize polls on a phone, with the keyboard only: the
    order is changed with the move buttons, categories chosen in labelled selects."""
    server = room_server(questions=module4)
    ordering = next(q for q in module4[1] if q["kind"] == "ordering")
    categorize = next(q for q in module4[1] if q["kind"] == "categorize")
    for q in (ordering, categorize):
        server.host("question", {"qid": q["qid"], "action": "open"})
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(server.base + "/")
        card = page.locator("section.card", has=page.get_by_role("heading", name=ordering["title"]))
        card.get_by_role("button", name="Send").wait_for()
        # put the items in the right order (0, 1, 2 ...) with "Move up" buttons, by keyboard
        for target in range(len(ordering["shown"])):
            while True:
                texts = card.locator("ol.order li span").all_text_contents()
                order = [next(i for i, html in enumerate(ordering["items_html"])
                              if results.plain(html) == t) for t in texts]
                position = order.index(target)
                if position == target:
                    break
                card.locator("ol.order li").nth(position).get_by_role("button", name="Move up").focus()
                page.keyboard.press("Enter")
                # the list is drawn again and the moved item's button takes the focus a moment
                # later (a timer): wait for it, or it would take the focus from "Send" below
                page.wait_for_function("() => document.activeElement?.closest('ol.order') != null")
        card.get_by_role("button", name="Send").focus()
        page.keyboard.press("Enter")
        card.get_by_text("Your answer is saved.").wait_for()
        sort = page.locator("section.card", has=page.get_by_role("heading", name=categorize["title"]))
        for i, category in enumerate(categorize["correct"]):
            sort.locator("select").nth(i).select_option(str(category))
        sort.get_by_role("button", name="Send").click()
        sort.get_by_text("Your answer is saved.").wait_for()
        assert sort.get_by_label(results.plain(categorize["items_html"][0])).count() == 1  # labelled
    finally:
        context.close()
    with sqlite3.connect(server.db) as db:
        stored = dict(db.execute("SELECT qid, value FROM answers").fetchall())
    assert stored[ordering["qid"]] == str(list(range(len(ordering["items_html"]))))
    assert stored[categorize["qid"]] == str(categorize["correct"])


def test_a_room_on_postgresql(postgres_url, module9, tmp_path):
    """The server itself on PostgreSQL (a department's server for many rooms)."""
    from room_helpers import RoomServer, new_room
    store = Store(postgres_url)
    for table in TABLES:
        store.write(f"DELETE FROM {table}")
    store.close()
    new_room(postgres_url, module9)
    server = RoomServer(postgres_url, "9", log_dir=tmp_path).start()
    try:
        qid = "ways-forward/which-recommendation"
        assert server.host("question", {"qid": qid, "action": "open"})[0] == 200
        pids = [server.join() for _ in range(3)]
        assert all(server.answer(p, qid, 1)[0] == 200 for p in pids)
        _, state = server.host("state")
        assert next(q for q in state["questions"] if q["qid"] == qid)["results"]["count"] == 3
    finally:
        server.stop()
    store = Store(postgres_url)
    assert len(store.answers(server.code, qid)) == 3
    store.close()
