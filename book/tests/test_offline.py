"""The built site makes no request outside itself: no external script, stylesheet, font or image."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

LANGUAGES = ("en", "ca")

# Attributes through which a page makes the browser fetch something.
FETCHING = {"script": ("src",), "link": ("href",), "img": ("src", "srcset"), "source": ("src", "srcset"),
            "iframe": ("src",), "video": ("src", "poster"), "audio": ("src",), "embed": ("src",),
            "object": ("data",)}
CSS_URL = re.compile(r"""(?:url\(\s*|@import\s+)["']?([^"')\s]+)""")


def is_external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data")


class Fetches(HTMLParser):
    """Collects every URL a page would fetch, and its <html lang>."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        for name in FETCHING.get(tag, ()):
            for url in (values.get(name) or "").split(","):
                if url.strip():
                    self.urls.append(url.split()[0])
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.urls.append((values.get("content") or "").partition("url=")[2])
        self.urls.extend(CSS_URL.findall(values.get("style") or ""))

    def handle_data(self, data: str) -> None:
        if self.lasttag == "style":
            self.urls.extend(CSS_URL.findall(data))


def parse(page: Path) -> Fetches:
    parser = Fetches()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_no_page_fetches_anything_outside_the_site(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 2 * 14, "expected both editions of every chapter"
    external = {f"{page.relative_to(site)}: {url}"
                for page in pages for url in parse(page).urls if is_external(url)}
    assert not external, "external URLs:\n" + "\n".join(sorted(external))


def test_no_stylesheet_fetches_anything_outside_the_site(site):
    external = {f"{css.relative_to(site)}: {url}" for css in site.rglob("*.css")
                for url in CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace"))
                if is_external(url)}
    assert not external, "external URLs in stylesheets:\n" + "\n".join(sorted(external))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_edition_declares_its_language(site, lang):
    pages = [p for p in (site / lang).rglob("*.html") if "_static" not in p.parts]
    assert pages
    for page in pages:
        assert parse(page).lang == lang, page


def test_math_is_rendered_by_the_bundled_mathjax(site):
    page = parse(site / "en" / "chapters" / "02-derivatives.html")
    scripts = [u.split("?")[0] for u in page.urls if "mathjax" in u.lower()]
    assert scripts == ["../_static/mathjax/startup.js"]
    # The components that startup.js loads (mathjax3_config in book/conf.py).
    for lang in LANGUAGES:
        for component in ("startup.js", "core.js", "input/tex-base.js", "input/tex/extensions/ams.js",
                          "output/chtml.js", "output/chtml/fonts/tex.js", "a11y/assistive-mml.js",
                          "LICENSE"):
            assert (site / lang / "_static" / "mathjax" / component).is_file(), component


def test_the_root_sends_readers_to_the_english_edition(site):
    assert parse(site / "index.html").urls == ["en/_static/favicon.svg", "en/index.html"]


def test_the_check_sees_external_urls():
    parser = Fetches()
    parser.feed('<html lang="ca"><link rel="stylesheet" href="https://cdn.example/x.css">'
                '<script src="//cdn.example/x.js"></script><script src="_static/ok.js"></script>'
                '<img src="data:image/png;base64,AAAA"><style>@import "http://fonts.example/f";'
                '</style></html>')
    assert [u for u in parser.urls if is_external(u)] == [
        "https://cdn.example/x.css", "//cdn.example/x.js", "http://fonts.example/f"]
    assert parser.lang == "ca"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hidden_code_toggles_speak_the_editions_language(site, lang):
    """MyST-NB names the toggle of a hidden cell "Toggle hidden content" in every edition; ours
    is named by its visible prompt, which conf.py words per language."""
    pages = [p.read_text(encoding="utf-8") for p in (site / lang / "chapters").glob("*.html")]
    toggles = [html for html in pages if '<details class="admonition hide' in html]
    assert toggles, "no page has a hidden code cell any more: this check checks nothing"
    prompt = {"en": "Show code cell", "ca": "Mostra la cel·la de codi"}[lang]
    for html in toggles:
        assert "Toggle hidden content" not in html
        assert f'<p class="collapsed admonition-title">{prompt}' in html
