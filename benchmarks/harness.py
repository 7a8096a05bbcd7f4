"""The measuring machinery every benchmark shares.

A benchmark is a :class:`Suite`: a few *candidates* (minigrad and its peers) that each run
the same training step, one of them the reference the others are compared with. ``measure``
runs them in the same process, interleaved — round 1 runs every candidate, then round 2,
and so on — so that a slow moment of the machine (another program, a thermal dip) is shared
by all of them instead of falling on one. Each round times a few consecutive steps of one
candidate; the report gives the median and the minimum time per step over the rounds, and
the ratio of medians to the reference.
"""

from __future__ import annotations

import gc
import json
import platform
import statistics
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable

PEERS = {  # what to install when a peer is missing
    "torch": "pip install torch==2.13.0",
    "micrograd": "pip install micrograd",
}


@dataclass
class Candidate:
    """One implementation of a benchmark's step: ``step()`` runs it once and returns the loss."""
    name: str
    step: Callable[[], float]


def training_step(name: str, model: Any, loss_fn: Any, optimizer: Any, x: Any, t: Any,
                  to_numpy: Callable[[Any], np.ndarray]) -> Candidate:
    """One SGD step of a PyTorch-style model: minigrad and PyTorch share these very names."""
    def step() -> float:
        loss = loss_fn(model(x), t)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        return loss.item()
    step.parameters = lambda: [to_numpy(p) for p in model.parameters()]
    return Candidate(name, step)


@dataclass
class Target:
    """``impl``'s median time must be at most ``limit`` times ``versus``'s (``limit`` < 1: faster)."""
    impl: str
    versus: str
    limit: float
    text: str


@dataclass
class Suite:
    name: str
    what: str                                  # one line: the step being timed
    reference: str                             # the candidate every ratio divides by
    candidates: list[Candidate]
    skipped: dict[str, str] = field(default_factory=dict)  # name → why, and how to install
    targets: list[Target] = field(default_factory=list)


@dataclass
class Result:
    benchmark: str
    impl: str
    median_ms: float
    min_ms: float
    ratio: float | None            # median / reference median
    reference: str
    rounds: int
    steps_per_round: int
    extra: dict = field(default_factory=dict)


def optional_import(module: str, skipped: dict, label: str) -> Any:
    """Import a peer library, or record in ``skipped`` why it is missing and how to install it."""
    try:
        return __import__(module)
    except ImportError:
        skipped[label] = f"not installed ({PEERS.get(module, 'pip install ' + module)})"
        return None


def limit_threads(threads: int) -> Any:
    """Make numpy's BLAS and PyTorch use ``threads`` threads; returns what keeps the limit alive.

    threadpoolctl limits the thread pools of the libraries loaded *so far*, so numpy and
    PyTorch are imported first.
    """
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_limits
    try:
        import torch
        torch.set_num_threads(threads)
    except ImportError:
        pass
    return threadpool_limits(threads)


def measure(suite: Suite, rounds: int, seconds_per_round: float = 0.25,
            warmup: int = 1) -> list[Result]:
    """Time every candidate of ``suite`` in interleaved rounds; see the module docstring."""
    for c in suite.candidates:
        for _ in range(warmup):
            c.step()
    # Each candidate runs enough consecutive steps per round to fill about seconds_per_round.
    steps = {}
    for c in suite.candidates:
        start = time.perf_counter()
        c.step()
        steps[c.name] = max(1, round(seconds_per_round / (time.perf_counter() - start)))
    times: dict[str, list[float]] = {c.name: [] for c in suite.candidates}
    faults = dict.fromkeys(times, 0)
    # The objects alive now (PyTorch has many) are kept out of every garbage collection, which
    # would otherwise scan them all again and again while a candidate runs.
    gc.freeze()
    try:
        for _ in range(rounds):
            for c in suite.candidates:
                gc.collect()  # one candidate's garbage is not another's bill
                n = steps[c.name]
                faults_before = page_faults()
                start = time.perf_counter()
                for _ in range(n):
                    c.step()
                times[c.name].append((time.perf_counter() - start) / n)
                faults[c.name] += page_faults() - faults_before
    finally:
        gc.unfreeze()
    reference = statistics.median(times[suite.reference]) if suite.reference in times else None
    results = []
    for c in suite.candidates:
        median = statistics.median(times[c.name])
        results.append(Result(suite.name, c.name, 1e3 * median, 1e3 * min(times[c.name]),
                              median / reference if reference else None, suite.reference,
                              rounds, steps[c.name],
                              {"page_faults_per_step": faults[c.name] / (rounds * steps[c.name])}))
    return results


def page_faults() -> int:
    """Minor page faults of this process so far: the kernel handing out fresh memory.

    Every first touch of freshly mapped memory costs one, and they are slow on virtual
    machines; a step that allocates large temporaries anew each time pays them every step.
    """
    if sys.platform == "win32":
        return 0
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def check_targets(suite: Suite, results: list[Result]) -> list[dict]:
    """Each target of ``suite`` with its measured ratio and whether it is met."""
    median = {r.impl: r.median_ms for r in results}
    checked = []
    for t in suite.targets:
        if t.impl in median and t.versus in median:
            ratio = median[t.impl] / median[t.versus]
            checked.append({"target": t.text, "value": f"{ratio:.3g}×", "met": ratio <= t.limit})
        else:
            checked.append({"target": t.text, "value": "skipped", "met": None})
    return checked


# --- reporting -------------------------------------------------------------------------------
def environment(threads: int) -> dict:
    import numpy as np
    env = {"python": platform.python_version(), "numpy": np.__version__, "threads": threads,
           "machine": platform.machine(), "time": time.strftime("%Y-%m-%dT%H:%M:%S")}
    from importlib.metadata import PackageNotFoundError, version
    for package in ("torch", "micrograd"):
        try:
            env[package] = version(package)
        except PackageNotFoundError:
            pass
    return env


def write_jsonl(path: str, records: list[dict], env: dict) -> None:
    """Append one JSON line per record, each carrying the environment it was measured in."""
    with open(path, "a", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps({**record, **{"env": env}}, ensure_ascii=False) + "\n")


def table(rows: list[dict]) -> str:
    """Result rows (``vars(Result)`` or dicts with the same keys) as an aligned text table."""
    lines = [("benchmark", "implementation", "median ms", "min ms", "µs/example", "ratio", "vs",
              "faults/step")]
    for r in rows:
        ratio, extra = r.get("ratio"), r.get("extra", {})
        faults, per_example = extra.get("page_faults_per_step"), extra.get("us_per_example")
        lines.append((r["benchmark"], r["impl"], f"{r['median_ms']:.3f}", f"{r['min_ms']:.3f}",
                      "" if per_example is None else f"{per_example:.1f}",
                      "" if ratio is None else f"{ratio:.3f}", r.get("reference", ""),
                      "" if faults is None else f"{faults:.0f}"))
    return _align(lines)


def targets_table(checked: list[dict]) -> str:
    rows = [("target", "measured", "")]
    for c in checked:
        rows.append((c["target"], c["value"], {True: "met", False: "MISSED", None: "-"}[c["met"]]))
    return _align(rows)


def _align(rows: list[tuple]) -> str:
    """Columns padded to their widest cell; columns with nothing under the header are dropped."""
    keep = [i for i in range(len(rows[0])) if any(str(row[i]) for row in rows[1:])]
    rows = [tuple(row[i] for i in keep) for row in rows]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(str(cell).ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
