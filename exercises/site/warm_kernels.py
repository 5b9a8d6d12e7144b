"""The book's pages run in kernels forked from a warm process.

myst-nb runs each executable page in a new kernel. Starting one costs more than most pages
take to run: a new Python imports the kernel, the widgets, pandas and the course's package
(about a second of CPU for each of the 68 pages, in every edition built). So while the book
builds, one process, started here, imports those once and waits. Each page's kernel is
forked from it: a new process with its own empty namespace, working folder and environment,
as if started afresh, but with the imports already done. Nothing else is loaded before the
fork: no bank, dataset or page code, so every page still starts from the files as they are.

How the build's kernels reach it: for the length of the build, ``JUPYTER_PATH`` leads to a
``python3`` kernel spec whose command is :mod:`exercises.site.kernel_launcher`. That small
script asks this process (over a Unix socket in a private temporary folder, opened by the
build before this process starts, so that no launcher finds it missing) to fork a kernel,
and stands in for it towards the kernel manager. When the warm process is not there, the
launcher starts an ordinary kernel instead.
"""
from __future__ import annotations

import atexit
import contextlib
import importlib
import json
import os
import random
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import traceback
import warnings
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

LAUNCHER = Path(__file__).with_name("kernel_launcher.py")
# what the pages' kernels import; importing them starts no thread that a fork would lose
PRELOAD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipywidgets", "anywidget",
           "pandas", "altair", "exercises", "exercises.site.figures")
logger = logging.getLogger(__name__)


# --------------------------------------------------------------------------- the warm process

def serve(listening_fd: int) -> None:
    """Import the kernels' modules once, then fork a kernel for each launcher that asks on the
    socket the build opened (launchers that connect meanwhile wait), until the build is gone
    or ends this process."""
    builder = os.getppid()
    server = socket.socket(fileno=listening_fd)
    for name in PRELOAD:
        with contextlib.suppress(Exception):  # a kernel imports what it needs itself
            importlib.import_module(name)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernels are reaped as they exit
    warnings.filterwarnings("ignore", message=".*fork.*", category=DeprecationWarning)
    server.settimeout(1.0)
    while os.getppid() == builder:
        try:
            conn, _ = server.accept()
        except TimeoutError:
            continue
        conn.settimeout(None)
        try:
            request, fds = _receive(conn)
        except (OSError, ValueError):
            conn.close()
            continue
        if os.fork() == 0:
            server.close()
            _run_kernel(conn, request, fds)
        conn.close()
        for fd in fds:
            os.close(fd)


def _receive(conn: socket.socket) -> tuple[dict, list[int]]:
    """A launcher's request: its standard streams, then the kernel's arguments, working folder
    and environment (JSON)."""
    header, fds, _, _ = socket.recv_fds(conn, 4, 3)
    if len(header) != 4 or len(fds) != 3:
        for fd in fds:
            os.close(fd)
        raise ValueError("a launcher's request is incomplete")
    (size,) = struct.unpack("!I", header)
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise ValueError("a launcher's request is incomplete")
        data += chunk
    return json.loads(data), fds


def _exit_with_launcher(conn: socket.socket) -> None:
    """The kernel ends when its launcher does (killed by the kernel manager, say)."""
    while conn.recv(1):
        pass
    os._exit(1)


def _let_control_finish(app) -> None:
    """After a shutdown request, wait until the kernel's control thread has finished its
    reply before the exit functions close the kernel's channels. Its last step flushes output
    through the IOPub thread: cut off, it waits out the flush's timeout (10 s) until the
    kernel manager terminates the kernel (here a page then took 3 to 5 s more, in about one
    kernel in 25). The shutdown request also stops the control thread's loop, so it ends."""
    control = getattr(app, "control_thread", None)
    if control is not None and control.is_alive():
        control.join(timeout=5)


def _run_kernel(conn: socket.socket, request: dict, fds: list[int]) -> None:
    """In the forked child: become the kernel the launcher asked for; never returns."""
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        for target, fd in zip((0, 1, 2), fds, strict=True):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.path[0] = request["cwd"]  # as for `python -m ipykernel_launcher` run there
        argv = list(request["argv"])
        if request["env"].get("JPY_PARENT_PID"):  # ipykernel read its default on import, here too early
            argv.append(f"--IPKernelApp.parent_handle={request['env']['JPY_PARENT_PID']}")
        sys.argv = ["ipykernel_launcher", *argv]
        random.seed()
        conn.sendall(f"{os.getpid()}\n".encode())
        threading.Thread(target=_exit_with_launcher, args=(conn,), daemon=True).start()
        from ipykernel.kernelapp import IPKernelApp
        IPKernelApp.launch_instance(argv=argv)
        _let_control_finish(IPKernelApp.instance())
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:  # reported on the kernel's stderr; then the child ends
        traceback.print_exc()
    finally:
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)


# --------------------------------------------------------------------------- the build's side

class _WarmKernels:
    """The warm process and the kernel spec that leads to it, for one build."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="course-kernels-"))
        self.socket = self.folder / "warm.sock"
        spec = self.folder / "kernels" / "python3"
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-I", "-S", str(LAUNCHER), str(self.socket), "-f", "{connection_file}"],
            "display_name": "Python 3", "language": "python", "metadata": {"debugger": False}}))
        self.jupyter_path = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(self.folder), self.jupyter_path]))
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
            server.bind(str(self.socket))
            server.listen(64)
            self.process = subprocess.Popen([sys.executable, "-m", __name__, str(server.fileno())],
                                            stdin=subprocess.DEVNULL, pass_fds=[server.fileno()])
        atexit.register(self.stop)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.jupyter_path is None:
            os.environ.pop("JUPYTER_PATH", None)
        else:
            os.environ["JUPYTER_PATH"] = self.jupyter_path
        shutil.rmtree(self.folder, ignore_errors=True)


def start(app: Sphinx, env, docnames: list[str]) -> None:
    """env-before-read-docs: when the build reads pages and may run them, start the warm
    process (it imports while Sphinx reads the first pages)."""
    mode = getattr(app.config, "nb_execution_mode", "off")
    if docnames and mode != "off" and os.name == "posix" and not hasattr(app, "_course_warm_kernels"):
        app._course_warm_kernels = _WarmKernels()


def stop(app: Sphinx, *args) -> None:
    """env-updated (every page read) or build-finished: end the warm process and remove its
    kernel spec."""
    warm = getattr(app, "_course_warm_kernels", None)
    if warm is not None:
        warm.stop()
        del app._course_warm_kernels


def setup(app: Sphinx) -> None:
    app.connect("env-before-read-docs", start)
    app.connect("env-updated", stop)
    app.connect("build-finished", stop)


if __name__ == "__main__":
    serve(int(sys.argv[1]))
