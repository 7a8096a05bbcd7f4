"""Chapter 10 exercises, solved: negation, a direction taken out, two bags' cosine, an analogy's miss."""

from __future__ import annotations

import math
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


def bag_cosine(n_u: int, n_v: int, shared: int) -> float:
    """The cosine similarity of two bags of words, from three counts alone."""
    if n_u == 0 or n_v == 0:
        return 0.0                        # a vector of zeros has no direction
    # Counts of 0 and 1: u·v counts the shared words, and |u|² counts the words of u.
    return shared / math.sqrt(n_u * n_v)


def analogy_miss(length_ab: float, length_cd: float, arrow_cosine: float) -> float:
    """How far b - a + c lands from d, for the analogy "a is to b as c is to d"."""
    # (b - a + c) - d = (b - a) - (d - c), the difference of the two arrows; its squared length
    # expands into |b - a|² + |d - c|² - 2 (b - a)·(d - c), the law of cosines.
    squared = length_ab ** 2 + length_cd ** 2 - 2 * length_ab * length_cd * arrow_cosine
    return math.sqrt(max(squared, 0.0))   # rounding can push an exact 0 just below it
