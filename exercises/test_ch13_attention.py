"""Graders for chapter 13 (exercises/ch13_attention.py): the attention mask of a padded batch,
attention weights, layer norm, a transformer block's step with a key-value cache, sampling with a
temperature, a warm-up and cosine schedule.

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
import minigrad.attention
import minigrad.functional
import minigrad.optim.lr_scheduler
import minigrad.nn
import minigrad.normalization

SWITCHED_OFF = ("minigrad's own version is switched off for this exercise: write it with numpy "
                "/ la versió de minigrad està desactivada en aquest exercici: escriu-la amb numpy")

HINTS = {
    "mask_shape": {
        "en": "Return a numpy array of booleans (dtype bool) of shape (B, size, size): one "
              "(size, size) mask per sequence of the batch, one row per query position and one "
              "column per key position.",
        "ca": "Retorna un array de numpy de booleans (dtype bool) de forma (B, size, size): una "
              "màscara (size, size) per seqüència del lot, amb una fila per posició de consulta i "
              "una columna per posició de clau.",
    },
    "mask_future": {
        "en": "A query reads a later key (j > i). Reread 'The causal mask' in chapter 13: which "
              "part of each (size, size) square is the future, and what must it hold?",
        "ca": "Una consulta llegeix una clau posterior (j > i). Rellegeix «La màscara causal» al "
              "capítol 13: quina part de cada quadrat (size, size) és el futur, i què hi ha "
              "d'haver?",
    },
    "mask_padding": {
        "en": "A query reads a padding key: in sequence b, the keys from lengths[b] on are not "
              "real characters, so no query, real or padded, may read them. Is your test on the "
              "key or on the query, and is it strict?",
        "ca": "Una consulta llegeix una clau de farciment: a la seqüència b, les claus a partir "
              "de lengths[b] no són caràcters reals, i cap consulta, real o de farciment, no les "
              "pot llegir. La comprovació es fa sobre la clau o sobre la consulta, i és estricta?",
    },
    "mask_self": {
        "en": "The diagonal is wrong: may a real position look at itself (j = i)? Without it, "
              "position 0 would read nothing at all.",
        "ca": "La diagonal no és correcta: una posició real es pot mirar a si mateixa (j = i)? "
              "Sense la diagonal, la posició 0 no llegiria res.",
    },
    "mask_past": {
        "en": "A real query misses a key it may read: query i of sequence b reads every key j "
              "that is neither in its future nor padding.",
        "ca": "A una consulta real li falta una clau que pot llegir: la consulta i de la "
              "seqüència b llegeix totes les claus j que no són ni del seu futur ni de farciment.",
    },
    "mask_padded_queries": {
        "en": "The row of a padded query (i ≥ lengths[b]) is wrong. A row without any True gives "
              "a softmax of nan; the docstring says which keys a padded query reads: the same "
              "rule as a real one.",
        "ca": "La fila d'una consulta de farciment (i ≥ lengths[b]) no és correcta. Una fila sense "
              "cap True dona una softmax de nan; el docstring diu quines claus llegeix una "
              "consulta de farciment: la mateixa regla que una de real.",
    },
    "mask_refuse": {
        "en": "Every length must be from 1 to size: a length of 0 leaves a sequence without any "
              "key to read, one above size does not fit. Raise a ValueError whose message names "
              "attention_mask, the wrong length and size.",
        "ca": "Cada longitud ha de ser d'1 a size: una longitud 0 deixa una seqüència sense cap "
              "clau per llegir, i una de més gran que size no hi cap. Llança un ValueError amb un "
              "missatge que digui attention_mask, la longitud incorrecta i size.",
    },
    "weights_shape": {
        "en": "Return one row of weights per query and one column per key: shape (T_q, T_k).",
        "ca": "Retorna una fila de pesos per consulta i una columna per clau: forma (T_q, T_k).",
    },
    "weights_finite": {
        "en": "Some weights are inf or nan: np.exp overflowed. Reread 'Softmax without overflow' "
              "in chapter 6: what can you subtract from each row's scores without changing its "
              "softmax? (A masked score of -inf gives exp(-inf) = 0, which is fine.)",
        "ca": "Hi ha pesos inf o nan: np.exp s'ha desbordat. Rellegeix «La softmax sense "
              "desbordaments» al capítol 6: què pots restar a les puntuacions de cada fila sense "
              "canviar-ne la softmax? (Una puntuació emmascarada a -inf dona exp(-inf) = 0, i "
              "això és correcte.)",
    },
    "weights_rows": {
        "en": "Each ROW (one query) must add up to 1. Along which axis, queries or keys, does "
              "your softmax run?",
        "ca": "Cada FILA (una consulta) ha de sumar 1. Al llarg de quin eix, el de les consultes "
              "o el de les claus, fas la softmax?",
    },
    "weights_masked": {
        "en": "Where the mask is False the weight must be exactly 0 and the row must still add up "
              "to 1. If you zero weights after the softmax, what happens to the row's sum? Which "
              "score gives a weight of exactly 0 when it goes through the softmax?",
        "ca": "On la màscara és False el pes ha de ser exactament 0 i la fila ha de continuar "
              "sumant 1. Si poses pesos a zero després de la softmax, què passa amb la suma de la "
              "fila? Quina puntuació dona un pes d'exactament 0 quan passa per la softmax?",
    },
    "weights_scale": {
        "en": "Each row adds up to 1, but the weights are not the expected ones. Are the scores "
              "scaled as in 'Attention' in chapter 13? By what, computed from the number of "
              "features of a query, are they divided, and why?",
        "ca": "Cada fila suma 1, però els pesos no són els esperats. S'escalen les puntuacions "
              "com a «Atenció» al capítol 13? Per quin nombre, calculat a partir del nombre de "
              "característiques d'una consulta, es divideixen, i per què?",
    },
    "norm_shape": {
        "en": "Return an array of x's shape: one normalised value per input value.",
        "ca": "Retorna un array de la forma de x: un valor normalitzat per cada valor d'entrada.",
    },
    "norm_axis": {
        "en": "Each ROW must be normalised on its own: over which axis do you take the mean and "
              "the variance, and do they keep a shape that broadcasts against x?",
        "ca": "Cada FILA s'ha de normalitzar per separat: al llarg de quin eix calcules la mitjana i la "
              "variància, i conserven una forma que es pugui difondre amb x?",
    },
    "norm_values": {
        "en": "Each row is centred, but the numbers are wrong. Compare each part with the "
              "docstring's formula: which variance (dividing by d or by d − 1?), where eps goes "
              "relative to the square root, and are weight and bias applied?",
        "ca": "Cada fila està centrada, però els nombres no són correctes. Compara cada part amb "
              "la fórmula del docstring: quina variància (dividint per d o per d − 1?), on va eps "
              "respecte de l'arrel quadrada, i s'apliquen weight i bias?",
    },
    "step_return": {
        "en": "Return a pair (y_t, new_cache): the block's output for the new token, then the "
              "cache with the new token in it.",
        "ca": "Retorna una parella (y_t, new_cache): la sortida del bloc per al token nou i "
              "després la memòria cau amb el token nou a dins.",
    },
    "step_shape": {
        "en": "y_t is the block's output for the new token only: one vector of shape (d,), like "
              "x_t, not a row per token so far.",
        "ca": "y_t és la sortida del bloc només per al token nou: un vector de forma (d,), com "
              "x_t, no una fila per cada token fins ara.",
    },
    "step_cache_keys": {
        "en": "The cache is a dict with exactly two entries, \"k\" and \"v\": the keys and the "
              "values of the tokens so far, nothing else. Why are these two enough?",
        "ca": "La memòria cau és un diccionari amb exactament dues entrades, \"k\" i \"v\": les "
              "claus i els valors dels tokens fins ara, res més. Per què n'hi ha prou amb aquests "
              "dos?",
    },
    "step_cache_shape": {
        "en": "After token t the cache holds t + 1 keys and t + 1 values, one row of d numbers "
              "per token: the given rows, then the new token's. Did the new row get in?",
        "ca": "Després del token t la memòria cau té t + 1 claus i t + 1 valors, una fila de d "
              "nombres per token: les files que has rebut i després la del token nou. Hi has "
              "afegit la fila nova?",
    },
    "step_cache_kept": {
        "en": "The cache you were given changed. The docstring asks for a new dict and leaves the "
              "given one as it was: whoever calls you may continue the same cache with another "
              "token. Does your code assign into the dict it received?",
        "ca": "La memòria cau que has rebut ha canviat. El docstring demana un diccionari nou i "
              "deixa el que reps tal com era: el codi que crida la teva funció pot continuar la "
              "mateixa memòria cau amb un altre token. El teu codi assigna dins del diccionari "
              "que ha rebut?",
    },
    "step_cache_old": {
        "en": "The first t rows of the new cache must be the given ones, unchanged: the earlier "
              "tokens' keys and values do not depend on the new token.",
        "ca": "Les t primeres files de la memòria cau nova han de ser les que has rebut, sense "
              "canvis: les claus i els valors dels tokens anteriors no depenen del token nou.",
    },
    "step_cache_new": {
        "en": "The new row of \"k\" or \"v\" is wrong. The docstring says what row t holds: "
              "computed from which vector, x_t or a copy of it, and with which matrix? Is it the "
              "key and the value, not the query?",
        "ca": "La fila nova de \"k\" o de \"v\" no és correcta. El docstring diu què conté la "
              "fila t: calculada a partir de quin vector, x_t o una còpia seva, i amb quina "
              "matriu? És la clau i el valor, no la consulta?",
    },
    "step_first": {
        "en": "The output for the first token, from an empty cache, is wrong. With one token the "
              "attention can only read that token itself. Compare the rest with the docstring's "
              "block: which vector does each sub-layer read, a normalised copy or x, and what "
              "is its result added to?",
        "ca": "La sortida del primer token, amb la memòria cau buida, no és correcta. Amb un sol "
              "token, l'atenció només pot llegir aquest mateix token. Compara la resta amb el "
              "bloc del docstring: quin vector llegeix cada subcapa, una còpia normalitzada o x, "
              "i a què se suma el resultat?",
    },
    "step_later": {
        "en": "The first token is right, a later one is wrong: the attention, the one part where "
              "the tokens meet. Which keys may the newest query read (look at the last row of "
              "the causal mask), and are its weights those of exercise 13.2, scaled?",
        "ca": "El primer token és correcte, però un de posterior no: l'atenció, l'única part on "
              "els tokens es troben. Quines claus pot llegir la consulta més nova (mira l'última "
              "fila de la màscara causal), i els pesos són els de l'exercici 13.2, escalats?",
    },
    "sample_int": {
        "en": "Return the index of the token as a Python or numpy integer, not an array or a "
              "probability: int(...).",
        "ca": "Retorna l'índex del token com a enter de Python o de numpy, no un array ni una "
              "probabilitat: int(...).",
    },
    "sample_greedy": {
        "en": "With temperature 0 there is no randomness and dividing by 0 is not an option: "
              "which token is the one the distribution tends to as the temperature goes to 0?",
        "ca": "Amb temperatura 0 no hi ha atzar i dividir per 0 no és una opció: cap a quin token "
              "tendeix la distribució quan la temperatura tendeix a 0?",
    },
    "sample_rng": {
        "en": "Draw with the generator you receive (rng.choice or rng.random), not with np.random: "
              "the same seed must give the same tokens, and different seeds different ones.",
        "ca": "Tria amb el generador que reps (rng.choice o rng.random), no amb np.random: la "
              "mateixa llavor ha de donar els mateixos tokens, i llavors diferents, tokens diferents.",
    },
    "sample_top_k": {
        "en": "With top_k = k, only the k tokens of largest logit may come out, and among them as "
              "often, relative to one another, as without top_k. What must the other tokens' "
              "probability be, and does it matter whether you set it before or after you "
              "normalise? (The causal mask faced the same question.)",
        "ca": "Amb top_k = k, només poden sortir els k tokens de logit més gran, i entre ells tan "
              "sovint, els uns respecte dels altres, com sense top_k. Quina ha de ser la "
              "probabilitat dels altres tokens, i importa si la fixes abans o després de "
              "normalitzar? (La màscara causal es trobava amb la mateixa pregunta.)",
    },
    "sample_frequencies": {
        "en": "The tokens do not come out as often as softmax(logits / temperature) says. Reread "
              "'Sampling with a temperature' in chapter 13: should a high temperature flatten the "
              "distribution or sharpen it, and does yours? Are you drawing with those "
              "probabilities?",
        "ca": "Els tokens no surten tan sovint com diu softmax(logits / temperatura). Rellegeix "
              "«Mostrejar amb una temperatura» al capítol 13: una temperatura alta hauria "
              "d'aplanar la distribució o fer-la més punxeguda, i la teva què fa? Tries amb "
              "aquestes probabilitats?",
    },
    "schedule_warmup": {
        "en": "Wrong rate during the warm-up (step < warmup_steps). The docstring's straight line "
              "is 0 one step BEFORE the first and peak_lr at step warmup_steps − 1: what is it "
              "at step 0 (not 0), and by how much does it grow at each step?",
        "ca": "La taxa durant l'escalfament (step < warmup_steps) no és correcta. La recta del "
              "docstring val 0 un pas ABANS del primer i peak_lr al pas warmup_steps − 1: quant "
              "val al pas 0 (no 0), i quant creix a cada pas?",
    },
    "schedule_start": {
        "en": "The decay must start from the top of the cosine, at peak_lr, at step "
              "warmup_steps: is your cosine counted from the end of the warm-up?",
        "ca": "El decaïment ha de començar dalt de tot del cosinus, a peak_lr, al pas "
              "warmup_steps: comptes el cosinus des del final de l'escalfament?",
    },
    "schedule_monotone": {
        "en": "After the warm-up the rate goes up again. The decay is HALF a cosine period, from "
              "its top to its bottom: how far through the period are you at the last step?",
        "ca": "Després de l'escalfament la taxa torna a pujar. El decaïment és MIG període d'un "
              "cosinus, de dalt de tot fins a baix de tot: quina part del període has recorregut "
              "a l'últim pas?",
    },
    "schedule_end": {
        "en": "Wrong rate at the last step (total_steps − 1): it must still be above min_lr, "
              "which the half cosine would reach only at step total_steps, one step after the "
              "last. Does yours arrive one step too early, or fall towards 0 instead of min_lr?",
        "ca": "La taxa de l'últim pas (total_steps − 1) no és correcta: encara ha de ser per "
              "sobre de min_lr, que el mig cosinus només assoliria al pas total_steps, un pas "
              "després de l'últim. El teu hi arriba un pas massa d'hora, o baixa cap a 0 en lloc "
              "de cap a min_lr?",
    },
    "schedule_shape": {
        "en": "The decay starts at peak_lr and goes down, but a rate between its ends is wrong. "
              "Half a cosine falls slowly near peak_lr, fastest halfway, slowly again near "
              "min_lr: a straight line does not. What fraction of the half period has the step "
              "gone through, and what is the cosine of that?",
        "ca": "El decaïment comença a peak_lr i baixa, però una taxa entre els extrems no és "
              "correcta. Mig cosinus baixa a poc a poc a prop de peak_lr, més de pressa a la "
              "meitat i a poc a poc de nou a prop de min_lr: una recta no. Quina fracció del mig "
              "període ha recorregut el pas, i quin n'és el cosinus?",
    },
}


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


def shown(x: np.ndarray) -> str:
    """An array as Python code the learner can paste (``from numpy import array``)."""
    return " ".join(repr(np.asarray(x)).split())


def shape_words(shape: tuple) -> dict:
    return {"en": f"an array of shape {shape}", "ca": f"un array de forma {shape}"}


def got_shape(got) -> dict:
    return {"en": f"shape {np.shape(got)}: {got!r}", "ca": f"forma {np.shape(got)}: {got!r}"}


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
    real = np.broadcast_to(i < n, shape)          # [b, i, :] is True for a real query i
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
    scores = q @ k.T / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


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


# --- 13.3 layer norm ---------------------------------------------------------------------------
def expected_norm(x, w, b, eps):
    return w * (x - x.mean(axis=-1, keepdims=True)) / np.sqrt(x.var(axis=-1, keepdims=True) + eps) + b


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
    z = logits / temperature
    e = np.exp(z - z.max())
    return e / e.sum()


def check_frequencies(submission, grade, logits, temperature, draws=4000, seed=0) -> None:
    grade.trying(f"[sample({shown(logits)}, {temperature}, rng) for _ in range({draws})], "
                 f"rng = np.random.default_rng({seed})")
    rng = np.random.default_rng(seed)
    with np.errstate(all="ignore"):
        tokens = [submission.sample(logits.copy(), temperature, rng) for _ in range(draws)]
    grade.check(all(isinstance(t, numbers.Integral) and 0 <= t < len(logits) for t in tokens),
                expected={"en": f"integers from 0 to {len(logits) - 1}",
                          "ca": f"enters de 0 a {len(logits) - 1}"},
                got=tokens[:5], hint=HINTS["sample_int"])
    expected = probabilities(logits, temperature)
    frequencies = np.bincount(tokens, minlength=len(logits)) / draws
    grade.check(np.abs(frequencies - expected).max() < 0.03,
                expected={"en": f"frequencies close to {np.round(expected, 3).tolist()}",
                          "ca": f"freqüències properes a {np.round(expected, 3).tolist()}"},
                got={"en": f"frequencies {np.round(frequencies, 3).tolist()}",
                     "ca": f"freqüències {np.round(frequencies, 3).tolist()}"},
                hint=HINTS["sample_frequencies"])


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
            draws = 3000
            grade.trying(f"[sample({shown(logits)}, {temperature}, rng, top_k={k}) for _ in "
                         f"range({draws})], rng = np.random.default_rng({seed})")
            generator = np.random.default_rng(seed)
            with np.errstate(all="ignore"):
                tokens = [submission.sample(logits.copy(), temperature, generator, top_k=k)
                          for _ in range(draws)]
            grade.check(all(isinstance(t, numbers.Integral) and 0 <= t < len(logits) for t in tokens),
                        expected={"en": f"integers from 0 to {len(logits) - 1}",
                                  "ca": f"enters de 0 a {len(logits) - 1}"},
                        got=tokens[:5], hint=HINTS["sample_int"])
            kept = np.argsort(logits)[-k:]
            expected = np.zeros(len(logits))
            expected[kept] = probabilities(logits[kept], temperature)
            frequencies = np.bincount(tokens, minlength=len(logits)) / draws
            grade.check(set(tokens) <= set(kept.tolist())
                        and np.abs(frequencies - expected).max() < 0.035,
                        expected={"en": f"frequencies close to {np.round(expected, 3).tolist()}",
                                  "ca": f"freqüències properes a {np.round(expected, 3).tolist()}"},
                        got={"en": f"frequencies {np.round(frequencies, 3).tolist()}",
                             "ca": f"freqüències {np.round(frequencies, 3).tolist()}"},
                        hint=HINTS["sample_top_k"])
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
