"""Graders for chapter 13 (exercises/ch13_attention.py): the attention mask of a padded batch,
attention weights and their limits, layer norm and what it forgets, a transformer block's step
with a key-value cache, sampling with a temperature, a warm-up and cosine schedule, the peak
attention weight with and without the √d scale.

minigrad already computes attention and layer norm: an autouse fixture switches them off before
the learner's module is loaded, so calling them cannot pass. Every expected value is computed
here, with numpy, from the definitions in the chapter; inputs come from fixed seeds, many of
them (the masks' batches from the run's seed: new ones every run), plus the awkward cases (huge
scores, rows of almost equal values, tiny models).
"""

from __future__ import annotations

import math
import numbers

import numpy as np
import pytest

import grading
from grading import shown
from grading.arrays import got_shape, layer_norm as expected_norm, shape_words, softmax
from grading.ch13_hints import HINTS  # test_hint_spoilers.py reads them here
import minigrad.attention
import minigrad.functional
import minigrad.optim.lr_scheduler
import minigrad.nn
import minigrad.normalization

SWITCHED_OFF = ("minigrad's own version is switched off for this exercise: write it with numpy "
                "/ la versió de minigrad està desactivada en aquest exercici: escriu-la amb numpy")


@pytest.fixture(autouse=True)
def library_switched_off(monkeypatch):
    """Before the learner's module loads (autouse fixtures run first), so even a name it
    imports from minigrad at the top of the file is the switched-off one."""
    def refuse(*args, **kwargs):
        raise RuntimeError(SWITCHED_OFF)
    for module in (minigrad.functional, minigrad.attention, minigrad.normalization):
        for name in ("scaled_dot_product_attention", "masked_softmax", "layer_norm", "_softmax"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, refuse)
    for name in ("LayerNorm", "MultiheadAttention"):
        monkeypatch.setattr(minigrad.nn, name, refuse)
    for name in ("LambdaLR", "LinearLR", "CosineAnnealingLR", "SequentialLR"):
        monkeypatch.setattr(minigrad.optim.lr_scheduler, name, refuse)


# --- 13.1 the attention mask of a padded batch -------------------------------------------------
def expected_mask(lengths: np.ndarray, size: int) -> np.ndarray:
    """By the definition, entry by entry: key j is neither in query i's future nor padding."""
    return np.array([[[j <= i and j < n for j in range(size)] for i in range(size)]
                     for n in lengths], dtype=bool).reshape(len(lengths), size, size)


def check_mask(submission, grade, lengths: np.ndarray, size: int) -> None:
    grade.trying(f"attention_mask({shown(lengths)}, {size})")
    got = submission.attention_mask(lengths.copy(), size)
    expected = expected_mask(lengths, size)
    shape = expected.shape
    grade.check(isinstance(got, np.ndarray) and got.shape == shape and got.dtype == bool,
                expected={"en": f"a boolean array of shape {shape}",
                          "ca": f"un array booleà de forma {shape}"},
                got={"en": f"{type(got).__name__} {np.shape(got)} of dtype {getattr(got, 'dtype', '-')}",
                     "ca": f"{type(got).__name__} {np.shape(got)} de dtype {getattr(got, 'dtype', '-')}"},
                hint=HINTS["mask_shape"])
    i, j = np.arange(size)[:, None], np.arange(size)[None, :]
    n = lengths[:, None, None]
    real = np.broadcast_to(i < n, shape)          # [seq, i, :] is True for a real query i
    grade.check(not (got & (j > i)).any(), expected=expected, got=got, hint=HINTS["mask_future"])
    grade.check(not (got & (j >= n)).any(), expected=expected, got=got, hint=HINTS["mask_padding"])
    grade.check(bool(np.diagonal(got, axis1=1, axis2=2)[real[:, :, 0]].all()), expected=expected,
                got=got, hint=HINTS["mask_self"])
    grade.check(np.array_equal(got[real], expected[real]), expected=expected, got=got,
                hint=HINTS["mask_past"])
    grade.check(np.array_equal(got, expected), expected=expected, got=got,
                hint=HINTS["mask_padded_queries"])


def check_refused(submission, grade, lengths: np.ndarray, size: int, wrong: int) -> None:
    grade.trying(f"attention_mask({shown(lengths)}, {size})")
    grade.refuses(lambda: submission.attention_mask(lengths.copy(), size),
                  ["attention_mask", wrong, size], hint=HINTS["mask_refuse"])


