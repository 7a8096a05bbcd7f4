"""Chapter 13 exercises: the attention mask of a padded batch, attention weights and their
limits, layer normalisation and what it forgets, a transformer block's step with a key-value
cache, sampling with a temperature, a learning-rate schedule and an experiment on the scale of
the scores, all with numpy.

minigrad's own attention and layer norm are switched off while grading: write them yourself.
(Escriu-ho tu mateix: el corrector desactiva l'atenció i la normalització de minigrad.)

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch13_attention.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch13_attention.py    # comentaris en català
"""

from __future__ import annotations

import numpy as np


def attention_mask(lengths: np.ndarray, size: int) -> np.ndarray:
    """The (N, size, size) boolean mask of a causal model reading a batch of padded sequences.

    lengths: (N,) integers, the real length of each sequence of the batch, all padded to
    ``size``: positions lengths[seq], ..., size − 1 of sequence seq are padding. Entry
    [seq, i, j] is True when query i of sequence seq may read key j: neither a future key nor a
    padding key. A padded query (i ≥ lengths[seq]) obeys the same rule, as in PyTorch: it
    reads every real key, so that no row is all False and its softmax stays finite (its output
    is never used). A length below 1 or above size raises a ValueError whose message names
    attention_mask, the wrong length and size.
    Example: attention_mask(np.array([2]), 3)[0] is
    [[True, False, False], [True, True, False], [True, True, False]].
    (La màscara d'un lot amb farciment: [seq, i, j] és True si la consulta i pot llegir la
    clau j.)
    """
    raise NotImplementedError("two conditions, on (i, j) and on (seq, j): how do they broadcast?")


