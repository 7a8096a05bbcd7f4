"""Light pages: no chapter weighs more than 2 MB, counting every byte it loads (HTML, CSS, scripts,
fonts, images), measured in Chromium once MathJax has typeset the page and fetched what it needs,
and every formula typesets with the MathJax components the book ships; a first visit finds every
file it asks for (the favicon too), with no error in the console and no Font Awesome; the site
ships no source maps and no folder of notebook outputs that nothing links to; and a page shows one
search box, on a desktop as on a phone."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import LANGUAGES

LIMIT = 2_000_000  # bytes

# Typesetting loads MathJax's output and fonts on demand: wait for it, then for the network.
TYPESET = """async () => {
  if (window.MathJax?.startup?.promise) await MathJax.startup.promise;
  await document.fonts.ready;
  return {formulas: document.querySelectorAll("mjx-container").length,
          errors: [...document.querySelectorAll("mjx-merror")].map(
            (error) => error.getAttribute("data-mjx-error") || error.textContent)};
}"""
# Images further down the page count too, even if the browser has not fetched them yet.
IMAGES = "() => [...document.images].map((image) => image.currentSrc || image.src)"


def _chapters(site: Path, lang: str) -> list[str]:
    edition = site / lang
    return sorted(str(page.relative_to(edition)) for folder in ("chapters", "appendix")
                  for page in (edition / folder).glob("*.html"))


def _loaded_files(page, server: str, url: str) -> tuple[set[str], dict]:
    """The site's files that loading ``url`` fetched, as paths below the site, and what MathJax
    typeset: the number of formulas, and the errors it shows instead of some."""
    fetched: set[str] = set()
    page.on("requestfinished", lambda request: fetched.add(request.url))
    page.goto(url, wait_until="networkidle")
    typeset = page.evaluate(TYPESET)
    page.wait_for_load_state("networkidle")
    fetched.update(page.evaluate(IMAGES))
    return {unquote(urlsplit(u).path) for u in fetched if u.startswith(server)}, typeset


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_chapter_weighs_more_than_2_mb(browser, server, site, lang):
    weights, untypeset = {}, []
    for path in _chapters(site, lang):
        # A new context each page: nothing comes from the cache of the page before.
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        page = context.new_page()
        files, typeset = _loaded_files(page, server, f"{server}/{lang}/{path}")
        context.close()
        weights[path] = sum((site / f.lstrip("/")).stat().st_size for f in files
                            if (site / f.lstrip("/")).is_file())
        if not typeset["formulas"] and path.startswith("chapters"):
            untypeset.append(f"{path}: no formula typeset")
        # A TeX command the shipped extensions lack (see mathjax3_config in book/conf.py).
        untypeset += [f"{path}: {error}" for error in typeset["errors"]]
    assert len(weights) >= 10, "the chapters are missing"
    assert not untypeset, "\n".join(untypeset)
    heaviest = max(weights, key=weights.get)
    print(f"\n{lang}: heaviest chapter {heaviest}, {weights[heaviest]:,} bytes")
    too_heavy = [f"{path}: {size:,} bytes" for path, size in sorted(weights.items())
                 if size > LIMIT]
    assert not too_heavy, f"chapters over {LIMIT:,} bytes:\n" + "\n".join(too_heavy)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_first_visit_finds_every_file_and_logs_no_error(page, server, site, lang):
    missing, errors = [], []
    page.on("response", lambda response: response.status >= 400 and missing.append(
        f"{response.status} {response.url}"))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ["", f"{lang}/index.html", f"{lang}/search.html?q=gradient",
                 f"{lang}/chapters/02-derivatives.html", f"{lang}/api.html"]:
        page.goto(f"{server}/{path}", wait_until="networkidle")
        page.evaluate(TYPESET)
    assert not missing, missing
    assert not errors, errors
    # Its icons are drawn by _static/minigrad-icons.css: an icon missing there needs the font.
    assert not [url for url in requested if "fontawesome" in url], "Font Awesome is loaded"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_site_ships_no_source_maps_nor_unlinked_outputs(site, lang):
    assert not list((site / lang).rglob("*.map")), "source maps in the site"
    for folder in (site / "jupyter_execute", site / lang / "jupyter_execute"):
        assert not folder.exists(), f"{folder} is in the site, and no page links to it"


@pytest.mark.parametrize("width", [1366, 390])
def test_one_search_box(page, server, site, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{server}/en/chapters/02-derivatives.html", wait_until="networkidle")
    shown = page.evaluate("""() => [...document.querySelectorAll(".search-button__button, form.bd-search")]
      .filter((box) => box.checkVisibility()).map((box) => box.outerHTML.slice(0, 80))""")
    assert len(shown) == 1, shown
