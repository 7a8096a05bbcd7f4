"""The .ipynb download of every chapter: the Catalan edition's is Catalan, with the same code.

Each page offers its executed notebook (``_sources/<page>.ipynb``). The Catalan one must have its
Markdown translated through the page's .po file, and code cells and outputs identical to the
English one (the code is English by design in both editions). Each edition executes the code
itself (book/conf.py), so the numbers of timings and the pixels of figures, whose numbers the
Catalan kernels write with a decimal comma, may differ; the words may not, except on a page whose
code chooses its data by edition (chapter 10 reads and prints Catalan text in the Catalan one).
"""

from __future__ import annotations

import json
import re
import runpy
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from markdown_it import MarkdownIt

BOOK = Path(__file__).resolve().parents[1]
STUB_HINTS = runpy.run_path(str(BOOK.parent / "exercises" / "grading" / "stub_hints.py")
                            )["STUB_HINTS"]
PAGES = sorted(f"{path.parent.name}/{path.stem}"
               for folder in ("chapters", "appendix") for path in (BOOK / folder).glob("*.md"))


def _notebook(site: Path, lang: str, page: str) -> dict:
    path = site / lang / "_sources" / f"{page}.ipynb"
    assert path.is_file(), f"{lang} edition offers no notebook for {page}: {path} is missing"
    return json.loads(path.read_text(encoding="utf-8"))


def _markdown(notebook: dict) -> list[str]:
    return ["".join(cell["source"]) for cell in notebook["cells"]
            if cell["cell_type"] == "markdown"]


def _catalog(page: str) -> dict[str, str]:
    with open(BOOK / "locales" / "ca" / "LC_MESSAGES" / f"{page}.po", "rb") as po:
        return {m.id: m.string for m in read_po(po) if m.id and m.string}


def _plain(markdown: str) -> str:
    """A msgid's links to chapters as the notebooks write them (book/_ext/plain_notebook.py)."""
    return re.sub(r"\{doc\}`([^`<]*?)\s*<([^`>]+)>`", r"[\1](\2.ipynb)", markdown)


