"""The room's web app (Starlette, served by uvicorn).

Participants: ``/r/<code>/`` (the page), ``/r/<code>/api/...`` (join, state, answer, entry,
upvote) and ``/r/<code>/api/events`` (Server-Sent Events: a version number whenever
something changes; the page then fetches its state, and reconnects by itself).

Facilitator: ``/r/<code>/host`` (the page) and ``/r/<code>/api/host/...``: every call needs
the room's token in the ``X-Room-Token`` header and passes a same-origin check.

Decks: ``/deck/<bank>/<exercise>.svg`` gives a question's results to a slide on the same
laptop (loopback only), once the facilitator has revealed them.

Limits: request bodies over :data:`MAX_BODY` bytes are refused (413); every API call counts
against its address's rate limit, every participant action against the participant's.
Nothing here logs what participants send.

Language: a room's language is stored with it (``rooms.lang``, fixed when it was created);
its pages (``<html lang>``), their JavaScript's strings (``/messages/<lang>.js``: the program's
``room.*`` strings and ``t()``, :func:`exercises.i18n.browser_script`), the error messages its
participants and facilitator see, its charts and exports are in that language. What belongs
to no room (the home page, an unknown room) is in the server's language (``lang``).
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import secrets
import tempfile
from html import escape
import time
from dataclasses import dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import i18n
from . import questions as Q
from . import results
from .store import Store

STATIC = Path(__file__).resolve().parent / "static"
MAX_BODY = 8 * 1024
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_code() -> str:
    return secrets.token_urlsafe(9)  # 72 random bits


def new_token() -> str:
    return secrets.token_urlsafe(24)


@dataclass
class Limits:
    """Token buckets: (burst, refill per second)."""
    address: tuple[float, float] = (1500, 150)
    join: tuple[float, float] = (400, 10)
    participant: tuple[float, float] = (15, 1)


class Bucket:
    def __init__(self, burst: float, rate: float):
        self.burst, self.rate = burst, rate
        self.state: dict[str, tuple[float, float]] = {}

    def take(self, key: str) -> bool:
        now = time.monotonic()
        tokens, last = self.state.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens < 1:
            self.state[key] = (tokens, now)
            return False
        self.state[key] = (tokens - 1, now)
        if len(self.state) > 50000:  # forget the oldest keys
            for k in list(self.state)[:10000]:
                del self.state[k]
        return True


@dataclass
class Hub:
    """Change notification for the event streams: ``room`` changes (questions, moderation,
    revealed results) reach everyone; ``answers`` changes reach the facilitator only."""
    room: int = 0
    answers: int = 0
    changed: asyncio.Event = field(default_factory=asyncio.Event)        # anything (the facilitator)
    room_changed: asyncio.Event = field(default_factory=asyncio.Event)   # what participants see
    pending: bool = False

    def bump(self, answers_only: bool = False):
        if answers_only:
            self.answers += 1
        else:
            self.room += 1
            event, self.room_changed = self.room_changed, asyncio.Event()
            event.set()
        event, self.changed = self.changed, asyncio.Event()
        event.set()

    def bump_soon(self, delay: float = 1.0):
        """A room change at most once per ``delay`` (live results of a revealed question)."""
        if self.pending:
            return
        self.pending = True

        def fire():
            self.pending = False
            self.bump()
        asyncio.get_running_loop().call_later(delay, fire)


class Refused(Exception):
    """An HTTP error shown to a person: ``key``, a program string with its ``values``."""

    def __init__(self, status: int, key: str, **values):
        super().__init__(i18n.message(key, i18n.SOURCE_LANGUAGE, **values))
        self.status, self.key, self.values = status, key, values

    def text(self, lang: str) -> str:
        return i18n.message(self.key, lang, **self.values)


def refused_answer(err: Q.AnswerError) -> Refused:
    return Refused(422, err.key, **err.values)


def _json(data, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers={"Cache-Control": "no-store"})


class Room:
    """The app's state: the store, the change hub, the limits."""

    def __init__(self, store: Store, limits: Limits | None = None, join_url: str | None = None,
                 lang: str = i18n.SOURCE_LANGUAGE):
        self.store = store
        self.lang = i18n.check(lang)
        self.limits = limits or Limits()
        self.by_address = Bucket(*self.limits.address)
        self.joins = Bucket(*self.limits.join)
        self.by_participant = Bucket(*self.limits.participant)
        self.hub = Hub()
        self.join_url = join_url
        self.known: set[tuple[str, str]] = set()
        self.rooms: dict[str, dict] = {}
        self.questions: dict[str, list[dict]] = {}

    # --- cached reads (the store is the truth; these are refreshed on every change) -----------

    def room(self, code: str) -> dict:
        if code not in self.rooms:
            room = self.store.room(code) if len(code) < 40 else None
            if room is None:
                raise Refused(404, "room.error.no_room")
            self.rooms[code] = room
        return self.rooms[code]

    def live_room(self, code: str) -> dict:
        room = self.room(code)
        if room["ended"]:
            raise Refused(410, "room.error.ended")
        return room

    def qs(self, code: str) -> list[dict]:
        if code not in self.questions:
            self.questions[code] = self.store.questions(code)
        return self.questions[code]

    def question(self, code: str, qid) -> dict:
        q = next((q for q in self.qs(code) if q["qid"] == qid), None)
        if q is None:
            raise Refused(404, "room.error.no_question")
        return q

    def lang_of(self, code: str) -> str:
        """The room's language, or the server's for an address that names no room."""
        try:
            return self.room(code)["lang"]
        except Refused:
            return self.lang

    def changed(self, code: str):
        self.questions.pop(code, None)
        self.rooms.pop(code, None)
        self.hub.bump()

    # --- checks ---------------------------------------------------------------------------------

    def participant(self, request: Request, code: str) -> str:
        pid = request.headers.get("x-participant", "")
        if not (0 < len(pid) <= 64):
            raise Refused(401, "room.error.join_first")
        if (code, pid) not in self.known:
            if not self.store.has_participant(code, pid):
                raise Refused(401, "room.error.join_first")
            self.known.add((code, pid))
        if not self.by_participant.take(f"{code}/{pid}"):
            raise Refused(429, "room.error.too_many_answers")
        return pid

    def facilitator(self, request: Request, code: str) -> dict:
        room = self.room(code)
        token = request.headers.get("x-room-token", "")
        if not token or not hmac.compare_digest(token_hash(token), room["token_hash"]):
            raise Refused(403, "room.error.token")
        same_origin(request)
        return room


