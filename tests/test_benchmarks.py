"""The benchmark code (``benchmarks/``, run by ``make bench``), on tiny problems.

No timing here: these tests only prove that the implementations a benchmark compares take the
very same training step — same loss, same updated weights — so that its ratios compare like
with like. Peers that are not installed (PyTorch, micrograd) are left out, as in ``make bench``.
"""

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `benchmarks` is not installed

from benchmarks import cnn, harness, mlp, scalar  # noqa: E402

TINY = [(scalar, {"n_points": 12}), (mlp, {"batch": 8}), (cnn, {"batch": 3})]


@pytest.mark.parametrize("module,size", TINY, ids=["scalar", "mlp", "cnn"])
def test_every_implementation_takes_the_same_step(module, size):
    suite = module.suite(**size)
    taken = {}
    for candidate in suite.candidates:
        losses = [candidate.step() for _ in range(2)]
        parameters = getattr(candidate.step, "parameters", None)
        if parameters is not None:  # "matmuls alone" computes no step to compare
            taken[candidate.name] = losses, [np.asarray(p) for p in parameters()]
    assert "minigrad" in taken and len(taken) >= 2
    losses, parameters = taken.pop("minigrad")
    assert losses[1] < losses[0] or module is scalar  # the step goes downhill
    for name, (their_losses, their_parameters) in taken.items():
        assert np.allclose(their_losses, losses, rtol=1e-5), name
        assert len(their_parameters) == len(parameters), name
        for theirs, ours in zip(their_parameters, parameters):
            assert theirs.shape == ours.shape and np.allclose(theirs, ours, rtol=1e-4, atol=1e-6), name


def test_measure_reports_every_candidate_against_the_reference():
    suite = mlp.suite(batch=4)
    results = harness.measure(suite, rounds=2, seconds_per_round=0.001)
    assert [r.impl for r in results] == [c.name for c in suite.candidates]
    by_name = {r.impl: r for r in results}
    assert by_name[suite.reference].ratio == pytest.approx(1.0)
    assert all(r.min_ms <= r.median_ms for r in results)
    checks = harness.check_targets(suite, results)
    assert len(checks) == len(suite.targets)
    rows = [vars(r) for r in results]
    assert "hand numpy" in harness.table(rows)
