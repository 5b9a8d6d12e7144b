"""Starts one of the book build's kernels: the command in the build's ``python3`` kernel spec
(written by :mod:`exercises.site.warm_kernels`).

It asks the build's warm process to fork a kernel, hands it this process's working folder,
environment and standard streams, and then stands in for it: the kernel manager's signals
go on to the kernel, and this process exits when the kernel does. When there is no warm
process to ask, it starts an ordinary kernel in its place.

Run as a script with the standard library only (``python -I -S kernel_launcher.py SOCKET
KERNEL-ARGS...``), so that it starts in a few milliseconds.
"""
import contextlib
import json
import os
import signal
import socket
import struct
import sys

FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2)


def main(sock_path: str, kernel_args: list[str]) -> int:
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(sock_path)
    except OSError:
        conn.close()
        os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *kernel_args])
    request = json.dumps({"argv": kernel_args, "cwd": os.getcwd(), "env": dict(os.environ)}).encode()
    socket.send_fds(conn, [struct.pack("!I", len(request))], [0, 1, 2])
    conn.sendall(request)
    reader = conn.makefile("rb")
    line = reader.readline()
    if not line.strip().isdigit():
        return 1
    pid = int(line)

    def forward(signum, frame):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signum)

    for signum in FORWARDED:
        signal.signal(signum, forward)
    while reader.read(1):  # the kernel holds the other end open until it exits
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
