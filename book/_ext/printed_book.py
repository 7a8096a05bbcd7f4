"""The printed book: the single-page HTML that ``make pdf`` prints (book/print_book.py).

Sphinx's singlehtml builder puts every chapter where the front page's toctrees stand, that is
inside the front page's last section ("Map of the book"): chapter titles would print as h3 and
the PDF's outline would hold the whole book under that section. Here the chapters come out of
it, one part after another at the top of the document, each part led by its toctree's caption
("Part I — Foundations"), so that each chapter title is an h1 again, as on its own page.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx


def chapters_at_the_top(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.name != "singlehtml" or docname != app.config.root_doc:
        return
    # The captions, translated, from the front page as read (the assembled tree has lost its
    # toctree nodes: each was replaced by the pages it lists).
    captions = [toctree.get("caption") for toctree in
                app.env.get_doctree(docname).findall(addnodes.toctree)]
    wrappers = [node for node in doctree.findall(nodes.compound)
                if "toctree-wrapper" in node["classes"]]
    for caption, wrapper in zip(captions, wrappers, strict=True):
        wrapper.parent.remove(wrapper)
        if caption:
            doctree += nodes.rubric(caption, caption, classes=["minigrad-part"])
        doctree += wrapper


def setup(app: Sphinx) -> dict:
    app.connect("doctree-resolved", chapters_at_the_top)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