def same_origin(request: Request) -> None:
    """A facilitator action must come from the room's own pages: a browser's Origin (always
    sent with a POST) must be this server, and a cross-site fetch is refused."""
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    origin = request.headers.get("origin")
    if request.method != "GET" and origin is None:
        raise Refused(403, "room.error.no_origin")
    if origin is not None and origin != own:
        raise Refused(403, "room.error.wrong_origin")
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        raise Refused(403, "room.error.cross_site")


async def read_json(request: Request) -> dict:
    if int(request.headers.get("content-length") or 0) > MAX_BODY:
        raise Refused(413, "room.error.too_long")
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise Refused(415, "room.error.send_json")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise Refused(413, "room.error.too_long")
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # (UnicodeDecodeError is a ValueError)
        raise Refused(400, "room.error.malformed_json") from None
    if not isinstance(data, dict):
        raise Refused(400, "room.error.json_object")
    return data


def client_address(request: Request) -> str:
    return request.client.host if request.client else "?"


def page(lang: str, title_key: str, body: str, script: str) -> HTMLResponse:
    """A page in ``lang``: its title (a program string), ``body`` (markup made here from
    program strings) and its script, after the strings' script and common.js."""
    return HTMLResponse(
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(i18n.message(title_key, lang))}</title><link rel='stylesheet' href='/static/room.css'></head>"
        f"<body>{body}<script src='/messages/{lang}.js'></script>"
        f"<script src='/static/common.js'></script><script src='/static/{script}'></script>"
        f"</body></html>",
        headers={"Cache-Control": "no-store"})


def _p(key: str, lang: str) -> str:
    return escape(i18n.message(key, lang))


