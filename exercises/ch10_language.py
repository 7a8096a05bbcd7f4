"""Chapter 10 exercises: negation, a direction taken out, cosine similarity and analogies.

You may use ``minigrad.text.tokenize``; write the cosine and the analogy yourself: the grader
switches off minigrad's ``text.cosine_similarity`` and ``text.analogy``. (Pots fer servir
``text.tokenize``; el corrector desactiva ``text.cosine_similarity`` i ``text.analogy``.)

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch10_language.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch10_language.py    # comentaris en català
"""

from __future__ import annotations

from typing import Collection, Iterable

import numpy as np


def mark_negation(review: str, negations: Collection[str] = ("not", "no", "never")) -> list[str]:
    """The tokens of ``review``, with ``not_`` before every token that a negation governs.

    Return the tokens that ``text.tokenize(review)`` gives, in the same order, except that
    each token that comes after a negation word (one of ``negations``) in the same clause
    gets the prefix ``not_``. A clause ends at a punctuation mark , . ; : ! ? or at the end
    of the review, but the point of "3.14" or the comma of "1,5" is part of a number, not the
    end of a clause. The negation words themselves keep no prefix.
    Example: mark_negation("not bad at all, i would watch it again") gives
    ["not", "not_bad", "not_at", "not_all", "i", "would", "watch", "it", "again"].
    (Els tokens de la ressenya, amb el prefix not_ davant de cada token que ve després d'una
    negació dins de la mateixa proposició.)
    """
    raise NotImplementedError("the tokens alone have lost the commas: where does a clause end?")


def neutralize(vectors: dict[str, np.ndarray], couples: list[tuple[str, str]],
               words: Iterable[str]) -> dict[str, np.ndarray]:
    """Take the direction shared by the couples out of the vectors of ``words``.

    ``vectors`` maps each word to its vector; each couple (a, b) is two words of it, such as
    ("king", "queen"). The couples' direction is that of the mean of the differences
    vectors[b] - vectors[a]. Return a new dictionary with the same keys, in which every word
    of ``words`` has, instead of its own vector, the vector perpendicular to that direction
    that is nearest to its own; every other word keeps its vector. Do not modify ``vectors``.
    (Un diccionari nou on cada paraula de words té el vector perpendicular a la direcció de
    les parelles més proper al seu.)
    """
    raise NotImplementedError("nearest perpendicular vector: what do you take away, and how much?")


def cosine_similarity(u: np.ndarray, v: np.ndarray) -> float:
    """The cosine of the angle between vectors ``u`` and ``v``: u·v / (|u| |v|), as a float.

    If either vector is all zeros, return 0.0.
    (El cosinus de l'angle entre u i v; 0.0 si algun dels dos és el vector zero.)
    """
    raise NotImplementedError("the chapter's formula; a vector of zeros has no direction")


def analogy(a: str, b: str, c: str, vectors: dict[str, np.ndarray]) -> str:
    """"a is to b as c is to ...?": the word whose vector is the most similar to b - a + c.

    ``vectors`` maps each word to its embedding. Compare with the cosine similarity, and
    leave out the three words a, b and c. Example: analogy("man", "king", "woman", vectors)
    should give "queen".
    (La paraula, diferent de a, b i c, amb més similitud de cosinus amb b - a + c.)
    """
    raise NotImplementedError("build the question's vector, then compare directions, not lengths")
