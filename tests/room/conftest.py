"""The live room's tests: real servers (``python -m exercises room`` in a subprocess on
127.0.0.1 and a free port), driven over HTTP and in headless Chromium with every request
off this machine blocked and recorded.

A room's questions are built once per session (reading the banks and the module's pages
takes a few seconds); each test gets its own database holding one room, which the server
resumes, so a server starts in about a second.
"""
from __future__ import annotations

import pytest
from room_helpers import RoomServer, new_room

from exercises.kit.browser import is_local
from exercises.room.questions import room_questions


@pytest.fixture(scope="session")
def module9():
    return room_questions("9")


@pytest.fixture(scope="session")
def module4():
    return room_questions("4")


@pytest.fixture
def room_server(tmp_path, module9):
    """A running room for module 9 (stopped after the test); ``questions=`` another
    module's (folder, questions)."""
    servers = []

    def _start(*extra: str, ask_name: bool = False, questions=None) -> RoomServer:
        db = tmp_path / f"room{len(servers)}.sqlite3"
        new_room(db, questions or module9, ask_name)
        server = RoomServer(db, (questions or module9)[0], *extra).start()
        servers.append(server)
        return server

    yield _start
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def shared_room(tmp_path_factory, module9):
    """One running room for a test module's tests (``*extra`` arguments: none)."""
    db = tmp_path_factory.mktemp("shared-room") / "room.sqlite3"
    new_room(db, module9)
    server = RoomServer(db, "9", "--address-limit", "400", "--join-limit", "20").start()
    yield server
    server.stop()


@pytest.fixture
def new_page(browser):
    """new_page(url) -> (page, offsite, errors): a fresh context (a phone), every request
    off 127.0.0.1 blocked and recorded, console errors (CSP violations too) recorded."""
    contexts = []

    def _open(url: str, **context_args):
        context = browser.new_context(**context_args)
        contexts.append(context)
        offsite, errors = [], []

        def route(r):
            if is_local(r.request.url):
                r.continue_()
            else:
                offsite.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        return page, offsite, errors

    yield _open
    for context in contexts:
        context.close()
