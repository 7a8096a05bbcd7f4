"""Graders for chapter 6 (exercises/ch06_tensors.py): unbroadcast, log-sum-exp, softmax's backward.

The learner's functions take and return numpy arrays, and the grader computes every expected
value itself (log-sum-exp against a float64 reference summed slice by slice with
math.fsum, softmax's backward against float64 central differences of L = Σ g · softmax(z)).
minigrad already has all three (``Tensor``'s broadcasting gradient, ``Tensor.softmax`` and
its backward, ``F.log_softmax``, ...): fixtures switch them off (for softmax's backward,
minigrad's backpropagation too) before the learner's module is loaded, so calling them cannot
pass. Inputs are drawn anew each run, many of them, plus edge cases, so an answer written for
a few inputs cannot pass either.
"""

from __future__ import annotations

import math
import tracemalloc

import numpy as np
import pytest

import grading
from grading.ch06_hints import HINTS  # test_hint_spoilers.py reads them here
from grading.arrays import softmax  # the grader's own forward, in float64
from _engine_checks import numerical_gradients
from grading import shown
import minigrad.attention
import minigrad.autograd
import minigrad.functional
import minigrad.shapes
import minigrad.stable

library_switched_off = grading.switched_off(
    minigrad.shapes.unbroadcast, minigrad.Tensor.softmax, minigrad.Tensor.log_softmax,
    minigrad.functional.softmax, minigrad.functional.log_softmax, minigrad.stable.log_softmax)
# Softmax's backward is also in attention (masked_softmax, and attention itself, call it),
# and any softmax built from minigrad's operations gets it from backpropagation.
backprop_switched_off = grading.switched_off(
    minigrad.attention._softmax_backward, minigrad.attention.masked_softmax,
    minigrad.Tensor.backward, minigrad.autograd.backpropagate,
    name="backprop_switched_off", autouse=False, words={
        "en": "minigrad's backpropagation and its backward of softmax are switched off for this "
              "exercise: compute dL/dx yourself, with numpy",
        "ca": "la retropropagació de minigrad i la seva passada enrere de la softmax estan "
              "desactivades en aquest exercici: calcula dL/dx tu mateix, amb numpy"})


def same_shape(got, shape) -> bool:
    return isinstance(got, (np.ndarray, np.generic)) and np.shape(got) == tuple(shape)


# --- 6.1 unbroadcast --------------------------------------------------------------------------
def expected_unbroadcast(grad: np.ndarray, shape: tuple) -> np.ndarray:
    """The grader's own: the gradient of broadcast_to(input, grad.shape), entry by entry."""
    added = grad.ndim - len(shape)
    out = np.zeros(shape)
    for index in np.ndindex(*grad.shape):
        target = tuple(0 if n == 1 else i for i, n in zip(index[added:], shape))
        out[target] += grad[index]
    return out


def random_case(rng: np.random.Generator) -> tuple[tuple, tuple]:
    """(input shape, broadcast shape): some axes of size 1 stretched, some axes added."""
    shape = tuple(int(rng.choice([1, 1, 2, 3, 4])) for _ in range(rng.integers(0, 4)))
    stretched = tuple(int(rng.integers(2, 5)) if n == 1 and rng.random() < 0.7 else n
                      for n in shape)
    added = tuple(int(rng.integers(1, 5)) for _ in range(rng.integers(0, 3)))
    return shape, added + stretched


EDGE_CASES = [
    ((3, 4), (3, 4)),        # nothing broadcast: the gradient itself
    ((), (3, 4)),            # a scalar added to everything: the total
    ((4,), (3, 4)),          # a bias: the sum of each column
    ((3, 1), (3, 4)),        # a column: the sum of each row, kept as a column
    ((1, 1), (2, 3)),
    ((3, 1), (5, 3, 4)),     # an added axis and a stretched one
    ((1, 4), (1, 4)),        # a size-1 axis that was not stretched
    ((2, 1, 3), (4, 2, 5, 3)),
    ((1,), (6,)),
    ((5, 1, 1), (5, 1, 1)),
]


def check_unbroadcast(submission, grade, grad: np.ndarray, shape: tuple) -> None:
    grade.trying(f"unbroadcast({shown(grad)}, {shape})")
    original = grad.copy()
    got = submission.unbroadcast(grad, shape)
    expected = expected_unbroadcast(original, shape)
    grade.unchanged("grad", grad, original, hint=HINTS["untouched"])
    grade.array_shape(got, shape, hint=HINTS["shape"])
    grade.check(np.allclose(np.asarray(got, dtype=float), expected, rtol=1e-9, atol=1e-9),
                expected=expected, got=got, hint=HINTS["sum"])


