"""The book's figures: numbered per chapter, captioned and described in the page's language.

A figure is the image output of a code cell whose metadata gives it a name, a caption and alt
text (book/README.md, "Figures"); MyST-NB wraps the image in a figure node. This extension:

* numbers the figures of each chapter from 1 after the chapter's number (Figure 3.1, 3.2, ...;
  A.1 in the appendix). Sphinx numbers figures per chapter only under a ``:numbered:`` toctree,
  which would also put a second number before the chapter titles, which carry their own; without
  one it counts every figure of the book in a single sequence.
* lets the Catalan edition's check for text left in English see translated alt text: Sphinx's
  Locale transform replaces an image's alt without marking the image translated, so the English
  alt is kept here, before Locale runs, to compare with.

Captions and alt text go through gettext as any paragraph does: Sphinx extracts an image's alt
into the page's .po file, provided the gettext build keeps the image output (conf.py's
``nb_mime_priority_overrides``).
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform

# "# 3 The perceptron" numbers chapter 3; "# Appendix: ..." is the appendix, A.
CHAPTER_TITLE = re.compile(r"(\d+) |Appendix\b")


def chapter_label(title: str) -> str | None:
    """The label that prefixes a page's figure numbers: "3" for chapter 3, "A" for the appendix."""
    match = CHAPTER_TITLE.match(title)
    if match is None:
        return None
    return match.group(1) or "A"


def number_per_chapter(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Renumber each chapter's figures (label, 1), (label, 2)... in the order Sphinx found them.

    Runs after Sphinx's TocTreeCollector, which numbered them across the whole book."""
    for docname, by_type in env.toc_fignumbers.items():
        title = env.titles.get(docname)
        label = chapter_label(title.astext()) if title is not None else None
        if label is None:
            continue
        for numbers in by_type.values():
            for i, target in enumerate(sorted(numbers, key=numbers.get), start=1):
                numbers[target] = (label, i)
    return []


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


def setup(app: Sphinx) -> dict:
    app.add_transform(KeepEnglishAlt)
    # After TocTreeCollector (priority 500) assigned the book-wide numbers.
    app.connect("env-get-updated", number_per_chapter, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
