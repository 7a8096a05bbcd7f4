"""import: the wall time of ``python -c "import minigrad"``, in fresh interpreters.

Every run starts a new Python process, so nothing is cached in memory but what the operating
system caches on its own. ``python -c "pass"`` and ``python -c "import numpy"`` are measured in
the same rounds: what is left after them is minigrad's own share.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

COMMANDS = {
    "python -c 'import minigrad'": "import minigrad",
    "python -c 'import numpy'": "import numpy",
    "python -c 'pass'": "pass",
}
LIMIT_S = 0.15


def wall_times(runs: int = 15) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(runs):            # interleaved, like the other benchmarks
        for name, code in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times[name].append(time.perf_counter() - start)
    return times


def run(runs: int = 15) -> tuple[list[dict], list[dict]]:
    """Rows for the table and the JSON file, and the target check."""
    times = wall_times(runs)
    rows = [{"benchmark": "import", "impl": name, "median_ms": 1e3 * statistics.median(t),
             "min_ms": 1e3 * min(t), "runs": runs} for name, t in times.items()]
    median = statistics.median(times["python -c 'import minigrad'"])
    check = {"target": f"import minigrad ≤ {LIMIT_S} s (median wall time)",
             "value": f"{median:.3f} s", "met": median <= LIMIT_S}
    return rows, [check]
