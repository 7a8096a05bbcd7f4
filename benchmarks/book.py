"""book: how long ``make book`` takes — from nothing, and again when nothing changed.

The clean build removes ``book/_build`` and ``book/.jupyter_cache`` first, so every chapter's
code runs (both languages); the second build finds everything up to date. Slow (minutes): it
runs only with ``python -m benchmarks --book``.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMITS_S = {"clean build (en + ca)": 300.0, "no-change rebuild": 30.0}


def _make_book() -> float:
    start = time.perf_counter()
    done = subprocess.run(["make", "book"], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError(f"make book failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return seconds


def run() -> tuple[list[dict], list[dict]]:
    _make_book()  # installs the book's requirements if needed, so the clean build times Sphinx only
    for path in ("book/_build", "book/.jupyter_cache"):
        shutil.rmtree(ROOT / path, ignore_errors=True)
    seconds = {"clean build (en + ca)": _make_book(), "no-change rebuild": _make_book()}
    rows = [{"benchmark": "book", "impl": name, "median_ms": 1e3 * s, "min_ms": 1e3 * s, "runs": 1}
            for name, s in seconds.items()]
    checks = [{"target": f"book: {name} ≤ {LIMITS_S[name]:.0f} s", "value": f"{s:.1f} s",
               "met": s <= LIMITS_S[name]} for name, s in seconds.items()]
    return rows, checks
