"""Fixtures for the checks of the built book (``make check-book``, after ``make book``)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# The browser settings and the local server are those book/print_book.py prints the PDF with.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from print_book import CHROMIUM, CHROMIUM_ARGS, serving  # noqa: E402

# Where `make book` puts the site; MINIGRAD_BOOK_SITE checks a build made elsewhere.
SITE = Path(os.environ.get("MINIGRAD_BOOK_SITE")
            or Path(__file__).resolve().parents[1] / "_build" / "html")
LANGUAGES = ("en", "ca")


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site; the checks skip, saying why, when the book has not been built."""
    missing = [lang for lang in LANGUAGES if not (SITE / lang / "index.html").is_file()]
    if missing or not (SITE / "index.html").is_file():
        pytest.skip(f"the book is not built (no {SITE}/index.html or edition {missing}): "
                    "run `make book` first")
    return SITE


@pytest.fixture(scope="session")
def server(site: Path):
    """The site served over http on localhost, as `make serve` does; yields its base URL."""
    with serving(site) as url:
        yield url


# Browser checks drive Debian's Chromium with Playwright. They skip, saying why, without either,
# unless MINIGRAD_REQUIRE_BROWSER=1 (set by CI), which turns the skip into a failure.


def _unavailable(reason: str) -> None:
    if os.environ.get("MINIGRAD_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser test required (MINIGRAD_REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.isfile(CHROMIUM) or shutil.which(CHROMIUM)):
        _unavailable(f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[browser]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that refuses, and remembers, any request that leaves the local server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.outside = []
    local = urlsplit(server).netloc

    def guard(route):
        url = route.request.url
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != local:
            page.outside.append(url)
            return route.abort()
        return route.continue_()

    page.route("**/*", guard)
    yield page
    context.close()
