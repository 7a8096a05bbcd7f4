"""axe-core (bundled by the axe-playwright-python package) finds no serious or critical
accessibility violation on any page of either edition."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, _unavailable

# axe takes seconds a page: the pages that hold every kind of element the book has (front page,
# search, chapters with tables, hidden cells, dropdowns, wide formulas, figures).
PAGES = ["index.html", "search.html", "chapters/02-derivatives.html",
         "chapters/04-forward-propagation.html", "chapters/07-training-mlps.html"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_serious_accessibility_violations(page, server, site, lang):
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        _unavailable("axe-playwright-python is not installed (pip install -e '.[browser]')")
    axe = Axe()
    found = []
    for path in PAGES:
        page.goto(f"{server}/{lang}/{path}")
        page.evaluate("async () => { if (window.MathJax?.startup?.promise) "
                      "await MathJax.startup.promise; }")
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                found.append(f"{path}: {violation['id']} ({len(violation['nodes'])} nodes): "
                             f"{violation['nodes'][0]['html'][:120]}")
    assert not found, "\n".join(found)
