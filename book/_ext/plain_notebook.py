"""The .ipynb downloads in Markdown that plain Jupyter shows as the book does.

Jupyter renders CommonMark with HTML and ``$math$``, and none of MyST's directives or roles, so a
chapter's notebook would show ```` ```{literalinclude} ```` where the book shows the exercise's
code. Every Markdown cell is rewritten, after its translation, as:

* ```` ```{literalinclude} path ```` (with ``:pyobject:``, ``:lines:``…, read by Sphinx's own
  reader) → a fenced code block holding the included code;
* an admonition (```` ```{admonition} Title ````, ```` ```{note} ````…) → a blockquote that opens
  with its title in bold (the edition's word for "Note" when it has none);
* ```` ```{dropdown} Title ```` → ``<details><summary>Title</summary>…</details>``, closed unless
  the dropdown is ``:open:``;
* ``{doc}`text <page>``` → ``[text](page.ipynb)`` (``page.html`` for a page that is not a
  notebook), ``{doc}`page``` with the page's title as text; any other role → its text as code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx.directives.code import LiteralIncludeReader
from sphinx.locale import admonitionlabels

ROLE = re.compile(r"\{([\w:-]+)\}`([^`]+)`")
EXPLICIT_TARGET = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.DOTALL)
# Directives whose fence holds nothing a reader sees in a notebook.
DROPPED = {"toctree"}


class Page:
    """What rewriting one page's Markdown needs to know about the book."""

    def __init__(self, source: Path, config: Any, title: Callable[[str], str],
                 is_notebook: Callable[[str], bool]) -> None:
        self.source = source            # the page's .md file, for relative includes
        self.config = config
        self.title = title              # page name, relative to this page → its title
        self.is_notebook = is_notebook  # page name, relative to this page → has a .ipynb


def _options(body: str) -> tuple[dict[str, str], str]:
    """A directive body's leading ``:key: value`` lines, and the rest of the body."""
    lines = body.split("\n")
    options: dict[str, str] = {}
    n = 0
    while n < len(lines) and (match := re.match(r"\s*:([\w-]+):\s*(.*)$", lines[n])):
        options[match[1]] = match[2].strip()
        n += 1
    return options, "\n".join(lines[n:])


def _fence(code: str, info: str = "") -> list[str]:
    ticks = "`" * max(3, max((len(m) for m in re.findall(r"`{3,}", code)), default=0) + 1)
    return [f"{ticks}{info}", *code.rstrip("\n").split("\n"), ticks]


def _directive(name: str, argument: str, body: str, page: Page, md) -> list[str] | None:
    """The Markdown lines that stand for one directive (None: leave it as written)."""
    options, body = _options(body)
    if name in DROPPED:
        return []
    if name == "literalinclude":
        path = (page.source.parent / argument).resolve()
        code, _ = LiteralIncludeReader(path, options, page.config).read()
        return _fence(code, options.get("language", ""))
    if name in ("code-block", "code", "sourcecode"):
        return _fence(body, argument)
    inner = plain_markdown(body, page, md).strip("\n").split("\n")
    if name == "dropdown":
        opening = "<details open>" if "open" in options else "<details>"
        return [opening, f"<summary>{argument}</summary>", "", *inner, "", "</details>"]
    title = argument if name == "admonition" else str(admonitionlabels.get(name, ""))
    if name == "admonition" or name in admonitionlabels:
        lines = [f"**{title}**", "", *inner] if title else inner
        return [f"> {line}" if line else ">" for line in lines]
    return None


def _link(role: str, text: str, page: Page) -> str:
    if role != "doc":
        return f"`{text}`"
    match = EXPLICIT_TARGET.match(text)
    label, target = (match[1], match[2]) if match else (None, text)
    suffix = ".ipynb" if page.is_notebook(target) else ".html"
    return f"[{label or page.title(target)}]({target}{suffix})"


def plain_markdown(text: str, page: Page, md) -> str:
    """``text`` (MyST Markdown) as CommonMark that Jupyter shows as the book does (see above).

    ``md`` is MyST's markdown-it parser, which tells directives from plain code fences.
    """
    lines = text.split("\n")
    out: list[str] = []
    done = 0  # lines[:done] are in out
    code_lines: set[int] = set()  # lines of code kept as written: roles there are not roles
    for token in md.parse(text):
        if token.type not in ("fence", "colon_fence", "code_block") or not token.map:
            continue
        first, end = token.map
        if first < done:
            continue  # inside a directive already rewritten
        name, _, argument = token.info.partition("}")
        replacement = None
        if token.type != "code_block" and name.startswith("{"):
            replacement = _directive(name[1:], argument.strip(), token.content, page, md)
        if replacement is None:
            code_lines.update(range(len(out) + first - done, len(out) + end - done))
            continue
        head = lines[first]
        indent = head[:len(head) - len(head.lstrip())]
        out += lines[done:first]
        out += [indent + line if line else line for line in replacement]
        done = end
    out += lines[done:]
    # Roles may span lines, so they are replaced in each run of lines outside kept code.
    runs: list[tuple[bool, list[str]]] = []
    for i, line in enumerate(out):
        if runs and runs[-1][0] == (i in code_lines):
            runs[-1][1].append(line)
        else:
            runs.append((i in code_lines, [line]))
    return "\n".join("\n".join(run) if code else
                     ROLE.sub(lambda m: _link(m[1], m[2], page), "\n".join(run))
                     for code, run in runs)
