"""The book build's kernels (exercises/site/warm_kernels.py): each page runs in a new process
forked from the warm one, in its own folder, environment and namespace; a kernel that takes
too long is interrupted through its launcher; a kernel asked to shut down finishes its reply
before it closes its channels, and ends by itself; with no warm process an ordinary kernel
runs; and nothing is left running afterwards."""
from __future__ import annotations

import os
import time

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError

from exercises.site.warm_kernels import _WarmKernels

PROBE = """import os, sys
print(os.getcwd(), os.environ.get("COURSE_PROBE"), os.getppid(), "exercises" in sys.modules,
      "seen" in globals())
seen = True"""


def run(code: str, folder, timeout: int = 60) -> str:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    NotebookClient(nb, kernel_name="python3", timeout=timeout, resources={"metadata": {"path": str(folder)}}).execute()
    return "".join(o.get("text", "") for o in nb.cells[0].outputs)


@pytest.fixture
def warm():
    kernels = _WarmKernels()
    yield kernels
    kernels.stop()


def test_each_page_runs_in_a_fork_of_the_warm_process_with_its_own_folder_and_namespace(warm, tmp_path, monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    monkeypatch.setenv("COURSE_PROBE", "one")
    cwd, probe, parent, preloaded, seen = run(PROBE, first).split()
    assert (cwd, probe, int(parent), preloaded, seen) == (str(first), "one", warm.process.pid, "True", "False")
    monkeypatch.setenv("COURSE_PROBE", "two")
    cwd, probe, parent, _, seen = run(PROBE, second).split()
    assert (cwd, probe, int(parent), seen) == (str(second), "two", warm.process.pid, "False")


def test_a_cell_that_runs_too_long_is_interrupted_through_the_launcher(warm, tmp_path):
    started = time.monotonic()
    with pytest.raises(CellTimeoutError):
        run("import time\ntime.sleep(60)", tmp_path, timeout=3)
    assert time.monotonic() - started < 30


# run in the kernel: the control thread's flush after its shutdown reply made slow, and a probe
# that runs first among the exit functions (they run last registered first), before the
# kernel's own closes IOPub, to record whether the control thread is still at work
SLOW_CONTROL = """import atexit, sys, threading, time
def slow_flush(flush=sys.stdout.flush, threading=threading, time=time):  # the namespace is gone by then
    if threading.current_thread().name == "Control":
        time.sleep(0.5)
    flush()
sys.stdout.flush = slow_flush
_ = atexit.register(lambda threading=threading: open({probe!r}, "w").write(
    str(any(t.name == "Control" and t.is_alive() for t in threading.enumerate()))))"""


def test_a_kernel_asked_to_shut_down_finishes_its_reply_and_ends_by_itself(warm, tmp_path):
    """The kernel ends only after its control thread has replied (and flushed its output
    through IOPub). Cut off, the flush waited out its timeout until the kernel manager
    terminated the kernel: a page took 3 to 5 s more, in about one kernel in 25."""
    from jupyter_client.manager import KernelManager, _ShutdownStatus
    probe = tmp_path / "control-alive-at-exit"
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(cwd=str(tmp_path))
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        reply = client.execute_interactive(SLOW_CONTROL.format(probe=str(probe)), timeout=30)
        assert reply["content"]["status"] == "ok"
    finally:
        client.stop_channels()
        manager.shutdown_kernel()
    assert probe.read_text() == "False"  # the control thread had finished before the exit
    assert manager._shutdown_status == _ShutdownStatus.ShutdownRequest  # not terminated


def test_without_the_warm_process_an_ordinary_kernel_runs(warm, tmp_path):
    warm.process.terminate()
    warm.process.wait(10)
    _, _, parent, preloaded, _ = run(PROBE, tmp_path).split()
    assert int(parent) != warm.process.pid and preloaded == "False"


def test_the_build_leaves_nothing_running_and_restores_the_kernel_path(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", "/somewhere")
    kernels = _WarmKernels()
    assert os.environ["JUPYTER_PATH"].split(os.pathsep) == [str(kernels.folder), "/somewhere"]
    kernel_pid = int(run("import os\nprint(os.getpid())", tmp_path))
    kernels.stop()
    assert kernels.process.poll() is not None and not kernels.folder.exists()
    assert os.environ["JUPYTER_PATH"] == "/somewhere"
    with pytest.raises(ProcessLookupError):
        os.kill(kernel_pid, 0)