def mask_case(rng: np.random.Generator) -> tuple[np.ndarray, int]:
    size = int(rng.integers(2, 9))
    return rng.integers(1, size + 1, int(rng.integers(1, 6))), size


@pytest.mark.exercise("ch13.attention_mask", points=2)
class TestAttentionMask:
    def test_one_sequence(self, submission, grade):
        for lengths, size in (([1], 1), ([3], 3), ([2], 3), ([1], 4), ([4], 6)):
            check_mask(submission, grade, np.array(lengths), size)

    def test_random_batches(self, submission, grade):
        rng = grading.rng(1301)
        for _ in range(30):
            check_mask(submission, grade, *mask_case(rng))
        check_mask(submission, grade, np.array([5, 1, 3, 8, 8, 2]), 8)

    def test_a_wrong_length_is_refused(self, submission, grade):
        rng = grading.rng(1302)
        for _ in range(3):
            lengths, size = mask_case(rng)
            for wrong in (0, -1, size + int(rng.integers(1, 4))):
                bad = lengths.copy()
                bad[rng.integers(len(bad))] = wrong
                check_refused(submission, grade, bad, size, wrong)


# --- 13.2 attention weights --------------------------------------------------------------------
def expected_weights(q, k, mask):
    return softmax(q @ k.T / math.sqrt(q.shape[-1]), mask)


def check_weights(submission, grade, q, k, mask) -> None:
    grade.trying(f"attention_weights({shown(q)}, {shown(k)}, {None if mask is None else shown(mask)})")
    with np.errstate(all="ignore"):  # an unstable version overflows: judged below, not as a warning
        got = submission.attention_weights(q.copy(), k.copy(), None if mask is None else mask.copy())
    expected = expected_weights(q, k, mask)
    grade.check(np.shape(got) == expected.shape, expected=shape_words(expected.shape),
                got=got_shape(got), hint=HINTS["weights_shape"])
    got = np.asarray(got, dtype=float)
    grade.check(bool(np.isfinite(got).all()), expected=expected, got=got, hint=HINTS["weights_finite"])
    grade.check(np.allclose(got.sum(axis=-1), 1.0, atol=1e-9), expected=expected, got=got,
                hint=HINTS["weights_rows"])
    if mask is not None:
        grade.check(bool(np.all(got[~mask] == 0)), expected=expected, got=got, hint=HINTS["weights_masked"])
    grade.check(np.allclose(got, expected, rtol=1e-7, atol=1e-10), expected=expected, got=got,
                hint=HINTS["weights_scale"])


def attention_case(rng, scale=1.0, masked=True):
    length, keys, d = rng.integers(1, 6), rng.integers(1, 6), rng.integers(2, 9)
    q, k = rng.standard_normal((length, d)) * scale, rng.standard_normal((keys, d)) * scale
    mask = None
    if masked:
        mask = rng.random((length, keys)) < 0.6
        mask[np.arange(length), rng.integers(0, keys, length)] = True     # one key at least per row
    return q, k, mask


@pytest.mark.exercise("ch13.attention_weights", points=2)
class TestAttentionWeights:
    def test_without_a_mask(self, submission, grade):
        rng = np.random.default_rng(1302)
        for _ in range(20):
            check_weights(submission, grade, *attention_case(rng, 2.0, masked=False))

    def test_with_masks(self, submission, grade):
        rng = np.random.default_rng(1303)
        for _ in range(20):
            check_weights(submission, grade, *attention_case(rng, 2.0))
        q, k = rng.standard_normal((6, 4)), rng.standard_normal((6, 4))
        check_weights(submission, grade, q, k, np.tril(np.ones((6, 6), dtype=bool)))

    def test_huge_scores(self, submission, grade):
        rng = np.random.default_rng(1304)
        for _ in range(5):
            check_weights(submission, grade, *attention_case(rng, 60.0))


