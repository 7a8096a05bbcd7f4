"""Graders for chapter 10 (exercises/ch10_language.py): bag of words, n-grams, cosine, analogy.

minigrad already counts words (``text.bag_of_words``, ``text.Vocabulary``), makes n-grams
(``text.ngrams``) and compares vectors (``text.cosine_similarity``, ``text.analogy``): an
autouse fixture switches them off before the learner's module is loaded,
so calling them cannot pass. Every expected value is computed here, from first principles.
Inputs are drawn anew each run, many of them, plus edge cases, so an answer written for a
few inputs cannot pass.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import grading
import minigrad.text

SWITCHED_OFF = {"en": "minigrad.text is switched off while grading: write the counting yourself",
                "ca": "minigrad.text està desactivat durant la correcció: escriu-ho tu"}

HINTS = {
    "bow_shape": {
        "en": "Return a numpy array with one row per document and one column per vocabulary "
              "word: shape (len(documents), len(vocabulary)), even when a document is empty.",
        "ca": "Retorna un array de numpy amb una fila per document i una columna per paraula "
              "del vocabulari: forma (len(documents), len(vocabulary)), fins i tot si un "
              "document és buit.",
    },
    "bow_presence": {
        "en": "Count every occurrence: a word that appears three times in a document gives 3, "
              "not 1. Add 1 for each token, do not just mark the words that are present.",
        "ca": "Compta cada aparició: una paraula que surt tres vegades en un document dona 3, "
              "no 1. Suma 1 per cada token, no marquis només les paraules presents.",
    },
    "bow_order": {
        "en": "Column j must count vocabulary[j]: keep the vocabulary's own order (do not sort "
              "it), and ignore tokens that are not in the vocabulary.",
        "ca": "La columna j ha de comptar vocabulary[j]: mantén l'ordre del vocabulari (no "
              "l'ordenis) i no comptis els tokens que no hi són.",
    },
    "ngrams": {
        "en": "Wrong n-grams. How many runs of n consecutive tokens does a list of T tokens have, "
              "where does the first start and where does the last one start? What if there are "
              "fewer than n tokens?",
        "ca": "Els n-grames no són correctes. Quantes seqüències de n tokens consecutius té una "
              "llista de T tokens, on comença la primera i on comença l'última? I si hi ha menys "
              "de n tokens?",
    },
    "ngrams_strings": {
        "en": "Each n-gram must be one string: its tokens separated by a single space, as the "
              "chapter prints them, not a tuple or a list of tokens.",
        "ca": "Cada n-grama ha de ser una sola cadena: els seus tokens separats per un sol espai, "
              "com els escriu el capítol, no una tupla ni una llista de tokens.",
    },
    "cosine": {
        "en": "Not the cosine similarity. Scale u or v by 10 and compare: the cosine must not "
              "change, since it depends only on the directions. Reread the chapter's formula: "
              "what does the dot product have to be divided by?",
        "ca": "No és la similitud de cosinus. Multiplica u o v per 10 i compara: el cosinus no ha "
              "de canviar, perquè només depèn de les direccions. Rellegeix la fórmula del "
              "capítol: per què s'ha de dividir el producte escalar?",
    },
    "cosine_zero": {
        "en": "When u or v is all zeros, |u| |v| is 0 and the division is undefined (nan): "
              "check for it first and return 0.0.",
        "ca": "Quan u o v són tot zeros, |u| |v| és 0 i la divisió no està definida (nan): "
              "comprova-ho abans i retorna 0.0.",
    },
    "analogy": {
        "en": "Wrong word. Reread 'king − man + woman ≈ queen' in chapter 10: which vector does "
              "the question a : b :: c : ? build (check each sign), and which measure compares it "
              "with the candidates, one that ignores how long the vectors are?",
        "ca": "La paraula no és correcta. Rellegeix «king − man + woman ≈ queen» al capítol 10: "
              "quin vector construeix la pregunta a : b :: c : ? (comprova cada signe), i quina "
              "mesura el compara amb els candidats, una que no tingui en compte la llargada dels "
              "vectors?",
    },
    "analogy_exclude": {
        "en": "The answer is never one of the three words of the question: leave a, b and c out "
              "of the candidates (b itself is often the closest to b - a + c).",
        "ca": "La resposta no és mai cap de les tres paraules de la pregunta: deixa a, b i c "
              "fora dels candidats (sovint la més propera a b - a + c és la b mateixa).",
    },
}


library_switched_off = grading.switched_off(
    minigrad.text.bag_of_words, minigrad.text.ngrams, minigrad.text.Vocabulary,
    minigrad.text._terms, minigrad.text.cosine_similarity, minigrad.text.analogy,
    words=SWITCHED_OFF)


WORDS = ["u2", "queen", "is", "a", "great", "band", "the", "book", "not", "king", "man",
         "woman", "blue", "aqua", "cerulean", "sky", "robot", "owl", "stars", "night"]


def expected_counts(documents, vocabulary):
    out = np.zeros((len(documents), len(vocabulary)))
    for i, doc in enumerate(documents):
        for j, word in enumerate(vocabulary):
            out[i, j] = sum(token == word for token in doc)
    return out


def bow_cases():
    yield ([["u2", "is", "a", "great", "band"], ["queen", "is", "a", "great", "band"]],
           ["u2", "queen", "is", "a", "great", "band"])
    yield [["the", "owl", "the", "the"], []], ["owl", "the", "stars"]     # empty document
    yield [["blue", "blue"]], ["aqua"]                                    # nothing counted
    yield [[], []], ["robot"]
    rng = grading.random(1010)
    for _ in range(25):
        vocabulary = rng.sample(WORDS, rng.randint(1, 10))                # random order
        pool = vocabulary[: max(1, len(vocabulary) // 2)] + rng.sample(WORDS, 4)
        documents = [[rng.choice(pool) for _ in range(rng.randint(0, 14))]
                     for _ in range(rng.randint(1, 5))]
        yield documents, vocabulary


@pytest.mark.exercise("ch10.bag_of_words", points=2)
class TestBagOfWords:
    def test_counts(self, submission, grade):
        for documents, vocabulary in bow_cases():
            grade.trying(f"bag_of_words({documents!r}, {vocabulary!r})")
            got = submission.bag_of_words([list(d) for d in documents], list(vocabulary))
            expected = expected_counts(documents, vocabulary)
            grade.array_shape(got, expected.shape, hint=HINTS["bow_shape"])
            array = got.astype(float)
            presence = np.array_equal(array, (expected > 0).astype(float))
            grade.check(np.array_equal(array, expected), expected=expected.tolist(),
                        got=array.tolist(),
                        hint=HINTS["bow_presence"] if presence else HINTS["bow_order"])


def expected_ngrams(tokens, n):
    return [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


def ngram_cases():
    yield ["that", "book", "is", "not", "great"], 2
    yield ["that", "book", "is", "not", "great"], 1
    yield ["that", "book", "is", "not", "great"], 5
    yield ["that", "book", "is", "not", "great"], 6                       # too few tokens
    yield [], 1
    yield ["owl"], 1
    yield ["the", "the", "the"], 2                                        # repeated n-grams stay
    rng = grading.random(1020)
    for _ in range(30):
        tokens = [rng.choice(WORDS) for _ in range(rng.randint(0, 9))]
        yield tokens, rng.randint(1, len(tokens) + 2)


@pytest.mark.exercise("ch10.ngrams", points=1)
class TestNgrams:
    def test_ngrams(self, submission, grade):
        for tokens, n in ngram_cases():
            grade.trying(f"ngrams({tokens!r}, {n})")
            got = submission.ngrams(list(tokens), n)
            expected = expected_ngrams(tokens, n)
            items = list(got) if isinstance(got, (list, tuple)) else None
            strings = items is not None and all(isinstance(g, str) for g in items)
            grade.check(items == expected, expected=expected, got=got,
                        hint=HINTS["ngrams"] if strings or not items else HINTS["ngrams_strings"])


def true_cosine(u, v):
    nu, nv = math.sqrt(sum(x * x for x in u)), math.sqrt(sum(x * x for x in v))
    return 0.0 if nu == 0 or nv == 0 else sum(x * y for x, y in zip(u, v)) / (nu * nv)


def shown(x: np.ndarray) -> str:
    return "np." + " ".join(repr(x).split())


def cosine_cases():
    u = np.array([1.0, 2.0, -0.5])
    yield u, 3 * u                                                  # same direction: 1
    yield u, -0.25 * u                                              # opposite: -1
    yield np.array([1.0, 0.0]), np.array([0.0, 5.0])                # perpendicular: 0
    yield np.array([1, 0, 1, 1, 1, 1]), np.array([0, 1, 1, 1, 1, 1])  # the bands: 0.8, integers
    rng = grading.rng(1030)
    for _ in range(25):
        d = int(rng.integers(1, 10))
        yield rng.normal(size=d) * rng.uniform(0.1, 20), rng.normal(size=d) * rng.uniform(0.1, 20)


@pytest.mark.exercise("ch10.cosine_similarity", points=1)
class TestCosineSimilarity:
    def test_random_vectors(self, submission, grade):
        for u, v in cosine_cases():
            grade.trying(f"cosine_similarity({shown(u)}, {shown(v)})")
            got = submission.cosine_similarity(u.copy(), v.copy())
            got = float(got) if isinstance(got, np.floating) else got
            grade.close(got, true_cosine(u.tolist(), v.tolist()), hint=HINTS["cosine"],
                        rel=1e-6, abs=1e-9)

    @pytest.mark.parametrize("u, v", [
        pytest.param([0.0, 0.0, 0.0], [1.0, 2.0, 3.0], id="first_zero"),
        pytest.param([4.0, -1.0], [0.0, 0.0], id="second_zero"),
        pytest.param([0.0], [0.0], id="both_zero"),
    ])
    def test_zero_vector(self, submission, grade, u, v):
        u, v = np.array(u), np.array(v)
        grade.trying(f"cosine_similarity({shown(u)}, {shown(v)})")
        with np.errstate(all="ignore"):
            got = submission.cosine_similarity(u, v)
        got = float(got) if isinstance(got, np.floating) else got
        grade.close(got, 0.0, hint=HINTS["cosine_zero"])


def expected_analogy(a, b, c, vectors):
    target = [y - x + z for x, y, z in zip(vectors[a], vectors[b], vectors[c])]
    candidates = [w for w in vectors if w not in (a, b, c)]
    return max(candidates, key=lambda w: true_cosine(vectors[w].tolist(), target))


def royal_vectors():
    """Hand-made vectors: (male, female, royal, common) and a small dimension of noise."""
    rng = grading.rng(1040)
    people = {"king": [1, 0, 1, 0], "queen": [0, 1, 1, 0], "man": [1, 0, 0, 1],
              "woman": [0, 1, 0, 1], "palace": [0, 0, 1, 0], "farm": [0, 0, 0, 1]}
    return {w: np.array(v + [0.0], dtype=float) + rng.normal(0, 0.05, 5) for w, v in people.items()}


def analogy_cases():
    vectors = royal_vectors()
    yield ("man", "king", "woman"), vectors
    yield ("woman", "queen", "man"), vectors
    # A very long vector along the target's direction but not quite: the dot product picks it.
    trap = {"a": np.array([1.0, 0.0, 0.0]), "b": np.array([1.0, 1.0, 0.0]),
            "c": np.array([0.0, 0.0, 1.0]), "close": np.array([0.0, 1.0, 1.05]),
            "long": np.array([10.0, 10.0, 3.0]), "other": np.array([-1.0, 0.0, 0.2])}
    yield ("a", "b", "c"), trap
    rng = grading.rng(1050)
    names = ["w%d" % i for i in range(12)]
    for _ in range(25):
        dim = int(rng.integers(3, 8))
        vectors = {w: rng.normal(size=dim) * rng.uniform(0.2, 8.0) for w in names}
        a, b, c = rng.choice(names, 3, replace=False)
        yield (str(a), str(b), str(c)), vectors


@pytest.mark.exercise("ch10.analogy", points=2)
class TestAnalogy:
    def test_analogies(self, submission, grade):
        for (a, b, c), vectors in analogy_cases():
            listing = ", ".join(f"{w!r}: {shown(v.round(3))}" for w, v in vectors.items())
            grade.trying(f"analogy({a!r}, {b!r}, {c!r}, {{{listing}}})")
            got = submission.analogy(a, b, c, {w: v.copy() for w, v in vectors.items()})
            expected = expected_analogy(a, b, c, vectors)
            grade.check(got == expected, expected=expected, got=got,
                        hint=HINTS["analogy_exclude"] if got in (a, b, c) else HINTS["analogy"])
