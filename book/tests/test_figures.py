"""Every figure of a chapter can be referred to and read: in both editions, each image of a chapter
is in a figure numbered after its chapter (Figure 3.1, 3.2...; A.1 in the appendix), with a
caption and alt text in the page's language, and drawn with twice the pixels it is shown at."""

from __future__ import annotations

import json
import re
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import LANGUAGES

FIGURE_WORD = {"en": "Figure", "ca": "Figura"}
# Chapters whose figures still lack captions and alt text (issue 21, item 3): they are only
# checked for what they do have.
PENDING = {"07-training-mlps"}


class Figures(HTMLParser):
    """The figures of a page's article (id, number, caption, images) and the images outside them."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: list[dict] = []
        self.loose: list[str] = []  # src of images outside any figure
        self._in_article = 0
        self._figure: dict | None = None
        self._capture: str | None = None  # "number" or "caption" while inside that span
        self._spans = 0  # depth of spans inside the captured one

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "article" and "bd-article" in classes:
            self._in_article = 1
        if not self._in_article:
            return
        if tag == "figure":
            self._figure = {"id": values.get("id"), "number": "", "caption": "", "images": []}
            self.figures.append(self._figure)
        elif tag == "img":
            image = {"src": values.get("src", ""), "alt": values.get("alt") or "",
                     "width": values.get("width")}
            if self._figure is None:
                self.loose.append(image["src"])
            else:
                self._figure["images"].append(image)
        elif tag == "span" and self._figure is not None:
            if self._capture:
                self._spans += 1
            elif "caption-number" in classes:
                self._capture = "number"
            elif "caption-text" in classes:
                self._capture = "caption"

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article = 0
        elif tag == "figure":
            self._figure = None
        elif tag == "span" and self._capture:
            if self._spans:
                self._spans -= 1
            else:
                self._capture = None

    def handle_data(self, data: str) -> None:
        if self._capture and self._figure is not None:
            self._figure[self._capture] += data


def chapter_pages(site: Path, lang: str) -> list[Path]:
    edition = site / lang
    return sorted(edition.glob("chapters/*.html")) + sorted(edition.glob("appendix/*.html"))


def parse(page: Path) -> Figures:
    figures = Figures()
    figures.feed(page.read_text(encoding="utf-8"))
    return figures


def chapter_label(page: Path) -> str:
    """"3" for chapters/03-perceptron.html, "A" for the appendix."""
    return "A" if page.parent.name == "appendix" else str(int(page.stem.split("-")[0]))


def png_width(path: Path) -> int:
    with path.open("rb") as png:
        header = png.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">I", header[16:20])[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_figure_is_numbered_captioned_and_described(site, lang):
    problems, figures_seen = [], 0
    for page in chapter_pages(site, lang):
        found = parse(page)
        where = f"{lang}/{page.parent.name}/{page.name}"
        if page.stem not in PENDING:
            problems += [f"{where}: image outside a figure: {src}" for src in found.loose]
        label = chapter_label(page)
        for i, figure in enumerate(found.figures, start=1):
            figures_seen += 1
            name = f"{where}#{figure['id']}"
            expected = f"{FIGURE_WORD[lang]} {label}.{i}"
            if figure["number"].strip() != expected:
                problems.append(f"{name}: numbered {figure['number'].strip()!r}, not {expected!r}")
            if not figure["caption"].strip():
                problems.append(f"{name}: no caption")
            for image in figure["images"]:
                alt = image["alt"].strip()
                if not alt or re.search(r"(^|/)[\w.-]+\.(png|svg|jpe?g|gif)$", alt):
                    problems.append(f"{name}: alt text {alt!r} does not describe the image")
                if image["src"].endswith(".png"):
                    pixels = png_width((page.parent / image["src"]).resolve())
                    # An odd number of pixels is shown at half of one less.
                    if image["width"] is None or pixels // 2 != int(image["width"]):
                        problems.append(f"{name}: {pixels} px wide, shown at {image['width']}, "
                                        "not at half its width")
    assert figures_seen, f"no figure in any chapter of the {lang} edition"
    assert not problems, "\n".join(problems)


def test_catalan_figures_speak_catalan(site):
    """The same figures in both editions, each with its caption and alt text translated."""
    problems = []
    for english in chapter_pages(site, "en"):
        catalan = site / "ca" / english.relative_to(site / "en")
        en, ca = parse(english).figures, parse(catalan).figures
        where = f"{english.parent.name}/{english.name}"
        if [f["id"] for f in en] != [f["id"] for f in ca]:
            problems.append(f"{where}: figures {[f['id'] for f in en]} in English but "
                            f"{[f['id'] for f in ca]} in Catalan")
            continue
        for a, b in zip(en, ca):
            if a["caption"].strip() == b["caption"].strip():
                problems.append(f"{where}#{a['id']}: caption left in English: "
                                f"{a['caption'][:60]!r}")
            for image_a, image_b in zip(a["images"], b["images"]):
                if image_a["alt"] == image_b["alt"]:
                    problems.append(f"{where}#{a['id']}: alt text left in English: "
                                    f"{image_a['alt'][:60]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_downloaded_notebooks_caption_their_figures(site, lang):
    """Plain Jupyter ignores cell metadata: the caption follows each figure as a Markdown cell."""
    problems = []
    for page in chapter_pages(site, lang):
        notebook = site / lang / "_sources" / page.parent.name / f"{page.stem}.ipynb"
        if page.stem in PENDING or not notebook.is_file():  # PENDING: captions written by hand
            continue
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        captions = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"
                    and "".join(cell["source"]).startswith(f"**{FIGURE_WORD[lang]} ")]
        figures = parse(page).figures
        where = f"{lang}/_sources/{page.parent.name}/{notebook.name}"
        if len(captions) != len(figures):
            problems.append(f"{where}: {len(captions)} captions for {len(figures)} figures")
        for caption, figure in zip(captions, figures):
            if not caption.startswith(f"**{figure['number'].strip()}.**"):
                problems.append(f"{where}: {caption[:30]!r} for {figure['number'].strip()!r}")
    assert not problems, "\n".join(problems)
