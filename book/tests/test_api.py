"""The API page: every documented object links to its highlighted source, and the page documents
exactly the modules conf.py lists (one that cannot be imported stops the build)."""

from __future__ import annotations

import importlib
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

BOOK = Path(__file__).resolve().parents[1]


class ApiPage(HTMLParser):
    """The documented classes, functions and methods (``<dl class="py class">``, then
    ``<dt class="sig sig-object py" id=...>``) and the source links (``viewcode-link``) in each.
    Attributes have no source of their own to link to."""

    def __init__(self) -> None:
        super().__init__()
        self.objects: dict[str, list[str]] = {}
        self._current: str | None = None
        self._kind: str = ""
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "dl":
            self._kind = values.get("class") or ""
        elif (tag == "dt" and "sig-object" in (values.get("class") or "") and values.get("id")
                and self._kind in ("py class", "py function", "py method")):
            self._current = values["id"]
            self.objects[self._current] = []
        elif tag == "a":
            self._href = values.get("href")
        elif tag == "span" and "viewcode-link" in (values.get("class") or "") and self._current:
            self.objects[self._current].append(self._href or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "dt":
            self._current = None


def _alias(name: str) -> bool:
    """``name`` (``minigrad.nn.MSELoss.function``) is another name for an object defined, and
    linked to its source, elsewhere (``function = staticmethod(F.mse_loss)``)."""
    parts = name.split(".")
    for split in range(len(parts) - 1, 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for attribute in parts[split:]:
            obj = getattr(obj, attribute)
        return getattr(obj, "__qualname__", ".".join(parts[split:])) != ".".join(parts[split:])
    return False


@pytest.mark.parametrize("lang", ["en", "ca"])
def test_every_documented_object_links_to_its_source(site, lang):
    page = site / lang / "api.html"
    parser = ApiPage()
    parser.feed(page.read_text(encoding="utf-8"))
    assert len(parser.objects) > 50, "the API page documents too few objects"
    # minigrad.exp and its kind are made in a loop (minigrad/functions.py) from the Tensor
    # methods, whose own entries link to the source: they have no lines of their own.
    # numpy's dtypes under minigrad's names (minigrad.float32) have no minigrad source either.
    made = {f"minigrad.{n}" for m in ("minigrad.functions", "minigrad.dtypes")
            for n in vars(importlib.import_module(m))} | {"minigrad.bool"}
    missing = [name for name, links in parser.objects.items()
               if not links and not _alias(name) and ".".join(name.split(".")[:2]) not in made]
    assert not missing, f"objects without a [source] link: {missing[:10]}"
    for name, links in parser.objects.items():
        if not links:
            continue
        target = page.parent / urlsplit(links[0]).path
        assert target.is_file(), f"{name}: {links[0]} is not in the site"


def test_the_api_page_documents_the_modules_conf_lists(site):
    text = (site / "en" / "api.html").read_text(encoding="utf-8")
    sys.path.insert(0, str(BOOK))
    try:
        import conf
    finally:
        sys.path.remove(str(BOOK))
    for name in conf.minigrad_api_modules:
        assert f'id="api-{name.replace(".", "-").replace("_", "-")}"' in text, f"no section for {name}"


def test_a_module_that_cannot_be_imported_stops_the_build(tmp_path):
    pytest.importorskip("sphinx")
    (tmp_path / "conf.py").write_text(
        f"import sys\nsys.path[:0] = [{str(BOOK / '_ext')!r}, {str(BOOK.parent)!r}]\n"
        "extensions = ['sphinx.ext.autodoc', 'minigrad_book']\n"
        "minigrad_api_modules = ['minigrad', 'minigrad.no_such_module']\n")
    (tmp_path / "index.rst").write_text("API\n===\n\n.. minigrad-api::\n")
    build = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(tmp_path),
                            str(tmp_path / "_build")], capture_output=True, text=True)
    assert build.returncode != 0
    assert "'minigrad.no_such_module', which cannot be imported" in build.stdout + build.stderr
