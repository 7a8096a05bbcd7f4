"""Layer norm and batch norm: finite differences, the definition, PyTorch, and the layers' state."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import minigrad.functional as F
from minigrad import Tensor, gradcheck, nn

SETTINGS = settings(max_examples=15, deadline=None)


def leaf(shape, seed=0):
    return Tensor(np.random.default_rng(seed).standard_normal(shape), requires_grad=True)


def weighted(fn, shape, seed):
    """fn's output times fixed random weights, so that gradcheck's sum sees every entry differently."""
    w = Tensor(np.random.default_rng(seed + 99).standard_normal(shape))
    return lambda *t: fn(*t) * w


def standardized(x, axes, eps=1e-5):
    return (x - x.mean(axis=axes, keepdims=True)) / np.sqrt(x.var(axis=axes, keepdims=True) + eps)


@SETTINGS
@given(batch=st.lists(st.integers(1, 3), max_size=2).map(tuple),
       normalized=st.lists(st.integers(1, 4), min_size=1, max_size=2).map(tuple),
       affine=st.booleans(), seed=st.integers(0, 50))
def test_layer_norm_matches_definition_and_gradients(batch, normalized, affine, seed):
    x = leaf(batch + normalized, seed)
    w, b = (leaf(normalized, seed + 1), leaf(normalized, seed + 2)) if affine else (None, None)
    out = F.layer_norm(x, normalized, w, b)
    axes = tuple(range(len(batch), x.ndim))
    expect = standardized(x.data, axes)
    if affine:
        expect = expect * w.data + b.data
    np.testing.assert_allclose(out.data, expect, atol=1e-10)
    inputs = (x, w, b) if affine else (x,)
    assert gradcheck(weighted(lambda x, *p: F.layer_norm(x, normalized, *p), x.shape, seed), *inputs)


@SETTINGS
@given(shape=st.sampled_from([(4, 3), (3, 2, 5), (2, 3, 2, 3)]), training=st.booleans(),
       affine=st.booleans(), seed=st.integers(0, 50))
def test_batch_norm_matches_definition_and_gradients(shape, training, affine, seed):
    x = leaf(shape, seed)
    c = shape[1]
    rng = np.random.default_rng(seed)
    mean, var = Tensor(rng.standard_normal(c)), Tensor(rng.uniform(0.5, 2.0, c))
    w, b = (leaf((c,), seed + 1), leaf((c,), seed + 2)) if affine else (None, None)
    channel = (1, c) + (1,) * (len(shape) - 2)
    axes = (0,) + tuple(range(2, len(shape)))
    out = F.batch_norm(x, Tensor(mean.data.copy()), Tensor(var.data.copy()), w, b, training=training)
    expect = (standardized(x.data, axes) if training else
              (x.data - mean.data.reshape(channel)) / np.sqrt(var.data.reshape(channel) + 1e-5))
    if affine:
        expect = expect * w.data.reshape(channel) + b.data.reshape(channel)
    np.testing.assert_allclose(out.data, expect, atol=1e-10)
    inputs = (x, w, b) if affine else (x,)
    fn = lambda x, *p: F.batch_norm(x, mean, var, *p, training=training, momentum=0.0)  # noqa: E731
    assert gradcheck(weighted(fn, shape, seed), *inputs)


def test_batch_norm_updates_running_statistics_with_the_unbiased_variance():
    x = leaf((5, 3, 4))
    mean, var = Tensor(np.ones(3)), Tensor(np.full(3, 2.0))
    F.batch_norm(x, mean, var, training=True, momentum=0.25)
    np.testing.assert_allclose(mean.data, 0.75 + 0.25 * x.data.mean(axis=(0, 2)))
    np.testing.assert_allclose(var.data, 1.5 + 0.25 * x.data.var(axis=(0, 2), ddof=1))


@pytest.mark.parametrize("call,message", [
    (lambda: F.layer_norm(leaf((2, 3)), 4), r"layer_norm: normalized_shape \(4,\) must be the last axes"),
    (lambda: F.layer_norm(leaf((2, 3)), 3, leaf((2,))), r"layer_norm: weight has shape \(2,\)"),
    (lambda: F.layer_norm(np.zeros((2, 3)), 3), r"layer_norm: expected a Tensor"),
    (lambda: F.batch_norm(leaf((1, 3)), None, None, training=True), r"more than one value per channel"),
    (lambda: F.batch_norm(leaf((4, 3)), Tensor(np.zeros(2)), Tensor(np.ones(2))), r"running_mean has shape \(2,\)"),
    (lambda: F.batch_norm(leaf((4, 3)), None, None), r"evaluation \(training=False\) needs running_mean"),
    (lambda: nn.BatchNorm2d(3)(leaf((4, 3))), r"BatchNorm2d: expected input \(N, C, H, W\) with C = 3"),
    (lambda: nn.BatchNorm1d(3)(leaf((4, 2))), r"BatchNorm1d: expected input \(N, C\) or \(N, C, L\) with C = 3"),
])
def test_bad_input_is_a_clear_error(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


def test_layer_norm_against_pytorch():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(3)
    arrays = [rng.standard_normal(s) for s in ((2, 3, 4, 5), (4, 5), (4, 5))]
    ours = [Tensor(a, requires_grad=True) for a in arrays]
    theirs = [torch.tensor(a, requires_grad=True) for a in arrays]
    out = F.layer_norm(ours[0], (4, 5), ours[1], ours[2], eps=1e-3)
    their = torch.nn.functional.layer_norm(theirs[0], (4, 5), theirs[1], theirs[2], eps=1e-3)
    np.testing.assert_allclose(out.data, their.detach().numpy(), atol=1e-10)
    seed = rng.standard_normal(out.shape)
    out.backward(seed)
    their.backward(torch.from_numpy(seed))
    for a, t in zip(ours, theirs):
        np.testing.assert_allclose(a.grad, t.grad.numpy(), atol=1e-10)


@pytest.mark.parametrize("layer,shape", [("BatchNorm1d", (6, 3)), ("BatchNorm1d", (4, 3, 5)),
                                         ("BatchNorm2d", (4, 3, 2, 5))])
@pytest.mark.parametrize("momentum", [0.1, None])
def test_batch_norm_layers_train_and_evaluate_as_pytorch(layer, shape, momentum):
    torch = pytest.importorskip("torch")
    ours, theirs = getattr(nn, layer)(3, momentum=momentum), getattr(torch.nn, layer)(3, momentum=momentum)
    rng = np.random.default_rng(0)
    theirs.weight.data = torch.from_numpy(rng.standard_normal(3).astype(np.float32))
    ours.load_state_dict({k: v.numpy() for k, v in theirs.state_dict().items()})
    for step in range(3):
        x = (rng.standard_normal(shape) * (step + 1) + step).astype(np.float32)
        X, TX = Tensor(x, requires_grad=True), torch.tensor(x, requires_grad=True)
        out, their = ours(X), theirs(TX)
        np.testing.assert_allclose(out.data, their.detach().numpy(), atol=1e-5)
        out.sum().backward()
        (their.sum()).backward()
        np.testing.assert_allclose(X.grad, TX.grad.numpy(), atol=1e-4)
    state, their_state = ours.state_dict(), theirs.state_dict()
    assert list(state) == list(their_state) == ["weight", "bias", "running_mean", "running_var",
                                                "num_batches_tracked"]
    for k in state:
        np.testing.assert_allclose(state[k], their_state[k].numpy(), rtol=1e-5, atol=1e-6)
    assert state["num_batches_tracked"].dtype == np.int64
    # Evaluation uses the running statistics: one example gets the output it gets in a batch.
    ours.eval()
    theirs.eval()
    x = rng.standard_normal(shape).astype(np.float32)
    np.testing.assert_allclose(ours(Tensor(x)).data, theirs(torch.from_numpy(x)).detach().numpy(), atol=1e-5)
    np.testing.assert_allclose(ours(Tensor(x[:1])).data, ours(Tensor(x)).data[:1], atol=1e-6)


def test_state_dicts_load_into_pytorch():
    torch = pytest.importorskip("torch")
    for ours, theirs in ((nn.LayerNorm((3, 4)), torch.nn.LayerNorm((3, 4))),
                         (nn.BatchNorm2d(5), torch.nn.BatchNorm2d(5))):
        ours.train()
        ours(leaf((2, 5, 3, 4)) if isinstance(ours, nn.BatchNorm2d) else leaf((2, 3, 4)))
        theirs.load_state_dict({k: torch.from_numpy(np.asarray(v)) for k, v in ours.state_dict().items()})
        for k, v in theirs.state_dict().items():
            np.testing.assert_array_equal(v.numpy(), ours.state_dict()[k])


def test_layer_norm_layer_has_pytorch_parameters():
    layer = nn.LayerNorm(4)
    assert [name for name, _ in layer.named_parameters()] == ["weight", "bias"]
    np.testing.assert_array_equal(layer.weight.data, np.ones(4))
    assert nn.LayerNorm(4, elementwise_affine=False).weight is None
    x = leaf((3, 4))
    np.testing.assert_allclose(layer(x).data, standardized(x.data, (1,)), atol=1e-6)


def test_batch_norm_without_running_statistics_always_uses_the_batch():
    layer = nn.BatchNorm1d(3, track_running_stats=False).eval()
    x = leaf((5, 3))
    assert "running_mean" not in layer.state_dict()
    np.testing.assert_allclose(layer(x).data, standardized(x.data, (0,)), atol=1e-6)
