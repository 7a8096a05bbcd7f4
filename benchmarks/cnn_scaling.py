"""cnn-scaling: how the CNN step's cost grows with the batch and the width, minigrad vs PyTorch.

The step of ``cnn`` at batch 16, 64 and 256, and at batch 64 with both convolutions twice as
wide (16 and 32 channels). Time per example shows what grows faster than the work: a ratio
to PyTorch that worsens with the batch points at memory (fresh pages, caches), one that
worsens with the width at the matrix products.
"""

from __future__ import annotations

from . import cnn, harness

SIZES = ((16, 1), (64, 1), (256, 1), (64, 2))   # (batch, width)


def run(rounds: int = 5) -> tuple[list[dict], list[dict]]:
    """Rows for the table and the JSON file; no target of its own."""
    rows = []
    for batch, width in SIZES:
        suite = cnn.suite(batch, width)
        suite.candidates = [c for c in suite.candidates if c.name != "hand numpy im2col"]
        for r in harness.measure(suite, rounds):
            row = vars(r)
            row["benchmark"] = f"cnn b{batch}" + ("" if width == 1 else f" {width}× wide")
            row["extra"]["us_per_example"] = 1e3 * r.median_ms / batch
            rows.append(row)
    return rows, []
