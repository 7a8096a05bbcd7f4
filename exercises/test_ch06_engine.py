"""Graders for chapter 6, part 2 (exercises/ch06_engine.py): the backward of / and of xᵀ a x.

The learner's functions take numpy arrays and return the gradients of an operation's inputs.
The grader's oracle is the definition of a gradient: central differences of
L = sum(op(inputs) · grad) in float64, on many random shapes with broadcasting, batches and
vectors. The quadratic form is quadratic in x and linear in a, so its differences are exact up
to rounding; the quotient is not linear in y, whose divisors stay away from 0 (|y| ≥ 1) so that the differences'
truncation error, of order eps² · |x| / |y|⁴, stays far below the tolerance. minigrad's
backpropagation would compute the answers: an autouse fixture switches it off before the
learner's module is loaded. The module imports ``unbroadcast`` from ``ch06_tensors``: the
graded folder's own (the learner's exercise 6.1, or the reference with ``--solutions``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from _engine_checks import (as_pair, check_close, check_untouched, numerical_gradients, shown,
                            switch_off_minigrad, use_graded_sibling, words)

HINTS = {
    "pair": words(
        "Return a pair (tuple) of two arrays: the gradient of the first input, then the "
        "gradient of the second.",
        "Retorna una parella (tupla) de dos arrays: el gradient de la primera entrada i "
        "després el de la segona."),
    "untouched": words(
        "Do not modify the arrays you receive (no *=, += or out=... on them): the engine "
        "passes the same upstream gradient to several backward functions.",
        "No modifiquis els arrays que reps (res de *=, += o out=... sobre ells): el motor "
        "passa el mateix gradient de sortida a diverses funcions cap enrere."),
    "div_shape": words(
        "Each gradient must have its input's shape. Where an input was broadcast, its gradient "
        "comes out with the shape of the result: which function of exercise 6.1 takes it back to "
        "the input's shape?",
        "Cada gradient ha de tenir la forma de la seva entrada. On una entrada s'ha estès per "
        "broadcasting, el seu gradient surt amb la forma del resultat: quina funció de l'exercici "
        "6.1 el torna a la forma de l'entrada?"),
    "div_values": words(
        "The shapes are right but not the numbers. Entry by entry, out = x / y: when x moves a "
        "little, how much does out move? And when y moves: does out grow or shrink, and how "
        "fast, for a small y and for a large one? Check your derivative with a central "
        "difference on one entry. If exercise 6.1 does not pass yet, fix it first.",
        "Les formes són correctes, però els nombres no. Element a element, out = x / y: quan x "
        "es mou una mica, quant es mou out? I quan es mou y: out creix o decreix, i a quina "
        "velocitat, per a una y petita i per a una de gran? Comprova la teva derivada amb una "
        "diferència centrada en un sol element. Si l'exercici 6.1 encara no passa, arregla'l "
        "primer."),
    "quad_shape": words(
        "Each gradient must have its input's shape: dL/dx that of x, (..., d), and dL/da that "
        "of the matrix a, (d, d). The matrix a is shared by every example of the batch: what "
        "becomes of the gradients that the examples send to it?",
        "Cada gradient ha de tenir la forma de la seva entrada: dL/dx la de x, (..., d), i dL/da "
        "la de la matriu a, (d, d). Tots els exemples del lot comparteixen la matriu a: què "
        "passa amb els gradients que cada exemple li envia?"),
    "quad_values": words(
        "The shapes are right but not the numbers. Write out = Σ_ij x_i a_ij x_j for one example "
        "with d = 2 and differentiate it by hand with respect to x_1 and to a_12: x appears in two "
        "places, and the matrix a need not be symmetric (the grader's is not). Compare with a "
        "central difference on one entry.",
        "Les formes són correctes, però els nombres no. Escriu out = Σ_ij x_i a_ij x_j per a un "
        "exemple amb d = 2 i deriva-ho a mà respecte de x_1 i d'a_12: x apareix en dos llocs, i "
        "la matriu a no té per què ser simètrica (la del corrector no ho és). Compara-ho amb una "
        "diferència centrada en un sol element."),
    "unbroadcast_first": words(
        "Your code calls unbroadcast from exercise 6.1 (exercises/ch06_tensors.py), which "
        "still raises NotImplementedError: do exercise 6.1 first (pytest "
        "exercises/test_ch06_tensors.py -m ch06.unbroadcast).",
        "El teu codi crida unbroadcast de l'exercici 6.1 (exercises/ch06_tensors.py), que "
        "encara llança NotImplementedError: fes primer l'exercici 6.1 (pytest "
        "exercises/test_ch06_tensors.py -m ch06.unbroadcast)."),
}


@pytest.fixture(autouse=True)
def prepared(request, monkeypatch):
    """Before the learner's module loads (autouse fixtures run first)."""
    switch_off_minigrad(monkeypatch)
    use_graded_sibling(request.config, monkeypatch, "ch06_tensors")


def backward(grade, function, *args):
    """``function(*args)``, telling a stub unbroadcast (exercise 6.1) from this exercise's."""
    try:
        return function(*args)
    except NotImplementedError as error:
        inner = error.__traceback__
        while inner.tb_next is not None:
            inner = inner.tb_next
        grade.check(Path(inner.tb_frame.f_code.co_filename).name != "ch06_tensors.py",
                    hint=HINTS["unbroadcast_first"],
                    expected=words("unbroadcast done (exercise 6.1)",
                                   "unbroadcast fet (exercici 6.1)"),
                    got=words("unbroadcast still raises NotImplementedError",
                              "unbroadcast encara llança NotImplementedError"))
        raise