def check_limits(submission, grade, scores, mask) -> None:
    grade.trying(f"limit_weights({shown(scores)}, {shown(mask)})")
    with np.errstate(all="ignore"):
        got = submission.limit_weights(scores.copy(), mask.copy())
    flat = mask / mask.sum(axis=-1, keepdims=True)
    best = mask & np.isclose(scores, np.where(mask, scores, -np.inf).max(axis=-1, keepdims=True),
                             rtol=0, atol=0)
    expected = (flat, best / best.sum(axis=-1, keepdims=True))
    grade.check(isinstance(got, tuple) and len(got) == 2
                and all(np.shape(g) == scores.shape for g in got), hint=HINTS["limit_pair"],
                expected={"en": f"a pair of arrays of shape {scores.shape}",
                          "ca": f"una parella d'arrays de forma {scores.shape}"}, got=got)
    got = tuple(np.asarray(g, dtype=float) for g in got)
    grade.check(all(np.all(g[~mask] == 0) and np.allclose(g.sum(axis=-1), 1) for g in got),
                expected=expected, got=got, hint=HINTS["limit_masked"])
    for g, want, key in zip(got, expected, ("limit_flat", "limit_sharp")):
        grade.check(np.allclose(g, want, rtol=1e-9, atol=1e-12), expected=want, got=g, hint=HINTS[key])


def limit_case(rng, ties=False):
    shape = (int(rng.integers(1, 6)), int(rng.integers(1, 7)))
    scores = rng.integers(-1, 2, shape).astype(float) if ties else rng.standard_normal(shape) * 3
    mask = rng.random(shape) < 0.6
    mask[np.arange(shape[0]), rng.integers(0, shape[1], shape[0])] = True
    return scores, mask


@pytest.mark.exercise("ch13.limit_weights", points=2)
class TestLimitWeights:
    def test_distinct_scores(self, submission, grade):
        rng = grading.rng(1314)
        for _ in range(20):
            check_limits(submission, grade, *limit_case(rng))

    def test_ties_and_the_causal_mask(self, submission, grade):
        rng = grading.rng(1315)
        causal = np.tril(np.ones((5, 5), dtype=bool))
        check_limits(submission, grade, np.zeros((5, 5)), causal)
        check_limits(submission, grade, rng.standard_normal((5, 5)), causal)
        for _ in range(20):
            check_limits(submission, grade, *limit_case(rng, ties=True))


# --- 13.3 layer norm ---------------------------------------------------------------------------
def check_norm(submission, grade, x, w, b, eps=None) -> None:
    extra = "" if eps is None else f", eps={eps}"
    grade.trying(f"layer_norm({shown(x)}, {shown(w)}, {shown(b)}{extra})")
    args = (x.copy(), w.copy(), b.copy()) + (() if eps is None else (eps,))
    with np.errstate(all="ignore"):
        got = submission.layer_norm(*args)
    expected = expected_norm(x, w, b, 1e-5 if eps is None else eps)
    grade.check(np.shape(got) == x.shape, expected=shape_words(x.shape), got=got_shape(got),
                hint=HINTS["norm_shape"])
    got = np.asarray(got, dtype=float)
    centred = (got - b) / w
    per_row = np.allclose(centred.mean(axis=-1), 0.0, atol=1e-6)
    grade.check(per_row, expected=expected, got=got, hint=HINTS["norm_axis"])
    grade.check(np.allclose(got, expected, rtol=1e-6, atol=1e-8), expected=expected, got=got,
                hint=HINTS["norm_values"])


def norm_case(rng, spread=1.0):
    shape = tuple(rng.integers(1, 4, rng.integers(1, 3))) + (int(rng.integers(2, 7)),)
    x = rng.standard_normal(shape) * spread + rng.standard_normal()
    w, b = rng.uniform(0.5, 2.0, shape[-1]), rng.standard_normal(shape[-1])
    return x, w, b


@pytest.mark.exercise("ch13.layer_norm", points=2)
class TestLayerNorm:
    def test_rows_of_a_batch(self, submission, grade):
        rng = np.random.default_rng(1305)
        for _ in range(20):
            check_norm(submission, grade, *norm_case(rng))

    def test_short_rows_and_tiny_spreads(self, submission, grade):
        rng = np.random.default_rng(1306)
        check_norm(submission, grade, np.array([[1.0, 2.0, 4.0], [3.0, 3.0, 3.5]]), np.ones(3), np.zeros(3))
        for _ in range(10):
            check_norm(submission, grade, *norm_case(rng, spread=1e-3))

    def test_eps_is_a_parameter(self, submission, grade):
        rng = np.random.default_rng(1307)
        for eps in (0.1, 1e-3):
            check_norm(submission, grade, *norm_case(rng, spread=0.2), eps=eps)


