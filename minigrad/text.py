"""Text as numbers: tokens, n-grams, a vocabulary, bag-of-words count vectors, and the cosine
similarity that compares them (and word vectors, in analogies).

>>> docs = ["U2 is a great band", "Queen is a great band"]
>>> vocab = Vocabulary(["u2", "queen", "is", "a", "great", "band"], unknown=None)
>>> bag_of_words(docs, vocab)
array([[1., 0., 1., 1., 1., 1.],
       [0., 1., 1., 1., 1., 1.]], dtype=float32)

Tokenising rules (the same for English and Catalan):

- lowercase; curly apostrophes (’) count as straight ones (');
- a token is a run of letters and digits, which may contain inner apostrophes (``don't``,
  ``empire's``) and Catalan middle dots (``col·legi``);
- a Catalan elided article or pronoun at the start of a word is a token of its own, apostrophe
  included: ``l'home`` → ``l'``, ``home``; ``d'aigua`` → ``d'``, ``aigua``; ``s'ha`` → ``s'``,
  ``ha``. So "home" is the same token in "l'home" and "un home", and "l'" stands in for "el";
- numbers keep their decimal or thousands separators: ``3.14``, ``1,5``, ``1.000``;
- everything else (spaces, punctuation, hyphens, underscores) separates tokens:
  ``anar-hi`` → ``anar``, ``hi``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Iterable, Iterator, Mapping, Sequence, Union

import numpy as np

__all__ = ["tokenize", "ngrams", "Vocabulary", "bag_of_words", "cosine_similarity",
           "analogy"]

Document = Union[str, Sequence[str]]  # raw text, or a list of tokens already split

_TOKEN = re.compile(r"""
    (?<![^\W_])[dlmnst]'(?=[^\W\d_])   # elision at a word's start: l'home -> l'
  | \d+(?:[.,]\d+)+                    # a number with separators: 3.14, 1,5
  | [^\W_]+(?:['·][^\W_]+)*            # a word: letters and digits, inner ' or · allowed
""", re.VERBOSE)


def tokenize(text: str) -> list[str]:
    """Split ``text`` into lowercase tokens, following the rules in this module's docstring.

    >>> tokenize("L'home d'U2 said: don't stop, it's 3.14!")
    ["l'", 'home', "d'", 'u2', 'said', "don't", 'stop', "it's", '3.14']
    """
    if not isinstance(text, str):
        raise ValueError(f"tokenize: expected a string, got {type(text).__name__}")
    # NFC joins a letter and its combining accent into one character, which \w matches
    text = unicodedata.normalize("NFC", text.lower()).replace("’", "'").replace("ʼ", "'")
    return _TOKEN.findall(text)


def ngrams(tokens: Sequence[str], n: int) -> list[str]:
    """The ``n``-grams of ``tokens``: each run of ``n`` consecutive tokens, joined by a space.

    ``len(tokens) - n + 1`` of them (none if there are fewer than ``n`` tokens).

    >>> ngrams(["that", "book", "is", "not", "great"], 2)
    ['that book', 'book is', 'is not', 'not great']
    """
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"ngrams: n must be a positive integer, got {n!r}")
    return [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


def _terms(doc: Document, ngram_range: tuple[int, int], name: str) -> list[str]:
    """The terms of one document: its n-grams for every n in ``ngram_range`` (inclusive)."""
    low, high = ngram_range
    if not (isinstance(low, int) and isinstance(high, int) and 1 <= low <= high):
        raise ValueError(f"{name}: ngram_range must be (low, high) with 1 <= low <= high, "
                         f"got {ngram_range!r}")
    tokens = tokenize(doc) if isinstance(doc, str) else list(doc)
    return [term for n in range(low, high + 1) for term in ngrams(tokens, n)]


def _documents(docs: Iterable[Document], name: str) -> Iterable[Document]:
    if isinstance(docs, str):  # a lone string would be read as one document per character
        raise ValueError(f"{name}: expected a list of documents, got a single string; "
                         "wrap it in a list")
    return docs


class Vocabulary:
    """Terms (tokens or n-grams) numbered 0, 1, 2, …: the columns of a bag of words, the rows of
    an embedding table.

    ``Vocabulary(tokens, unknown="<unk>")`` numbers the given tokens in order, after the unknown
    token (index 0) unless ``unknown=None``. :meth:`build` counts the terms of documents.
    Looking up a term that is not in the vocabulary gives the unknown token's index, or raises
    ``KeyError`` if there is none. ``ngram_range`` records which n-grams the terms are, so that
    :func:`bag_of_words` counts the same ones.
    """

    def __init__(self, tokens: Iterable[str] = (), unknown: str | None = "<unk>",
                 ngram_range: tuple[int, int] = (1, 1)) -> None:
        self.unknown, self.ngram_range = unknown, tuple(ngram_range)
        self._tokens = ([] if unknown is None else [unknown]) + list(tokens)
        self._index = {token: i for i, token in enumerate(self._tokens)}
        if len(self._index) != len(self._tokens):
            repeated = sorted(t for t, k in Counter(self._tokens).items() if k > 1)
            raise ValueError(f"Vocabulary: tokens must be distinct, repeated: {repeated[:10]}")

    @classmethod
    def build(cls, docs: Iterable[Document], min_freq: int = 1, unknown: str | None = "<unk>",
              ngram_range: tuple[int, int] = (1, 1), max_size: int | None = None) -> Vocabulary:
        """The vocabulary of ``docs`` (strings, tokenised with :func:`tokenize`, or token lists).

        Keeps the terms (n-grams for every n in ``ngram_range``) seen at least ``min_freq`` times,
        the most frequent first, ties in order of first appearance, so the order is stable.
        ``max_size`` caps the number of terms kept (the unknown token not counted).
        """
        if not isinstance(min_freq, int) or min_freq < 1:
            raise ValueError(f"Vocabulary.build: min_freq must be a positive integer, "
                             f"got {min_freq!r}")
        if max_size is not None and (not isinstance(max_size, int) or max_size < 0):
            raise ValueError(f"Vocabulary.build: max_size must be None or an integer >= 0, "
                             f"got {max_size!r}")
        counts: Counter[str] = Counter()
        for doc in _documents(docs, "Vocabulary.build"):
            counts.update(_terms(doc, ngram_range, "Vocabulary.build"))
        # Counter keeps first-appearance order and sorted() is stable: ties stay in that order
        kept = [t for t, k in sorted(counts.items(), key=lambda tk: -tk[1])
                if k >= min_freq and t != unknown]
        return cls(kept[:max_size], unknown=unknown, ngram_range=ngram_range)

    def __len__(self) -> int:
        return len(self._tokens)

    def __contains__(self, token: object) -> bool:
        return token in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._tokens)

    def __getitem__(self, token: str) -> int:
        """The index of ``token`` (the unknown token's index if it is not in the vocabulary)."""
        index = self._index.get(token)
        if index is not None:
            return index
        if self.unknown is None:
            raise KeyError(f"Vocabulary: {token!r} is not in the vocabulary, which has no "
                           "unknown token")
        return 0

    def get(self, token: str, default: int | None = None) -> int | None:
        """The index of ``token``, or ``default`` if it is not in the vocabulary (unlike
        ``vocab[token]``, which gives the unknown token's index)."""
        return self._index.get(token, default)

    @property
    def tokens(self) -> tuple[str, ...]:
        """Every term, in index order (the unknown token first, if any)."""
        return tuple(self._tokens)

    def encode(self, tokens: Iterable[str]) -> np.ndarray:
        """Indices of ``tokens``, shape ``(len(tokens),)`` int64 (e.g. the input of an embedding)."""
        if isinstance(tokens, str):
            raise ValueError("Vocabulary.encode: expected a list of tokens, got a string; "
                             "tokenize it first")
        return np.array([self[t] for t in tokens], dtype=np.int64)

    def decode(self, indices: Iterable[int]) -> list[str]:
        """The terms at ``indices`` (the inverse of :meth:`encode` for known terms)."""
        out = []
        for i in indices:
            if not 0 <= i < len(self._tokens):
                raise ValueError(f"Vocabulary.decode: index {i} is outside 0..{len(self) - 1}")
            out.append(self._tokens[i])
        return out

    def __repr__(self) -> str:
        shown = ", ".join(repr(t) for t in self._tokens[:8])
        more = ", …" if len(self) > 8 else ""
        return f"Vocabulary({len(self)} tokens: [{shown}{more}], unknown={self.unknown!r})"


def bag_of_words(docs: Iterable[Document], vocab: Vocabulary,
                 ngram_range: tuple[int, int] | None = None) -> np.ndarray:
    """Count vectors: entry ``[i, j]`` is how often term ``j`` of ``vocab`` occurs in document ``i``.

    Returns a float32 matrix ``(N, len(vocab))``. Terms are the n-grams of each document for every
    n in ``ngram_range`` (by default the vocabulary's own); terms not in ``vocab`` are counted in
    the unknown token's column, or dropped if the vocabulary has none.
    """
    if ngram_range is None:
        ngram_range = vocab.ngram_range
    docs = list(_documents(docs, "bag_of_words"))
    unknown = None if vocab.unknown is None else 0
    flat = []  # row * len(vocab) + column of each counted term, so one bincount counts them all
    for i, doc in enumerate(docs):
        columns = (vocab.get(t, unknown) for t in _terms(doc, ngram_range, "bag_of_words"))
        flat.extend(i * len(vocab) + j for j in columns if j is not None)
    counts = np.bincount(np.asarray(flat, dtype=np.int64), minlength=len(docs) * len(vocab))
    return counts.reshape(len(docs), len(vocab)).astype(np.float32)


def cosine_similarity(u: np.ndarray, v: np.ndarray) -> float:
    """The cosine of the angle between vectors ``u`` and ``v``: u·v / (‖u‖ ‖v‖).

    1 for vectors that point the same way, 0 for perpendicular ones (count vectors of texts that
    share no word), −1 for opposite ones; it ignores the lengths of the vectors. A vector of
    zeros has no direction: then the result is 0.0.

    >>> cosine_similarity(np.array([1, 0, 1, 1, 1, 1]), np.array([0, 1, 1, 1, 1, 1]))
    0.8
    """
    u, v = np.asarray(u, dtype=np.float64), np.asarray(v, dtype=np.float64)
    if u.shape != v.shape or u.ndim != 1:
        raise ValueError(f"cosine_similarity: expected two vectors of the same length, got shapes "
                         f"{u.shape} and {v.shape}")
    # √(u·u · v·v) rather than ‖u‖‖v‖: one square root, so 4 / √25 gives exactly 0.8
    lengths = np.sqrt((u @ u) * (v @ v))
    return 0.0 if lengths == 0 else float(u @ v / lengths)


def analogy(a: str, b: str, c: str, vectors: Mapping[str, np.ndarray]) -> str:
    """"``a`` is to ``b`` as ``c`` is to …?": the word whose vector is the most similar to b − a + c.

    ``vectors`` maps each word to its vector (an embedding). Every word except ``a``, ``b`` and
    ``c`` is a candidate (``b`` itself is often the closest to b − a + c), and the winner is the
    one with the highest :func:`cosine_similarity`, so the lengths of the vectors do not matter.
    """
    target = np.asarray(vectors[b], dtype=np.float64) - vectors[a] + vectors[c]
    candidates = [word for word in vectors if word not in (a, b, c)]
    if not candidates:
        raise ValueError("analogy: the vectors hold no word other than a, b and c")
    return max(candidates, key=lambda word: cosine_similarity(vectors[word], target))
