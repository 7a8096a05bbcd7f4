"""The Catalan edition prints no English words (issue 19).

The code cells run unchanged in both editions, so what they print must be symbols and numbers
(book/notation.md), or code: a printed name, call, repr or string is code and may stay English.
Table headers are prose, translated in the .po files. The check looks for a list of common English
words that are not Catalan, outside anything that looks like code.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

# Common English words, and those the book printed before issue 19, that are not Catalan words
# ("model", "test", "error" as a word of its own is; "error" is listed because outputs print
# symbols such as E_g instead). Lowercase; a word matches in any case.
ENGLISH = frozenset("""
    the and with for from this that these those what which when where who not but than then
    are was were has have been into over only each every after before without our you your its
    error errors trial trials improved accuracy loss losses epoch epochs training validation
    mean best last first big small stopped numerical exact difference better worse seed seeds
    step steps sample samples weights layer layers time seconds group groups patients rate rates
""".split())

# A printed string (a repr, or the data itself); a repr escapes its own quote, 'network\'s'.
QUOTED = re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"")
CALL = re.compile(r"(?<=[\w\]\0])\([^()]*\)")   # a call's arguments, innermost first
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def english_words(text: str) -> list[str]:
    """The words of ENGLISH in printed ``text`` that are not code.

    Skipped as code: quoted strings, the arguments of a call or repr (``sum(p.numel() for p in
    ps)``, ``History(10 epochs)``), a name that is an attribute (``x.loss``), is called, indexed
    or given a keyword (``fit(``, ``h[``, ``loss=``), a name with a long suffix after an
    underscore (``val_loss``, ``best_epoch``), and a name in capitals (``AND``, a logic gate).
    A short suffix is a subscript: ``error_A`` is the word "error" with the subscript A, and is
    found.
    """
    text = QUOTED.sub(" ", text)
    while CALL.search(text):
        text = CALL.sub("\0", text)  # \0 marks the call: the name before it is code
    found = []
    for match in WORD.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if before == "." or after in "\0(.[=":
            continue
        word, _, subscript = match.group().partition("_")
        if subscript and len(subscript) > 3:
            continue
        if word.lower() in ENGLISH and not word.isupper():
            found.append(match.group())
    return found


@pytest.mark.parametrize("text, expected", [
    ("error (A 95%, B 5%) = 2.6%", ["error"]),
    ("error_A = 0.5%   error_B = 42.9%", ["error_A", "error_B"]),
    ("History 10 epochs, last: L = 0.04288", ["epochs", "last"]),
    ("    big: A_test = 0.886\nstopped: A_test = 0.881", ["big", "stopped"]),
    ("max |exact - numerical| = 9.9e-11", ["exact", "numerical"]),
    ("the boy waited on the farm after school", ["the", "the", "after"]),
    # code, symbols and data in quotes pass
    ("E_A = 0.5%   0.95 E_A + 0.05 E_B = 2.6%   max |Δ| = 9.9e-11", []),
    ("loss.item() = 0.0539   min val_loss = 0.3740, n = 12   best_epoch = 12", []),
    ("evaluate(...) = {'loss': 0.12, 'accuracy': 0.96}   Linear(64, 10, bias=True)", []),
    ("[('the', 18), ('of', 5)]   'The network of , which \"s set.'", []),
    ("AND: ŷ = [0, 0, 0, 1]   layer(batch) == batch @ W.T + b: True   layer.weight: (2, 3)   features[0].weight.grad = None   75 × fit: 4.0 s", []),
])
def test_english_words(text, expected):
    assert english_words(text) == expected


def printed_texts(page: Path) -> list[str]:
    """The text of every code cell's output and every table header of a built page."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return ([pre.get_text() for pre in soup.select("div.cell_output pre")]
            + [th.get_text(" ", strip=True) for th in soup.select("table th")])


def test_catalan_outputs_and_table_headers_have_no_english_words(site):
    catalan = site / "ca"
    pages = [p for p in sorted(catalan.glob("**/*.html")) if "_static" not in p.parts]
    hits = {}
    for page in pages:
        name = page.relative_to(catalan).as_posix()
        words = [w for text in printed_texts(page) for w in english_words(text)]
        if words:
            hits[name] = words
    assert any(printed_texts(p) for p in pages), "no output area found: has the HTML changed?"
    assert hits == {}