def check_rescaled(submission, grade, rng, a) -> None:
    x, w, b = norm_case(rng, spread=2.0)
    c = float(rng.standard_normal() * 3)
    y = expected_norm(x, w, b, 0.0)
    grade.trying(f"rescaled_layer_norm({shown(y)}, {shown(w)}, {shown(b)}, {a}, {c})")
    with np.errstate(all="ignore"):
        got = submission.rescaled_layer_norm(y.copy(), w.copy(), b.copy(), a, c)
    grade.check(np.shape(got) == y.shape, expected=shape_words(y.shape), got=got_shape(got),
                hint=HINTS["rescaled_shape"])
    expected = expected_norm(a * x + c, w, b, 0.0)
    grade.check(np.allclose(got, expected, rtol=1e-6, atol=1e-8), expected=expected, got=got,
                hint=HINTS["rescaled_positive" if a > 0 else "rescaled_negative"])


@pytest.mark.exercise("ch13.rescaled_layer_norm", points=2)
class TestRescaledLayerNorm:
    def test_positive_scales(self, submission, grade):
        rng = grading.rng(1316)
        for a in (1.0, 0.5, 3.0, *rng.uniform(0.5, 5, 5)):
            check_rescaled(submission, grade, rng, float(a))

    def test_negative_scales(self, submission, grade):
        rng = grading.rng(1317)
        for a in (-1.0, -0.5, *rng.uniform(-5, -0.5, 5)):
            check_rescaled(submission, grade, rng, float(a))


# --- 13.4 a transformer block's step with a key-value cache ------------------------------------
def expected_block(x, p):
    """The whole block on the (T, d) sequence x, as the docstring defines it."""
    def norm(v, w, b):
        return expected_norm(v, w, b, 1e-5)
    h = norm(x, p["ln1_weight"], p["ln1_bias"])
    a = expected_weights(h @ p["Wq"], h @ p["Wk"], np.tril(np.ones((len(x), len(x)), dtype=bool)))
    x = x + a @ (h @ p["Wv"]) @ p["Wo"]
    h = norm(x, p["ln2_weight"], p["ln2_bias"])
    return x + np.maximum(h @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]


def expected_cache(x, p):
    """The keys and values of the rows of x, as the docstring says the cache holds them."""
    h = expected_norm(x, p["ln1_weight"], p["ln1_bias"], 1e-5)
    return {"k": h @ p["Wk"], "v": h @ p["Wv"]}


def block_case(rng, length, d=4, m=8):
    p = {name: rng.standard_normal(shape) / math.sqrt(shape[0]) for name, shape in
         (("Wq", (d, d)), ("Wk", (d, d)), ("Wv", (d, d)), ("Wo", (d, d)), ("W1", (d, m)), ("W2", (m, d)))}
    p |= {"b1": rng.standard_normal(m) * 0.1, "b2": rng.standard_normal(d) * 0.1,
          "ln1_weight": rng.uniform(0.5, 1.5, d), "ln1_bias": rng.standard_normal(d) * 0.1,
          "ln2_weight": rng.uniform(0.5, 1.5, d), "ln2_bias": rng.standard_normal(d) * 0.1}
    return rng.standard_normal((length, d)) * 2 + 1, p


def cache_code(cache) -> str:
    return "{" + ", ".join(f'"{k}": {shown(v)}' for k, v in cache.items()) + "}"


def cache_words(cache) -> dict:
    """What was returned as the cache, for a learner asked for {"k": ..., "v": ...}."""
    if not isinstance(cache, dict):
        return {"en": f"{cache!r} (a {type(cache).__name__}, not a dict)",
                "ca": f"{cache!r} (un {type(cache).__name__}, no un diccionari)"}
    return {"en": f"a dict with the keys {sorted(map(str, cache))}: {cache!r}",
            "ca": f"un diccionari amb les claus {sorted(map(str, cache))}: {cache!r}"}


