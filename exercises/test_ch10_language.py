"""Graders for chapter 10 (exercises/ch10_language.py): negation, neutralize, two bags, a miss.

minigrad already compares vectors (``text.cosine_similarity``, ``text.analogy``): an autouse
fixture switches them off before the learner's module is loaded, so that the cosine of two bags
is derived from the counts, not computed from vectors built for the purpose.
``text.tokenize`` stays on: ``mark_negation`` is about where a negation ends, not about
tokenizing. Every expected value is computed here, from first principles. Inputs are drawn
anew each run, many of them, plus edge cases, so an answer written for a few inputs cannot pass.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import grading
import minigrad.text

SWITCHED_OFF = {"en": "this part of minigrad.text is switched off while grading: write it yourself",
                "ca": "aquesta part de minigrad.text està desactivada durant la correcció: "
                      "escriu-ho tu"}

HINTS = {
    "negation_tokens": {
        "en": "Without the prefixes your tokens are not those of text.tokenize(review): keep "
              "its tokens, lowercased, in the same order, numbers such as 3.14 whole, and add "
              "nothing but prefixes.",
        "ca": "Sense els prefixos, els teus tokens no són els de text.tokenize(review): "
              "conserva'n els tokens, en minúscules i en el mateix ordre, els nombres com 3.14 "
              "sencers, i no hi afegeixis res més que prefixos.",
    },
    "negation_word": {
        "en": "A negation word such as \"not\" is never prefixed itself: only the tokens that "
              "come after it in its clause are.",
        "ca": "Una paraula de negació com «not» no porta mai el prefix: només el porten els "
              "tokens que la segueixen dins de la seva proposició.",
    },
    "negation_scope": {
        "en": "Wrong tokens prefixed. A negation reaches every later token of its clause and "
              "stops at the clause's end: , . ; : ! ? in the text, which the tokens no longer "
              "show. A number's point or comma (3.14, 1,5) ends nothing. Use the negations "
              "you are given.",
        "ca": "Els tokens amb prefix no són els que toca. Una negació arriba a tots els tokens "
              "següents de la seva proposició i s'atura on acaba: , . ; : ! ? al text, que els "
              "tokens ja no mostren. El punt o la coma d'un nombre (3.14, 1,5) no acaba res. "
              "Fes servir les negacions que reps.",
    },
    "neutralize_keys": {
        "en": "Return a dictionary with every word of vectors, the words you changed and the "
              "others alike.",
        "ca": "Retorna un diccionari amb totes les paraules de vectors, tant les que canvies "
              "com les altres.",
    },
    "neutralize_others": {
        "en": "Only the words of `words` change: every other word keeps its vector exactly.",
        "ca": "Només canvien les paraules de `words`: totes les altres conserven exactament "
              "el seu vector.",
    },
    "neutralize_input": {
        "en": "The dictionary you receive and its arrays must not change: build new arrays "
              "for the changed words.",
        "ca": "El diccionari que reps i els seus arrays no han de canviar: construeix arrays "
              "nous per a les paraules que canvies.",
    },
    "neutralize_perpendicular": {
        "en": "Not perpendicular to the couples' direction: take the dot product of your "
              "vector with the mean of the differences, it should be 0. Would your answer "
              "change if all the differences were twice as long? It must not.",
        "ca": "No és perpendicular a la direcció de les parelles: fes el producte escalar del "
              "teu vector amb la mitjana de les diferències, ha de ser 0. Canviaria la teva "
              "resposta si totes les diferències fossin el doble de llargues? No ha de canviar.",
    },
    "neutralize_nearest": {
        "en": "Perpendicular, but not the nearest such vector to the word's own: of the "
              "word's vector, take away the part along the direction and nothing else.",
        "ca": "És perpendicular, però no és el més proper al vector de la paraula: treu-li "
              "només la part que va en la direcció, i res més.",
    },
    "bag_cosine": {
        "en": "Not the cosine of the two bags. Write out the count vectors of a small case, "
              "say 2 words and 3 words with 1 in common, and compute u·v, |u| and |v| by hand: "
              "which of the three counts gives each of them?",
        "ca": "No és el cosinus de les dues bosses. Escriu els vectors de recomptes d'un cas "
              "petit, per exemple 2 paraules i 3 paraules amb 1 en comú, i calcula a mà u·v, |u| "
              "i |v|: quin dels tres recomptes dona cadascun?",
    },
    "bag_cosine_empty": {
        "en": "A text of no words is a vector of zeros: it has no direction, and its cosine with "
              "anything is 0.0 (check for it before you divide).",
        "ca": "Un text sense paraules és un vector de zeros: no té direcció, i el seu cosinus amb "
              "qualsevol altre és 0.0 (comprova-ho abans de dividir).",
    },
    "analogy_miss": {
        "en": "Not the distance from b - a + c to d. Write (b - a + c) - d with the two arrows "
              "b - a and d - c, and expand its squared length, the dot product of the vector "
              "with itself. Check a case you can draw: two equal arrows give a miss of 0.",
        "ca": "No és la distància de b - a + c a d. Escriu (b - a + c) - d amb les dues fletxes "
              "b - a i d - c, i desenvolupa'n la longitud al quadrat, el producte escalar del "
              "vector amb ell mateix. Comprova un cas que puguis dibuixar: dues fletxes iguals "
              "donen una distància de 0.",
    },
}


library_switched_off = grading.switched_off(
    minigrad.text.cosine_similarity, minigrad.text.analogy, words=SWITCHED_OFF)


WORDS = ["u2", "queen", "is", "a", "great", "band", "the", "book", "not", "king", "man",
         "woman", "blue", "aqua", "cerulean", "sky", "robot", "owl", "stars", "night"]


def clauses(review):
    """The review cut at every , . ; : ! ? that is not between two digits."""
    pieces, start = [], 0
    for i, char in enumerate(review):
        between_digits = (char in ".," and 0 < i < len(review) - 1
                          and review[i - 1].isdigit() and review[i + 1].isdigit())
        if char in ",.;:!?" and not between_digits:
            pieces.append(review[start:i])
            start = i + 1
    return pieces + [review[start:]]


def expected_marks(review, negations):
    out = []
    for clause in clauses(review):
        tokens = minigrad.text.tokenize(clause)
        first = next((i for i, t in enumerate(tokens) if t in negations), len(tokens))
        out += [t if i <= first or t in negations else "not_" + t for i, t in enumerate(tokens)]
    return out


ENGLISH = ("not", "no", "never")
NEGATION_CASES = [
    ("not bad at all, i would watch it again", ENGLISH),
    ("the concert was not bad", ENGLISH),
    ("not funny, not clever, just long", ENGLISH),
    ("Never again. The worst meal of my life!", ENGLISH),
    ("no 3.5 stars for this one, but 1,5 hours of great fun", ENGLISH),
    ("i could not put it down; loved it", ENGLISH),
    ("it is not, as they say, bad", ENGLISH),
    ("not never good", ENGLISH),
    ("I don't know, not sure: NOT bad?", ENGLISH),
    ("", ENGLISH),
    ("not", ENGLISH),
    ("the end.", ENGLISH),
    ("no està gens malament, el tornaria a veure", ("no", "mai")),
    ("l'home no hi és mai, no", ("no", "mai")),
    ("not bad at all, never boring", ("never",)),              # only the negations given
]


def negation_cases():
    yield from NEGATION_CASES
    rng = grading.random(1010)
    pieces = WORDS + ["not", "no", "never", "3.14", "2,5", "7"]
    for _ in range(30):
        words = [rng.choice(pieces) for _ in range(rng.randint(0, 12))]
        review = ""
        for word in words:
            review += word + rng.choice([" ", " ", " ", ", ", ". ", "; ", "! ", "? ", ": "])
        yield review.strip(), ENGLISH


@pytest.mark.exercise("ch10.mark_negation", points=2)
class TestMarkNegation:
    def test_reviews(self, submission, grade):
        for review, negations in negation_cases():
            grade.trying(f"mark_negation({review!r}, {negations!r})")
            got = submission.mark_negation(review, negations)
            expected = expected_marks(review, negations)
            items = list(got) if isinstance(got, (list, tuple)) else None
            if items is None or items != expected:
                bare = [t[4:] if isinstance(t, str) and t.startswith("not_") else t
                        for t in (items or [])]
                marked_negation = any(isinstance(t, str) and t.startswith("not_")
                                      and t[4:] in negations for t in (items or []))
                if bare != minigrad.text.tokenize(review):
                    hint = HINTS["negation_tokens"]
                elif marked_negation:
                    hint = HINTS["negation_word"]
                else:
                    hint = HINTS["negation_scope"]
                grade.check(False, expected=expected, got=got, hint=hint)


def expected_neutral(vectors, couples, words):
    g = sum(np.asarray(vectors[b], dtype=float) - vectors[a] for a, b in couples)
    g = g / math.sqrt(float(g @ g))
    out = {w: np.asarray(v, dtype=float) for w, v in vectors.items()}
    for w in words:
        out[w] = out[w] - float(out[w] @ g) * g
    return out, g


def neutralize_cases():
    rng = grading.rng(1020)
    names = ["w%d" % i for i in range(10)]
    for case in range(25):
        dim = int(rng.integers(2, 9))
        vectors = {w: rng.normal(size=dim) * rng.uniform(0.5, 5.0) for w in names}
        picked = [str(w) for w in rng.permutation(names)]
        n_couples = int(rng.integers(1, 4))
        couples = [(picked[2 * i], picked[2 * i + 1]) for i in range(n_couples)]
        rest = picked[2 * n_couples:]
        words = rest[: int(rng.integers(1, len(rest)))]
        yield vectors, couples, words


@pytest.mark.exercise("ch10.neutralize", points=2)
class TestNeutralize:
    def test_directions(self, submission, grade):
        for vectors, couples, words in neutralize_cases():
            listing = ", ".join(f"{w!r}: {shown(v.round(3))}" for w, v in vectors.items())
            grade.trying(f"neutralize({{{listing}}}, {couples!r}, {words!r})")
            given = {w: v.copy() for w, v in vectors.items()}
            got = submission.neutralize(given, list(couples), list(words))
            for w in vectors:
                grade.unchanged(f"vectors[{w!r}]", given[w], vectors[w],
                                hint=HINTS["neutralize_input"])
            expected, g = expected_neutral(vectors, couples, words)
            grade.check(isinstance(got, dict) and set(got) == set(vectors),
                        expected=sorted(vectors), got=sorted(got) if isinstance(got, dict) else got,
                        hint=HINTS["neutralize_keys"])
            for w in vectors:
                mine = np.asarray(got[w], dtype=float)
                grade.trying(f"neutralize({{{listing}}}, {couples!r}, {words!r})[{w!r}]")
                grade.array_shape(mine, expected[w].shape, hint=HINTS["neutralize_keys"])
                if w not in words:
                    hint = HINTS["neutralize_others"]
                elif abs(float(mine @ g)) > 1e-6 * (1 + np.linalg.norm(mine)):
                    hint = HINTS["neutralize_perpendicular"]
                else:
                    hint = HINTS["neutralize_nearest"]
                grade.check(np.allclose(mine, expected[w], rtol=1e-6, atol=1e-8),
                            expected=shown(expected[w]), got=shown(mine), hint=hint)


def true_cosine(u, v):
    nu, nv = math.sqrt(sum(x * x for x in u)), math.sqrt(sum(x * x for x in v))
    return 0.0 if nu == 0 or nv == 0 else sum(x * y for x, y in zip(u, v)) / (nu * nv)


def shown(x: np.ndarray) -> str:
    return "np." + " ".join(repr(x).split())


def bags(n_u, n_v, shared):
    """The count vectors of two texts without repeated words: u's words first, then v's own."""
    size = n_u + n_v - shared
    u = [1] * n_u + [0] * (size - n_u)
    v = [0] * (n_u - shared) + [1] * n_v
    return u, v


def bag_cases():
    yield 5, 5, 4                                   # the chapter's bands: 0.8
    yield 5, 7, 5                                   # one text inside the other
    yield 4, 9, 2
    yield 4, 16, 2
    yield 3, 3, 0                                   # nothing in common: 0
    yield 1, 1, 1
    rng = grading.rng(1030)
    for _ in range(25):
        n_u, n_v = (int(n) for n in rng.integers(1, 40, size=2))
        yield n_u, n_v, int(rng.integers(0, min(n_u, n_v) + 1))


@pytest.mark.exercise("ch10.bag_cosine", points=1)
class TestBagCosine:
    def test_counts(self, submission, grade):
        for n_u, n_v, shared in bag_cases():
            grade.trying(f"bag_cosine({n_u}, {n_v}, {shared})")
            got = submission.bag_cosine(n_u, n_v, shared)
            got = float(got) if isinstance(got, np.floating) else got
            grade.close(got, true_cosine(*bags(n_u, n_v, shared)), hint=HINTS["bag_cosine"],
                        rel=1e-9, abs=1e-12)

    @pytest.mark.parametrize("n_u, n_v", [
        pytest.param(0, 3, id="first_empty"),
        pytest.param(4, 0, id="second_empty"),
        pytest.param(0, 0, id="both_empty"),
    ])
    def test_empty_text(self, submission, grade, n_u, n_v):
        grade.trying(f"bag_cosine({n_u}, {n_v}, 0)")
        with np.errstate(all="ignore"):
            got = submission.bag_cosine(n_u, n_v, 0)
        got = float(got) if isinstance(got, np.floating) else got
        grade.close(got, 0.0, hint=HINTS["bag_cosine_empty"])


def miss_cases():
    """Four word vectors each; the learner sees only the two arrows' lengths and cosine."""
    yield np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 1.0], [2.0, 1.0]])    # equal arrows: 0
    yield np.array([[0.0, 0.0], [3.0, 0.0], [1.0, 1.0], [1.0, 5.0]])    # perpendicular: 5
    yield np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [-1.0, 1.0]])   # opposite: 2
    yield np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [3.0, 1.0]])    # parallel, longer: 2
    rng = grading.rng(1040)
    for _ in range(25):
        dim = int(rng.integers(2, 9))
        yield rng.normal(size=(4, dim)) * rng.uniform(0.2, 5.0)


@pytest.mark.exercise("ch10.analogy_miss", points=2)
class TestAnalogyMiss:
    def test_arrows(self, submission, grade):
        for a, b, c, d in miss_cases():
            ab, cd = b - a, d - c
            length_ab, length_cd = float(np.linalg.norm(ab)), float(np.linalg.norm(cd))
            cosine = true_cosine(ab.tolist(), cd.tolist())
            grade.trying(f"analogy_miss({length_ab!r}, {length_cd!r}, {cosine!r})")
            got = submission.analogy_miss(length_ab, length_cd, cosine)
            got = float(got) if isinstance(got, np.floating) else got
            grade.close(got, float(np.linalg.norm(b - a + c - d)), hint=HINTS["analogy_miss"],
                        rel=1e-6, abs=1e-6)
