"""Nothing is cut off: on a desktop (1366 px) and a phone (390 px), in both editions, no code
block, output or display formula is wider than the article's column, and no page is wider than
the window (a heading's "#" link, a long inline literal, an API signature)."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES

WIDTHS = (1366, 390)

# Every element of the article that is wider than the column, or that scrolls sideways inside.
OVERFLOWS = """async () => {
  if (window.MathJax?.startup?.promise) await MathJax.startup.promise;
  const column = document.querySelector("article.bd-article").getBoundingClientRect();
  const cut = (box) => box.right > column.right + 1 || box.left < column.left - 1;
  const found = [];
  const describe = (kind, element) =>
    found.push(`${kind}: ${element.textContent.trim().replace(/\\s+/g, " ").slice(0, 70)}`);
  for (const pre of document.querySelectorAll(
      "article.bd-article :is(div.highlight pre, .cell_output pre, .output pre)")) {
    if (pre.scrollWidth > pre.clientWidth + 1 || cut(pre.getBoundingClientRect()))
      describe("code or output", pre);
  }
  for (const math of document.querySelectorAll("article.bd-article mjx-container[display='true']")) {
    const shown = math.firstElementChild;  // the typeset formula (its assistive MathML is clipped)
    if (math.scrollWidth > math.clientWidth + 1 || cut(shown.getBoundingClientRect()))
      describe("formula", math);
  }
  if (document.documentElement.scrollWidth > window.innerWidth)
    found.push(`page: ${document.documentElement.scrollWidth} px wide`);
  return {found, blocks: document.querySelectorAll("article.bd-article pre").length,
          formulas: document.querySelectorAll("article.bd-article mjx-container[display='true']").length};
}"""


def _pages(site, lang: str) -> list[str]:
    edition = site / lang
    return ["index.html", "api.html"] + sorted(
        str(page.relative_to(edition)) for folder in ("chapters", "appendix")
        for page in (edition / folder).glob("*.html"))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_is_wider_than_its_column(page, server, site, lang, width):
    page.set_viewport_size({"width": width, "height": 900})
    cut_off, blocks, formulas = [], 0, 0
    for path in _pages(site, lang):
        page.goto(f"{server}/{lang}/{path}")
        result = page.evaluate(OVERFLOWS)
        cut_off += [f"{path}: {what}" for what in result["found"]]
        blocks, formulas = blocks + result["blocks"], formulas + result["formulas"]
    assert blocks > 100 and formulas > 20, "the pages have lost their code or their math"
    assert not cut_off, f"{len(cut_off)} cut off at {width} px:\n" + "\n".join(cut_off)
    assert not page.outside, f"requests outside the site: {page.outside}"
