"""The book's figures: numbered per chapter, captioned and described in the page's language.

A figure is the image output of a code cell whose metadata gives it a name, a caption and alt
text (book/README.md, "Figures"); MyST-NB wraps the image in a figure node. This extension:

* numbers the figures of each chapter from 1 after the chapter's number (Figure 3.1, 3.2, ...;
  A.1 in the appendix). Sphinx numbers figures per chapter only under a ``:numbered:`` toctree,
  which would also put a second number before the chapter titles, which carry their own; without
  one it counts every figure of the book in a single sequence.
* puts each figure's number and caption after its cell in the downloaded notebooks, where
  plain Jupyter would not show them;
* lets the Catalan edition's check for text left in English see translated alt text: Sphinx's
  Locale transform replaces an image's alt without marking the image translated, so the English
  alt is kept here, before Locale runs, to compare with.

Captions and alt text go through gettext as any paragraph does: Sphinx extracts an image's alt
into the page's .po file, provided the gettext build keeps the image output (conf.py's
``nb_mime_priority_overrides``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform

# chapters/03-perceptron is chapter 3; appendix/... is the appendix, A (the title, "Apèndix" in
# Catalan, is no use: it is translated).
CHAPTER = re.compile(r"chapters/(\d+)-")


def chapter_label(docname: str) -> str | None:
    """The label that prefixes a page's figure numbers: "3" for chapter 3, "A" for the appendix."""
    if docname.startswith("appendix/"):
        return "A"
    match = CHAPTER.match(docname)
    return str(int(match.group(1))) if match else None


def number_per_chapter(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Renumber each chapter's figures (label, 1), (label, 2)... in the order Sphinx found them,
    and name the pages whose numbers changed since the last build, to be written again.

    Runs after Sphinx's TocTreeCollector, which numbered them across the whole book."""
    for docname, by_type in env.toc_fignumbers.items():
        label = chapter_label(docname)
        if label is None:
            continue
        for numbers in by_type.values():
            for i, target in enumerate(sorted(numbers, key=numbers.get), start=1):
                numbers[target] = (label, i)
    previous = getattr(env, "minigrad_fignumbers", {})
    env.minigrad_fignumbers = {docname: {kind: dict(numbers) for kind, numbers in by_type.items()}
                               for docname, by_type in env.toc_fignumbers.items()}
    return [docname for docname, by_type in env.minigrad_fignumbers.items()
            if previous.get(docname) != by_type]


class KeepEnglishAlt(SphinxTransform):
    # Before sphinx.transforms.i18n.Locale (priority 20) translates the alt text.
    default_priority = 19

    def apply(self) -> None:
        for image in self.document.findall(nodes.image):
            if image.get("alt"):
                image["english_alt"] = image["alt"]


def alt_translated(image: nodes.image) -> bool:
    """Whether the Locale transform gave ``image`` alt text other than its English one."""
    return image.get("alt") != image.get("english_alt")


# {numref}`fig-name` or {numref}`title with %s <fig-name>`.
NUMREF = re.compile(r"\{numref\}`(?:([^`<]*?)\s*<)?([^`<>]+)>?`")


def caption_cells(notebook: Any, numbers: dict, figure: str, gettext: Callable[[str], str]) -> None:
    """After each figure's code cell of ``notebook``, a Markdown cell with the figure's number and
    caption, as the page shows them (plain Jupyter does not read a cell's metadata). ``numbers``
    are the page's figure numbers by id, ``figure`` the format of one ("Figure %s"), ``gettext``
    translates a caption into the edition's language."""
    import nbformat

    def number(name: str) -> str | None:
        found = numbers.get(nodes.make_id(name))
        return ".".join(map(str, found)) if found else None

    def reference(match: re.Match) -> str:  # a figure of another page stays a role
        found = number(match.group(2))
        return (match.group(1) or figure) % found if found else match.group(0)

    cells = []
    for cell in notebook.cells:
        cells.append(cell)
        options = cell.get("metadata", {}).get("mystnb", {}).get("figure") or {}
        if cell.cell_type == "code" and options.get("caption") and number(options.get("name", "")):
            caption = NUMREF.sub(reference, gettext(options["caption"]))
            label = figure % number(options["name"])
            cells.append(nbformat.v4.new_markdown_cell(f"**{label}.** {caption}"))
    notebook.cells = cells


def setup(app: Sphinx) -> dict:
    app.add_transform(KeepEnglishAlt)
    # After TocTreeCollector (priority 500) assigned the book-wide numbers.
    app.connect("env-get-updated", number_per_chapter, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
