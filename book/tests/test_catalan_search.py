"""The Catalan edition's search, in Chromium: plurals, missing accents and «l·l» written «ll» find
the pages (book/_ext/catalan.py indexes, book/_ext/catalan_search.js queries)."""

from __future__ import annotations

import pytest


def results(page, server: str, query: str) -> list[str]:
    """The addresses of the pages that the Catalan search page lists for ``query``."""
    page.goto(f"{server}/ca/search.html?q={query}")
    # Sphinx lists the results one by one and writes the summary only after the last one.
    page.wait_for_function("document.querySelector('#search-results p.search-summary')"
                           "?.innerText.trim()", timeout=20_000)
    return page.eval_on_selector_all("#search-results ul.search li a",
                                     "links => links.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("query, expected", [
    ("xarxes", "chapters/04-forward-propagation"),       # the plural finds «xarxa»
    ("retropropagacio", "chapters/05-backpropagation"),  # without its accent
    ("cella", "chapters/06-tensors"),                    # «cel·la» without the middle dot
])
def test_catalan_search_finds_inflected_and_unaccented_words(page, server, query, expected):
    found = results(page, server, query)
    assert any(expected in href for href in found), found
    assert not page.outside
