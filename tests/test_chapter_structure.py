"""Every chapter has the same parts, in the same order (issue 16): its title, the learning
objectives, the explanation in sections, at least one captioned figure, the summary, and the
exercises last, at least two of them graded, each with its stub, its solution in a collapsed
dropdown and the exact command that grades it. The appendix has the same parts but the
exercises: it ends with its summary and then "Where to go next", the book's last words.

It reads the English MyST sources: the Catalan edition is built from them through the .po files,
so it has the same parts (book/tests/test_figures.py checks the built figures in both editions).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

BOOK = Path(__file__).resolve().parents[1] / "book"
CHAPTERS = sorted((BOOK / "chapters").glob("*.md"))
APPENDICES = sorted((BOOK / "appendix").glob("*.md"))
FENCE = re.compile(r"^(`{3,}|:{3,})")


def _outside_code(text: str) -> list[tuple[int, str]]:
    """The lines that are not inside a code cell, with their line numbers: a `# comment` in a code
    cell is not a heading."""
    lines, code_fence = [], None
    for number, line in enumerate(text.splitlines(), 1):
        if code_fence:
            if line.startswith(code_fence) and line.strip() == code_fence:
                code_fence = None
            continue
        if line.startswith("```{code-cell}"):
            code_fence = FENCE.match(line).group(1)
            continue
        lines.append((number, line))
    return lines


def _sections(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [(number, line[3:].strip()) for number, line in lines if line.startswith("## ")]


def _check_parts(path: Path, closing: list[str]) -> None:
    """One title, then the learning objectives, then at least three sections of explanation with
    a captioned figure, then the sections ``closing`` (the summary first)."""
    text = path.read_text(encoding="utf-8")
    lines = _outside_code(text)
    titles = [number for number, line in lines if line.startswith("# ")]
    sections = _sections(lines)
    assert len(titles) == 1, f"{path.name}: one title (# ...), found {len(titles)}"
    objectives = [number for number, line in lines if line.startswith("```{admonition} Learning objectives")]
    assert len(objectives) == 1, f"{path.name}: one 'Learning objectives' admonition"
    assert titles[0] < objectives[0] < sections[0][0], (
        f"{path.name}: the learning objectives come after the title, before the first section")
    names = [name for _, name in sections]
    assert names[-2:] == closing, (
        f"{path.name}: the last two sections must be {closing}, found {names[-2:]}")
    assert len(names) >= 5, f"{path.name}: the explanation has at least three sections: {names}"
    summary_at = sections[-2][0]
    captions = len(re.findall(r"^  figure:\n    name: fig-[\w-]+\n    caption: ", text, re.M))
    assert captions >= 1, f"{path.name}: at least one figure with a name and a caption"
    assert "caption:" not in "\n".join(text.splitlines()[summary_at:]), (
        f"{path.name}: the figures belong to the explanation, before the summary")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_chapter_has_objectives_explanation_figures_summary_and_exercises(path):
    _check_parts(path, ["Summary", "Exercises"])


@pytest.mark.parametrize("path", APPENDICES, ids=lambda path: path.stem)
def test_appendix_has_objectives_explanation_figures_summary_and_what_next(path):
    # No exercises: the appendix maps minigrad onto libraries the book does not install.
    _check_parts(path, ["Summary", "Where to go next"])


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_exercises_are_graded_with_stub_collapsed_solution_and_command(path):
    text = path.read_text(encoding="utf-8")
    exercises = text.split("\n## Exercises\n", 1)[1]
    stem = path.stem.split("-")[0]
    blocks = re.split(r"^### Exercise ", exercises, flags=re.M)[1:]
    graded = [block for block in blocks if "literalinclude} ../../exercises/solutions/" in block]
    assert len(graded) >= 2, f"{path.name}: at least two graded exercises, found {len(graded)}"
    for block in graded:
        title = block.splitlines()[0]
        stub = re.search(rf"```{{literalinclude}} \.\./\.\./exercises/ch{stem}_\w+\.py\n", block)
        solution = re.search(r"````\{dropdown\} Solution\n```\{literalinclude\} "
                             r"\.\./\.\./exercises/solutions/", block)
        command = re.search(rf"Grade it with `pytest exercises/test_ch{stem}_\w+\.py -m ch{stem}\.\w+`",
                            block)
        assert stub, f"{path.name}, exercise {title}: its stub, by literalinclude"
        assert solution, f"{path.name}, exercise {title}: its solution in a collapsed dropdown"
        assert command, f"{path.name}, exercise {title}: the exact command that grades it"
        assert stub.start() < solution.start(), f"{path.name}, exercise {title}: stub first"
    # A solution is never printed in the chapter outside its dropdown.
    outside = re.sub(r"````\{dropdown\}.*?\n````\n", "", text, flags=re.S)
    assert "exercises/solutions/" not in outside, (
        f"{path.name}: a solution is included outside its collapsed dropdown")
