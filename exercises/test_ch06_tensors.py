"""Graders for chapter 6 (exercises/ch06_tensors.py): unbroadcast, softmax, log-softmax.

The learner's functions take and return numpy arrays, and the grader computes every expected
value itself. minigrad already has all three (``Tensor``'s broadcasting gradient,
``Tensor.softmax``, ``F.log_softmax``, ...): an autouse fixture switches them off before the
learner's module is loaded, so calling them cannot pass. Inputs are drawn anew each run,
many of them, plus edge cases, so an answer written for a few inputs cannot pass either.
"""

from __future__ import annotations

import numpy as np
import pytest

import grading
from grading import shown
import minigrad.functional
import minigrad.shapes

HINTS = {
    "shape": {
        "en": "The result must have exactly the input's shape. Sum over the axes that "
              "broadcasting added on the left (grad.ndim - len(shape) of them), then over the "
              "axes where shape has size 1, with keepdims=True so that they stay, with size 1.",
        "ca": "El resultat ha de tenir exactament la forma de l'entrada. Suma sobre els eixos "
              "que el broadcasting ha afegit a l'esquerra (n'hi ha grad.ndim - len(shape)) i "
              "després sobre els eixos on shape té mida 1, amb keepdims=True perquè es "
              "mantinguin, amb mida 1.",
    },
    "sum": {
        "en": "The shape is right but not the numbers. Each copy made by broadcasting receives "
              "its own gradient, and the input's gradient is the SUM of them (not the mean, "
              "not one of them). Axes where shape has size 1 and grad too were not stretched: "
              "leave them alone.",
        "ca": "La forma és correcta, però els nombres no. Cada còpia que fa el broadcasting "
              "rep el seu propi gradient, i el gradient de l'entrada n'és la SUMA (no la "
              "mitjana, ni només un d'ells). Els eixos on shape té mida 1 i grad també no "
              "s'han estirat: deixa'ls com estan.",
    },
    "untouched": {
        "en": "Do not modify the array you receive (no +=, -= or sum(..., out=...) on it): "
              "work on new arrays. The caller may still need the original.",
        "ca": "No modifiquis l'array que reps (res de +=, -= o sum(..., out=...) sobre ell): "
              "treballa amb arrays nous. Qui et crida potser encara necessita l'original.",
    },
    "stable": {
        "en": "Some entries are inf or nan: exp overflowed (scores above ~709) or a whole slice "
              "underflowed to 0. Subtract the maximum of EACH slice along the axis, "
              "x.max(axis=axis, keepdims=True), not the maximum of the whole array, before "
              "np.exp.",
        "ca": "Hi ha entrades inf o nan: l'exponencial s'ha desbordat (puntuacions de més de "
              "~709) o un tall sencer ha quedat en 0. Resta el màxim de CADA tall al llarg de "
              "l'eix, x.max(axis=axis, keepdims=True), no el màxim de tot l'array, abans de "
              "np.exp.",
    },
    "same_shape": {
        "en": "The result must have the shape of x: one output per score. Use keepdims=True "
              "in max and sum so that the reduced axis stays (size 1) and broadcasts back.",
        "ca": "El resultat ha de tenir la forma de x: una sortida per puntuació. Fes servir "
              "keepdims=True a max i sum perquè l'eix reduït es mantingui (mida 1) i es pugui "
              "fer broadcasting.",
    },
    "axis": {
        "en": "The slices along `axis` must each add up to 1. Pass axis=axis to every "
              "reduction (max and sum), whatever the axis is: 0, 1, -1, ...",
        "ca": "Cada tall al llarg de `axis` ha de sumar 1. Passa axis=axis a totes les "
              "reduccions (max i sum), sigui quin sigui l'eix: 0, 1, -1, ...",
    },
    "softmax_values": {
        "en": "softmax(x)_i = exp(x_i - m) / sum_j exp(x_j - m), where m is the maximum of the "
              "slice and the sum runs along `axis`.",
        "ca": "softmax(x)_i = exp(x_i - m) / sum_j exp(x_j - m), on m és el màxim del tall i la "
              "suma es fa al llarg de `axis`.",
    },
    "log_finite": {
        "en": "Some entries are -inf, inf or nan. Do not take np.log of a softmax: a probability "
              "that underflows to 0 gives log(0) = -inf. Compute x - m - log(sum(exp(x - m))) "
              "with m = x.max(axis=axis, keepdims=True), the maximum of each slice.",
        "ca": "Hi ha entrades -inf, inf o nan. No facis np.log d'una softmax: una probabilitat "
              "que queda en 0 dona log(0) = -inf. Calcula x - m - log(sum(exp(x - m))) amb "
              "m = x.max(axis=axis, keepdims=True), el màxim de cada tall.",
    },
    "log_values": {
        "en": "log_softmax(x)_i = x_i - m - log(sum_j exp(x_j - m)), where m is the maximum of "
              "the slice: do not forget to subtract m from x_i too, and sum along `axis`.",
        "ca": "log_softmax(x)_i = x_i - m - log(sum_j exp(x_j - m)), on m és el màxim del tall: "
              "no t'oblidis de restar m també a x_i, i suma al llarg de `axis`.",
    },
}

