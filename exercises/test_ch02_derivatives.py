"""Graders for chapter 2 (exercises/ch02_derivatives.py): numerical gradient, a new operation.

Every input is drawn anew each run (``--grading-seed`` repeats a run's), and there are many of
them plus edge cases, so an answer written for a few inputs cannot pass.
"""

import math

import pytest

import grading
from minigrad import Value

HINTS = {
    "central": {
        "en": "Not the central difference of the chapter. Reread 'Checking against a numerical "
              "derivative' in chapter 2: at which two points around x is f evaluated, and how far "
              "apart are they? Use the h you are given, and do not differentiate f exactly (with "
              "minigrad or by hand): the grader compares with the numerical estimate itself.",
        "ca": "No és la diferència central del capítol. Rellegeix «Comprovació amb una derivada "
              "numèrica» al capítol 2: en quins dos punts al voltant de x s'avalua f, i a quina "
              "distància estan l'un de l'altre? Fes servir la h que reps, i no derivis f "
              "exactament (ni amb minigrad ni a mà): el corrector compara amb l'estimació "
              "numèrica mateixa.",
    },
    "default_h": {
        "en": "When h is not given, numerical_gradient must use h = 1e-6, so f is evaluated at "
              "x + 1e-6 and x - 1e-6. Keep the default of the stub's signature.",
        "ca": "Quan no es dona h, numerical_gradient ha de fer servir h = 1e-6, de manera que f "
              "s'avaluï a x + 1e-6 i x - 1e-6. Mantén el valor per defecte de l'esquelet.",
    },
    "sin_node": {
        "en": "sin(v) must return a new Value (not v itself, nor a float) whose data is "
              "math.sin(v.data), and leave v unchanged.",
        "ca": "sin(v) ha de retornar un Value nou (ni v mateix ni un float) amb data igual a "
              "math.sin(v.data), sense modificar v.",
    },
    "sin_local": {
        "en": "After backward(), v.grad is not the derivative of sin at v. Which function is the "
              "derivative of sin, and is it evaluated at the operand or at the result of your "
              "node? Check its sign too.",
        "ca": "Després de backward(), v.grad no és la derivada de sin a v. Quina funció és la "
              "derivada de sin, i s'avalua en l'operand o en el resultat del teu node? Comprova'n "
              "també el signe.",
    },
    "sin_lazy": {
        "en": "Building the node must not touch v.grad: gradients are computed only by "
              "backward(). Store the local derivative in the node instead (local).",
        "ca": "Construir el node no ha de tocar v.grad: els gradients només els calcula "
              "backward(). Desa la derivada local dins del node (local).",
    },
    "sin_chain": {
        "en": "The gradient that reaches v through your node is missing or wrong. Reread 'The "
              "chain rule' in chapter 2: what does backward() need to find in your node (which "
              "parent, which local derivative, in which positions) to multiply by the gradient "
              "arriving from above?",
        "ca": "El gradient que arriba a v a través del teu node falta o és incorrecte. Rellegeix "
              "«La regla de la cadena» al capítol 2: què ha de trobar backward() al teu node "
              "(quin pare, quina derivada local, en quines posicions) per multiplicar-ho pel "
              "gradient que arriba de dalt?",
    },
}


def central(f, x, h=1e-6):
    """The grader's own central difference: never the learner's, so graders stay independent."""
    return (f(x + h) - f(x - h)) / (2 * h)


def random_cubic(rng):
    """A float-only cubic and its source. Floats only: passing it a Value raises TypeError."""
    a, b, c, d = (round(rng.uniform(-3, 3), 2) for _ in range(4))
    a = a if abs(a) > 0.2 else 1.5  # the x³ term makes h matter: central = f'(x) + a·h²

    def f(x):
        if not isinstance(x, float):
            raise TypeError(f"f takes a float, got {type(x).__name__}")
        return a * x ** 3 + b * x ** 2 + c * x + d
    return f, f"lambda x: {a}*x**3 + {b}*x**2 + {c}*x + {d}"


