"""Chapter 10 exercises, solved: negation, a direction taken out, cosine similarity, analogies."""

from __future__ import annotations

import re
from typing import Collection, Iterable

import numpy as np

from minigrad import text


# A clause ends at a punctuation mark, except a point or a comma between two digits (3.14, 1,5).
CLAUSE_END = re.compile(r"[;:!?]|(?<!\d)[.,]|[.,](?!\d)")


def mark_negation(review: str, negations: Collection[str] = ("not", "no", "never")) -> list[str]:
    """The tokens of ``review``, with ``not_`` before every token that a negation governs."""
    marked = []
    # Tokens carry no punctuation, so the clauses must be cut from the text before tokenizing.
    for clause in CLAUSE_END.split(review):
        negated = False                   # a new clause starts outside any negation
        for token in text.tokenize(clause):
            if token in negations:
                negated = True            # the negation word itself keeps no prefix
                marked.append(token)
            else:
                marked.append("not_" + token if negated else token)
    return marked


def neutralize(vectors: dict[str, np.ndarray], couples: list[tuple[str, str]],
               words: Iterable[str]) -> dict[str, np.ndarray]:
    """Take the direction shared by the couples out of the vectors of ``words``."""
    g = np.mean([np.asarray(vectors[b], dtype=float) - vectors[a] for a, b in couples], axis=0)
    g = g / np.linalg.norm(g)             # only a unit vector gives v·g as the length along g
    result = dict(vectors)                # a new dictionary; the vectors are not changed
    for word in words:
        v = np.asarray(vectors[word], dtype=float)
        result[word] = v - (v @ g) * g    # the nearest vector perpendicular to g
    return result


def cosine_similarity(u: np.ndarray, v: np.ndarray) -> float:
    """The cosine of the angle between vectors ``u`` and ``v`` (0.0 if either is all zeros)."""
    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    lengths = np.linalg.norm(u) * np.linalg.norm(v)
    if lengths == 0:
        return 0.0
    return float(u @ v / lengths)


def analogy(a: str, b: str, c: str, vectors: dict[str, np.ndarray]) -> str:
    """"a is to b as c is to ...?": the word whose vector is the most similar to b - a + c."""
    target = vectors[b] - vectors[a] + vectors[c]
    best, best_similarity = None, -np.inf
    for word, vector in vectors.items():
        if word in (a, b, c):
            continue
        similarity = cosine_similarity(vector, target)
        if similarity > best_similarity:
            best, best_similarity = word, similarity
    return best