library_switched_off = grading.switched_off(
    minigrad.shapes.unbroadcast, minigrad.Tensor.softmax, minigrad.Tensor.log_softmax,
    minigrad.functional.softmax, minigrad.functional.log_softmax)


def same_shape(got, shape) -> bool:
    return np.shape(got) == tuple(shape)


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
    grade.check(same_shape(got, shape), hint=HINTS["shape"],
                expected={"en": f"an array of shape {shape}", "ca": f"un array de forma {shape}"},
                got={"en": f"shape {np.shape(got)}: {got!r}", "ca": f"forma {np.shape(got)}: {got!r}"})
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


# --- 6.2 softmax and 6.3 log-softmax ----------------------------------------------------------
def expected_log_softmax(x: np.ndarray, axis: int) -> np.ndarray:
    shifted = x - x.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def random_scores(rng: np.random.Generator) -> tuple[np.ndarray, int]:
    shape = tuple(int(n) for n in rng.integers(1, 5, size=rng.integers(1, 4)))
    scale = rng.choice([0.1, 1.0, 10.0, 300.0])
    x = np.round(rng.normal(size=shape) * scale + rng.choice([0.0, 800.0, -800.0]), 3)
    axis = int(rng.integers(-len(shape), len(shape)))
    return x, axis


AWKWARD = [  # (scores, axis): overflow, underflow, rows far apart, other axes
    (np.array([1000.0, 1001.0, 1002.0]), -1),
    (np.array([1e300, 1e300, 0.0]), -1),
    (np.array([0.0, -1000.0]), 0),
    (np.array([[0.0, 1.0, 2.0], [-1000.0, -1001.0, -1002.0]]), -1),    # one max for all fails
    (np.array([[0.0, 1.0, 2.0], [-1000.0, -1001.0, -1002.0]]), 1),
    (np.array([[1.0, 2.0], [3.0, 5.0], [0.0, 0.0]]), 0),              # columns, not rows
    (np.array([[1.0, 2.0, 3.0], [3.0, 5.0, 4.0], [0.0, -2.0, 9.0]]), 0),   # square: axis matters
    (np.array([[[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]], [[0.0, -1.0], [2.0, 0.5], [800.0, 1.0]]]), 1),
    (np.array([[7.5, 7.5, 7.5, 7.5]]), -1),                           # all equal: uniform
    (np.array([42.0]), 0),                                            # one class: probability 1
]


