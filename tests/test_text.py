"""minigrad.text: tokens, n-grams, vocabularies and bags of words, on the seeds' examples."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minigrad.text import Vocabulary, analogy, bag_of_words, cosine_similarity, ngrams, tokenize

BANDS = ["U2 is a great band", "Queen is a great band"]
CRAWL = """It is a period of civil war.
Rebel spaceships, striking
from a hidden base, have won
their first victory against
the evil Galactic Empire.

During the battle, Rebel
spies managed to steal secret
plans to the Empire's
ultimate weapon, the DEATH
STAR, an armored space
station with enough power to
destroy an entire planet.

Pursued by the Empire's
sinister agents, Princess
Leia races home aboard her
starship, custodian of the
stolen plans that can save
her people and restore
freedom to the galaxy...."""


# --- the seeds' examples ----------------------------------------------------------------------
def test_band_sentences_as_count_vectors():
    vocab = Vocabulary(["u2", "queen", "is", "a", "great", "band"], unknown=None)
    counts = bag_of_words(BANDS, vocab)
    assert counts.dtype == np.float32
    assert counts.tolist() == [[1, 0, 1, 1, 1, 1], [0, 1, 1, 1, 1, 1]]


def test_band_vocabulary_built_from_the_sentences():
    vocab = Vocabulary.build(BANDS)
    # the shared words (2 each) first, then u2 and queen in order of appearance
    assert vocab.tokens == ("<unk>", "is", "a", "great", "band", "u2", "queen")
    counts = bag_of_words(BANDS + ["ABBA is great"], vocab)
    assert counts.shape == (3, 7)
    assert counts[:, vocab["u2"]].tolist() == [1, 0, 0]
    assert counts[:, vocab["queen"]].tolist() == [0, 1, 0]
    assert counts[2].tolist() == [1, 1, 0, 1, 0, 0, 0]   # "abba" counted as unknown


def test_book_review_bigrams():
    tokens = tokenize("That book is not great")
    assert tokens == ["that", "book", "is", "not", "great"]
    assert ngrams(tokens, 2) == ["that book", "book is", "is not", "not great"]
    vocab = Vocabulary.build(["That book is not great"], ngram_range=(1, 2), unknown=None)
    assert len(vocab) == 9 and "not great" in vocab
    assert bag_of_words(["That book is not great"], vocab, (1, 2)).tolist() == [[1] * 9]
    # "great" alone is a compliment; the bigram "not great" keeps the negation
    counts = bag_of_words(["a great book", "not great"], vocab)  # the vocabulary's n-grams
    assert counts[:, vocab["not great"]].tolist() == [0, 1]
    assert counts[:, vocab["great"]].tolist() == [1, 1]
    only_bigrams = bag_of_words(["That book is not great"], vocab, (2, 2))
    assert only_bigrams.sum() == 4 and only_bigrams[0, vocab["great"]] == 0


def test_star_wars_word_counts():
    vocab = Vocabulary.build([CRAWL], min_freq=2, unknown=None)
    counts = dict(zip(vocab.tokens, bag_of_words([CRAWL], vocab)[0].tolist()))
    assert list(counts)[:2] == ["the", "to"]
    assert counts == {"the": 7, "to": 4, "a": 2, "of": 2, "rebel": 2, "plans": 2,
                      "empire's": 2, "an": 2, "her": 2}


# --- tokenize ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text,tokens", [
    ("L'home i l'àvia", ["l'", "home", "i", "l'", "àvia"]),
    ("d'aigua, s'ha acabat; n'hi ha", ["d'", "aigua", "s'", "ha", "acabat", "n'", "hi", "ha"]),
    ("M’agrada t'estimo", ["m'", "agrada", "t'", "estimo"]),
    ("El col·legi de la Núria", ["el", "col·legi", "de", "la", "núria"]),
    ("Vull anar-hi demà", ["vull", "anar", "hi", "demà"]),
    ("Don't stop: it's the Empire's plan", ["don't", "stop", "it's", "the", "empire's", "plan"]),
    ("Pi is 3.14, or 3,14 in Catalan; 1.000 euros", ["pi", "is", "3.14", "or", "3,14", "in",
                                                     "catalan", "1.000", "euros"]),
    ("U2 played at 9pm!", ["u2", "played", "at", "9pm"]),
    ("rock 'n' roll", ["rock", "n", "roll"]),
    ("snake_case and e-mail", ["snake", "case", "and", "e", "mail"]),
    ("Que\u0300 vols?", ["què", "vols"]),    # a decomposed accent is joined to its letter
    ("", []),
])
def test_tokenize_examples(text, tokens):
    assert tokenize(text) == tokens


def test_tokenize_rejects_non_strings():
    with pytest.raises(ValueError, match="tokenize: expected a string, got list"):
        tokenize(["a", "b"])


ALPHABET = "abcdelmnstuàéèíòóúïüç·'’ -.,;!?0123456789ABCLMNSTÀÉÇ\n"
texts = st.text(alphabet=ALPHABET, max_size=60)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_tokens_are_lowercase_nonempty_pieces_of_the_text(text):
    normalized = text.lower().replace("’", "'")
    for token in tokenize(text):
        assert token and token == token.lower() and not any(c.isspace() for c in token)
        assert token in normalized


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_whitespace_separates_tokens(a, b):
    assert tokenize(a + " " + b) == tokenize(a) + tokenize(b)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_case_does_not_matter(text):
    assert tokenize(text.upper()) == tokenize(text)


# --- ngrams -----------------------------------------------------------------------------------
def test_ngrams_edge_cases():
    assert ngrams(["a", "b"], 3) == []
    assert ngrams([], 1) == []
    with pytest.raises(ValueError, match="ngrams: n must be a positive integer, got 0"):
        ngrams(["a"], 0)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "l'", "ca", "3.14"]), max_size=12), st.integers(1, 5))
def test_ngrams_are_the_consecutive_runs(tokens, n):
    grams = ngrams(tokens, n)
    assert len(grams) == max(0, len(tokens) - n + 1)
    for i, gram in enumerate(grams):
        assert gram.split(" ") == tokens[i:i + n]
    assert ngrams(tokens, 1) == tokens


# --- Vocabulary -------------------------------------------------------------------------------
def test_vocabulary_lookup_and_unknown():
    vocab = Vocabulary(["cat", "dog"])
    assert len(vocab) == 3 and list(vocab) == ["<unk>", "cat", "dog"]
    assert vocab["dog"] == 2 and vocab["emu"] == 0
    assert "cat" in vocab and "emu" not in vocab
    strict = Vocabulary(["cat", "dog"], unknown=None)
    assert strict["cat"] == 0
    with pytest.raises(KeyError, match="'emu' is not in the vocabulary"):
        strict["emu"]
    assert "2 tokens" in repr(strict)
    assert vocab.get("dog") == 2 and vocab.get("emu") is None and vocab.get("emu", -1) == -1


def test_vocabulary_rejects_repeated_tokens():
    with pytest.raises(ValueError, match=r"Vocabulary: tokens must be distinct, repeated: \['a'\]"):
        Vocabulary(["a", "b", "a"])
    with pytest.raises(ValueError, match=r"repeated: \['<unk>'\]"):
        Vocabulary(["<unk>", "b"])


def test_build_min_freq_max_size_and_token_lists():
    docs = [["b", "a", "c"], ["a", "b"], ["a", "d"]]   # already tokenised
    assert Vocabulary.build(docs).tokens == ("<unk>", "a", "b", "c", "d")
    assert Vocabulary.build(docs, min_freq=2).tokens == ("<unk>", "a", "b")
    assert Vocabulary.build(docs, max_size=1, unknown=None).tokens == ("a",)
    assert Vocabulary.build([["<unk>", "x"]]).tokens == ("<unk>", "x")
    with pytest.raises(ValueError, match="Vocabulary.build: min_freq must be a positive integer"):
        Vocabulary.build(docs, min_freq=0)
    with pytest.raises(ValueError, match="Vocabulary.build: expected a list of documents"):
        Vocabulary.build("one document")
    with pytest.raises(ValueError, match=r"Vocabulary.build: ngram_range must be \(low, high\)"):
        Vocabulary.build(docs, ngram_range=(2, 1))


def test_encode_decode():
    vocab = Vocabulary.build(["the cat sat on the mat"])
    ids = vocab.encode(tokenize("the dog sat"))
    assert ids.dtype == np.int64 and ids.tolist() == [vocab["the"], 0, vocab["sat"]]
    assert vocab.decode(ids) == ["the", "<unk>", "sat"]
    with pytest.raises(ValueError, match=r"Vocabulary.decode: index 9 is outside 0..5"):
        vocab.decode([9])
    with pytest.raises(ValueError, match="Vocabulary.encode: expected a list of tokens"):
        vocab.encode("the cat")


docs_strategy = st.lists(texts, min_size=1, max_size=6)


@settings(max_examples=100, deadline=None)
@given(docs_strategy)
def test_built_vocabulary_numbers_every_token_once(docs):
    vocab = Vocabulary.build(docs)
    every = {t for doc in docs for t in tokenize(doc)}
    assert set(vocab.tokens) == every | {"<unk>"}
    assert sorted(vocab[t] for t in vocab) == list(range(len(vocab)))
    for doc in docs:
        assert vocab.decode(vocab.encode(tokenize(doc))) == tokenize(doc)
    assert Vocabulary.build(docs).tokens == vocab.tokens   # stable order


@settings(max_examples=100, deadline=None)
@given(docs_strategy, docs_strategy, st.sampled_from([(1, 1), (1, 2), (2, 3)]))
def test_bag_of_words_counts_every_term(train, test, ngram_range):
    vocab = Vocabulary.build(train, ngram_range=ngram_range)
    counts = bag_of_words(test, vocab, ngram_range)
    assert counts.shape == (len(test), len(vocab)) and counts.dtype == np.float32
    for row, doc in zip(counts, test):
        terms = [g for n in range(ngram_range[0], ngram_range[1] + 1)
                 for g in ngrams(tokenize(doc), n)]
        assert row.sum() == len(terms)   # each term counted once, unknown ones in column 0
        for term in set(terms) & set(vocab.tokens[1:]):
            assert row[vocab[term]] == terms.count(term)


def test_bag_of_words_without_unknown_drops_unseen_terms():
    vocab = Vocabulary(["great"], unknown=None)
    assert bag_of_words(["great great band", "band"], vocab).tolist() == [[2], [0]]
    assert bag_of_words([], vocab).shape == (0, 1)
    with pytest.raises(ValueError, match="bag_of_words: expected a list of documents"):
        bag_of_words("great band", vocab)


# --- cosine_similarity ------------------------------------------------------------------------
def test_cosine_similarity_of_the_bands_and_special_directions():
    u, v = bag_of_words(BANDS, Vocabulary(["u2", "queen", "is", "a", "great", "band"],
                                          unknown=None))
    assert cosine_similarity(u, v) == 0.8                        # the chapter's printed 0.8
    w = np.array([1.0, -2.0, 0.5])
    assert cosine_similarity(w, 7 * w) == pytest.approx(1.0)     # lengths do not matter
    assert cosine_similarity(w, -w) == pytest.approx(-1.0)
    assert cosine_similarity(np.array([1.0, 0.0]), np.array([0.0, 3.0])) == 0.0
    assert cosine_similarity(np.zeros(3), w) == 0.0              # a zero vector has no direction
    with pytest.raises(ValueError, match="same length"):
        cosine_similarity(np.ones(2), np.ones(3))


# --- analogy ----------------------------------------------------------------------------------
def test_analogy_leaves_out_the_question_and_ignores_lengths():
    vectors = {"man": np.array([1.0, 0.0, 0.0]), "king": np.array([1.0, 0.0, 1.0]),
               "woman": np.array([0.0, 1.0, 0.0]), "queen": np.array([0.0, 1.0, 1.0]),
               "long": np.array([20.0, 20.0, 1.0])}       # a larger dot product, wrong direction
    assert analogy("man", "king", "woman", vectors) == "queen"
    assert analogy("woman", "queen", "man", vectors) == "king"
    with pytest.raises(ValueError, match="no word other than"):
        analogy("man", "king", "woman", {w: vectors[w] for w in ("man", "king", "woman")})