def create_app(store: Store, limits: Limits | None = None, join_url: str | None = None,
               lang: str = i18n.SOURCE_LANGUAGE) -> Starlette:
    """The app; ``lang``: the language of what belongs to no room (a room has its own)."""
    room_state = Room(store, limits, join_url, lang)

    def endpoint(fn):
        async def wrapped(request: Request):
            code = request.path_params.get("code", "")
            if ("/api/" in request.url.path and not request.headers.get("x-room-token")
                    and not room_state.by_address.take(client_address(request))):
                return _json({"error": i18n.message("room.error.address_limit", room_state.lang_of(code))}, 429)
            try:
                return await fn(request, code)
            except Refused as err:
                return _json({"error": err.text(room_state.lang_of(code))}, err.status)
        return wrapped

    # --- pages ---------------------------------------------------------------------------------

    async def home(request):
        lang = room_state.lang
        return page(lang, "room.title", f"<main><h1>{_p('room.title', lang)}</h1><p>{_p('room.home_text', lang)}"
                    "</p></main>", "room.js")

    async def participant_page(request, code):
        lang = room_state.room(code)["lang"]
        return page(lang, "room.title", f"<main id='room' aria-live='polite'><h1>{_p('room.title', lang)}</h1>"
                    f"<p>{_p('room.loading_needs_js', lang)}</p></main>", "room.js")

    async def host_page(request, code):
        lang = room_state.room(code)["lang"]
        return page(lang, "room.host_title", f"<main id='host'><h1>{_p('room.facilitator', lang)}</h1>"
                    f"<p>{_p('room.loading', lang)}</p></main>", "host.js")

    async def strings(request):
        """The room's strings for the pages' JavaScript, in one of the course's languages."""
        lang = request.path_params["lang"]
        if lang not in i18n.LANGUAGES:
            return Response("", status_code=404)
        return Response(i18n.browser_script(lang, ("room.",)), media_type="text/javascript; charset=utf-8",
                        headers={"Cache-Control": "no-cache"})

    async def qr(request, code):
        lang = room_state.room(code)["lang"]
        import segno
        url = room_state.join_url.format(code=code) if room_state.join_url else f"{request.base_url}r/{code}/"
        buf = __import__("io").BytesIO()
        segno.make(url, error="m").save(buf, kind="svg", scale=8, border=2, xmldecl=False,
                                        title=i18n.message("room.qr_title", lang))
        return Response(buf.getvalue(), media_type="image/svg+xml", headers={"Cache-Control": "no-store"})

    # --- participants ------------------------------------------------------------------------------

    async def join(request, code):
        room = room_state.live_room(code)
        data = await read_json(request)
        old = request.headers.get("x-participant", "")
        if old and len(old) <= 64 and store.has_participant(code, old):
            return _json({"pid": old})
        if not room_state.joins.take(client_address(request)):
            raise Refused(429, "room.error.join_limit")
        name = None
        if room["ask_name"]:
            try:
                name = Q.clean_text(data.get("name", "") or i18n.message("room.anonymous", room["lang"]), Q.MAX_NAME)
            except Q.AnswerError as err:
                raise refused_answer(err) from None
        pid = secrets.token_urlsafe(16)
        await run_in_threadpool(store.add_participant, code, pid, name)
        room_state.known.add((code, pid))
        room_state.hub.bump(answers_only=True)
        return _json({"pid": pid})

    async def state(request, code):
        room = room_state.room(code)
        pid = request.headers.get("x-participant", "")
        known = bool(pid) and ((code, pid) in room_state.known or store.has_participant(code, pid))
        mine = store.my_answers(code, pid) if known else []
        shown = []
        for q in room_state.qs(code):
            if q["state"] == "ready":
                continue
            item = Q.public(q)
            if q["kind"] in Q.TEXT_KINDS:
                entries = store.entries(code, q["qid"], ("shown",))
                item["entries"] = sorted(({"eid": e["eid"], "text": e["text"], "votes": e["votes"]}
                                          for e in entries), key=lambda e: -e["votes"])
            elif q["revealed"]:
                item["svg"] = results.summary(q, store.answers(code, q["qid"]), [], room["lang"])["svg"]
            shown.append(item)
        return _json({"code": code, "ended": bool(room["ended"]), "ask_name": room["ask_name"],
                      "questions": shown, "mine": mine,
                      "upvoted": store.my_upvotes(code, pid) if known else [], "version": room_state.hub.room})

    async def answer(request, code):
        room = room_state.live_room(code)
        pid = room_state.participant(request, code)
        data = await read_json(request)
        q = room_state.question(code, data.get("qid"))
        if q["state"] != "open":
            raise Refused(409, "room.error.not_open")
        round_ = len(q["path"]) if q["kind"] == "simulation" else 0
        if q["kind"] == "simulation" and data.get("round", round_) != round_:
            raise Refused(409, "room.error.round_over")
        try:
            with i18n.language(room["lang"]):  # the checker's reasons in the room's language (no await here)
                value = Q.validate(q, data.get("value"))
        except Q.AnswerError as err:
            raise refused_answer(err) from None
        await run_in_threadpool(store.save_answer, code, q["qid"], round_, pid, value)
        room_state.hub.bump(answers_only=True)
        if q["revealed"]:
            room_state.hub.bump_soon()
        return _json({"ok": True, "qid": q["qid"], "round": round_})

    async def entry(request, code):
        room_state.live_room(code)
        pid = room_state.participant(request, code)
        data = await read_json(request)
        q = room_state.question(code, data.get("qid"))
        if q["kind"] not in Q.TEXT_KINDS:
            raise Refused(422, "room.error.no_text")
        if q["state"] != "open":
            raise Refused(409, "room.error.not_open")
        try:
            text = Q.clean_text(data.get("text"))
        except Q.AnswerError as err:
            raise refused_answer(err) from None
        if store.entry_count(code, q["qid"], pid) >= Q.MAX_ENTRIES:
            raise Refused(429, "room.error.max_entries", n=Q.MAX_ENTRIES)
        eid = secrets.token_urlsafe(8)
        await run_in_threadpool(store.add_entry, code, eid, q["qid"], pid, text)
        room_state.hub.bump(answers_only=True)
        return _json({"ok": True, "eid": eid})

    async def upvote(request, code):
        room_state.live_room(code)
        pid = room_state.participant(request, code)
        data = await read_json(request)
        eid = data.get("eid")
        if not isinstance(eid, str) or not any(e["eid"] == eid for e in store.entries(code, None, ("shown",))):
            raise Refused(404, "room.error.no_entry")
        await run_in_threadpool(store.upvote, code, eid, pid)
        room_state.hub.bump()
        return _json({"ok": True})

    async def events(request, code):
        room_state.room(code)
        host = request.query_params.get("host") == "1"

        async def stream():
            yield "retry: 1000\n\n"
            last = None
            while True:
                event = room_state.hub.changed if host else room_state.hub.room_changed
                now = (room_state.hub.room, room_state.hub.answers if host else 0)
                if now != last:
                    last = now
                    yield f"data: {json.dumps({'room': now[0], 'answers': now[1]})}\n\n"
                try:
                    await asyncio.wait_for(event.wait(), timeout=15)
                except TimeoutError:
                    yield ": keep-alive\n\n"
                await asyncio.sleep(0.25 if host else 0.1)  # coalesce bursts

        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

    # --- facilitator ---------------------------------------------------------------------------------

    async def host_state(request, code):
        room = room_state.facilitator(request, code)
        out = []
        for q in room_state.qs(code):
            item = Q.public({**q, "revealed": True})
            item["revealed"] = q["revealed"]
            answers = store.answers(code, q["qid"]) if q["kind"] not in Q.TEXT_KINDS else []
            entries = store.entries(code, q["qid"]) if q["kind"] in Q.TEXT_KINDS else []
            if q["state"] != "ready":
                item["results"] = results.summary({**q, "revealed": True}, answers, entries, room["lang"])
            if q["kind"] in Q.TEXT_KINDS:
                item["entries"] = [{k: e[k] for k in ("eid", "text", "state", "votes")} for e in
                                   sorted(entries, key=lambda e: (e["state"] != "pending", -e["votes"]))]
            out.append(item)
        join_url = room_state.join_url.format(code=code) if room_state.join_url else f"{request.base_url}r/{code}/"
        return _json({"code": code, "module": room["module"], "ended": bool(room["ended"]), "join_url": join_url,
                      "participants": store.participant_count(code), "questions": out})

    async def host_question(request, code):
        room = room_state.facilitator(request, code)
        if room["ended"]:
            raise Refused(410, "room.error.host_ended")
        data = await read_json(request)
        q = room_state.question(code, data.get("qid"))
        action = data.get("action")
        if action == "open":
            store.set_question(code, q["qid"], state="open")
        elif action == "close":
            store.set_question(code, q["qid"], state="closed")
        elif action in ("reveal", "hide"):
            store.set_question(code, q["qid"], revealed=action == "reveal")
        elif action == "commit" and q["kind"] == "simulation":
            node = Q.current_node(q)
            choice = data.get("choice")
            if not isinstance(choice, int) or isinstance(choice, bool) or not 0 <= choice < len(node["next"]):
                raise Refused(422, "room.error.commit_choice")
            store.set_question(code, q["qid"], path=[*q["path"], choice])
        elif action == "restart" and q["kind"] == "simulation":
            store.set_question(code, q["qid"], path=[])
        else:
            raise Refused(422, "room.error.unknown_action")
        room_state.changed(code)
        return _json({"ok": True})

    async def host_entry(request, code):
        room_state.facilitator(request, code)
        data = await read_json(request)
        eid, action = data.get("eid"), data.get("action")
        if not isinstance(eid, str):
            raise Refused(422, "room.error.which_entry")
        if action in ("show", "hide"):
            done = store.set_entry(code, eid, "shown" if action == "show" else "hidden")
        elif action == "delete":
            done = store.delete_entry(code, eid)
        else:
            raise Refused(422, "room.error.unknown_action")
        if not done:
            raise Refused(404, "room.error.no_entry")
        room_state.changed(code)
        return _json({"ok": True})

    async def host_end(request, code):
        room_state.facilitator(request, code)
        await read_json(request)
        store.end_room(code)
        room_state.changed(code)
        return _json({"ok": True})

    async def host_delete(request, code):
        room_state.facilitator(request, code)
        await read_json(request)
        store.delete_room(code)
        room_state.known = {k for k in room_state.known if k[0] != code}
        room_state.changed(code)
        return _json({"ok": True, "deleted": code})

    async def host_csv(request, code):
        room = room_state.facilitator(request, code)
        text = results.csv_bytes(room, room_state.qs(code), store.answers(code), store.entries(code),
                                 store.names(code))
        return Response(text, media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": f'attachment; filename="room-{code}.csv"', "Cache-Control": "no-store"})

    async def host_pdf(request, code):
        room = room_state.facilitator(request, code)
        page_html = summary_page(store, room)
        with tempfile.TemporaryDirectory() as tmp:
            out = await run_in_threadpool(results.print_pdf, page_html, Path(tmp) / "summary.pdf")
            data = out.read_bytes()
        return Response(data, media_type="application/pdf", headers={
            "Content-Disposition": f'attachment; filename="room-{code}-summary.pdf"', "Cache-Control": "no-store"})

    # --- decks --------------------------------------------------------------------------------------

    async def deck(request):
        if client_address(request) not in LOOPBACK:
            return Response(i18n.message("room.error.deck_local", room_state.lang), status_code=403)
        qid = f"{request.path_params['bank']}/{request.path_params['exercise']}"
        for code in reversed(store.room_codes()):
            room = room_state.room(code)
            if room["ended"]:
                continue
            q = next((q for q in room_state.qs(code) if q["qid"] == qid), None)
            if q is None:
                continue
            answers = store.answers(code, qid)
            if q["revealed"] and q["kind"] not in Q.TEXT_KINDS:
                svg = results.summary(q, answers, [], room["lang"])["svg"]
            else:
                svg = results.bars_svg([], [], total=len(answers), lang=room["lang"],
                                       title=i18n.message("room.chart.not_revealed", room["lang"], title=q["title"]))
            return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "no-store"})
        return Response(i18n.message("room.error.deck_none", room_state.lang), status_code=404)

    def r(path, fn, methods=("GET",)):
        return Route("/r/{code}" + path, endpoint(fn), methods=list(methods))

    routes = [
        Route("/", home), Route("/messages/{lang}.js", strings),
        r("/", participant_page), r("/host", host_page), r("/qr.svg", qr),
        r("/api/join", join, ["POST"]), r("/api/state", state), r("/api/answer", answer, ["POST"]),
        r("/api/entry", entry, ["POST"]), r("/api/upvote", upvote, ["POST"]), r("/api/events", events),
        r("/api/host/state", host_state), r("/api/host/question", host_question, ["POST"]),
        r("/api/host/entry", host_entry, ["POST"]), r("/api/host/end", host_end, ["POST"]),
        r("/api/host/delete", host_delete, ["POST"]), r("/api/host/results.csv", host_csv),
        r("/api/host/summary.pdf", host_pdf),
        Route("/deck/{bank}/{exercise}.svg", deck),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, middleware=[])
    app.state.room = room_state
    return SecurityHeaders(app, room_state.lang)


def summary_page(store: Store, room: dict) -> str:
    code = room["code"]
    return results.summary_html(room, store.questions(code), lambda qid: store.answers(code, qid),
                                lambda qid: store.entries(code, qid), store.participant_count(code))


class SecurityHeaders:
    """ASGI middleware: a body-size limit before the app reads anything, and the pages'
    security headers (CSP: only this server's own scripts, styles and images)."""

    def __init__(self, app, lang: str = i18n.SOURCE_LANGUAGE):
        self.app = app
        self.state = app.state
        self.lang = lang

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            response = JSONResponse({"error": i18n.message("room.error.too_long", self.lang)}, status_code=413)
            return await response(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                extra = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                         (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
                if scope["path"].startswith("/deck/"):  # a slide on this laptop shows the chart
                    extra = [(b"x-content-type-options", b"nosniff"), (b"cross-origin-resource-policy",
                                                                      b"cross-origin")]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)
