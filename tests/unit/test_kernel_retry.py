"""A page's kernel that dies before it answers (a port taken by another process between the
kernel manager's choice and the kernel's bind) is started again with new ports, a bounded
number of times (exercises/site/kernel_retry.py, installed by the book's Sphinx extension)."""
from __future__ import annotations

import atexit
import json
import sys

import nbformat
import pytest
from nbclient import NotebookClient

from exercises.site import kernel_retry

# a kernel that dies at once on its first DIES starts (counted in a file), then is ipykernel
FLAKY = """import os, sys
count_file, dies = sys.argv[1], int(sys.argv[2])
count = int(open(count_file).read()) + 1 if os.path.exists(count_file) else 1
open(count_file, "w").write(str(count))
if count <= dies:
    sys.exit(1)
os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *sys.argv[3:]])
"""


def flaky_kernel(tmp_path, monkeypatch, dies: int):
    """A kernel spec "flaky" that dies on its first ``dies`` starts; returns its count file."""
    spec = tmp_path / "kernels" / "flaky"
    spec.mkdir(parents=True)
    (tmp_path / "flaky.py").write_text(FLAKY)
    count = tmp_path / "starts"
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, str(tmp_path / "flaky.py"), str(count), str(dies), "-f", "{connection_file}"],
        "display_name": "flaky", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    kernel_retry.install()
    return count


def run(tmp_path) -> str:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print('ran')")])
    client = NotebookClient(nb, kernel_name="flaky", timeout=60, resources={"metadata": {"path": str(tmp_path)}})
    try:
        client.execute()
    finally:  # nbclient's exit hook for this client fails when its kernel never started
        atexit.unregister(client._cleanup_kernel)
    return nb.cells[0].outputs[0]["text"]


def test_a_kernel_that_dies_while_starting_is_started_again(tmp_path, monkeypatch):
    count = flaky_kernel(tmp_path, monkeypatch, dies=1)
    assert run(tmp_path) == "ran\n"
    assert count.read_text() == "2"


def test_a_kernel_that_keeps_dying_fails_the_page_after_the_last_attempt(tmp_path, monkeypatch):
    count = flaky_kernel(tmp_path, monkeypatch, dies=99)
    with pytest.raises(RuntimeError, match=kernel_retry.DIED_STARTING):
        run(tmp_path)
    assert count.read_text() == str(kernel_retry.ATTEMPTS)


def test_installing_twice_wraps_once():
    kernel_retry.install()
    first = NotebookClient.async_start_new_kernel_client
    kernel_retry.install()
    assert NotebookClient.async_start_new_kernel_client is first
