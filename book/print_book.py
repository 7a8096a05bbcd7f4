"""Print the whole book of one edition into a PDF with headless Chromium (``make pdf``).

    python book/print_book.py book/_build/singlehtml/en book/_build/html/en/minigrad-en.pdf

The input is the edition's single-page HTML (Sphinx's singlehtml builder); the page is served
over http, as a reader's browser would load it, because MathJax fetches its fonts as it typesets.
Page size, margins, page numbers and page breaks come from the book's print styles
(_static/minigrad-book.css), which serve a reader who prints a single chapter just as well.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import logging
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

# Playwright and pypdf are imported where they are used: book/tests/conftest.py takes the browser
# settings and the server below from here, and must import without them (it then skips).
CHROMIUM = os.environ.get("MINIGRAD_CHROMIUM", "/usr/bin/chromium")
# Headless as root, and no background traffic to Google's hosts.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# The width between the margins of an A4 page (_static/minigrad-book.css: 210 mm - 2 × 1.8 cm),
# in CSS pixels.
PAPER_COLUMN = {"width": round(174 / 25.4 * 96), "height": 1000}
# Every formula typeset and every figure loaded before printing.
READY = """async () => {
  if (window.MathJax?.startup?.promise) await MathJax.startup.promise;
  await Promise.all([...document.images].map((image) => image.decode().catch(() => null)));
}"""

# The headings printed, in order: those Chromium makes a bookmark of.
HEADINGS = """() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]")]
  .filter((heading) => heading.getClientRects().length > 0).map((heading) => heading.innerText)"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    """The folder served over http on localhost, as `make serve` does; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as httpd:
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{httpd.server_address[1]}"
        finally:
            httpd.shutdown()


def print_book(site: Path, pdf: Path) -> None:
    from playwright.sync_api import sync_playwright

    with serving(site) as url:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # Laid out as on paper already when minigrad-book.js fits the wide formulas to the
            # column, on "beforeprint" (which printing to PDF sends).
            page = browser.new_page(viewport=PAPER_COLUMN)
            page.emulate_media(media="print", color_scheme="light")
            page.goto(f"{url}/index.html",
                      wait_until="load", timeout=300_000)
            page.evaluate(READY)
            titles = [" ".join(title.split()) for title in page.evaluate(HEADINGS)]
            pdf.parent.mkdir(parents=True, exist_ok=True)
            # outline: the PDF's bookmarks, from the headings; tagged: its text in reading order
            # for screen readers.
            page.pdf(path=str(pdf), prefer_css_page_size=True, outline=True, tagged=True)
            browser.close()
    retitle_bookmarks(pdf, titles)


def retitle_bookmarks(pdf: Path, titles: list[str]) -> None:
    """Give the PDF's bookmarks the titles of the headings they stand for. Chromium writes the
    title of a heading that starts a page twice, or its first line and then all of it
    ("SummarySummary"), and runs the lines of a wrapped title together."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    # Chromium's cross-reference table counts fewer objects than the file holds, which pypdf
    # reads right, saying so.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    writer = PdfWriter(clone_from=pdf)
    bookmarks, pending = [], [writer.root_object["/Outlines"].get("/First")]
    while pending:  # in the order of the document: a bookmark, its children, the next one
        item = pending.pop()
        if item is not None:
            bookmarks.append(item.get_object())
            pending += [bookmarks[-1].get("/Next"), bookmarks[-1].get("/First")]
    if len(bookmarks) != len(titles):
        print(f"pdf: {len(bookmarks)} bookmarks for {len(titles)} headings: left as Chromium wrote them")
        return
    for bookmark, title in zip(bookmarks, titles):
        bookmark[NameObject("/Title")] = TextStringObject(title)
    unfinished = pdf.with_name(pdf.name + ".part")  # written beside the PDF it reads, not over it
    writer.write(unfinished)
    os.replace(unfinished, pdf)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the folder of the edition's singlehtml build")
    parser.add_argument("pdf", type=Path, help="the PDF to write")
    args = parser.parse_args()
    start = time.perf_counter()
    print_book(args.site, args.pdf)
    size = args.pdf.stat().st_size / 1e6
    print(f"pdf: {args.pdf} ({size:.1f} MB) in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
