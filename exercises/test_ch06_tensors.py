"""Graders for chapter 6 (exercises/ch06_tensors.py): unbroadcast, log-sum-exp, log-softmax.

The learner's functions take and return numpy arrays, and the grader computes every expected
value itself (log-sum-exp against a float64 reference summed slice by slice with
math.fsum). minigrad already has all three (``Tensor``'s broadcasting gradient,
``Tensor.softmax``, ``F.log_softmax``, ...): an autouse fixture switches them off before the
learner's module is loaded, so calling them cannot pass. Inputs are drawn anew each run,
many of them, plus edge cases, so an answer written for a few inputs cannot pass either.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import grading
from grading import shown
import minigrad.functional
import minigrad.shapes
import minigrad.stable

HINTS = {
    "shape": {
        "en": "The result must have exactly the input's shape. Reread 'The gradient of a "
              "broadcast' in chapter 6: which axes did broadcasting add in front of the input's, "
              "which did it stretch from size 1, and what must become of each of them on the way "
              "back?",
        "ca": "El resultat ha de tenir exactament la forma de l'entrada. Rellegeix «El gradient "
              "d'un *broadcasting*» al capítol 6: quins eixos ha afegit el broadcasting davant "
              "dels de l'entrada, quins ha estirat des de mida 1, i què n'ha de passar de "
              "cadascun en el camí de tornada?",
    },
    "sum": {
        "en": "The shape is right but not the numbers. Each copy made by broadcasting received "
              "its own gradient: how do the copies' gradients combine into the gradient of the "
              "one entry they came from? And was an axis where both shape and grad have size 1 "
              "stretched at all?",
        "ca": "La forma és correcta, però els nombres no. Cada còpia que ha fet el broadcasting "
              "ha rebut el seu propi gradient: com es combinen els gradients de les còpies en el "
              "gradient de l'únic element del qual provenen? I un eix on shape i grad tenen tots "
              "dos mida 1, s'ha estirat?",
    },
    "untouched": {
        "en": "Do not modify the array you receive (no +=, -= or sum(..., out=...) on it): "
              "work on new arrays. The caller may still need the original.",
        "ca": "No modifiquis l'array que reps (res de +=, -= o sum(..., out=...) sobre ell): "
              "treballa amb arrays nous. Qui et crida potser encara necessita l'original.",
    },
    "lse_stable": {
        "en": "Some entries are inf or nan where the answer is finite: exp overflowed (scores "
              "above ~709) or a whole slice underflowed to 0 (scores below ~-745). Reread "
              "'Softmax without overflow' in chapter 6: which number can you take out of every "
              "score of a slice, and put back afterwards, so that no exponential overflows and "
              "the sum is at least 1? One number for the whole array, or one for each slice?",
        "ca": "Hi ha elements inf o nan on la resposta és finita: l'exponencial s'ha desbordat "
              "(puntuacions de més de ~709) o un tall sencer ha quedat en 0 (puntuacions de menys "
              "de ~-745). Rellegeix «La softmax sense desbordaments» al capítol 6: quin nombre "
              "pots treure de cada puntuació d'un tall, i tornar a afegir després, perquè cap "
              "exponencial no es desbordi i la suma sigui com a mínim 1? Un sol nombre per a tot "
              "l'array o un per a cada tall?",
    },
    "lse_masked": {
        "en": "A slice whose scores are all -inf (all masked) must give -inf: the sum of its "
              "exponentials is 0. Yours gives nan. Follow your shift through such a slice by hand: "
              "what is its maximum, and what is -inf minus that maximum? Which shift would be "
              "harmless there, and would it change the answer?",
        "ca": "Un tall amb totes les puntuacions a -inf (tot emmascarat) ha de donar -inf: la "
              "suma de les seves exponencials és 0. El teu dona nan. Segueix a mà el teu "
              "desplaçament en un tall així: quin és el màxim, i quant fa -inf menys aquest "
              "màxim? Quin desplaçament hi seria inofensiu, i canviaria la resposta?",
    },
    "lse_shape": {
        "en": "The result has the wrong shape. The reduced axis goes away, as in np.sum(x, axis), "
              "unless keepdims is true: then it stays with size 1. Follow the keepdims argument "
              "you receive, and reduce along `axis`, whatever it is: 0, 1, -1, ...",
        "ca": "El resultat no té la forma correcta. L'eix reduït desapareix, com a "
              "np.sum(x, axis), tret que keepdims sigui cert: aleshores es manté amb mida 1. "
              "Segueix l'argument keepdims que reps, i redueix al llarg de `axis`, sigui quin "
              "sigui: 0, 1, -1, ...",
    },
    "lse_values": {
        "en": "Finite, of the right shape, but not log Σ exp of each slice (or not along `axis`). "
              "Whatever you subtract from the scores before the exponentials must be added back "
              "after the logarithm, slice by slice. Check one small slice by hand.",
        "ca": "Finit, de la forma correcta, però no és el log Σ exp de cada tall (o no al llarg "
              "de `axis`). El que restis de les puntuacions abans de les exponencials ho has de "
              "tornar a sumar després del logaritme, tall per tall. Comprova a mà un tall petit.",
    },
    "same_shape": {
        "en": "The result must have the shape of x: one output per score. Use keepdims=True "
              "in max and sum so that the reduced axis stays (size 1) and broadcasts back.",
        "ca": "El resultat ha de tenir la forma de x: una sortida per puntuació. Fes servir "
              "keepdims=True a max i sum perquè l'eix reduït es mantingui (mida 1) i es pugui "
              "fer broadcasting.",
    },
    "log_finite": {
        "en": "Some entries are -inf, inf or nan. A probability that underflows to 0 has log(0) = "
              "-inf, so log of a softmax cannot work for large scores. Reread the log-sum-exp in "
              "'Softmax without overflow' in chapter 6: how is log-softmax written so that no exp "
              "can overflow and no log sees a 0?",
        "ca": "Hi ha elements -inf, inf o nan. Una probabilitat que queda en 0 té log(0) = -inf, "
              "de manera que el log d'una softmax no pot funcionar amb puntuacions grans. "
              "Rellegeix el log-sum-exp a «La softmax sense desbordaments» al capítol 6: com "
              "s'escriu la log-softmax perquè cap exponencial no es desbordi i cap logaritme no "
              "vegi un 0?",
    },
    "log_values": {
        "en": "Not the log-softmax of each slice (or not along the right axis). Check the "
              "chapter's log-sum-exp term by term: the shift by the slice's maximum must cancel "
              "out of the result, for every entry, and every sum runs along `axis`.",
        "ca": "No és la log-softmax de cada tall (o no al llarg de l'eix correcte). Comprova "
              "terme a terme el log-sum-exp del capítol: el desplaçament pel màxim del tall s'ha "
              "d'anul·lar en el resultat, per a cada element, i cada suma es fa al llarg de "
              "`axis`.",
    },
}

library_switched_off = grading.switched_off(
    minigrad.shapes.unbroadcast, minigrad.Tensor.softmax, minigrad.Tensor.log_softmax,
    minigrad.functional.softmax, minigrad.functional.log_softmax, minigrad.stable.log_softmax)


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


def check_log_softmax(submission, grade, x: np.ndarray, axis: int) -> None:
    grade.trying(f"log_softmax({shown(x)}, axis={axis})")
    original = x.copy()
    with np.errstate(all="ignore"):
        got = submission.log_softmax(x, axis=axis)
    expected = expected_log_softmax(original, axis)
    grade.unchanged("x", x, original, hint=HINTS["untouched"])
    grade.array_shape(got, x.shape, hint=HINTS["same_shape"])
    got = np.asarray(got, dtype=float)
    grade.check(bool(np.all(np.isfinite(got))), expected=expected, got=got, hint=HINTS["log_finite"])
    grade.check(np.allclose(got, expected, rtol=1e-9, atol=1e-9), expected=expected, got=got,
                hint=HINTS["log_values"])


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