def check_step(submission, grade, x, p, cache) -> dict:
    """block_step on the last row of x, after ``cache``, the learner's or the grader's, of the
    rows before it; returns the new cache, once checked."""
    t, d = len(x) - 1, x.shape[1]
    grade.trying(f"block_step({shown(x[t])}, {cache_code(cache)}, {cache_code(p)})")
    given = {k: v.copy() for k, v in cache.items()}
    with np.errstate(all="ignore"):
        result = submission.block_step(x[t].copy(), cache, {k: v.copy() for k, v in p.items()})
    want = expected_cache(x, p)
    grade.check(isinstance(result, tuple) and len(result) == 2,
                expected={"en": "a pair (y_t, new_cache)", "ca": "una parella (y_t, new_cache)"},
                got={"en": f"{type(result).__name__}: {result!r}",
                     "ca": f"{type(result).__name__}: {result!r}"}, hint=HINTS["step_return"])
    got, new = result
    grade.array_shape(got, (d,), hint=HINTS["step_shape"])
    grade.check(isinstance(new, dict) and set(new) == {"k", "v"},
                expected={"en": 'a dict with the keys "k" and "v"',
                          "ca": 'un diccionari amb les claus "k" i "v"'},
                got=cache_words(new), hint=HINTS["step_cache_keys"])
    for name in ("k", "v"):
        grade.array_shape(new[name], (t + 1, d), hint=HINTS["step_cache_shape"])
    kept = set(cache) == set(given) and all(np.array_equal(cache[k], given[k]) for k in given)
    grade.check(kept, expected={"en": f"the given cache unchanged: {cache_code(given)}",
                                "ca": f"la memòria cau rebuda sense canvis: {cache_code(given)}"},
                got={"en": f"the given cache became {cache_code(cache)}",
                     "ca": f"la memòria cau rebuda ha passat a ser {cache_code(cache)}"},
                hint=HINTS["step_cache_kept"])
    for name in ("k", "v"):
        grade.check(np.array_equal(new[name][:t], given[name]), expected=given[name],
                    got=new[name][:t], hint=HINTS["step_cache_old"])
        grade.check(np.allclose(new[name][t], want[name][t], rtol=1e-6, atol=1e-8),
                    expected={"en": f'row {t} of "{name}": {shown(want[name][t])}',
                              "ca": f'fila {t} de "{name}": {shown(want[name][t])}'},
                    got=new[name][t], hint=HINTS["step_cache_new"])
    expected = expected_block(x, p)[t]
    grade.check(np.allclose(got, expected, rtol=1e-6, atol=1e-8), expected=expected, got=got,
                hint=HINTS["step_first" if t == 0 else "step_later"])
    return new


def check_generation(submission, grade, x, p) -> None:
    """The tokens of x one by one, each step reading the cache the step before returned."""
    d = x.shape[1]
    cache = {"k": np.zeros((0, d)), "v": np.zeros((0, d))}
    for t in range(len(x)):
        cache = check_step(submission, grade, x[:t + 1], p, cache)


@pytest.mark.exercise("ch13.block_step", points=3)
class TestBlockStep:
    def test_one_token(self, submission, grade):
        rng = np.random.default_rng(1308)
        for d, m in ((4, 8), (2, 3), (6, 5)):
            check_generation(submission, grade, *block_case(rng, 1, d, m))

    def test_generation_gives_the_rows_of_the_block(self, submission, grade):
        rng = np.random.default_rng(1309)
        for length, d, m in ((2, 4, 8), (3, 3, 6), (5, 4, 16), (7, 5, 4), (6, 8, 12)):
            check_generation(submission, grade, *block_case(rng, length, d, m))

    def test_a_cache_it_did_not_build(self, submission, grade):
        """The grader's own cache, with keys and values only: a step that needs anything else,
        the earlier tokens themselves to compute them again, cannot use it."""
        rng = np.random.default_rng(1310)
        for _ in range(5):
            d = int(rng.integers(2, 7))
            x, p = block_case(rng, int(rng.integers(2, 10)), d, int(rng.integers(2, 10)))
            check_step(submission, grade, x, p, expected_cache(x[:-1], p))

    def test_one_cache_two_next_tokens(self, submission, grade):
        """The same prefix continued with two tokens: the first step must leave it reusable."""
        rng = np.random.default_rng(1321)
        for length in (1, 4):
            x, p = block_case(rng, length + 1)
            other = np.vstack([x[:-1], rng.standard_normal(x.shape[1]) * 2 + 1])
            cache = expected_cache(x[:-1], p)
            check_step(submission, grade, x, p, cache)
            check_step(submission, grade, other, p, cache)


# --- 13.5 sampling with a temperature ----------------------------------------------------------
def probabilities(logits, temperature):
    return softmax(logits / temperature)