@pytest.mark.exercise("ch06.unbroadcast", points=2)
class TestUnbroadcast:
    @pytest.mark.parametrize("shape, big", EDGE_CASES, ids=lambda v: "x".join(map(str, v)) or "scalar")
    def test_edge_cases(self, submission, grade, shape, big):
        grad = np.arange(1, np.prod(big, dtype=int) + 1, dtype=float).reshape(big)
        check_unbroadcast(submission, grade, grad, shape)

    def test_random_shapes(self, submission, grade):
        rng = grading.rng(606)
        for _ in range(40):
            shape, big = random_case(rng)
            grad = np.asarray(np.round(rng.normal(size=big), 2))
            check_unbroadcast(submission, grade, grad, shape)


# --- 6.2 log-sum-exp --------------------------------------------------------------------------
def random_scores(rng: np.random.Generator) -> tuple[np.ndarray, int]:
    shape = tuple(int(n) for n in rng.integers(1, 5, size=rng.integers(1, 4)))
    scale = rng.choice([0.1, 1.0, 10.0, 300.0])
    x = np.round(rng.normal(size=shape) * scale + rng.choice([0.0, 800.0, -800.0]), 3)
    axis = int(rng.integers(-len(shape), len(shape)))
    return x, axis


def expected_logsumexp(x: np.ndarray, axis: int, keepdims: bool) -> np.ndarray:
    """The grader's float64 reference, slice by slice: -inf for a slice masked entirely."""
    moved = np.moveaxis(x, axis, -1)
    out = np.empty(moved.shape[:-1])
    for index in np.ndindex(*out.shape):
        scores = [float(v) for v in moved[index]]
        m = max(scores)
        out[index] = m if m == -math.inf else m + math.log(math.fsum(math.exp(v - m) for v in scores))
    return np.expand_dims(out, axis) if keepdims else out


def masked(rng: np.random.Generator, x: np.ndarray, axis: int) -> np.ndarray:
    """``x`` with about a third of its scores set to -inf, and now and then a whole slice."""
    x = np.where(rng.random(x.shape) < 0.3, -np.inf, x)
    if rng.random() < 0.5:
        first = np.moveaxis(x, axis, -1).reshape(-1, x.shape[axis])   # a copy: one row per slice
        first[0] = -np.inf
        x = np.moveaxis(first.reshape(np.moveaxis(x, axis, -1).shape), -1, axis)
    return np.ascontiguousarray(x)


def check_logsumexp(submission, grade, x: np.ndarray, axis: int, keepdims: bool | None) -> None:
    options = f", axis={axis}" + ("" if keepdims is None else f", keepdims={keepdims}")
    grade.trying(f"logsumexp({shown(x)}{options})")
    original = x.copy()
    with np.errstate(all="ignore"):  # a naive version overflows: judged below, not as a warning
        got = (submission.logsumexp(x, axis=axis) if keepdims is None
               else submission.logsumexp(x, axis=axis, keepdims=keepdims))
    expected = expected_logsumexp(original, axis, bool(keepdims))
    grade.unchanged("x", x, original, hint=HINTS["untouched"])
    grade.array_shape(got, expected.shape, hint=HINTS["lse_shape"])
    got = np.asarray(got, dtype=float)
    finite = np.isfinite(expected)
    grade.check(bool(np.all(np.isfinite(got[finite]))), expected=expected, got=got,
                hint=HINTS["lse_stable"])
    grade.check(bool(np.all(got[~finite] == -np.inf)), expected=expected, got=got,
                hint=HINTS["lse_masked"])
    grade.check(np.allclose(got[finite], expected[finite], rtol=1e-12, atol=1e-9),
                expected=expected, got=got, hint=HINTS["lse_values"])


LSE_CASES = [  # (scores, axis, keepdims): overflow, underflow, masks, other axes
    (np.array([1e4, 1e4 + 1, 1e4 + 2]), -1, False),
    (np.array([-1e4, -1e4 - 1, -1e4 - 2]), -1, True),
    (np.array([1e300, 1e300, 0.0]), 0, False),
    (np.array([[1e4, 0.0, -1e4], [-1e4, -1e4, -1e4]]), -1, False),   # one max for all fails
    (np.array([[1e4, 0.0, -1e4], [-1e4, -1e4, -1e4]]), 0, True),
    (np.array([0.0, -np.inf, 1.0]), -1, False),                         # one masked score
    (np.array([[-np.inf, -np.inf], [0.0, 2.0]]), 1, False),             # one slice masked entirely
    (np.array([[-np.inf, 3.0], [-np.inf, -np.inf], [-np.inf, 1e4]]), 0, True),
    (np.array([-np.inf]), 0, False),
    (np.array([[[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]], [[0.0, -1.0], [2.0, 0.5], [800.0, 1.0]]]), 1, True),
    (np.array([[7.5, 7.5, 7.5, 7.5]]), -1, False),                     # all equal: 7.5 + log 4
]


