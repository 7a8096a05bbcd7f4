"""The exercise stubs the chapters include raise their hint in the page's language: the Catalan
edition's pages and notebooks show the Catalan text of exercises/grading/stub_hints.py and no
English hint (book/_ext/catalan.py), the English edition the stubs as written."""

from __future__ import annotations

import html
import json
import re
import runpy
from pathlib import Path

import pytest

BOOK = Path(__file__).resolve().parents[1]
STUB_HINTS = runpy.run_path(str(BOOK.parent / "exercises" / "grading" / "stub_hints.py")
                            )["STUB_HINTS"]
INCLUDE = re.compile(r"```\{literalinclude\} \.\./\.\./exercises/(ch\d\d)_\w+\.py\n"
                     r"(?::(?!pyobject)[\w-]+:.*\n)*:pyobject: (\w+)\n")


def included_stubs() -> dict[str, list[str]]:
    """Each page → the keys of STUB_HINTS whose stub it includes."""
    pages = {}
    for source in sorted([*BOOK.glob("chapters/*.md"), *BOOK.glob("appendix/*.md")]):
        keys = [f"{chapter}.{function}" for chapter, function in
                INCLUDE.findall(source.read_text(encoding="utf-8"))]
        pages[f"{source.parent.name}/{source.stem}"] = [k for k in keys if k in STUB_HINTS]
    return pages


def test_the_chapters_include_every_stub():
    """So that the checks below see every hint (one include without a hint: ch02's _result)."""
    assert sorted(k for keys in included_stubs().values() for k in keys) == sorted(STUB_HINTS)


def _page_text(site: Path, lang: str, page: str) -> str:
    markup = (site / lang / f"{page}.html").read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def _notebook_text(site: Path, lang: str, page: str) -> str:
    notebook = json.loads((site / lang / "_sources" / f"{page}.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(cell["source"]) for cell in notebook["cells"])


@pytest.mark.parametrize("lang, other", [("ca", "en"), ("en", "ca")])
def test_included_stubs_raise_the_edition_s_hint(site, lang, other):
    for page, keys in included_stubs().items():
        for text, where in [(_page_text(site, lang, page), f"{lang}/{page}.html"),
                            (_notebook_text(site, lang, page), f"{lang}/_sources/{page}.ipynb")]:
            for key in keys:
                assert f'NotImplementedError("{STUB_HINTS[key][lang]}")' in text, (where, key)
            shown = [key for key in STUB_HINTS if STUB_HINTS[key][other] in text]
            assert not shown, f"{where} shows the {other} hint of {shown}"


def test_no_english_hint_anywhere_in_the_catalan_edition(site):
    pages = [p for p in (site / "ca").rglob("*.html") if "_static" not in p.parts]
    notebooks = sorted((site / "ca" / "_sources").rglob("*.ipynb"))
    assert len(pages) > 20 and len(notebooks) > 10
    for path in pages + notebooks:
        text = (_notebook_text(site, "ca", str(path.relative_to(site / "ca" / "_sources"))[:-6])
                if path.suffix == ".ipynb" else html.unescape(path.read_text(encoding="utf-8")))
        left = [key for key, hint in STUB_HINTS.items() if hint["en"] in text]
        assert not left, f"{path.relative_to(site)} shows the English hint of {left}"
