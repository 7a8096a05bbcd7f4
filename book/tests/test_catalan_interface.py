"""The Catalan edition shows no English interface text: the theme's landmarks, tooltips, buttons
and the search page's messages come from book/locales/ca/LC_MESSAGES/{sphinx,booktheme}.po and
conf.py's INTERFACE (book/_ext/catalan.py), and the formulas have a decimal comma."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# Attributes whose text a reader sees or hears (tooltips, screen readers, empty search fields).
SPOKEN = ("aria-label", "title", "placeholder", "alt", "data-bs-title")
# Words that read the same in both editions: names, file types, symbols, «Error».
NEUTRAL = re.compile(r"^(minigrad.*|English|Català|API|PDF|Error|\.\w+|[\W\d_]*)$")
# Elements whose text is not interface: the page itself, code (API names in the navigation),
# keys (Ctrl K), scripts and styles.
SKIPPED = ("article", "code", "kbd", "script", "style")


class Interface(HTMLParser):
    """The text and spoken attributes of a page outside its article, scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.strings: set[str] = set()
        self.depth = dict.fromkeys(SKIPPED, 0)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.depth:
            self.depth[tag] += 1
        if not self.depth["article"]:
            self.strings.update(v.strip() for k, v in attrs if k in SPOKEN and v and v.strip())

    def handle_endtag(self, tag: str) -> None:
        if tag in self.depth and self.depth[tag]:
            self.depth[tag] -= 1

    def handle_data(self, data: str) -> None:
        if not any(self.depth.values()) and data.strip():
            self.strings.add(" ".join(data.split()))


def interface(page: Path) -> set[str]:
    parser = Interface()
    parser.feed(page.read_text(encoding="utf-8"))
    return {s for s in parser.strings if not NEUTRAL.match(s)}


def test_no_english_interface_text_in_the_catalan_edition(site):
    def pages(edition):  # _static holds the theme's template fragments, not pages
        return [p for p in sorted((site / edition).rglob("*.html")) if "_static" not in p.parts]

    english = set().union(*(interface(p) for p in pages("en")))
    left = {}
    for page in pages("ca"):
        same = interface(page) & english
        if same:
            left[str(page.relative_to(site))] = sorted(same)
    assert not left, f"English interface text in the Catalan edition: {left}"


def test_catalan_scripts_speak_catalan(site):
    static = site / "ca" / "_static"
    assert "Toggle hidden content" not in (static / "togglebutton.js").read_text(encoding="utf-8")
    messages = (static / "translations.js").read_text(encoding="utf-8")
    for vosaltres in ("La vostra cerca", "Assegureu-vos", "Cercar m"):
        assert vosaltres not in messages.encode().decode("unicode_escape")


def test_formulas_have_a_decimal_comma(site):
    page = (site / "ca" / "chapters" / "02-derivatives.html").read_text(encoding="utf-8")
    formulas = re.findall(r"\\\((.*?)\\\)|\\\[(.*?)\\\]", page, re.S)
    tex = " ".join(a + b for a, b in formulas)
    assert "0{,}001" in tex
    assert not re.search(r"\d\.\d", re.sub(r"\\text\{[^}]*\}", "", tex))


def test_the_check_sees_english_outside_the_article(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<nav aria-label="Main"><a title="Download this page">Back to top</a></nav>'
                    '<article>Code <code>Adam</code> and prose are not interface</article>'
                    '<button>Ctrl</button><kbd>K</kbd><span>Error</span>', encoding="utf-8")
    assert interface(page) == {"Main", "Download this page", "Back to top", "Ctrl"}
