"""Start, export and delete a room (``python -m exercises room``; ``make room MODULE=4``).

    course room --module 4                      # a room on this laptop only (127.0.0.1)
    course room --module 4 --lang ja            # the room in Japanese (default: COURSE_LANG, else English)
    course room --module 4 --host 0.0.0.0       # phones on the venue network can join
    course room --export CODE [--out DIR]       # the results as CSV and a one-page PDF
    course room --delete CODE                   # delete the room and all it holds
    course room --delete all                    # every room in the database

A room that has not ended is resumed when the command runs again for the same module (the
questions, answers and participants are kept; a new facilitator token is printed). A room's
language is fixed when it is created: a resumed room keeps its own (``--new`` starts a room
in another language).
"""
from __future__ import annotations

import socket
import sys
from pathlib import Path

from .. import i18n
from ..paths import BUILD_DIR, ROOM_PORT
from .store import Store

DEFAULT_DB = BUILD_DIR / "room" / "room.sqlite3"


def lan_address() -> str:
    """This laptop's address on the venue network (no packet is sent: a UDP socket is only
    connected, which picks the outgoing interface)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            return s.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def join_address(host: str, port: int) -> str:
    shown = lan_address() if host in ("0.0.0.0", "::") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/r/{{code}}/"


def start(args) -> int:
    import uvicorn

    from .server import Limits, create_app, new_code, new_token, token_hash
    store = Store(args.db or DEFAULT_DB)
    from .questions import module_folder
    folder = module_folder(args.module)
    wanted = i18n.check(args.lang) if args.lang else i18n.current()
    code = None if args.new else store.open_room_for(folder)
    token = new_token()
    if code:
        store.set_token(code, token_hash(token))
        lang = store.room(code)["lang"]
        resumed = True
    else:
        from .questions import room_questions
        lang = wanted
        folder, questions = room_questions(args.module, lang)
        code = new_code()
        store.create_room(code, folder, token_hash(token), questions, args.ask_name, lang)
        resumed = False
    join = join_address(args.host, args.port)
    limits = Limits(address=(args.address_limit, args.address_limit / 10), join=(args.join_limit, 10))
    app = create_app(store, limits, join_url=join, lang=lang)
    url = join.format(code=code)
    host_url = f"http://127.0.0.1:{args.port}/r/{code}/host#token={token}"
    print(f"{'Resumed' if resumed else 'Started'} the live room for {folder}.", flush=True)
    print(f"Language:    {lang}")
    if resumed and wanted != lang:
        print(f"The room keeps the language it was created in ({lang}); for a room in {wanted}, "
              "run it again with --new.")
    print(f"Join:        {url}")
    print(f"Facilitator: {host_url}")
    print(f"Token:       {token}")
    from .questions import left_out
    if not resumed and (missing := left_out(args.module)):
        print(f"Not polls: {', '.join(missing)} (graded, with answer keys kept out of the repository; "
              "give the keys file with KEYS=FILE or COURSE_KEYS=FILE to include them)")
    if args.host in ("127.0.0.1", "localhost", "::1"):
        print("Only this laptop can join. To let phones on the venue network join, run it again with "
              "--host 0.0.0.0 (see the facilitator guide).")
    if not args.quiet:
        try:
            import segno
            segno.make(url, error="m").terminal(compact=True)
        except (ImportError, OSError, UnicodeEncodeError):
            pass
    print("Stop with Ctrl+C; the room is kept until you delete it "
          f"(course room --delete {code}).", flush=True)
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="warning", access_log=False,
                            timeout_graceful_shutdown=1, lifespan="off",
                            limit_concurrency=2000)  # open connections (each phone keeps one)
    uvicorn.Server(config).run()
    return 0


def export(args) -> int:
    from . import results
    from .server import summary_page
    store = Store(args.db or DEFAULT_DB)
    room = store.room(args.export)
    if room is None:
        print(f"error: no room {args.export!r} in {store.url}", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else BUILD_DIR / "room"
    out.mkdir(parents=True, exist_ok=True)
    csv_path = out / f"room-{room['code']}.csv"
    csv_path.write_bytes(results.csv_bytes(room, store.questions(room["code"]), store.answers(room["code"]),
                                           store.entries(room["code"]), store.names(room["code"])))
    pdf_path = results.print_pdf(summary_page(store, room), out / f"room-{room['code']}-summary.pdf")
    print(f"wrote {csv_path} and {pdf_path}")
    return 0


def delete(args) -> int:
    store = Store(args.db or DEFAULT_DB)
    codes = store.room_codes() if args.delete == "all" else [args.delete]
    for code in codes:
        if not store.delete_room(code):
            print(f"error: no room {code!r} in {store.url}", file=sys.stderr)
            return 2
        print(f"deleted room {code} and everything in it")
    if not store.postgres:
        store.conn.execute("VACUUM")  # leave no deleted text in the file's free pages
    return 0


def add_arguments(parser) -> None:
    parser.add_argument("--module", help="the module (number, name or folder), e.g. 4")
    parser.add_argument("--host", default="127.0.0.1",
                        help="where to listen (default 127.0.0.1: this laptop only; 0.0.0.0: the venue network)")
    parser.add_argument("--port", type=int, default=ROOM_PORT, help=f"port (default {ROOM_PORT}; decks look there)")
    parser.add_argument("--db", default=None,
                        help=f"SQLite file or postgresql:// URL (default {DEFAULT_DB.relative_to(BUILD_DIR.parent)})")
    parser.add_argument("--lang", default=None,
                        help="the room's language, en or ja (default: COURSE_LANG, else en); fixed when it is created")
    parser.add_argument("--ask-name", action="store_true", help="ask participants for a name (default: anonymous)")
    parser.add_argument("--new", action="store_true", help="start a new room even if one for the module is open")
    parser.add_argument("--address-limit", type=float, default=1500, help="requests per address in a burst")
    parser.add_argument("--join-limit", type=float, default=400, help="joins per address in a burst")
    parser.add_argument("--quiet", action="store_true", help="no QR code in the terminal")
    parser.add_argument("--export", metavar="CODE", help="write the room's CSV and one-page PDF, then stop")
    parser.add_argument("--out", help="folder for --export (default _build/room)")
    parser.add_argument("--delete", metavar="CODE", help="delete the room's data (or 'all'), then stop")


def main(args) -> int:
    from ..toc import UnknownModule
    from ..yaml_data import SpecError
    try:
        return _run(args)
    except UnknownModule as err:  # the message lists the valid names
        print(f"error: {err}", file=sys.stderr)
        return 2
    except SpecError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


def _run(args) -> int:
    if args.delete:
        return delete(args)
    if args.export:
        return export(args)
    if not args.module:
        print("error: say which module's room to run, e.g. --module 4", file=sys.stderr)
        return 2
    return start(args)