def _title_and_first_paragraph(markdown: str) -> tuple[str, str]:
    """The page title and the first paragraph after it, as Sphinx's msgids write them."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    inline = [t for i, t in enumerate(tokens) if t.type == "inline"
              and tokens[i - 1].type in ("heading_open", "paragraph_open")]
    assert tokens[0].type == "heading_open" and len(inline) >= 2, markdown[:200]
    return tuple(t.content.replace("\n", " ").strip() for t in inline[:2])


def _words(cell: dict) -> list:
    """A code cell as both editions must have it: its source, and its outputs without numbers
    (nor the spaces that align them) and without images.

    A kernel may send one printout in several stream messages, so consecutive ones are joined.
    """
    def words(value: str | list[str]) -> str:
        return re.sub(r"\s+", " ", re.sub(r"[\d.]+", "#", "".join(value)))

    outputs = []
    for out in cell.get("outputs", []):
        if out["output_type"] == "stream" and outputs and outputs[-1][0] == out["name"]:
            outputs[-1] = (out["name"], outputs[-1][1] + "".join(out["text"]))
        elif out["output_type"] == "stream":
            outputs.append((out["name"], "".join(out["text"])))
        else:
            outputs.append((out["output_type"], {mime: words(value) if mime.startswith("text/")
                                                 else None for mime, value in out["data"].items()}
                            if "data" in out else out.get("ename")))
    return [cell["source"], [(kind, words(value) if isinstance(value, str) else value)
                             for kind, value in outputs]]


@pytest.mark.parametrize("page", PAGES)
def test_catalan_notebook_is_translated_and_runs_the_same_code(site, page):
    english, catalan = _notebook(site, "en", page), _notebook(site, "ca", page)
    assert [c["cell_type"] for c in catalan["cells"]] == [c["cell_type"] for c in english["cells"]]
    code = [(en, ca) for en, ca in zip(english["cells"], catalan["cells"])
            if en["cell_type"] == "code"]
    # A page whose code reads the edition from MINIGRAD_BOOK_LANG (chapter 10) works on data in
    # the reader's language, so only its code must be the same.
    per_edition = any("MINIGRAD_BOOK_LANG" in "".join(en["source"]) for en, _ in code)
    for en_cell, ca_cell in code:
        if per_edition:
            assert ca_cell["source"] == en_cell["source"], "code cells must not change"
        else:
            assert _words(ca_cell) == _words(en_cell), "code cells and their outputs must not change"

    en_markdown, ca_markdown = _markdown(english), _markdown(catalan)
    title, paragraph = _title_and_first_paragraph(en_markdown[0])
    catalog = {_plain(msgid): _plain(msgstr) for msgid, msgstr in _catalog(page).items()}
    assert title in catalog and paragraph in catalog, f"{page}.po lacks its title or 1st paragraph"
    assert ca_markdown[0].startswith(f"# {catalog[title]}\n"), ca_markdown[0][:200]
    assert catalog[paragraph] in ca_markdown[0]
    assert title not in ca_markdown[0] and paragraph not in ca_markdown[0]
    # The English edition keeps the English notebook.
    assert en_markdown[0].startswith(f"# {title}\n")


def test_catalan_notebook_translates_every_heading(site):
    """Every heading with a translation in the .po is Catalan in the notebook (and the English
    one is gone), not just the first: all levels, inside and outside directives."""
    page = "chapters/02-derivatives"
    catalog = _catalog(page)
    en_text = "\n".join(_markdown(_notebook(site, "en", page)))
    ca_text = "\n".join(_markdown(_notebook(site, "ca", page)))
    ca_lines = set(ca_text.splitlines())
    en_lines = en_text.splitlines()
    headings = [en_lines[t.map[0]] for t in MarkdownIt("commonmark").parse(en_text)
                if t.type == "heading_open"]  # not the comments of the included code
    assert len(headings) > 3
    for line in headings:
        marks, _, heading = line.partition(" ")
        assert heading in catalog, heading
        assert f"{marks} {catalog[heading]}" in ca_lines, heading
        assert line not in ca_lines, heading
    # The titles of admonitions and dropdowns too.
    assert f"> **{catalog['Learning objectives']}**" in ca_text
    assert f"<summary>{catalog['Solution']}</summary>" in ca_text


@pytest.mark.parametrize("lang", ["en", "ca"])
def test_notebooks_are_plain_jupyter_markdown(site, lang):
    """No MyST markup is left for plain Jupyter to show raw: the included code is inline."""
    for page in PAGES:
        markdown = "\n".join(_markdown(_notebook(site, lang, page)))
        assert "```{" not in markdown and "{doc}`" not in markdown, page
    markdown = "\n".join(_markdown(_notebook(site, lang, "chapters/03-perceptron")))
    stub = (BOOK.parent / "exercises" / "ch03_perceptron.py").read_text(encoding="utf-8")
    solution = (BOOK.parent / "exercises" / "solutions" / "ch03_perceptron.py").read_text(
        encoding="utf-8")
    for code in (stub, solution):  # the exercise's starter code, then its solution
        function = code[code.index("def perceptron_predict"):].split("\n\n\n")[0].rstrip()
        hint = STUB_HINTS["ch03.perceptron_predict"]  # the stub raises it in the page's language
        function = function.replace(f'"{hint["en"]}"', f'"{hint[lang]}"')
        assert f"```python\n{function}\n```" in markdown
    assert markdown.count("<details>") >= 4 and "](02-derivatives.ipynb)" in markdown


@pytest.mark.parametrize("lang", ["en", "ca"])
def test_downloads_save_files_and_match_the_edition(site, lang):
    """Each chapter's download menu saves its files (``download``) and offers the .md source only
    in English, where the page is the source: a Catalan page's .md would be English."""
    for page in PAGES:
        html = (site / lang / f"{page}.html").read_text(encoding="utf-8")
        links = re.findall(r"<a [^>]*href=\"[^\"]*_sources/[^\"]*\"[^>]*>", html)
        suffixes = sorted(re.search(r"_sources/[^\"]*(\.\w+)\"", link)[1] for link in links)
        assert suffixes == ([".ipynb", ".md"] if lang == "en" else [".ipynb"]), (page, suffixes)
        assert all(re.search(r"\sdownload[\s>]", link) for link in links), links
    assert not list((site / "ca" / "_sources").rglob("*.md"))
