"""axe-core (bundled by the axe-playwright-python package) finds no serious or critical
accessibility violation on any page of either edition, on a desktop or a phone, in light or dark
mode (the theme follows the reader's system); nor any of the few lesser or experimental rules the
book holds to as well. A heading's "#" link reads at 4.5:1 in light and dark mode, which axe
cannot check while the link is hidden."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, _unavailable

# axe takes seconds a page: the pages that hold every kind of element the book has (front page,
# search, chapters with tables, hidden cells, dropdowns, wide formulas, figures).
PAGES = ["index.html", "search.html", "chapters/02-derivatives.html",
         "chapters/04-forward-propagation.html", "chapters/06-tensors.html",
         "chapters/07-training-mlps.html"]
# Beyond the serious and critical ones: a control's name holds the words it shows (experimental
# in axe, so off unless asked for), all content inside landmarks, no empty table header.
ALSO_REQUIRED = ("label-content-name-mismatch", "region", "empty-table-header")
AXE_OPTIONS = {"resultTypes": ["violations"],
               "rules": {"label-content-name-mismatch": {"enabled": True}}}
# Formulas typeset, and colours done changing: the theme resolves the reader's light or dark mode
# as the page loads, and its buttons fade into the new colours (a CSS transition).
SETTLED = """async () => {
  if (window.MathJax?.startup?.promise) await MathJax.startup.promise;
  await Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition)
                    .map((a) => a.finished.catch(() => null)));
}"""
SIDEBAR_NAMES = {"en": "The book's contents and search", "ca": "Índex i cerca del llibre"}


@pytest.mark.parametrize("width, scheme", [(1366, "light"), (390, "light"), (1366, "dark")])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_serious_accessibility_violations(page, server, site, lang, width, scheme):
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        _unavailable("axe-playwright-python is not installed (pip install -e '.[browser]')")
    axe = Axe()
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    found = []
    for path in PAGES:
        page.goto(f"{server}/{lang}/{path}")
        page.evaluate(SETTLED)
        for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]:
            if violation["impact"] in ("serious", "critical") or violation["id"] in ALSO_REQUIRED:
                found.append(f"{path}: {violation['id']} ({len(violation['nodes'])} nodes): "
                             f"{violation['nodes'][0]['html'][:120]}")
    assert not found, "\n".join(found)


# WCAG's contrast ratio of an element's text against the first background behind it.
CONTRAST = """(element) => {
  const rgb = (colour) => colour.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const channel = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const luminance = (colour) => {
    const [r, g, b] = rgb(colour).map(channel);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  let behind = element, background = "rgba(0, 0, 0, 0)";
  while (behind && (background = getComputedStyle(behind).backgroundColor).endsWith(", 0)"))
    behind = behind.parentElement;
  const [a, b] = [luminance(getComputedStyle(element).color), luminance(background)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_heading_links_are_readable(browser, server, site, scheme):
    context = browser.new_context(color_scheme=scheme)  # the theme follows the system at first
    page = context.new_page()
    page.goto(f"{server}/en/chapters/02-derivatives.html")
    link = page.locator("article h2 a.headerlink").first
    page.locator("article h2").first.hover()
    ratio = link.evaluate(CONTRAST)
    context.close()
    assert ratio >= 4.5, f"the heading's # link reads at {ratio:.2f}:1 in {scheme} mode"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sidebar_is_a_landmark_named_in_the_pages_language(page, server, site, lang):
    page.goto(f"{server}/{lang}/chapters/02-derivatives.html")
    sidebar = page.locator("#pst-primary-sidebar aside")
    assert sidebar.get_attribute("aria-label") == SIDEBAR_NAMES[lang]
    assert sidebar.locator("nav.bd-docs-nav").count() == 1
