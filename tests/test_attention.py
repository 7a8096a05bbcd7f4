"""GELU, the masked softmax, scaled dot-product attention and MultiheadAttention."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import minigrad
import minigrad.functional as F
from minigrad import Tensor, gradcheck, nn

SETTINGS = settings(max_examples=15, deadline=None)


def leaf(shape, seed=0, scale=1.0):
    return Tensor(np.random.default_rng(seed).standard_normal(shape) * scale, requires_grad=True)


def weighted(fn, shape, seed):
    """fn's output times fixed random weights, so that gradcheck's sum sees every entry differently."""
    w = Tensor(np.random.default_rng(seed + 99).standard_normal(shape))
    return lambda *t: fn(*t) * w


def attention_by_definition(q, k, v, allowed=None, additive=None, scale=None):
    """softmax(Q Kᵀ · scale + mask) V with numpy, one query row at a time."""
    scale = 1 / math.sqrt(q.shape[-1]) if scale is None else scale
    scores = q @ np.swapaxes(k, -1, -2) * scale
    if additive is not None:
        scores = scores + additive
    if allowed is not None:
        scores = np.where(allowed, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return (e / e.sum(axis=-1, keepdims=True)) @ v


@pytest.mark.parametrize("approximate", ["none", "tanh"])
@SETTINGS
@given(shape=st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple), seed=st.integers(0, 50))
def test_gelu_matches_definition_and_gradients(approximate, shape, seed):
    x = leaf(shape, seed, scale=3.0)
    phi = (0.5 * (1 + np.vectorize(math.erf)(x.data / math.sqrt(2))) if approximate == "none" else
           0.5 * (1 + np.tanh(math.sqrt(2 / math.pi) * (x.data + 0.044715 * x.data ** 3))))
    np.testing.assert_allclose(F.gelu(x, approximate).data, x.data * phi, atol=1e-12)
    assert gradcheck(weighted(lambda t: F.gelu(t, approximate), shape, seed), x)
    assert nn.GELU(approximate)(x).shape == shape


@SETTINGS
@given(batch=st.lists(st.integers(1, 3), max_size=2).map(tuple), rows=st.integers(1, 4),
       cols=st.integers(1, 5), seed=st.integers(0, 50))
def test_masked_softmax_gives_masked_entries_exactly_zero(batch, rows, cols, seed):
    x = leaf(batch + (rows, cols), seed)
    mask = np.random.default_rng(seed).random((rows, cols)) < 0.6
    mask[:, seed % cols] = True                       # every row keeps one entry at least
    p = F.masked_softmax(x, mask)
    assert np.all(p.data[..., ~mask] == 0.0)
    np.testing.assert_allclose(p.data.sum(axis=-1), 1.0)
    kept = np.where(mask, x.data, -np.inf)
    np.testing.assert_allclose(p.data, np.exp(kept) / np.exp(kept).sum(axis=-1, keepdims=True))
    assert gradcheck(weighted(lambda t: F.masked_softmax(t, mask), x.shape, seed), x)


def test_masked_softmax_along_another_axis():
    x = leaf((3, 4))
    mask = np.triu(np.ones((3, 4), bool))
    p = F.masked_softmax(x, mask, dim=0)
    np.testing.assert_allclose(p.data.sum(axis=0), 1.0)
    assert gradcheck(weighted(lambda t: F.masked_softmax(t, mask, dim=0), x.shape, 1), x)


@SETTINGS
@given(batch_q=st.sampled_from([(), (2,), (2, 1), (1, 3)]), batch_k=st.sampled_from([(), (3,), (2, 3)]),
       length=st.integers(1, 4), keys=st.integers(1, 5), e=st.integers(1, 3), ev=st.integers(1, 3),
       mask=st.sampled_from(["none", "causal", "bool", "float"]), scale=st.sampled_from([None, 0.3]),
       seed=st.integers(0, 50))
def test_attention_matches_definition_and_gradients(batch_q, batch_k, length, keys, e, ev, mask, scale, seed):
    try:
        np.broadcast_shapes(batch_q, batch_k)
    except ValueError:
        return
    q, k, v = leaf(batch_q + (length, e), seed), leaf(batch_k + (keys, e), seed + 1), leaf(batch_k + (keys, ev), seed + 2)
    rng = np.random.default_rng(seed)
    kwargs, allowed, additive = {"scale": scale}, None, None
    if mask == "causal":
        kwargs["is_causal"], allowed = True, np.tril(np.ones((length, keys), bool))
        if keys == 0 or not allowed.any(axis=1).all():
            return
    elif mask == "bool":
        allowed = rng.random((length, keys)) < 0.6
        allowed[:, 0] = True
        kwargs["attn_mask"] = allowed
    elif mask == "float":
        additive = rng.standard_normal((length, keys))
        kwargs["attn_mask"] = additive
    out = F.scaled_dot_product_attention(q, k, v, **kwargs)
    np.testing.assert_allclose(out.data, attention_by_definition(q.data, k.data, v.data, allowed, additive, scale),
                               atol=1e-10)
    fn = weighted(lambda *t: F.scaled_dot_product_attention(*t, **kwargs), out.shape, seed)
    assert gradcheck(fn, q, k, v)


def test_a_causal_output_does_not_depend_on_the_future():
    q, k, v = leaf((2, 6, 3)), leaf((2, 6, 3), 1), leaf((2, 6, 4), 2)
    out = F.scaled_dot_product_attention(q, k, v, is_causal=True).data
    k.data[:, 4:] += 10.0
    v.data[:, 4:] -= 5.0
    later = F.scaled_dot_product_attention(q, k, v, is_causal=True).data
    np.testing.assert_array_equal(out[:, :4], later[:, :4])
    assert not np.allclose(out[:, 4:], later[:, 4:])


def test_attention_dropout_zeroes_weights_and_keeps_the_expectation():
    q, k, v = leaf((4, 5, 3)), leaf((4, 5, 3), 1), Tensor(np.ones((4, 5, 2)))
    minigrad.manual_seed(0)
    out = F.scaled_dot_product_attention(q, k, v, dropout_p=0.5).data
    assert not np.allclose(out, 1.0)                         # some weights were dropped
    outs = [F.scaled_dot_product_attention(q, k, v, dropout_p=0.5).data.mean() for _ in range(300)]
    assert abs(np.mean(outs) - 1.0) < 0.05                    # each weight is kept ×2, half the time

    def seeded(*t):
        minigrad.manual_seed(1)
        return F.scaled_dot_product_attention(*t, dropout_p=0.3)
    v = leaf((4, 5, 2), 2)
    assert gradcheck(weighted(seeded, (4, 5, 2), 0), q, k, v)


@pytest.mark.parametrize("call,message", [
    (lambda: F.masked_softmax(leaf((2, 3)), np.zeros((2, 3), bool)), r"2 row\(s\) .* masked everywhere"),
    (lambda: F.masked_softmax(leaf((2, 3)), np.ones((2, 3))), r"masked_softmax: the mask must be boolean"),
    (lambda: F.masked_softmax(leaf((2, 3)), np.ones((3, 2), bool)), r"mask of shape \(3, 2\) does not broadcast"),
    (lambda: F.scaled_dot_product_attention(leaf((2, 3)), leaf((4, 2)), leaf((4, 1))), r"query \(2, 3\), key \(4, 2\)"),
    (lambda: F.scaled_dot_product_attention(leaf((2, 3)), leaf((4, 3)), leaf((4, 1)), np.ones((2, 4), bool),
                                            is_causal=True), r"attn_mask or is_causal=True, not both"),
    (lambda: F.scaled_dot_product_attention(leaf((2, 3)), leaf((4, 3)), leaf((4, 1)), dropout_p=1.0), r"dropout_p"),
    (lambda: F.gelu(leaf(3), "fast"), r"gelu: approximate must be 'none' or 'tanh'"),
    (lambda: nn.MultiheadAttention(6, 4), r"embed_dim 6 must be a multiple of num_heads 4"),
    (lambda: nn.MultiheadAttention(4, 2, batch_first=True)(leaf((2, 3, 5)), leaf((2, 3, 5)), leaf((2, 3, 5))),
     r"expected query \(N, L, 4\)"),
    (lambda: nn.MultiheadAttention(4, 2)(leaf((3, 2, 4)), leaf((3, 2, 4)), leaf((3, 2, 4)), is_causal=True),
     r"is_causal=True is a hint"),
])
def test_bad_input_is_a_clear_error(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


def test_gelu_and_attention_against_pytorch():
    torch = pytest.importorskip("torch")
    tf = torch.nn.functional
    rng = np.random.default_rng(5)
    cases = [  # (shapes, the same computation for both libraries, given F and a constant maker T)
        ([(3, 4)], lambda F, T, x: F.gelu(x)),
        ([(3, 4)], lambda F, T, x: F.gelu(x, approximate="tanh")),
        ([(2, 3, 5, 4), (2, 3, 6, 4), (2, 3, 6, 2)], lambda F, T, q, k, v: F.scaled_dot_product_attention(q, k, v)),
        ([(2, 1, 5, 4), (3, 5, 4), (3, 5, 2)], lambda F, T, q, k, v: F.scaled_dot_product_attention(q, k, v, is_causal=True)),
        ([(2, 5, 4), (2, 6, 4), (2, 6, 3)], lambda F, T, q, k, v: F.scaled_dot_product_attention(
            q, k, v, attn_mask=T(np.tril(np.ones((5, 6), bool), 1)), scale=0.2)),
        ([(2, 5, 4), (2, 6, 4), (2, 6, 3)], lambda F, T, q, k, v: F.scaled_dot_product_attention(
            q, k, v, attn_mask=T(np.linspace(-1, 1, 30).reshape(5, 6)))),
    ]
    for shapes, fn in cases:
        arrays = [rng.standard_normal(s) for s in shapes]
        ours = [Tensor(a, requires_grad=True) for a in arrays]
        theirs = [torch.tensor(a, requires_grad=True) for a in arrays]
        out, their = fn(F, lambda a: a, *ours), fn(tf, torch.from_numpy, *theirs)
        np.testing.assert_allclose(out.data, their.detach().numpy(), atol=1e-10)
        seed = rng.standard_normal(out.shape)
        out.backward(seed)
        their.backward(torch.from_numpy(seed))
        for a, t in zip(ours, theirs):
            np.testing.assert_allclose(a.grad, t.grad.numpy(), atol=1e-10)


@pytest.mark.parametrize("batch_first", [True, False])
@pytest.mark.parametrize("inputs", ["self", "cross"])
@pytest.mark.parametrize("mask", ["none", "causal bool", "float", "per head", "padding"])
def test_multihead_attention_against_pytorch(batch_first, inputs, mask):
    torch = pytest.importorskip("torch")
    minigrad.manual_seed(0)
    ours = nn.MultiheadAttention(8, 2, batch_first=batch_first)
    theirs = torch.nn.MultiheadAttention(8, 2, batch_first=batch_first)
    state = ours.state_dict()
    rng = np.random.default_rng(1)
    state["in_proj_bias"] = rng.standard_normal(24).astype(np.float32)
    ours.load_state_dict(state)
    theirs.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()})
    n, length, s = 3, 5, (5 if inputs == "self" else 4)

    def arrange(a):
        return a if batch_first else a.transpose(1, 0, 2).copy()
    arrays = [arrange(rng.standard_normal(shape).astype(np.float32))
              for shape in ((n, length, 8), (n, s, 8), (n, s, 8))]
    kwargs = {}
    if mask == "causal bool":
        kwargs["attn_mask"] = np.triu(np.ones((length, s), bool), 1)
    elif mask == "float":
        kwargs["attn_mask"] = rng.standard_normal((length, s)).astype(np.float32)
    elif mask == "per head":
        kwargs["attn_mask"] = rng.random((n * 2, length, s)) < 0.3
        kwargs["attn_mask"][..., 0] = False
    elif mask == "padding":
        kwargs["key_padding_mask"] = np.zeros((n, s), bool)
        kwargs["key_padding_mask"][0, -2:] = True
    ours_in = [Tensor(a, requires_grad=True) for a in arrays]
    theirs_in = [torch.tensor(a, requires_grad=True) for a in arrays]
    if inputs == "self":
        ours_in, theirs_in = [ours_in[0]] * 3, [theirs_in[0]] * 3
    for average in (True, False):
        out, weights = ours(*ours_in, average_attn_weights=average, **kwargs)
        their, their_weights = theirs(*theirs_in, average_attn_weights=average,
                                      **{k: torch.from_numpy(v) for k, v in kwargs.items()})
        np.testing.assert_allclose(out.data, their.detach().numpy(), atol=1e-5)
        np.testing.assert_allclose(weights.data, their_weights.detach().numpy(), atol=1e-6)
    seed = rng.standard_normal(out.shape).astype(np.float32)
    out.backward(seed)
    their.backward(torch.from_numpy(seed))
    for a, t in zip(ours_in, theirs_in):
        np.testing.assert_allclose(a.grad, t.grad.numpy(), atol=1e-4)
    for (name, p), (their_name, tp) in zip(ours.named_parameters(), theirs.named_parameters()):
        assert name == their_name
        np.testing.assert_allclose(p.grad, tp.grad.numpy(), atol=1e-4)
    assert ours(*ours_in, need_weights=False, **kwargs)[1] is None


def test_multihead_attention_gradients_and_dropout_only_in_training():
    minigrad.manual_seed(0)
    layer = nn.MultiheadAttention(4, 2, dropout=0.5, batch_first=True)
    for p in layer.parameters():
        p.data = p.data.astype(np.float64)
    x = leaf((2, 3, 4))
    mask = np.triu(np.ones((3, 3), bool), 1)
    layer.eval()
    assert gradcheck(weighted(lambda t, *_: layer(t, t, t, attn_mask=mask)[0], x.shape, 0), x,
                     *layer.parameters())
    first = layer(x, x, x, attn_mask=mask)[0].data
    np.testing.assert_array_equal(first, layer(x, x, x, attn_mask=mask)[0].data)
    layer.train()
    assert not np.allclose(first, layer(x, x, x, attn_mask=mask)[0].data)
