"""Graders for chapter 6, part 2 (exercises/ch06_engine.py): the backward of * and of @.

The learner's functions take numpy arrays and return the gradients of an operation's inputs.
The grader's oracle is the definition of a gradient: central differences of
L = sum(op(inputs) · grad) in float64 (exact up to rounding, since both operations are linear
in each input), on many random shapes with broadcasting, batches and vectors. minigrad's
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
    "mul_shape": words(
        "Each gradient has its input's shape. grad * y has the shape of the result, where x "
        "was broadcast: sum it back with unbroadcast(grad * y, x.shape), and likewise for y.",
        "Cada gradient té la forma de la seva entrada. grad * y té la forma del resultat, on "
        "x s'ha estès: torna-hi amb unbroadcast(grad * y, x.shape), i igual per a y."),
    "mul_values": words(
        "The shapes are right but not the numbers. The derivative of x·y with respect to x is "
        "y, the OTHER input: dL/dx = unbroadcast(grad * y, x.shape) and dL/dy = "
        "unbroadcast(grad * x, y.shape). If exercise 6.1 does not pass yet, fix it first.",
        "Les formes són correctes, però els nombres no. La derivada de x·y respecte de x és "
        "y, l'ALTRA entrada: dL/dx = unbroadcast(grad * y, x.shape) i dL/dy = "
        "unbroadcast(grad * x, y.shape). Si l'exercici 6.1 encara no passa, arregla'l primer."),
    "matmul_shape": words(
        "Each gradient has its input's shape. For a batch, transpose only the last two axes "
        "(np.swapaxes(b, -1, -2); b.T reverses all of them) and unbroadcast the batch axes. "
        "A 1-D a is a row (a[None, :]) and a 1-D b a column (b[:, None]): give grad back the "
        "axis of size 1 that the product dropped, and drop it again at the end.",
        "Cada gradient té la forma de la seva entrada. En un lot, transposa només els dos "
        "últims eixos (np.swapaxes(b, -1, -2); b.T els inverteix tots) i desfés el "
        "broadcasting dels eixos de lot. Una a 1-D és una fila (a[None, :]) i una b 1-D una "
        "columna (b[:, None]): torna a grad l'eix de mida 1 que el producte ha tret, i "
        "treu-lo de nou al final."),
    "matmul_values": words(
        "The shapes are right but not the numbers. dL/da = grad @ bᵀ and dL/db = aᵀ @ grad, "
        "with ᵀ the swap of the LAST TWO axes only, and the batch copies summed. If exercise "
        "6.1 does not pass yet, fix it first.",
        "Les formes són correctes, però els nombres no. dL/da = grad @ bᵀ i dL/db = aᵀ @ grad, "
        "on ᵀ intercanvia només els DOS ÚLTIMS eixos, i se sumen les còpies del lot. Si "
        "l'exercici 6.1 encara no passa, arregla'l primer."),
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


def check_backward(grade, function, op, inputs, grad, shape_hint, values_hint):
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
        check_close(grade, g, e, values_hint, rtol=1e-6, atol=1e-8)


def random_array(rng, shape):
    return np.round(rng.normal(size=shape), 2)


# --- 6.4 mul_backward ---------------------------------------------------------------------
def broadcast_pair(rng) -> tuple[tuple, tuple]:
    """Two shapes that broadcast: some leading axes dropped, some axes of size 1, either side."""
    big = tuple(int(n) for n in rng.integers(1, 5, size=rng.integers(0, 4)))
    def one():
        kept = big[rng.integers(0, len(big) + 1):]
        return tuple(1 if rng.random() < 0.35 else n for n in kept)
    return one(), one()


MUL_CASES = [((3, 4), (3, 4)), ((), (3, 4)), ((3, 4), ()), ((4,), (3, 4)), ((3, 1), (1, 4)),
             ((2, 1, 3), (4, 1)), ((1,), (5,)), ((2, 3), (2, 1)), ((1, 1), (2, 3, 1)), ((), ())]


def check_mul(submission, grade, xs, ys, rng):
    x, y = random_array(rng, xs), random_array(rng, ys)
    grad = random_array(rng, np.broadcast_shapes(xs, ys))
    grade.trying(f"mul_backward({shown(x)}, {shown(y)}, grad={shown(grad)})")
    check_backward(grade, submission.mul_backward, np.multiply, [x, y], grad,
                   HINTS["mul_shape"], HINTS["mul_values"])


@pytest.mark.exercise("ch06.mul_backward", points=2)
class TestMulBackward:
    @pytest.mark.parametrize("xs, ys", MUL_CASES, ids=str)
    def test_edge_cases(self, submission, grade, xs, ys):
        check_mul(submission, grade, xs, ys, np.random.default_rng(64))

    def test_random_shapes(self, submission, grade):
        rng = np.random.default_rng(6064)
        for _ in range(40):
            check_mul(submission, grade, *broadcast_pair(rng), rng)


# --- 6.5 matmul_backward ------------------------------------------------------------------
MATMUL_CASES = [
    ((3, 4), (4, 2)), ((1, 3), (3, 1)), ((4,), (4, 2)), ((3, 4), (4,)), ((4,), (4,)),
    ((2, 3, 4), (4, 5)), ((3, 4), (2, 4, 5)), ((2, 3, 4), (2, 4, 5)), ((1, 3, 4), (2, 4, 2)),
    ((2, 1, 3, 4), (5, 4, 2)), ((4,), (2, 4, 3)), ((2, 3, 4), (4,)), ((3, 3), (3, 3)),
]


def random_matmul_shapes(rng) -> tuple[tuple, tuple]:
    n, k, m = (int(v) for v in rng.integers(1, 5, size=3))
    batch = tuple(int(v) for v in rng.integers(1, 4, size=rng.integers(0, 3)))
    def side(core, vector_ok):
        if vector_ok and rng.random() < 0.2:
            return (k,)
        kept = batch[rng.integers(0, len(batch) + 1):]
        return tuple(1 if rng.random() < 0.3 else v for v in kept) + core
    return side((n, k), True), side((k, m), True)


def check_matmul(submission, grade, a_shape, b_shape, rng):
    a, b = random_array(rng, a_shape), random_array(rng, b_shape)
    grad = random_array(rng, np.matmul(a, b).shape)
    grade.trying(f"matmul_backward({shown(a)}, {shown(b)}, grad={shown(grad)})")
    check_backward(grade, submission.matmul_backward, np.matmul, [a, b], grad,
                   HINTS["matmul_shape"], HINTS["matmul_values"])


@pytest.mark.exercise("ch06.matmul_backward", points=3)
class TestMatmulBackward:
    @pytest.mark.parametrize("a_shape, b_shape", MATMUL_CASES, ids=str)
    def test_edge_cases(self, submission, grade, a_shape, b_shape):
        check_matmul(submission, grade, a_shape, b_shape, np.random.default_rng(65))

    def test_random_shapes(self, submission, grade):
        rng = np.random.default_rng(6065)
        for _ in range(40):
            check_matmul(submission, grade, *random_matmul_shapes(rng), rng)
