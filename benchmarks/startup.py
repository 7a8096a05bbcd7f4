"""import: the wall time of ``python -c "import minigrad"``, in fresh interpreters.

Every run starts a new Python process. As on a learner's machine, Python keeps the compiled
bytecode of each module (``__pycache__``; here in a temporary folder, so that the measurement
works even where ``PYTHONDONTWRITEBYTECODE`` is set and writes nothing into the repository).
The same import with the shell's own settings (which may compile every minigrad module from
source each time, or limit BLAS threads), ``python -c "import numpy"`` and ``python -c "pass"`` are measured in the
same rounds, for scale: importing numpy is most of the time.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

LIMIT_S = 0.15
MAIN = "python -c 'import minigrad'"


def _cached(pycache: str) -> dict:
    # A learner's shell: bytecode cached, and numpy's default BLAS threads (``make`` exports
    # OPENBLAS_NUM_THREADS=1 for tests and the book, which also makes numpy's import faster).
    drop = ("PYTHONDONTWRITEBYTECODE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONPYCACHEPREFIX"] = pycache
    return env


def wall_times(runs: int = 15) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="minigrad-pycache-") as pycache:
        cached = _cached(pycache)
        commands = {MAIN: ("import minigrad", cached),
                    "  same, with this shell's bytecode settings": ("import minigrad", dict(os.environ)),
                    "python -c 'import numpy'": ("import numpy", cached),
                    "python -c 'pass'": ("pass", cached)}
        for code, env in commands.values():  # fills the bytecode cache; not timed
            subprocess.run([sys.executable, "-c", code], env=env, check=True)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):            # interleaved, like the other benchmarks
            for name, (code, env) in commands.items():
                start = time.perf_counter()
                subprocess.run([sys.executable, "-c", code], env=env, check=True)
                times[name].append(time.perf_counter() - start)
    return times


def run(runs: int = 15) -> tuple[list[dict], list[dict]]:
    """Rows for the table and the JSON file, and the target check."""
    times = wall_times(runs)
    rows = [{"benchmark": "import", "impl": name, "median_ms": 1e3 * statistics.median(t),
             "min_ms": 1e3 * min(t), "runs": runs} for name, t in times.items()]
    median = statistics.median(times[MAIN])
    check = {"target": f"import minigrad ≤ {LIMIT_S} s (median wall time)",
             "value": f"{median:.3f} s", "met": median <= LIMIT_S}
    return rows, [check]