@pytest.mark.exercise("ch06.logsumexp", points=2)
class TestLogsumexp:
    @pytest.mark.parametrize("x, axis, keepdims", LSE_CASES, ids=range(len(LSE_CASES)))
    def test_awkward_scores(self, submission, grade, x, axis, keepdims):
        check_logsumexp(submission, grade, x, axis, keepdims)

    def test_random_arrays_axes_and_masks(self, submission, grade):
        rng = grading.rng(6062)
        for _ in range(40):
            x, axis = random_scores(rng)
            x = x * 10 if rng.random() < 0.3 else x   # up to about ±1e4
            check_logsumexp(submission, grade, masked(rng, x, axis), axis, bool(rng.random() < 0.5))

    def test_default_axis_is_the_last_and_drops_it(self, submission, grade):
        x = np.array([[1.0, 2.0, 3.0], [2.0, -np.inf, 1.0], [5.0, 5.0, -5.0]])
        grade.trying(f"logsumexp({shown(x)})")
        with np.errstate(all="ignore"):
            got = submission.logsumexp(x)
        expected = expected_logsumexp(x, -1, False)
        grade.check(same_shape(got, expected.shape) and np.allclose(got, expected, rtol=1e-12),
                    expected=expected, got=got, hint=HINTS["lse_shape"])