def check_backward(grade, function, op, inputs, grad, shape_hint, values_hint, atol=1e-8):
    """The learner's backward of ``op`` against central differences, input by input."""
    originals = [x.copy() for x in (*inputs, grad)]
    got = as_pair(backward(grade, function, *inputs, grad))
    check_untouched(grade, [*inputs, grad], originals, HINTS["untouched"])
    grade.check(got is not None and all(g is not None for g in got), hint=HINTS["pair"],
                expected=words("(dL/d first input, dL/d second input)",
                               "(dL/d primera entrada, dL/d segona entrada)"), got=got)
    shapes = tuple(g.shape for g in got)
    wanted = tuple(x.shape for x in inputs)
    grade.check(shapes == wanted, hint=shape_hint,
                expected=words(f"gradients of shapes {wanted}", f"gradients de formes {wanted}"),
                got=words(f"gradients of shapes {shapes}", f"gradients de formes {shapes}"))
    expected = numerical_gradients(op, list(originals[:-1]), originals[-1])
    for g, e in zip(got, expected):
        check_close(grade, g, e, values_hint, rtol=1e-6, atol=atol)


def random_array(rng, shape):
    return np.round(rng.normal(size=shape), 2)


# --- 6.4 div_backward ---------------------------------------------------------------------
def broadcast_pair(rng) -> tuple[tuple, tuple]:
    """Two shapes that broadcast: some leading axes dropped, some axes of size 1, either side."""
    big = tuple(int(n) for n in rng.integers(1, 5, size=rng.integers(0, 4)))
    def one():
        kept = big[rng.integers(0, len(big) + 1):]
        return tuple(1 if rng.random() < 0.35 else n for n in kept)
    return one(), one()


DIV_CASES = [((3, 4), (3, 4)), ((), (3, 4)), ((3, 4), ()), ((4,), (3, 4)), ((3, 1), (1, 4)),
             ((2, 1, 3), (4, 1)), ((1,), (5,)), ((2, 3), (2, 1)), ((1, 1), (2, 3, 1)), ((), ())]


def divisors(rng, shape) -> np.ndarray:
    """Entries of either sign with 1 ≤ |y| ≤ 3: never near the pole of x / y at 0."""
    return np.round(rng.choice([-1.0, 1.0], size=shape) * rng.uniform(1.0, 3.0, size=shape), 2)


def check_div(submission, grade, xs, ys, rng):
    x, y = random_array(rng, xs), divisors(rng, ys)
    grad = random_array(rng, np.broadcast_shapes(xs, ys))
    grade.trying(f"div_backward({shown(x)}, {shown(y)}, grad={shown(grad)})")
    # atol: the truncation error of the differences in y, summed over up to 64 copies.
    check_backward(grade, submission.div_backward, np.divide, [x, y], grad,
                   HINTS["div_shape"], HINTS["div_values"], atol=1e-6)


@pytest.mark.exercise("ch06.div_backward", points=2)
class TestDivBackward:
    @pytest.mark.parametrize("xs, ys", DIV_CASES, ids=str)
    def test_edge_cases(self, submission, grade, xs, ys):
        check_div(submission, grade, xs, ys, np.random.default_rng(64))

    def test_random_shapes(self, submission, grade):
        rng = np.random.default_rng(6064)
        for _ in range(40):
            check_div(submission, grade, *broadcast_pair(rng), rng)


# --- 6.5 quadratic_backward -----------------------------------------------------------------
def quadratic(x: np.ndarray, a: np.ndarray) -> np.ndarray:
    """The grader's own forward: xᵀ a x for every row of x."""
    return np.einsum("...i,ij,...j->...", x, a, x)


QUAD_CASES = [((3,), False), ((1, 3), False), ((4, 2), False), ((5, 3), True), ((2, 3, 4), False),
              ((1,), False), ((6, 1), False), ((2, 1, 3), True)]   # True: a symmetric a


def check_quadratic(submission, grade, x_shape, symmetric, rng):
    d = x_shape[-1]
    x, a = random_array(rng, x_shape), random_array(rng, (d, d))
    if symmetric:
        a = np.round((a + a.T) / 2, 3)
    grad = random_array(rng, x_shape[:-1])
    grade.trying(f"quadratic_backward({shown(x)}, {shown(a)}, grad={shown(grad)})")
    check_backward(grade, submission.quadratic_backward, quadratic, [x, a], grad,
                   HINTS["quad_shape"], HINTS["quad_values"])


@pytest.mark.exercise("ch06.quadratic_backward", points=3)
class TestQuadraticBackward:
    @pytest.mark.parametrize("x_shape, symmetric", QUAD_CASES, ids=str)
    def test_edge_cases(self, submission, grade, x_shape, symmetric):
        check_quadratic(submission, grade, x_shape, symmetric, np.random.default_rng(65))

    def test_random_shapes(self, submission, grade):
        rng = np.random.default_rng(6065)
        for _ in range(40):
            batch = tuple(int(v) for v in rng.integers(1, 4, size=rng.integers(0, 3)))
            check_quadratic(submission, grade, batch + (int(rng.integers(1, 5)),), False, rng)
