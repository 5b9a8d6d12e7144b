"""The room's data layer: every read and write of a room goes through :class:`Store`.

SQLite (a file, WAL mode) by default; ``postgresql://...`` URLs use PostgreSQL through
psycopg, so a department can host one server for many rooms. The SQL is written once
(``?`` placeholders, ``ON CONFLICT`` upserts) and works on both. Every write is committed
before the call returns: an answer the server has acknowledged is on disk.

Nothing here logs what participants write; :meth:`Store.delete_room` removes a room and
everything in it.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS rooms (
        code TEXT PRIMARY KEY, module TEXT NOT NULL, token_hash TEXT NOT NULL,
        ask_name INTEGER NOT NULL DEFAULT 0, created DOUBLE PRECISION NOT NULL,
        ended DOUBLE PRECISION, lang TEXT NOT NULL DEFAULT 'en')""",
    """CREATE TABLE IF NOT EXISTS questions (
        room TEXT NOT NULL, qid TEXT NOT NULL, position INTEGER NOT NULL, kind TEXT NOT NULL,
        spec TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'ready', revealed INTEGER NOT NULL DEFAULT 0,
        path TEXT NOT NULL DEFAULT '[]', PRIMARY KEY (room, qid))""",
    """CREATE TABLE IF NOT EXISTS participants (
        room TEXT NOT NULL, pid TEXT NOT NULL, name TEXT, created DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (room, pid))""",
    """CREATE TABLE IF NOT EXISTS answers (
        room TEXT NOT NULL, qid TEXT NOT NULL, round INTEGER NOT NULL, pid TEXT NOT NULL,
        value TEXT NOT NULL, created DOUBLE PRECISION NOT NULL, PRIMARY KEY (room, qid, round, pid))""",
    """CREATE TABLE IF NOT EXISTS entries (
        room TEXT NOT NULL, eid TEXT NOT NULL, qid TEXT NOT NULL, pid TEXT NOT NULL, text TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending', created DOUBLE PRECISION NOT NULL, PRIMARY KEY (room, eid))""",
    """CREATE TABLE IF NOT EXISTS upvotes (
        room TEXT NOT NULL, eid TEXT NOT NULL, pid TEXT NOT NULL, PRIMARY KEY (room, eid, pid))""",
]
# columns added since a room's database was first made: (table, column, definition)
ADDED = [("rooms", "lang", "TEXT NOT NULL DEFAULT 'en'")]
TABLES = ("upvotes", "entries", "answers", "participants", "questions", "rooms")