# --- 6.3 softmax's backward -----------------------------------------------------------------
def peak_memory(call):
    """``call()`` and the most memory it held at once, in bytes, above what it started with."""
    tracemalloc.start()
    try:
        return call(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def call_softmax_backward(submission, grade, probs, g, axis, memory_limit=None):
    """The learner's answer, after checking that it left its inputs alone (and, given a limit
    in bytes, that it allocated no more than that on the way)."""
    options = "" if axis is None else f", axis={axis}"
    grade.trying(f"softmax_backward({shown(probs)}, {shown(g)}{options})")
    originals = probs.copy(), g.copy()

    def call():
        if axis is None:
            return submission.softmax_backward(probs, g)
        return submission.softmax_backward(probs, g, axis=axis)
    got, peak = peak_memory(call) if memory_limit is not None else (call(), 0)
    grade.unchanged("probs", probs, originals[0], hint=HINTS["untouched"])
    grade.unchanged("grad", g, originals[1], hint=HINTS["untouched"])
    grade.array_shape(got, probs.shape, hint=HINTS["sm_shape"])
    if memory_limit is not None:
        grade.check(peak <= memory_limit, hint=HINTS["sm_jacobian"],
                    expected={"en": f"at most {memory_limit / 1e6:.1f} MB of new arrays",
                              "ca": f"com a màxim {memory_limit / 1e6:.1f} MB d'arrays nous"},
                    got={"en": f"{peak / 1e6:.1f} MB", "ca": f"{peak / 1e6:.1f} MB"})
    return np.asarray(got, dtype=float)


def check_softmax_backward(submission, grade, x, g, axis) -> None:
    """The learner's backward against central differences of L = Σ g · softmax(x), in float64."""
    probs = softmax(x, axis=-1 if axis is None else axis)
    got = call_softmax_backward(submission, grade, probs, g, axis)
    expected, = numerical_gradients(lambda x: softmax(x, axis=-1 if axis is None else axis), [x], g)
    grade.check(np.allclose(got, expected, rtol=1e-6, atol=1e-8), expected=np.round(expected, 8),
                got=got, hint=HINTS["sm_values"])


SOFTMAX_CASES = [  # (scores, upstream gradient, axis)
    ([0.0, 0.0], [1.0, 0.0], -1),                                   # two equal scores
    ([1.0, 2.0, 3.0], [0.5, -1.0, 2.0], 0),
    ([2.0, -1.0, 0.5, 3.0], [1.5, 1.5, 1.5, 1.5], -1),              # the same g: dL/dx = 0
    ([[1.0, 2.0, 0.0], [0.0, -1.0, 1.5]], [[1.0, 0.0, 0.0], [0.0, 2.0, -1.0]], -1),
    ([[1.0, 2.0, 0.0], [0.0, -1.0, 1.5]], [[1.0, 0.0, 0.0], [0.0, 2.0, -1.0]], 0),
    ([[1.0, 2.0, 3.0], [3.0, 0.5, 4.0], [0.0, -2.0, 1.0]],          # square: the axis matters
     [[0.3, -1.2, 2.0], [1.0, 0.4, -0.7], [-1.5, 0.2, 0.9]], -2),
    ([[[1.0, 2.0], [3.0, 0.0], [0.5, 1.0]], [[0.0, -1.0], [2.0, 0.5], [1.0, 1.0]]],
     [[[1.0, -1.0], [0.5, 2.0], [0.0, 1.0]], [[2.0, 0.0], [-1.0, 1.5], [0.5, -0.5]]], 1),
    ([10.0, 0.0, -10.0], [1.0, -2.0, 3.0], -1),                     # almost one-hot
    ([[42.0], [-3.0]], [[2.5], [-1.0]], -1),                        # one class: s = 1 always
]


def random_softmax_case(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    """Scores, an upstream gradient and an axis along which there are 2 to 5 classes."""
    shape = [int(n) for n in rng.integers(1, 6, size=rng.integers(1, 4))]
    axis = int(rng.integers(-len(shape), len(shape)))
    shape[axis] = int(rng.integers(2, 6))   # one class alone is an edge case, not the rule
    x = np.round(rng.normal(size=shape) * rng.choice([0.5, 1.0, 2.0]), 3)
    return x, np.round(rng.normal(size=shape), 2), axis


@pytest.mark.usefixtures("backprop_switched_off")
@pytest.mark.exercise("ch06.softmax_backward", points=3)
class TestSoftmaxBackward:
    @pytest.mark.parametrize("x, g, axis", SOFTMAX_CASES, ids=range(len(SOFTMAX_CASES)))
    def test_edge_cases(self, submission, grade, x, g, axis):
        check_softmax_backward(submission, grade, np.array(x), np.array(g), axis)

    def test_random_shapes_and_axes(self, submission, grade):
        rng = grading.rng(6063)
        for _ in range(40):
            check_softmax_backward(submission, grade, *random_softmax_case(rng))

    def test_default_axis_is_the_last(self, submission, grade):
        rng = grading.rng(6064)
        x, g = np.round(rng.normal(size=(3, 4)), 3), np.round(rng.normal(size=(3, 4)), 2)
        check_softmax_backward(submission, grade, x, g, None)

    @pytest.mark.timeout(10)
    def test_many_classes_without_the_matrix(self, submission, grade):
        """Many classes, memory watched: C = 2000 first, where one C×C matrix takes 32 MB and
        fails the limit before C = 20000 would ask for gigabytes. The limit, 32 arrays of the
        input's size (2 MB there), leaves room for copies and even for Python lists. Central
        differences on a sample of entries, each a nudge of one score of one slice."""
        rng = grading.rng(6065)
        for shape, axis in [((4, 2000), -1), ((3, 20000), -1), ((20000, 2), 0)]:
            x = np.round(rng.normal(size=shape), 3)
            g = np.round(rng.normal(size=shape), 2)
            probs = softmax(x, axis=axis)
            got = call_softmax_backward(submission, grade, probs, g, axis,
                                        memory_limit=32 * probs.nbytes)
            for _ in range(8):
                index = tuple(int(rng.integers(n)) for n in shape)
                expected = sampled_gradient(x, g, axis, index)
                grade.check(math.isclose(got[index], expected, rel_tol=1e-6, abs_tol=1e-12),
                            expected={"en": f"dL/dx{list(index)} = {expected:.10g}",
                                      "ca": f"dL/dx{list(index)} = {expected:.10g}"},
                            got={"en": f"{got[index]:.10g}", "ca": f"{got[index]:.10g}"},
                            hint=HINTS["sm_values"])


def sampled_gradient(x: np.ndarray, g: np.ndarray, axis: int, index: tuple, eps: float = 1e-4) -> float:
    """dL/dx at one ``index``, L = Σ g · softmax(x), by a central difference. The probabilities
    are subtracted before the sum: L itself would lose the difference of a score whose
    probability is tiny in the rounding of 20000 terms."""
    up, down = x.copy(), x.copy()
    up[index] += eps
    down[index] -= eps
    return float(np.sum(g * (softmax(up, axis=axis) - softmax(down, axis=axis)))) / (2 * eps)
