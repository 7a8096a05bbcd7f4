"""A page that reads other files is executed again when they change (book/_ext/cache_inputs.py)."""

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

pytest.importorskip("sphinx")
pytest.importorskip("myst_nb")
import nbformat  # noqa: E402
from jupyter_cache import get_cache  # noqa: E402
from jupyter_cache.base import CacheBundleIn  # noqa: E402

BOOK = Path(__file__).resolve().parents[1] / "book"
sys.path.insert(0, str(BOOK / "_ext"))
import cache_inputs  # noqa: E402

PAGE = "chapters/reader"


def fake_build(tmp_path):
    """A book folder whose page ``chapters/reader`` reads ``chapters/*.txt``, with a cached notebook
    executed in another checkout (a copied cache), and the app and environment Sphinx would pass."""
    src = tmp_path / "book"
    (src / "chapters").mkdir(parents=True)
    (src / "chapters" / "a.txt").write_text("one")
    cache_path = tmp_path / "cache"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(1)")])
    get_cache(str(cache_path)).cache_notebook_bundle(
        CacheBundleIn(notebook, "/elsewhere/book/chapters/reader.md"), check_validity=False)
    config = SimpleNamespace(nb_execution_mode="cache", nb_execution_cache_path=str(cache_path),
                             minigrad_cache_inputs={PAGE: ["chapters/*.txt"]})
    app = SimpleNamespace(srcdir=str(src), config=config)
    env = SimpleNamespace(found_docs={PAGE, "chapters/other"})
    return src, cache_path, app, env


def records(cache_path):
    return len(get_cache(str(cache_path)).list_cache_records())


def build(app, env):
    """What Sphinx does with the extension: ask for outdated pages, read them, update the env."""
    reread = cache_inputs.outdated(app, env, set(), set(), set())
    cache_inputs.stamp(app, env)
    return reread


def test_a_page_is_executed_again_only_when_its_inputs_change(tmp_path):
    src, cache_path, app, env = fake_build(tmp_path)
    # No stamp yet: the copied record may come from other inputs, so it goes.
    assert build(app, env) == [PAGE] and records(cache_path) == 0
    get_cache(str(cache_path)).cache_notebook_bundle(
        CacheBundleIn(nbformat.v4.new_notebook(), str(src / "chapters/reader.md")),
        check_validity=False)
    assert build(app, env) == [] and records(cache_path) == 1
    (src / "chapters" / "b.txt").write_text("two")
    assert build(app, env) == [PAGE] and records(cache_path) == 0


def test_a_page_read_by_another_build_keeps_its_fresh_record(tmp_path):
    """The gettext build (`make po`) shares the English cache but not the environment: the html
    build must still read the page again, and then use the record that build just made."""
    src, cache_path, app, env = fake_build(tmp_path)
    cache_inputs.write_stamps(cache_path, {PAGE: cache_inputs.inputs_hash(src, ["chapters/*.txt"])})
    env.minigrad_cache_inputs = {PAGE: "the hash of older inputs"}
    assert build(app, env) == [PAGE] and records(cache_path) == 1


def test_the_books_configured_inputs_exist():
    """Every page listed in conf.py exists, and each of its patterns matches files."""
    import re

    conf = (BOOK / "conf.py").read_text(encoding="utf-8")
    inputs = eval(re.search(r"^minigrad_cache_inputs = (\{.*?^\})", conf, re.S | re.M)[1])
    assert inputs
    for page, patterns in inputs.items():
        assert (BOOK / f"{page}.md").is_file(), page
        assert all(any(BOOK.glob(pattern)) for pattern in patterns), (page, patterns)


PAGE_SOURCE = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# A page that reads a file

```{code-cell} python3
print("read:", open("data.txt").read())
```
"""


def test_sphinx_executes_the_page_again_when_its_input_changes(tmp_path):
    """A real build, with myst-nb's cache: the page is executed again only after data.txt changes."""
    from sphinx.application import Sphinx

    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(BOOK / '_ext')!r})\n"
        "extensions = ['myst_nb', 'cache_inputs']\n"
        "nb_execution_mode = 'cache'\n"
        f"nb_execution_cache_path = {str(tmp_path / 'cache')!r}\n"
        "minigrad_cache_inputs = {'page': ['data.txt']}\n"
        "exclude_patterns = ['data.txt']\n")
    (src / "index.md").write_text("# Index\n\n```{toctree}\npage\n```\n")
    (src / "page.md").write_text(PAGE_SOURCE)

    def build(data):
        (src / "data.txt").write_text(data)
        app = Sphinx(str(src), str(src), str(tmp_path / "html"), str(tmp_path / "doctrees"), "html",
                     status=None, warning=None)
        app.build()
        return (tmp_path / "html" / "page.html").read_text(encoding="utf-8")

    assert "read: one" in build("one")
    assert "read: one" in build("one")
    assert "read: two" in build("two")