def attention_weights(q: np.ndarray, k: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """softmax(q kᵀ / √d) row by row: how much each query reads from each key.

    q: (T_q, d) queries, k: (T_k, d) keys, mask: None or a (T_q, T_k) boolean array, True where
    a query may look. Returns (T_q, T_k) weights; each row adds up to 1 and is 0 where the mask is
    False. Must not overflow, whatever the size of the scores.
    (Els pesos d'atenció: softmax de q kᵀ / √d per files, amb la màscara.)
    """
    raise NotImplementedError("a masked key must get weight exactly 0: mask before or after the softmax?")


def limit_weights(scores: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where the weights of the scores κ · scores go as κ → 0 and as κ → +∞, without a softmax.

    scores: (T_q, T_k) finite scores; mask: (T_q, T_k) booleans, True where a query may look,
    at least one True per row. attention_weights gives, for the scores multiplied by κ > 0,
    weights that depend on κ: return (flat, sharp), both (T_q, T_k), their limits as κ → 0 and
    as κ → +∞. Work them out first, then compute them without exponentials; check them with
    your attention_weights and a tiny and a huge κ. Scores may be exactly equal (ties).
    (Els límits dels pesos quan les puntuacions es multipliquen per κ → 0 i per κ → +∞.)
    """
    raise NotImplementedError("what does a softmax see when every score is nearly the same?")


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """Layer normalisation of each row of x, the chapter's LN with γ = weight and β = bias.

    x: (..., d); each row of the last axis is standardised with its own mean and biased
    variance, eps keeping the division finite; weight and bias: (d,). Returns an array of x's
    shape.
    (Normalitza cada fila: mitjana 0 i variància 1, i després escala i desplaça.)
    """
    raise NotImplementedError("each row on its own: which axis, and what shape must the mean have?")


def rescaled_layer_norm(y: np.ndarray, weight: np.ndarray, bias: np.ndarray, m: float,
                        u: float) -> np.ndarray:
    """layer_norm(m · x + u, weight, bias), from y = layer_norm(x, weight, bias) alone.

    x: (..., d), rows that are not constant, is not given: only y, its layer norm with
    weight and bias (d,). m ≠ 0 and u are numbers. Return what layer_norm gives for m · x + u,
    with eps taken as 0 (the grader's rows have variances far above eps, and |m| ≥ 0.5).
    Predict it on paper first, then check it with your layer_norm.
    (La normalització per capa de m · x + u a partir només de y, la de x.)
    """
    raise NotImplementedError("what do the mean and the spread of m · x + u become?")


def block_step(x_t: np.ndarray, cache: dict[str, np.ndarray],
               p: dict[str, np.ndarray]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The output of a transformer block for one new token, from the cache of the earlier ones.

    The block is one pre-norm block with a single causal attention head and a ReLU MLP; on a
    sequence x of shape (T, d), with LN1(x) = layer_norm(x, p["ln1_weight"], p["ln1_bias"]) and
    LN2 likewise with p["ln2_weight"], p["ln2_bias"]:

        block(x) = y + relu(LN2(y) W1 + b1) W2 + b2,    y = x + A (h Wv) Wo,    h = LN1(x),
        A = attention_weights(h Wq, h Wk, causal), causal the (T, T) mask of one sequence.

    p holds "Wq", "Wk", "Wv", "Wo" (d, d), "W1" (d, m), "b1" (m,), "W2" (m, d), "b2" (d,) and
    the layer norms' weights and biases (d,). The matrices are stored (inputs, outputs), the
    transposes of the chapter's W_Q, W_K, W_V, W_O: h Wq is Q.

    x_t: (d,), the token at position t. cache: {"k": (t, d), "v": (t, d)}, whose row i is the
    key h_i Wk and the value h_i Wv of token i, h_i = LN1(x_i); at the start, t = 0, both have
    shape (0, d). Returns (y_t, new_cache): y_t, of shape (d,), is row t of block(x) for the
    tokens x = x_0, ..., x_t; new_cache is a new dict, the same with x_t's key and value
    appended as row t. The given cache is left as it was, so it can go on with another token.
    Calling block_step on x_0, ..., x_{T-1} in turn from an empty cache gives, one by one, the
    T rows of block(x) (up to rounding).
    (La sortida del bloc per a un token nou, a partir de la memòria cau de claus i valors.)
    """
    raise NotImplementedError("what of the earlier tokens can the new token still change?")


def sample(logits: np.ndarray, temperature: float, rng: np.random.Generator,
           top_k: int | None = None) -> int:
    """Draw the index of the next token from softmax(logits / temperature), or from its top k.

    logits: (V,) scores. temperature > 0: draw with ``rng`` (e.g. rng.choice(V, p=probs));
    temperature == 0: no randomness, return the index of the largest logit. With ``top_k = k``
    (1 ≤ k ≤ V), only the k tokens of largest logit may be drawn, each as often, relative to the
    others of the k, as without top_k; None means no limit.
    (Tria el següent token segons softmax(logits / temperatura), si cal només entre els k millors.)
    """
    raise NotImplementedError("treat temperature 0 apart; with top_k, what do the other logits become?")


def warmup_cosine(step: int, total_steps: int, warmup_steps: int, peak_lr: float,
                  min_lr: float = 0.0) -> float:
    """The learning rate at ``step`` (0, 1, ..., total_steps − 1): a warm-up, then a cosine decay.

    Warm-up, steps 0 to warmup_steps − 1: the rate grows in equal increments along the straight
    line that is 0 one step before the first (at step −1) and peak_lr at step warmup_steps − 1,
    so that no step has a rate of 0.
    Decay, the steps from warmup_steps on: half a period of a cosine, from its top to its
    bottom, which is peak_lr at step warmup_steps (no jump from the warm-up) and would reach
    min_lr at step total_steps, one step after the last. So the rate never goes up again and
    stays above min_lr; like a cosine near its top and its bottom, it falls slowly at first and
    at the end, fastest halfway.
    (Escalfament lineal fins a peak_lr i després mig cosinus que baixa de peak_lr cap a min_lr.)
    """
    raise NotImplementedError("a fraction from 0 to 1 for each phase: at which steps is it 0, and 1?")


def peak_weight(d: int, seed: int, scaled: bool = True, T: int = 16) -> float:
    """The mean, over T queries, of the largest attention weight each one gives to T keys.

    Draw rng = np.random.default_rng(seed), then q = rng.standard_normal((T, d)) and
    k = rng.standard_normal((T, d)), in that order: entries independent, of mean 0 and variance
    1. With scaled, the weights are your attention_weights(q, k), no mask; without it, those of
    the scores q kᵀ not divided by √d. Return the mean of the T rows' largest weights, a float.
    (La mitjana del pes més gran de cada consulta, amb l'escala √d o sense.)
    """
    raise NotImplementedError("scores without the √d: what can you pass to attention_weights?")
