"""The printed book (``make pdf``): one PDF per edition, linked from its front page, that opens
with a table of contents, numbers its pages, prints every chapter with its solutions open, and
has a bookmark per chapter. The PDF checks skip when the PDF is not built (``make book`` alone,
as in CI: printing takes minutes)."""

from __future__ import annotations

import re

import pytest

from conftest import LANGUAGES

# 14 chapters, the appendix and the API reference: about 500 pages at 10.5 pt on A4.
PAGES_AT_LEAST = 300
CHAPTER_2 = {"en": "2 Derivatives and the computation graph", "ca": "2 Les derivades i el graf de càlcul"}
CHAPTER_3 = {"en": "3 The perceptron", "ca": "3 El perceptró"}
# Words of chapter 2's first solution, hidden in a dropdown on the page.
SOLUTION = {"en": "along two paths", "ca": "dos camins"}
LINK_TEXT = {"en": "The whole book is also a single PDF", "ca": "El llibre sencer també és un sol PDF"}


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_front_page_links_to_the_pdf_in_its_language(site, lang):
    html = words((site / lang / "index.html").read_text(encoding="utf-8"))
    assert f'<a class="minigrad-pdf" href="minigrad-{lang}.pdf">minigrad-{lang}.pdf</a>' in html
    assert LINK_TEXT[lang] in html


@pytest.fixture(params=LANGUAGES)
def printed(request, site):
    lang = request.param
    pdf = site / lang / f"minigrad-{lang}.pdf"
    if not pdf.is_file():
        pytest.skip(f"the PDF is not built (no {pdf}): run `make pdf`")
    pypdf = pytest.importorskip("pypdf", reason="pypdf is not installed (pip install -e '.[browser]')")
    return lang, pypdf.PdfReader(pdf)


def test_the_pdf_opens_with_a_table_of_contents(printed):
    lang, reader = printed
    assert len(reader.pages) >= PAGES_AT_LEAST
    opening = words(reader.pages[0].extract_text())
    assert CHAPTER_2[lang] in opening and CHAPTER_3[lang] in opening, opening[:300]


def test_the_pages_are_numbered(printed):
    _, reader = printed
    last = len(reader.pages)
    for number in (1, 2, last // 2, last):
        lines = reader.pages[number - 1].extract_text().splitlines()
        assert str(number) in lines, f"page {number} does not show its number: {lines[:3]}"


def test_each_chapter_has_a_bookmark_and_prints_its_solutions(printed):
    lang, reader = printed
    chapters = {words(item.title): reader.get_destination_page_number(item)
                for item in reader.outline if not isinstance(item, list)}
    assert sum(bool(re.match(r"\d+ ", title)) for title in chapters) == 13, list(chapters)
    start, end = chapters[CHAPTER_2[lang]], chapters[CHAPTER_3[lang]]
    chapter_2 = words(" ".join(reader.pages[i].extract_text() for i in range(start, end)))
    assert SOLUTION[lang] in chapter_2
