"""Chapter 10 exercises: a bag of words, n-grams, cosine similarity and analogies.

Write the counting, the cosine and the analogy yourself: the grader switches off minigrad's
``text.bag_of_words``, ``text.Vocabulary``, ``text.ngrams``, ``text.cosine_similarity`` and
``text.analogy``. (Escriu-ho tot tu mateix: el corrector desactiva les funcions de
``minigrad.text``.)

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch10_language.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch10_language.py    # comentaris en català
"""

from __future__ import annotations

import numpy as np


def bag_of_words(documents: list[list[str]], vocabulary: list[str]) -> np.ndarray:
    """Count vectors: entry [i, j] is how many times ``vocabulary[j]`` occurs in ``documents[i]``.

    Each document is a list of tokens; ``vocabulary`` is a list of distinct words. Return a
    numpy array of shape (len(documents), len(vocabulary)). Tokens that are not in the
    vocabulary are not counted.
    Example: bag_of_words([["a", "b", "a"]], ["a", "c"]) gives [[2, 0]].
    (Compta quantes vegades surt cada paraula del vocabulari a cada document.)
    """
    raise NotImplementedError("map each vocabulary word to its column, then count the tokens")


def ngrams(tokens: list[str], n: int) -> list[str]:
    """Every run of ``n`` consecutive tokens, joined by a space, in order.

    Example: ngrams(["that", "book", "is"], 2) gives ["that book", "book is"].
    A list with fewer than ``n`` tokens has no n-grams: return [].
    (Cada seqüència de n tokens consecutius, units amb un espai.)
    """
    raise NotImplementedError("how many runs of n tokens does a list of T tokens have?")


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