def check_frequencies(submission, grade, logits, temperature, draws=4000, seed=0, k=None) -> None:
    top = "" if k is None else f", top_k={k}"
    grade.trying(f"[sample({shown(logits)}, {temperature}, rng{top}) for _ in range({draws})], "
                 f"rng = np.random.default_rng({seed})")
    rng = np.random.default_rng(seed)
    with np.errstate(all="ignore"):
        tokens = [submission.sample(logits.copy(), temperature, rng, **({} if k is None else
                                                                       {"top_k": k}))
                  for _ in range(draws)]
    grade.check(all(isinstance(t, numbers.Integral) and 0 <= t < len(logits) for t in tokens),
                expected={"en": f"integers from 0 to {len(logits) - 1}",
                          "ca": f"enters de 0 a {len(logits) - 1}"},
                got=tokens[:5], hint=HINTS["sample_int"])
    kept = np.argsort(logits)[-(k or len(logits)):]
    expected = np.zeros(len(logits))
    expected[kept] = probabilities(logits[kept], temperature)
    frequencies = np.bincount(tokens, minlength=len(logits)) / draws
    grade.check(set(tokens) <= set(kept.tolist())
                and np.abs(frequencies - expected).max() < (0.03 if k is None else 0.035),
                expected={"en": f"frequencies close to {np.round(expected, 3).tolist()}",
                          "ca": f"freqüències properes a {np.round(expected, 3).tolist()}"},
                got={"en": f"frequencies {np.round(frequencies, 3).tolist()}",
                     "ca": f"freqüències {np.round(frequencies, 3).tolist()}"},
                hint=HINTS["sample_frequencies" if k is None else "sample_top_k"])


@pytest.mark.exercise("ch13.sample", points=2)
class TestSample:
    def test_temperature_zero_is_the_most_likely_token(self, submission, grade):
        rng = np.random.default_rng(1311)
        for _ in range(10):
            logits = rng.standard_normal(int(rng.integers(2, 9))) * 3
            grade.trying(f"sample({shown(logits)}, 0, rng)")
            got = submission.sample(logits.copy(), 0, rng)
            grade.check(isinstance(got, numbers.Integral), expected=int(np.argmax(logits)), got=got,
                        hint=HINTS["sample_int"])
            grade.check(got == np.argmax(logits), expected=int(np.argmax(logits)), got=got,
                        hint=HINTS["sample_greedy"])

    def test_frequencies_follow_the_temperature(self, submission, grade):
        logits = np.array([2.0, 1.0, 0.0, -1.0])
        for seed, temperature in enumerate((1.0, 0.5, 2.0, 5.0)):
            check_frequencies(submission, grade, logits, temperature, seed=seed)
        check_frequencies(submission, grade, np.array([1000.0, 999.0, 0.0]), 0.5, seed=9)

    def test_top_k(self, submission, grade):
        rng = np.random.default_rng(1312)
        cases = [(np.array([2.0, 1.0, 0.0, -1.0]), 1.0, 2), (np.array([2.0, 1.0, 0.0, -1.0]), 2.0, 3),
                 (np.array([0.5, 3.0, -2.0, 1.5, 0.0]), 0.5, 1), (np.array([0.5, 3.0, -2.0]), 1.0, 3)]
        for _ in range(3):
            logits = rng.standard_normal(int(rng.integers(5, 9))) * 2
            cases.append((logits, float(rng.choice([0.5, 1.0, 2.0])), int(rng.integers(1, len(logits)))))
        for seed, (logits, temperature, k) in enumerate(cases):
            check_frequencies(submission, grade, logits, temperature, draws=3000, seed=seed, k=k)
        logits = rng.standard_normal(6)
        grade.trying(f"sample({shown(logits)}, 0, rng, top_k=3)")
        got = submission.sample(logits.copy(), 0, rng, top_k=3)
        grade.check(got == np.argmax(logits), expected=int(np.argmax(logits)), got=got,
                    hint=HINTS["sample_greedy"])

    def test_the_generator_given_is_used(self, submission, grade):
        logits = np.zeros(10)
        grade.trying("sample(np.zeros(10), 1.0, rng), 40 times, with rng = np.random.default_rng(s) "
                     "for s = 1, 1, 2")
        runs = []
        for seed in (1, 1, 2):
            rng = np.random.default_rng(seed)
            runs.append([submission.sample(logits.copy(), 1.0, rng) for _ in range(40)])
        grade.check(runs[0] == runs[1] and runs[0] != runs[2],
                    expected={"en": "the same tokens for the same seed, other tokens for another seed",
                              "ca": "els mateixos tokens per a la mateixa llavor, uns altres per a una altra"},
                    got=runs, hint=HINTS["sample_rng"])


