"""Real PyTorch programs (tutorials, pytorch/examples, d2l.ai) run on minigrad with only the
imports changed: ``import torch`` becomes ``import minigrad as torch``, and so on.

Each program in ``tests/pytorch_programs/`` is a PyTorch program, with its dataset download
replaced by random data. The test rewrites its import lines and nothing else, runs it in a
fresh directory, and requires it to finish; the programs check their own results (a loss that
falls, an update that took effect). With PyTorch installed, the untouched program runs too,
so a program here is known to be valid PyTorch.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PROGRAMS = sorted((Path(__file__).parent / "pytorch_programs").glob("*.py"))


def port(source: str) -> str:
    """The program with minigrad in place of torch, in its import lines only."""
    def rewrite(line: str) -> str:
        if re.match(r"\s*import torch\s*$", line):
            return line.replace("import torch", "import minigrad as torch")
        if re.match(r"\s*(import|from) torch\b", line):
            return re.sub(r"\btorch\b", "minigrad", line)
        return line
    return "\n".join(rewrite(line) for line in source.splitlines()) + "\n"


def run(source: str, tmp_path: Path) -> subprocess.CompletedProcess:
    script = tmp_path / "program.py"
    script.write_text(source, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)


def test_port_changes_only_imports():
    source = "import torch\nfrom torch import nn\nimport torch.nn.functional as F\nx = torch.ones(2)\n"
    assert port(source) == ("import minigrad as torch\nfrom minigrad import nn\n"
                            "import minigrad.nn.functional as F\nx = torch.ones(2)\n")


# The programs that change parameters through ``.data``: a tensor in PyTorch, the numpy array
# itself in minigrad (see the appendix, "What ports unchanged"). Each stops at this line.
STOPS_AT_DATA = {
    "d2l_linreg_concise": "net[0].weight.data.normal_(0, 0.01)",
    "d2l_weight_decay": "param.data.normal_()",
    "examples_regression": "param.data.add_(-0.1 * param.grad)",
}


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_runs_on_minigrad(program: Path, tmp_path: Path):
    done = run(port(program.read_text(encoding="utf-8")), tmp_path)
    if program.stem in STOPS_AT_DATA:
        assert done.returncode != 0 and STOPS_AT_DATA[program.stem] in done.stderr, done.stderr[-3000:]
        assert "AttributeError: 'numpy.ndarray' object has no attribute" in done.stderr
        return
    assert done.returncode == 0, f"{program.name} failed on minigrad:\n{done.stderr[-3000:]}"


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_is_valid_pytorch(program: Path, tmp_path: Path):
    pytest.importorskip("torch")
    done = run(program.read_text(encoding="utf-8"), tmp_path)
    assert done.returncode == 0, f"{program.name} failed on PyTorch:\n{done.stderr[-3000:]}"


# The rewrites the appendix gives for the lines of STOPS_AT_DATA, which work in both libraries:
# with them, the rest of each program runs to the end and passes its own checks.
REWRITES = {
    "d2l_linreg_concise": [("net[0].weight.data.normal_(0, 0.01)", "nn.init.normal_(net[0].weight, 0, 0.01)"),
                           ("net[0].bias.data.fill_(0)", "nn.init.zeros_(net[0].bias)")],
    "d2l_weight_decay": [("param.data.normal_()", "nn.init.normal_(param)")],
    "examples_regression": [("param.data.add_(-0.1 * param.grad)",
                             "with torch.no_grad():\n            param -= 0.1 * param.grad")],
}


def rewritten(stem: str) -> str:
    source = (Path(__file__).parent / "pytorch_programs" / f"{stem}.py").read_text(encoding="utf-8")
    for old, new in REWRITES[stem]:
        assert source.count(old) == 1, (stem, old)
        source = source.replace(old, new)
    return source


@pytest.mark.parametrize("stem", sorted(REWRITES))
def test_runs_on_minigrad_with_the_data_lines_rewritten(stem: str, tmp_path: Path):
    assert sorted(REWRITES) == sorted(STOPS_AT_DATA)
    done = run(port(rewritten(stem)), tmp_path)
    assert done.returncode == 0, f"{stem} failed on minigrad:\n{done.stderr[-3000:]}"


@pytest.mark.parametrize("stem", sorted(REWRITES))
def test_the_data_rewrites_are_valid_pytorch(stem: str, tmp_path: Path):
    pytest.importorskip("torch")
    done = run(rewritten(stem), tmp_path)
    assert done.returncode == 0, f"{stem} failed on PyTorch:\n{done.stderr[-3000:]}"
