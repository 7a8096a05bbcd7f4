"""The scalar engine: every operation's value and gradient against finite differences."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minigrad import Value, weighted_sum
from minigrad.scalar_nn import MLP, Layer, Neuron

H = 1e-6


def central(f, x):
    return (f(x + H) - f(x - H)) / (2 * H)


def check(op, ref, x, tol=1e-5):
    v = Value(x)
    out = op(v)
    out.backward()
    assert out.data == pytest.approx(ref(x), rel=1e-12, abs=1e-12)
    assert v.grad == pytest.approx(central(ref, x), rel=tol, abs=tol)


reals = st.floats(-5, 5, allow_nan=False)
positive = st.floats(0.05, 5)
away_from_zero = reals.filter(lambda x: abs(x) > 0.05)

UNARY = [
    ("exp", lambda v: v.exp(), math.exp, reals),
    ("log", lambda v: v.log(), math.log, positive),
    ("tanh", lambda v: v.tanh(), math.tanh, reals),
    ("sigmoid", lambda v: v.sigmoid(), lambda x: 1 / (1 + math.exp(-x)), reals),
    ("relu", lambda v: v.relu(), lambda x: max(x, 0.0), away_from_zero),
    ("neg", lambda v: -v, lambda x: -x, reals),
    ("pow3", lambda v: v ** 3, lambda x: x ** 3, reals),
    ("pow-half", lambda v: v ** -0.5, lambda x: x ** -0.5, positive),
    ("add-right", lambda v: v + 2.5, lambda x: x + 2.5, reals),
    ("add-left", lambda v: 2.5 + v, lambda x: 2.5 + x, reals),
    ("sub-right", lambda v: v - 1.5, lambda x: x - 1.5, reals),
    ("sub-left", lambda v: 1.5 - v, lambda x: 1.5 - x, reals),
    ("mul-right", lambda v: v * -3.0, lambda x: x * -3.0, reals),
    ("mul-left", lambda v: -3.0 * v, lambda x: -3.0 * x, reals),
    ("div-right", lambda v: v / 4.0, lambda x: x / 4.0, reals),
    ("div-left", lambda v: 4.0 / v, lambda x: 4.0 / x, away_from_zero),
    ("rpow", lambda v: 2.0 ** v, lambda x: 2.0 ** x, reals),
    ("square-self", lambda v: v * v, lambda x: x * x, reals),
    ("double-self", lambda v: v + v, lambda x: 2 * x, reals),
]


@pytest.mark.parametrize("name,op,ref,domain", UNARY, ids=[u[0] for u in UNARY])
def test_unary_ops_match_finite_differences(name, op, ref, domain):
    @settings(max_examples=40, deadline=None)
    @given(domain)
    def run(x):
        check(op, ref, x)
    run()


BINARY = [
    ("add", lambda a, b: a + b),
    ("sub", lambda a, b: a - b),
    ("mul", lambda a, b: a * b),
    ("div", lambda a, b: a / b),
    ("pow", lambda a, b: a ** b),
]


@pytest.mark.parametrize("name,op", BINARY, ids=[b[0] for b in BINARY])
@settings(max_examples=40, deadline=None)
@given(a=positive, b=st.floats(-3, 3).filter(lambda b: abs(b) > 0.05))
def test_binary_ops_gradients_for_both_operands(name, op, a, b):
    va, vb = Value(a), Value(b)
    out = op(va, vb)
    out.backward()
    assert out.data == pytest.approx(op(a, b), rel=1e-12)
    assert va.grad == pytest.approx(central(lambda x: op(x, b), a), rel=1e-4, abs=1e-5)
    assert vb.grad == pytest.approx(central(lambda x: op(a, x), b), rel=1e-4, abs=1e-5)


def test_power_with_value_exponent_uses_log_of_base():
    a, b = Value(3.0), Value(2.0)
    (a ** b).backward()
    assert b.grad == pytest.approx(9.0 * math.log(3.0))
    assert a.grad == pytest.approx(6.0)


@settings(max_examples=40, deadline=None)
@given(a=st.floats(-5, -0.05), n=st.integers(-3, 4))
def test_power_of_a_negative_base_with_an_integer_value_exponent(a, n):
    va, vb = Value(a), Value(float(n))
    out = va ** vb
    out.backward()
    assert out.data == pytest.approx(a ** n, rel=1e-12)
    assert va.grad == pytest.approx(central(lambda x: x ** n, a), rel=1e-4, abs=1e-5)
    # a^b is not real for b near n, so d/db is undefined: nan, as in PyTorch
    assert math.isnan(vb.grad)


@pytest.mark.parametrize("b,da", [(0.0, 0.0), (0.5, math.inf), (1.0, 1.0), (2.0, 0.0),
                                  (2.5, 0.0), (3.0, 0.0)])
@pytest.mark.parametrize("as_value", [True, False], ids=["Value-exponent", "number-exponent"])
def test_power_of_zero_base(b, da, as_value):
    va, vb = Value(0.0), Value(b)
    out = va ** (vb if as_value else b)
    out.backward()
    assert out.data == 0.0 ** b
    assert va.grad == da
    if as_value:  # a^b ln a -> 0 as a -> 0+, PyTorch's choice too
        assert vb.grad == 0.0
        if b > 0.0:
            assert central(lambda y: 0.0 ** y, b) == 0.0
    if not 0.0 < b < 1.0:  # else a vertical tangent at 0: nothing finite to compare with
        # a^b is defined only for a >= 0 when b is not an integer: one-sided difference there
        h = 1e-6
        slope = central(lambda x: x ** b, 0.0) if b.is_integer() else (h ** b - 0.0 ** b) / h
        assert va.grad == pytest.approx(slope, abs=1e-2)


@pytest.mark.parametrize("a,b", [(-8.0, 2.0), (-8.0, 3.0), (-2.0, -1.0), (0.0, 0.0), (0.0, 0.5),
                                 (0.0, 1.0), (0.0, 2.5), (3.0, -1.5)])
def test_power_gradients_match_pytorch(a, b):
    torch = pytest.importorskip("torch")
    ta, tb = (torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in (a, b))
    (ta ** tb).backward()
    va, vb = Value(a), Value(b)
    (va ** vb).backward()
    assert va.grad == pytest.approx(ta.grad.item(), nan_ok=True)
    assert vb.grad == pytest.approx(tb.grad.item(), nan_ok=True)


def test_exp_works_up_to_the_largest_float():
    out = Value(709.5).exp()
    assert out.data == math.exp(709.5)


def test_diamond_graph():
    x = Value(1.5)
    a, b = x * 2.0, x.exp()
    (a * b).backward()          # d/dx (2x e^x) = 2e^x + 2x e^x
    assert x.grad == pytest.approx(2 * math.exp(1.5) * (1 + 1.5))


def test_gradients_accumulate_across_calls_and_reset():
    x = Value(3.0)
    y = x * x
    y.backward()
    y.backward()                 # intermediate grads restart, leaves accumulate
    assert x.grad == pytest.approx(12.0)
    x.grad = 0.0
    y.backward()
    assert x.grad == pytest.approx(6.0)


def test_deep_chain_has_no_recursion_limit():
    x = Value(0.5)
    y = x
    for _ in range(100_000):
        y = y * 1.0 + 0.0
    y.backward()
    assert x.grad == 1.0


def test_weighted_sum_matches_the_long_form():
    w = [Value(0.5), Value(-1.0)]
    x = [Value(2.0), 3.0]
    b = Value(0.25)
    z = weighted_sum(w, x, b)
    z.backward()
    assert z.data == pytest.approx(0.5 * 2 - 3 + 0.25)
    assert [v.grad for v in w] == [2.0, 3.0]
    assert x[0].grad == 0.5 and b.grad == 1.0


@pytest.mark.parametrize("bad,exc,words", [
    (lambda: Value(-1.0).log(), ValueError, ["log", "-1.0"]),
    (lambda: Value(0.0).log(), ValueError, ["log", "0.0"]),
    (lambda: Value(-2.0) ** 0.5, ValueError, ["**", "-2.0"]),
    (lambda: Value(-2.0) ** Value(0.5), ValueError, ["**", "-2.0", "0.5"]),
    (lambda: Value(0.0) ** -1, ZeroDivisionError, ["**", "zero", "-1"]),
    (lambda: Value(0.0) ** Value(-1.5), ZeroDivisionError, ["**", "zero", "-1.5"]),
    (lambda: Value(10.0) ** Value(400.0), OverflowError, ["**", "10.0", "400.0"]),
    (lambda: Value(2.0) * "a", TypeError, ["*", "'a'"]),
    (lambda: "a" + Value(2.0), TypeError, ["+", "'a'"]),
    (lambda: Value("3"), TypeError, ["Value", "'3'"]),
    (lambda: Value(1.0) / 0, ZeroDivisionError, ["/", "1.0"]),
    (lambda: Value(710.0).exp(), OverflowError, ["exp", "710.0"]),
    (lambda: weighted_sum([Value(1.0)], [1.0, 2.0]), ValueError, ["weighted_sum", "1", "2"]),
])
def test_errors_name_the_operation_and_value(bad, exc, words):
    with pytest.raises(exc) as info:
        bad()
    for word in words:
        assert word in str(info.value)


def test_neuron_layer_mlp_shapes_and_parameters():
    assert len(Neuron(3).parameters()) == 4
    assert len(Layer(3, 5)([1.0, 2.0, 3.0])) == 5
    mlp = MLP(2, [16, 16, 1])
    assert len(mlp.parameters()) == 2 * 16 + 16 + 16 * 16 + 16 + 16 + 1
    assert isinstance(mlp([0.5, -0.5]), Value)
    with pytest.raises(ValueError, match="activation"):
        Neuron(2, activation="swish")


def moons(n, seed):
    import random
    rng = random.Random(seed)
    points, labels = [], []
    for i in range(n):
        t = math.pi * rng.random()
        if i % 2:
            x, y = math.cos(t), math.sin(t)
        else:
            x, y = 1 - math.cos(t), 0.5 - math.sin(t)
        points.append([x + rng.gauss(0, 0.1), y + rng.gauss(0, 0.1)])
        labels.append(1.0 if i % 2 else -1.0)
    return points, labels


def test_scalar_mlp_learns_two_moons():
    import minigrad
    minigrad.manual_seed(1)
    X, y = moons(100, seed=0)
    model = MLP(2, [16, 16, 1])
    for step in range(100):
        scores = [model(x) for x in X]
        # max-margin loss plus L2, micrograd's demo objective
        loss = sum((1 - yi * s).relu() for yi, s in zip(y, scores)) / len(X)
        loss = loss + 1e-4 * sum(p * p for p in model.parameters())
        model.zero_grad()
        loss.backward()
        lr = 1.0 - 0.9 * step / 100
        for p in model.parameters():
            p.data -= lr * p.grad
    accuracy = sum((s.data > 0) == (yi > 0) for s, yi in zip(scores, y)) / len(y)
    assert accuracy >= 0.95