def check_softmax(submission, grade, x: np.ndarray, axis: int) -> None:
    grade.trying(f"softmax({shown(x)}, axis={axis})")
    original = x.copy()
    with np.errstate(all="ignore"):  # a naive version overflows: judged below, not as a warning
        got = submission.softmax(x, axis=axis)
    expected = np.exp(expected_log_softmax(original, axis))
    grade.unchanged("x", x, original, hint=HINTS["untouched"])
    grade.check(same_shape(got, x.shape), hint=HINTS["same_shape"],
                expected={"en": f"an array of shape {x.shape}", "ca": f"un array de forma {x.shape}"},
                got={"en": f"shape {np.shape(got)}", "ca": f"forma {np.shape(got)}"})
    got = np.asarray(got, dtype=float)
    grade.check(bool(np.all(np.isfinite(got))), expected=expected, got=got, hint=HINTS["stable"])
    sums = got.sum(axis=axis)
    grade.check(np.allclose(sums, 1.0, rtol=0, atol=1e-9), hint=HINTS["axis"],
                expected={"en": f"slices along axis {axis} adding up to 1",
                          "ca": f"talls al llarg de l'eix {axis} que sumen 1"},
                got={"en": f"{got!r}, whose sums along axis {axis} are {sums!r}",
                     "ca": f"{got!r}, que al llarg de l'eix {axis} sumen {sums!r}"})
    grade.check(np.allclose(got, expected, rtol=1e-7, atol=1e-12), expected=expected, got=got,
                hint=HINTS["softmax_values"])


def check_log_softmax(submission, grade, x: np.ndarray, axis: int) -> None:
    grade.trying(f"log_softmax({shown(x)}, axis={axis})")
    original = x.copy()
    with np.errstate(all="ignore"):
        got = submission.log_softmax(x, axis=axis)
    expected = expected_log_softmax(original, axis)
    grade.unchanged("x", x, original, hint=HINTS["untouched"])
    grade.check(same_shape(got, x.shape), hint=HINTS["same_shape"],
                expected={"en": f"an array of shape {x.shape}", "ca": f"un array de forma {x.shape}"},
                got={"en": f"shape {np.shape(got)}", "ca": f"forma {np.shape(got)}"})
    got = np.asarray(got, dtype=float)
    grade.check(bool(np.all(np.isfinite(got))), expected=expected, got=got, hint=HINTS["log_finite"])
    grade.check(np.allclose(got, expected, rtol=1e-9, atol=1e-9), expected=expected, got=got,
                hint=HINTS["log_values"])


@pytest.mark.exercise("ch06.softmax", points=2)
class TestSoftmax:
    @pytest.mark.parametrize("x, axis", AWKWARD, ids=range(len(AWKWARD)))
    def test_awkward_scores(self, submission, grade, x, axis):
        check_softmax(submission, grade, x, axis)

    def test_random_arrays_and_axes(self, submission, grade):
        rng = grading.rng(6062)
        for _ in range(40):
            check_softmax(submission, grade, *random_scores(rng))

    def test_default_axis_is_the_last(self, submission, grade):
        x = np.array([[1.0, 2.0, 3.0], [2.0, 0.0, 1.0], [5.0, 5.0, -5.0]])
        grade.trying(f"softmax({shown(x)})")
        got = submission.softmax(x)
        expected = np.exp(expected_log_softmax(x, -1))
        grade.check(same_shape(got, x.shape) and np.allclose(got, expected, rtol=1e-7),
                    expected=expected, got=got, hint=HINTS["axis"])


@pytest.mark.exercise("ch06.log_softmax", points=2)
class TestLogSoftmax:
    @pytest.mark.parametrize("x, axis", AWKWARD, ids=range(len(AWKWARD)))
    def test_awkward_scores(self, submission, grade, x, axis):
        check_log_softmax(submission, grade, x, axis)

    def test_random_arrays_and_axes(self, submission, grade):
        rng = grading.rng(6063)
        for _ in range(40):
            check_log_softmax(submission, grade, *random_scores(rng))

    def test_default_axis_is_the_last(self, submission, grade):
        x = np.array([[1.0, 2.0, 3.0], [2.0, 0.0, 1.0], [5.0, 5.0, -5.0]])
        grade.trying(f"log_softmax({shown(x)})")
        got = submission.log_softmax(x)
        expected = expected_log_softmax(x, -1)
        grade.check(same_shape(got, x.shape) and np.allclose(got, expected, rtol=1e-9, atol=1e-9),
                    expected=expected, got=got, hint=HINTS["log_values"])
