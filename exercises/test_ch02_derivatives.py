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
        "en": "Not the central differences of the chapter. Reread 'Checking against a numerical "
              "derivative' in chapter 2, and the partial derivative in 'Derivatives': for element "
              "i of the result, at which two points is f evaluated, and which coordinates stay as "
              "they are? Use the h you are given, and do not differentiate f exactly (with "
              "minigrad or by hand): the grader compares with the numerical estimate itself.",
        "ca": "No són les diferències centrades del capítol. Rellegeix «Comprovació amb una "
              "derivada numèrica» al capítol 2, i la derivada parcial a «Derivades»: per a "
              "l'element i del resultat, en quins dos punts s'avalua f, i quines coordenades es "
              "queden com estan? Fes servir la h que reps, i no derivis f exactament (ni amb "
              "minigrad ni a mà): el corrector compara amb l'estimació numèrica mateixa.",
    },
    "length": {
        "en": "numerical_gradient must return a list with one number per coordinate of x: as "
              "many elements as x has, in the same order.",
        "ca": "numerical_gradient ha de retornar una llista amb un nombre per cada coordenada de "
              "x: tants elements com té x, en el mateix ordre.",
    },
    "x_unchanged": {
        "en": "After the call, x is not what it was: numerical_gradient must leave the caller's "
              "point unchanged. Evaluate f at modified copies of x instead.",
        "ca": "Després de la crida, x ja no és el que era: numerical_gradient ha de deixar "
              "intacte el punt que li passa el codi que la crida. Avalua f en còpies modificades de x.",
    },
    "default_h": {
        "en": "When h is not given, numerical_gradient must use h = 1e-6, so each coordinate is "
              "moved by 1e-6 each way. Keep the default of the stub's signature.",
        "ca": "Quan no es dona h, numerical_gradient ha de fer servir h = 1e-6, de manera que "
              "cada coordenada es desplaci 1e-6 en cada sentit. Mantén el valor per defecte de "
              "l'esquelet.",
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
    """The grader's own central differences: never the learner's, so graders stay independent."""
    partials = []
    for i in range(len(x)):
        up, down = list(x), list(x)
        up[i], down[i] = x[i] + h, x[i] - h
        partials.append((f(up) - f(down)) / (2 * h))
    return partials


def slope(f, x):
    """The grader's central difference of a function of one number."""
    return central(lambda point: f(point[0]), [x])[0]


def floats_only(point):
    """Refuse a point made of anything but floats: passing Values would differentiate exactly."""
    if not all(isinstance(v, float) for v in point):
        raise TypeError(f"f takes a list of floats, got {point!r}")


def random_polynomial(rng, n):
    """A float-only polynomial of n inputs and its source.

    The cubes make h matter (central = ∂f/∂x_i + a_i·h²) and the products x_i·x_j make every
    partial derivative depend on the other coordinates, so moving all of them at once is wrong.
    """
    cubes = [round(rng.uniform(0.5, 3), 2) * rng.choice([-1, 1]) for _ in range(n)]
    pairs = [(i, j, round(rng.uniform(-2, 2), 2)) for i in range(n) for j in range(i + 1, n)]
    linear = [round(rng.uniform(-3, 3), 2) for _ in range(n)]

    def f(x):
        floats_only(x)
        return (sum(a * v ** 3 + c * v for a, c, v in zip(cubes, linear, x))
                + sum(b * x[i] * x[j] for i, j, b in pairs))
    terms = [f"{a}*x[{i}]**3 + {c}*x[{i}]" for i, (a, c) in enumerate(zip(cubes, linear))]
    terms += [f"{b}*x[{i}]*x[{j}]" for i, j, b in pairs]
    return f, "lambda x: " + " + ".join(terms)


def check_gradient(grade, got, expected):
    """Grade a whole gradient: a list of the right length, then each element."""
    grade.check(isinstance(got, list) and len(got) == len(expected), hint=HINTS["length"],
                expected={"en": f"a list of {len(expected)} numbers",
                          "ca": f"una llista de {len(expected)} nombres"},
                got=got)
    for g, e in zip(got, expected):
        grade.close(g, e, hint=HINTS["central"])


@pytest.mark.exercise("ch02.numerical_gradient", points=2)
class TestNumericalGradient:
    def test_central_differences_on_random_polynomials(self, submission, grade):
        # h is large on purpose: the exact derivative (from minigrad, or by hand) and the
        # one-sided difference both differ from the central difference by a multiple of h.
        rng = grading.random(2002)
        for _ in range(25):
            n = rng.randint(1, 4)
            f, source = random_polynomial(rng, n)
            x = [round(rng.uniform(-4, 4), 3) for _ in range(n)]
            h = rng.choice([0.5, 0.25, 0.1])
            grade.trying(f"x = {x}; numerical_gradient({source}, x, h={h})")
            given = list(x)
            got = submission.numerical_gradient(f, given, h)
            grade.check(given == x, hint=HINTS["x_unchanged"], expected=x, got=given)
            check_gradient(grade, got, central(f, x, h))

    @pytest.mark.parametrize("name, f, x, h", [
        pytest.param("lambda x: 7.0", lambda x: 7.0, [1.3, -0.4], 0.1, id="constant"),
        pytest.param("lambda x: abs(x[0]) + x[1]", lambda x: abs(x[0]) + x[1], [0.0, 2.0], 0.1,
                     id="kink"),  # the two sides cancel: 0, not 1
        pytest.param("lambda x: math.exp(x[0] * x[1])", lambda x: math.exp(x[0] * x[1]),
                     [-2.0, 0.5], 0.5, id="exp"),
        pytest.param("lambda x: math.sin(x[0])", lambda x: math.sin(x[0]), [1e3], 1e-3,
                     id="one_input_far_from_zero"),
        pytest.param("lambda x: x[0]**2 * x[2]", lambda x: x[0] ** 2 * x[2], [-1e-8, 5.0, 3.0],
                     1e-4, id="unused_input"),
    ])
    def test_edge_cases(self, submission, grade, name, f, x, h):
        grade.trying(f"numerical_gradient({name}, {x}, h={h})")
        check_gradient(grade, submission.numerical_gradient(f, list(x), h), central(f, x, h))

    def test_default_step_is_one_millionth(self, submission, grade):
        x, points = [0.7, -1.2], []

        def f(point):
            points.append(list(point))
            return math.sin(point[0]) * math.cos(point[1])
        grade.trying(f"numerical_gradient(lambda x: math.sin(x[0]) * math.cos(x[1]), {x})")
        got = submission.numerical_gradient(f, list(x))
        wanted = [[x[0] + s, x[1]] for s in (1e-6, -1e-6)]
        wanted += [[x[0], x[1] + s] for s in (1e-6, -1e-6)]
        every_side = all(any(all(math.isclose(p, w, rel_tol=0, abs_tol=1e-12)
                                 for p, w in zip(point, want)) for point in points)
                         for want in wanted)
        evaluated = ", ".join(f"{p!r}" for p in points)
        grade.check(every_side, hint=HINTS["default_h"],
                    expected={"en": "f evaluated at [0.700001, -1.2], [0.699999, -1.2], "
                                    "[0.7, -1.199999] and [0.7, -1.200001]",
                              "ca": "f avaluada a [0.700001, -1.2], [0.699999, -1.2], "
                                    "[0.7, -1.199999] i [0.7, -1.200001]"},
                    got={"en": f"f evaluated at {evaluated}", "ca": f"f avaluada a {evaluated}"})
        check_gradient(grade, got, central(f, x))


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
            grade.close(v.grad, slope(math.sin, x), hint=hint, rel=1e-6, abs=1e-6)

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
                grade.close(leaf.grad, slope(along, values[i]), hint=HINTS["sin_chain"],
                            rel=1e-5, abs=1e-6)