class Store:
    """``Store("room.sqlite3")`` or ``Store("postgresql://user@host/db")``."""

    def __init__(self, url: str | Path):
        self.url = str(url)
        self.lock = threading.Lock()
        self.postgres = self.url.startswith(("postgresql://", "postgres://"))
        if self.postgres:
            import psycopg
            self.conn = psycopg.connect(self.url, autocommit=False)
        else:
            Path(self.url).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.url, check_same_thread=False, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")  # WAL: a commit survives a killed process
            self.conn.execute("PRAGMA busy_timeout=5000")
        with self.lock:
            for statement in SCHEMA:
                self._run(statement)
            for table, column, definition in ADDED:  # a database made before the column existed
                if column not in self._columns(table):
                    self._run(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
            self._commit()

    # --- plumbing ---------------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.postgres else sql

    def _run(self, sql: str, params: tuple = ()):
        if self.postgres:
            cur = self.conn.cursor()
            cur.execute(self._sql(sql), params)
            return cur
        if not self.conn.in_transaction and not sql.lstrip().upper().startswith(("SELECT", "PRAGMA")):
            self.conn.execute("BEGIN")
        return self.conn.execute(sql, params)

    def _columns(self, table: str) -> set[str]:
        if self.postgres:
            return {r[0] for r in self._run("SELECT column_name FROM information_schema.columns "
                                            "WHERE table_name = ?", (table,)).fetchall()}
        return {r[1] for r in self._run(f"PRAGMA table_info({table})").fetchall()}

    def _commit(self):
        if self.postgres or self.conn.in_transaction:
            self.conn.commit()

    def write(self, sql: str, params: tuple = ()) -> int:
        with self.lock:
            try:
                count = self._run(sql, params).rowcount
                self._commit()
            except Exception:
                self.conn.rollback()
                raise
            return count

    def many(self, statements: list[tuple[str, tuple]]) -> None:
        """Several writes in one transaction."""
        with self.lock:
            try:
                for sql, params in statements:
                    self._run(sql, params)
                self._commit()
            except Exception:
                self.conn.rollback()
                raise

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self.lock:
            try:
                result = self._run(sql, params).fetchall()
                if self.postgres:
                    self.conn.commit()  # end the read transaction
                return result
            except Exception:
                self.conn.rollback()
                raise

    def close(self):
        with self.lock:
            self.conn.close()

    # --- rooms ------------------------------------------------------------------------------

    def create_room(self, code: str, module: str, token_hash: str, questions: list[dict], ask_name: bool,
                    lang: str = "en") -> None:
        """A new room; ``lang``, the language its pages, messages and exports are in, is fixed
        here (the questions were made in it)."""
        statements = [("INSERT INTO rooms (code, module, token_hash, ask_name, created, lang) "
                       "VALUES (?, ?, ?, ?, ?, ?)", (code, module, token_hash, int(ask_name), time.time(), lang))]
        statements += [("INSERT INTO questions (room, qid, position, kind, spec) VALUES (?, ?, ?, ?, ?)",
                        (code, q["qid"], i, q["kind"], json.dumps(q))) for i, q in enumerate(questions)]
        self.many(statements)

    def room(self, code: str) -> dict | None:
        found = self.rows("SELECT code, module, token_hash, ask_name, created, ended, lang FROM rooms WHERE code = ?",
                          (code,))
        if not found:
            return None
        code, module, token_hash, ask_name, created, ended, lang = found[0]
        return {"code": code, "module": module, "token_hash": token_hash, "ask_name": bool(ask_name),
                "created": created, "ended": ended, "lang": lang}

    def open_room_for(self, module: str) -> str | None:
        """The newest room of ``module`` that has not ended (to resume after a restart)."""
        found = self.rows("SELECT code FROM rooms WHERE module = ? AND ended IS NULL ORDER BY created DESC",
                          (module,))
        return found[0][0] if found else None

    def room_codes(self) -> list[str]:
        return [r[0] for r in self.rows("SELECT code FROM rooms ORDER BY created")]

    def set_token(self, code: str, token_hash: str) -> None:
        self.write("UPDATE rooms SET token_hash = ? WHERE code = ?", (token_hash, code))

    def end_room(self, code: str) -> None:
        self.many([("UPDATE rooms SET ended = ? WHERE code = ?", (time.time(), code)),
                   ("UPDATE questions SET state = 'closed' WHERE room = ? AND state = 'open'", (code,))])

    def delete_room(self, code: str) -> bool:
        """Delete the room and everything its participants sent. True if it existed."""
        existed = self.room(code) is not None
        self.many([(f"DELETE FROM {table} WHERE {'code' if table == 'rooms' else 'room'} = ?", (code,))
                   for table in TABLES])
        return existed

    # --- questions ----------------------------------------------------------------------------

    def questions(self, code: str) -> list[dict]:
        result = []
        for qid, kind, spec, state, revealed, path in self.rows(
                "SELECT qid, kind, spec, state, revealed, path FROM questions WHERE room = ? ORDER BY position",
                (code,)):
            result.append({**json.loads(spec), "qid": qid, "kind": kind, "state": state,
                           "revealed": bool(revealed), "path": json.loads(path)})
        return result

    def question(self, code: str, qid: str) -> dict | None:
        return next((q for q in self.questions(code) if q["qid"] == qid), None)

    def set_question(self, code: str, qid: str, *, state: str | None = None, revealed: bool | None = None,
                     path: list | None = None) -> None:
        if state is not None:
            self.write("UPDATE questions SET state = ? WHERE room = ? AND qid = ?", (state, code, qid))
        if revealed is not None:
            self.write("UPDATE questions SET revealed = ? WHERE room = ? AND qid = ?", (int(revealed), code, qid))
        if path is not None:
            self.write("UPDATE questions SET path = ? WHERE room = ? AND qid = ?", (json.dumps(path), code, qid))

    # --- participants and answers ----------------------------------------------------------------

    def add_participant(self, code: str, pid: str, name: str | None) -> None:
        self.write("INSERT INTO participants (room, pid, name, created) VALUES (?, ?, ?, ?)",
                   (code, pid, name, time.time()))

    def has_participant(self, code: str, pid: str) -> bool:
        return bool(self.rows("SELECT 1 FROM participants WHERE room = ? AND pid = ?", (code, pid)))

    def names(self, code: str) -> dict[str, str]:
        """Participants' names, for a room that asked for them (``--ask-name``)."""
        return {pid: name for pid, name in self.rows(
            "SELECT pid, name FROM participants WHERE room = ? AND name IS NOT NULL", (code,))}

    def participant_count(self, code: str) -> int:
        return self.rows("SELECT COUNT(*) FROM participants WHERE room = ?", (code,))[0][0]

    def save_answer(self, code: str, qid: str, round_: int, pid: str, value) -> None:
        """One answer per participant, question and round; a new one replaces the old."""
        self.write("INSERT INTO answers (room, qid, round, pid, value, created) VALUES (?, ?, ?, ?, ?, ?) "
                   "ON CONFLICT (room, qid, round, pid) DO UPDATE SET value = excluded.value, "
                   "created = excluded.created", (code, qid, round_, pid, json.dumps(value), time.time()))

    def answers(self, code: str, qid: str | None = None, round_: int | None = None) -> list[dict]:
        sql, params = "SELECT qid, round, pid, value, created FROM answers WHERE room = ?", [code]
        if qid is not None:
            sql += " AND qid = ?"
            params.append(qid)
        if round_ is not None:
            sql += " AND round = ?"
            params.append(round_)
        return [{"qid": q, "round": r, "pid": p, "value": json.loads(v), "created": c}
                for q, r, p, v, c in self.rows(sql + " ORDER BY created", tuple(params))]

    def my_answers(self, code: str, pid: str) -> list[dict]:
        return [{"qid": q, "round": r, "value": json.loads(v)} for q, r, v in self.rows(
            "SELECT qid, round, value FROM answers WHERE room = ? AND pid = ?", (code, pid))]

    # --- text entries (short text, questions from the floor) --------------------------------------

    def add_entry(self, code: str, eid: str, qid: str, pid: str, text: str) -> None:
        self.write("INSERT INTO entries (room, eid, qid, pid, text, created) VALUES (?, ?, ?, ?, ?, ?)",
                   (code, eid, qid, pid, text, time.time()))

    def entry_count(self, code: str, qid: str, pid: str) -> int:
        return self.rows("SELECT COUNT(*) FROM entries WHERE room = ? AND qid = ? AND pid = ?",
                         (code, qid, pid))[0][0]

    def entries(self, code: str, qid: str | None = None, states: tuple[str, ...] | None = None) -> list[dict]:
        sql = ("SELECT e.eid, e.qid, e.pid, e.text, e.state, e.created, "
               "(SELECT COUNT(*) FROM upvotes u WHERE u.room = e.room AND u.eid = e.eid) "
               "FROM entries e WHERE e.room = ?")
        params: list = [code]
        if qid is not None:
            sql += " AND e.qid = ?"
            params.append(qid)
        found = [{"eid": e, "qid": q, "pid": p, "text": t, "state": s, "created": c, "votes": v}
                 for e, q, p, t, s, c, v in self.rows(sql + " ORDER BY e.created", tuple(params))]
        return [x for x in found if states is None or x["state"] in states]

    def set_entry(self, code: str, eid: str, state: str) -> int:
        return self.write("UPDATE entries SET state = ? WHERE room = ? AND eid = ?", (state, code, eid))

    def delete_entry(self, code: str, eid: str) -> int:
        self.many([("DELETE FROM upvotes WHERE room = ? AND eid = ?", (code, eid))])
        return self.write("DELETE FROM entries WHERE room = ? AND eid = ?", (code, eid))

    def upvote(self, code: str, eid: str, pid: str) -> None:
        self.write("INSERT INTO upvotes (room, eid, pid) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", (code, eid, pid))

    def my_upvotes(self, code: str, pid: str) -> list[str]:
        return [r[0] for r in self.rows("SELECT eid FROM upvotes WHERE room = ? AND pid = ?", (code, pid))]
