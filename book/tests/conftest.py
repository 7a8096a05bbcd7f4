"""Fixtures for the checks of the built book (``make check-book``, after ``make book``)."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def server(site: Path):
    """The site served over http on localhost, as `make serve` does; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