@pytest.mark.exercise("ch02.numerical_gradient", points=2)
class TestNumericalGradient:
    def test_central_difference_on_random_cubics(self, submission, grade):
        # h is large on purpose: the exact derivative (from minigrad, or by hand) and the
        # one-sided difference both differ from the central difference by a multiple of h.
        rng = grading.random(2002)
        for _ in range(25):
            f, source = random_cubic(rng)
            x, h = round(rng.uniform(-4, 4), 3), rng.choice([0.5, 0.25, 0.1])
            grade.trying(f"numerical_gradient({source}, {x}, h={h})")
            got = submission.numerical_gradient(f, x, h)
            grade.close(got, central(f, x, h), hint=HINTS["central"])

    @pytest.mark.parametrize("name, f, x, h", [
        pytest.param("lambda x: 7.0", lambda x: 7.0, 1.3, 0.1, id="constant"),
        pytest.param("abs", abs, 0.0, 0.1, id="kink"),  # the two sides cancel: 0, not 1
        pytest.param("math.exp", math.exp, -2.0, 0.5, id="exp"),
        pytest.param("math.sin", math.sin, 1e3, 1e-3, id="far_from_zero"),
        pytest.param("lambda x: x**2", lambda x: x ** 2, -1e-8, 1e-4, id="tiny_x"),
    ])
    def test_edge_cases(self, submission, grade, name, f, x, h):
        grade.trying(f"numerical_gradient({name}, {x}, h={h})")
        got = submission.numerical_gradient(f, x, h)
        grade.close(got, central(f, x, h), hint=HINTS["central"])

    def test_default_step_is_one_millionth(self, submission, grade):
        points = []

        def f(x):
            points.append(x)
            return math.sin(x)
        grade.trying("numerical_gradient(math.sin, 0.7)")
        got = submission.numerical_gradient(f, 0.7)
        both_sides = all(any(math.isclose(p, 0.7 + s, rel_tol=0, abs_tol=1e-12) for p in points)
                         for s in (1e-6, -1e-6))
        evaluated = ", ".join(f"{p!r}" for p in points)
        grade.check(both_sides, hint=HINTS["default_h"],
                    expected={"en": "f evaluated at 0.700001 and 0.699999",
                              "ca": "f avaluada a 0.700001 i 0.699999"},
                    got={"en": f"f evaluated at {evaluated}", "ca": f"f avaluada a {evaluated}"})
        grade.close(got, central(math.sin, 0.7), hint=HINTS["default_h"])


SIN_POINTS = [0.0, math.pi / 2, -math.pi / 2, math.pi, 2.5, -3.0, 100.0, 1e-8]


def sin_points():
    rng = grading.random(2017)
    return SIN_POINTS + [round(rng.uniform(-10, 10), 4) for _ in range(30)]


@pytest.mark.exercise("ch02.sin", points=3)
class TestSin:
    def test_value_and_gradient(self, submission, grade):
        for x in sin_points():
            v, setup = Value(x), f"v = Value({x}); out = sin(v)"
            grade.trying(setup)
            out = submission.sin(v)
            grade.check(isinstance(out, Value) and out is not v and v.data == x,
                        expected={"en": f"a new Value, and v unchanged: {Value(x)!r}",
                                  "ca": f"un Value nou, i v sense canvis: {Value(x)!r}"},
                        got={"en": f"{out!r}, and v: {v!r}", "ca": f"{out!r}, i v: {v!r}"},
                        hint=HINTS["sin_node"])
            grade.trying(f"{setup}; out.data")
            grade.close(out.data, math.sin(x), hint=HINTS["sin_node"], rel=1e-12, abs=1e-12)
            grade.trying(f"{setup}; v.grad")
            grade.check(v.grad == 0.0, got=v.grad, hint=HINTS["sin_lazy"],
                        expected={"en": "0.0 (backward() has not run yet)",
                                  "ca": "0.0 (encara no s'ha executat backward())"})
            grade.trying(f"{setup}; out.backward(); v.grad")
            out.backward()
            # No gradient at all means the node does not list v as its parent.
            hint = HINTS["sin_chain"] if v.grad == 0.0 else HINTS["sin_local"]
            grade.close(v.grad, central(math.sin, x), hint=hint, rel=1e-6, abs=1e-6)

    def test_inside_a_bigger_expression(self, submission, grade):
        # y = sin(a·b + c)·a + sin(sin(b)): sin of a computed node, sin of sin, a reached twice.
        def y(a, b, c, sin):
            return sin(a * b + c) * a + sin(sin(b))
        rng = grading.random(2021)
        for _ in range(15):
            values = [round(rng.uniform(-3, 3), 3) for _ in range(3)]
            leaves = [Value(x) for x in values]
            code = ("a, b, c = Value({}), Value({}), Value({}); "
                    "y = sin(a*b + c)*a + sin(sin(b)); y.backward()".format(*values))
            grade.trying(code)
            y(*leaves, submission.sin).backward()
            for i, (name, leaf) in enumerate(zip("abc", leaves)):
                def along(t, i=i):
                    return y(*values[:i], t, *values[i + 1:], math.sin)
                grade.trying(f"{code}; {name}.grad")
                grade.close(leaf.grad, central(along, values[i]), hint=HINTS["sin_chain"],
                            rel=1e-5, abs=1e-6)
