"""Binder's environment, built exactly as ``binder/requirements.txt`` says, in a fresh
virtual environment (not editable, not this checkout's .venv), runs an executable page:
the installed package finds the course's data from the page's own folder."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "book" / "modules" / "04-responsibility-to-protect" / "r2p-data.md"

RUN_PAGE = """
import sys, jupytext, nbclient
nb = jupytext.read(sys.argv[1])
nbclient.NotebookClient(nb, kernel_name="python3", timeout=300,
                        resources={"metadata": {"path": sys.argv[2]}}).execute()
outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
assert not [o for o in outputs if o.output_type == "error"], outputs
print("widgets:", sum("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs))
"""


def test_binder_environment_runs_a_page(tmp_path):
    venv = tmp_path / "binder-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "COURSE_ROOT")}
    # --no-compile: the same packages, without writing every module's bytecode ahead of use
    # (half the install's CPU); Python compiles what the page imports as it imports it
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-compile", "-r", "binder/requirements.txt"],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, install.stderr[-3000:]
    where = subprocess.run([str(python), "-c", "import exercises; print(exercises.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout
    assert str(venv) in where, "the package must come from Binder's environment, not this checkout"
    kernel = subprocess.run([str(python), "-m", "ipykernel", "install", "--prefix", str(venv), "--name", "python3"],
                            env=env, capture_output=True, text=True)
    assert kernel.returncode == 0, kernel.stderr
    run = subprocess.run([str(python), "-c", RUN_PAGE, str(PAGE), str(PAGE.parent)], cwd=PAGE.parent,
                         env={**env, "JUPYTER_PATH": str(venv / "share" / "jupyter"), "PATH": f"{venv / 'bin'}:{env['PATH']}"},
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "widgets: 0" not in run.stdout
