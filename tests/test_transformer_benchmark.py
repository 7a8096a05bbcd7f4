"""benchmarks/transformer.py times chapter 13's model, and both libraries take the same step."""

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `benchmarks` is not installed

from benchmarks import transformer  # noqa: E402

CHAPTERS = Path(__file__).resolve().parent.parent / "book" / "chapters"


def test_the_benchmark_times_the_chapters_model():
    chapter, lines = transformer.BOOK
    source = (CHAPTERS / chapter).read_text(encoding="utf-8")
    missing = [line for line in lines if line not in source]
    assert not missing, f"{chapter} no longer contains {missing}: update benchmarks/transformer.py"


def test_minigrad_and_pytorch_take_the_same_step():
    pytest.importorskip("torch")
    suite = transformer.suite(batch=3)
    taken = {c.name: ([c.step() for _ in range(2)], [np.asarray(p) for p in c.step.parameters()])
             for c in suite.candidates}
    (losses, ours), (their_losses, theirs) = taken["minigrad"], taken["PyTorch"]
    assert losses[1] < losses[0]                       # the step goes downhill
    np.testing.assert_allclose(their_losses, losses, rtol=1e-5)
    names = list(transformer.problem(batch=3)[2])
    assert len(ours) == len(theirs) == len(names)
    for name, a, b in zip(names, ours, theirs):
        if name.endswith("in_proj_bias"):
            # The keys' bias adds q·b to every score of a row, which the softmax ignores: its
            # gradient is 0 up to rounding, and Adam, dividing by |g|, turns rounding into steps.
            a, b = np.delete(a, np.s_[transformer.D_MODEL:2 * transformer.D_MODEL]), \
                np.delete(b, np.s_[transformer.D_MODEL:2 * transformer.D_MODEL])
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-5, err_msg=name)