# --- 13.6 a warm-up and cosine schedule --------------------------------------------------------
def expected_lr(step, total, warmup, peak, low):
    if step < warmup:
        return peak * (step + 1) / warmup
    t = (step - warmup) / (total - warmup)
    return low + (peak - low) * (1 + math.cos(math.pi * t)) / 2


def check_schedule(submission, grade, total, warmup, peak, low=None) -> None:
    """Every warm-up step; then the decay's start, its direction, its last step, and every step
    between: the mid-points, where a straight line parts from the half cosine."""
    args = (total, warmup, peak) + (() if low is None else (low,))
    low = 0.0 if low is None else low
    call = ", ".join(map(str, args))

    def rate(step: int) -> float:
        grade.trying(f"warmup_cosine({step}, {call})")
        got = submission.warmup_cosine(step, *args)
        grade.check(isinstance(got, numbers.Real) and not isinstance(got, bool),
                    expected=expected_lr(step, total, warmup, peak, low), got=got,
                    hint=grading.messages.both("not_a_number"))
        return float(got)

    def close(step: int, hint: dict) -> None:
        grade.close(rate(step), expected_lr(step, total, warmup, peak, low), hint=hint,
                    rel=1e-9, abs=1e-15)

    for step in range(warmup):
        close(step, HINTS["schedule_warmup"])
    close(warmup, HINTS["schedule_start"])
    decay = [rate(step) for step in range(warmup, total)]
    grade.trying(f"[warmup_cosine(step, {call}) for step in range({warmup}, {total})]")
    grade.check(all(a >= b for a, b in zip(decay, decay[1:])),
                expected={"en": "rates that never go up", "ca": "taxes que no pugen mai"},
                got=decay, hint=HINTS["schedule_monotone"])
    last = rate(total - 1)
    grade.check(last > low, expected=expected_lr(total - 1, total, warmup, peak, low), got=last,
                hint=HINTS["schedule_end"])
    for step in range(warmup + 1, total):
        close(step, HINTS["schedule_shape"])


@pytest.mark.exercise("ch13.warmup_cosine", points=2)
class TestWarmupCosine:
    def test_warm_up(self, submission, grade):
        check_schedule(submission, grade, 20, 5, 0.01)

    def test_cosine_to_a_minimum(self, submission, grade):
        check_schedule(submission, grade, 30, 4, 3e-3, 3e-4)
        check_schedule(submission, grade, 12, 1, 1.0, 0.5)

    def test_no_warm_up(self, submission, grade):
        check_schedule(submission, grade, 10, 0, 0.1, 0.0)


# --- 13.7 the peak attention weight, with and without the √d ----------------------------------
def check_peak(submission, grade, d, seed, scaled, T=None) -> None:
    extra = "" if T is None else f", T={T}"
    grade.trying(f"peak_weight({d}, {seed}, scaled={scaled}{extra})")
    rng = np.random.default_rng(seed)
    q, k = rng.standard_normal((T or 16, d)), rng.standard_normal((T or 16, d))
    expected = float(softmax(q @ k.T / (math.sqrt(d) if scaled else 1.0)).max(axis=-1).mean())
    got = submission.peak_weight(d, seed, scaled, **({} if T is None else {"T": T}))
    grade.check(isinstance(got, numbers.Real) and not isinstance(got, bool), expected=expected,
                got=got, hint=HINTS["peak_number"])
    grade.close(float(got), expected, rel=1e-9, abs=1e-12,
                hint=HINTS["peak_scaled" if scaled else "peak_unscaled"])


@pytest.mark.exercise("ch13.peak_weight", points=2)
class TestPeakWeight:
    def test_scaled(self, submission, grade):
        for seed, d, T in ((0, 1, None), (1, 8, None), (2, 64, None), (3, 512, None), (4, 16, 5)):
            check_peak(submission, grade, d, seed, True, T)

    def test_unscaled(self, submission, grade):
        for seed, d, T in ((0, 1, None), (1, 8, None), (2, 64, None), (3, 512, None), (4, 16, 5)):
            check_peak(submission, grade, d, seed, False, T)
