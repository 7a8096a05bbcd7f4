"""Chapter 10 exercises: negation, a direction taken out, the cosine of two bags, an analogy's miss.

You may use ``minigrad.text.tokenize``; the last two exercises ask for a formula you derive, and
the grader switches off minigrad's ``text.cosine_similarity`` and ``text.analogy``. (Pots fer
servir ``text.tokenize``; el corrector desactiva ``text.cosine_similarity`` i ``text.analogy``.)

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


def bag_cosine(n_u: int, n_v: int, shared: int) -> float:
    """The cosine similarity of two bags of words, from three counts alone.

    Two texts repeat no word: the first has ``n_u`` distinct words, the second ``n_v``, and
    ``shared`` words are in both. Return the cosine of their count vectors, as a float, without
    building the vectors: work out u·v, |u| and |v| from the counts. A text of no words is a
    vector of zeros, with no direction: return 0.0 if ``n_u`` or ``n_v`` is 0.
    Example: the chapter's two band sentences give bag_cosine(5, 5, 4) == 0.8.
    (La similitud de cosinus de dues bosses de paraules, només a partir de tres recomptes.)
    """
    raise NotImplementedError("a count vector of 0s and 1s: what are u·v and |u|?")


def analogy_miss(length_ab: float, length_cd: float, arrow_cosine: float) -> float:
    """How far b - a + c lands from d, for the analogy "a is to b as c is to d".

    The arrow from a to b (the vector b - a) has length ``length_ab``, the arrow from c to d has
    length ``length_cd``, and ``arrow_cosine`` is the cosine between the two arrows. Return the
    distance |(b - a + c) - d| as a float: it depends on these three numbers only.
    (La distància entre b - a + c i d, només a partir de les dues fletxes.)
    """
    raise NotImplementedError("write (b - a + c) - d with the two arrows; then its squared length")
