"""Chapter 10 exercises, solved: a bag of words, n-grams, cosine similarity and analogies."""

from __future__ import annotations

import numpy as np


def bag_of_words(documents: list[list[str]], vocabulary: list[str]) -> np.ndarray:
    """Count vectors: entry [i, j] is how many times ``vocabulary[j]`` occurs in ``documents[i]``."""
    column = {word: j for j, word in enumerate(vocabulary)}
    counts = np.zeros((len(documents), len(vocabulary)))
    for i, document in enumerate(documents):
        for token in document:
            if token in column:          # words outside the vocabulary are not counted
                counts[i, column[token]] += 1
    return counts


def ngrams(tokens: list[str], n: int) -> list[str]:
    """Every run of ``n`` consecutive tokens, joined by a space, in order."""
    # The last n-gram starts at len(tokens) - n; range() is empty if there are fewer than n.
    return [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


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
