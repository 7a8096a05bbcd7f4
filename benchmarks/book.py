"""book: how long ``make book`` takes — from nothing, and again when nothing changed.

The build runs in a temporary copy of the working tree (the files git tracks or would track),
so it is truly clean — no ``book/_build``, no ``book/.jupyter_cache``: every chapter's code runs,
in both languages — and the repository's own build outputs are left alone. The copy uses the
repository's ``.venv``. Slow (minutes): it runs only with ``python -m benchmarks --book``.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMITS_S = {"clean build (en + ca)": 300.0, "no-change rebuild": 30.0}


class BuildFailed(Exception):
    pass


def _make(target: str, cwd: Path, *options: str) -> float:
    start = time.perf_counter()
    done = subprocess.run(["make", target, *options], cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise BuildFailed(f"make {target} failed after {seconds:.0f} s; its last lines:\n"
                          + "\n".join((done.stdout + done.stderr).splitlines()[-8:]))
    return seconds


def _copy_of_the_tree(into: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)


def run() -> tuple[list[dict], list[dict]]:
    venv = ROOT / ".venv"
    stamp = venv / ".stamp-book"
    _make(str(stamp.relative_to(ROOT)), ROOT)   # the book's requirements, installed if missing
    with tempfile.TemporaryDirectory(prefix="minigrad-book-") as tmp:
        _copy_of_the_tree(Path(tmp))
        # -o: never re-install from the copy (the venv's editable install must keep pointing here)
        options = (f"VENV={venv}", "-o", str(stamp))
        seconds = {}
        try:
            for name in LIMITS_S:  # the first build is the clean one, the second changes nothing
                seconds[name] = _make("book", Path(tmp), *options)
        except BuildFailed as failure:
            print(failure)
            return [], [{"target": f"book: {name} ≤ {LIMITS_S[name]:.0f} s", "value": "build failed",
                         "met": False}]
    rows = [{"benchmark": "book", "impl": name, "median_ms": 1e3 * s, "min_ms": 1e3 * s, "runs": 1}
            for name, s in seconds.items()]
    checks = [{"target": f"book: {name} ≤ {LIMITS_S[name]:.0f} s", "value": f"{s:.1f} s",
               "met": s <= LIMITS_S[name]} for name, s in seconds.items()]
    return rows, checks
