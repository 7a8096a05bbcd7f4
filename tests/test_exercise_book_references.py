"""The book and exercises/ agree: every exercise is in its chapter, in English and in Catalan.

The convention (exercises/README.md): a chapter ``book/chapters/NN-*.md`` presents exercise
``chNN.name`` with

* the stub, ``literalinclude`` of ``../../exercises/chNN_topic.py`` with ``:pyobject: name``;
* the grading command in a sentence: ``pytest exercises/test_chNN_topic.py -m chNN.name``
  (a sentence, unlike a code block, is extracted into the chapter's Catalan .po file);
* the solution, ``literalinclude`` of ``../../exercises/solutions/chNN_topic.py``, same
  ``:pyobject:``, in a dropdown.

In Catalan, the .po entry holding the grading sentence must be translated and keep the command.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

import pytest

from exercise_catalog import EXERCISES, ROOT, SOLUTIONS, exercises, top_level_functions

BOOK = ROOT / "book"
CATALAN = BOOK / "locales" / "ca" / "LC_MESSAGES"
COMMAND = re.compile(r"pytest exercises/test_(\w+)\.py -m (ch\d\d\.\w+)")
INCLUDE = re.compile(r"^[`:]{3,}\{literalinclude\}\s+(\S+)\s*\n((?:\s*:[\w-]+:.*\n)*)", re.M)
ALL = exercises()


def _load_po_parser():
    # The book's translation gate already parses .po files; reuse it rather than copy it.
    spec = importlib.util.spec_from_file_location("check_translations",
                                                  BOOK / "check_translations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module.parse_po


parse_po = _load_po_parser()


def chapters() -> list[Path]:
    return sorted(p for p in BOOK.rglob("*.md") if "_build" not in p.parts)


def commands(text: str) -> set[tuple[str, str]]:
    """(module, exercise id) of every grading command in ``text``, even if wrapped over lines."""
    return set(COMMAND.findall(" ".join(text.split())))


def includes(md: Path) -> list[tuple[Path, str | None]]:
    """(resolved file, :pyobject: or None) of every literalinclude in a chapter."""
    found = []
    for path, options in INCLUDE.findall(md.read_text(encoding="utf-8")):
        pyobject = re.search(r":pyobject:\s*(\S+)", options)
        found.append(((md.parent / path).resolve(), pyobject.group(1) if pyobject else None))
    return found


def includable(path: Path) -> set[str]:
    """What ``:pyobject:`` can name in a module: its functions, its classes and their methods."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    methods = {f"{node.name}.{item.name}" for node in classes
               for item in node.body if isinstance(item, ast.FunctionDef)}
    return top_level_functions(path) | methods | {node.name for node in classes}


def chapter_of(exercise) -> Path:
    number = exercise.chapter.removeprefix("ch")
    matches = list((BOOK / "chapters").glob(f"{number}-*.md"))
    assert len(matches) == 1, f"{exercise}: expected one book/chapters/{number}-*.md, got {matches}"
    return matches[0]


@pytest.mark.parametrize("exercise", ALL, ids=str)
def test_each_exercise_is_presented_in_its_chapter(exercise):
    md = chapter_of(exercise)
    rel = md.relative_to(ROOT)
    command = f"pytest exercises/test_{exercise.module}.py -m {exercise.id}"
    assert (exercise.module, exercise.id) in commands(md.read_text(encoding="utf-8")), \
        f"{rel} must give the grading command `{command}` in a sentence"
    shown = includes(md)
    for folder, what in ((EXERCISES, "stub"), (SOLUTIONS, "solution")):
        target = (folder / f"{exercise.module}.py").resolve()
        assert (target, exercise.function) in shown, (
            f"{rel} must show the {what}: a literalinclude of "
            f"{target.relative_to(ROOT)} with :pyobject: {exercise.function}")


def test_every_exercise_the_book_names_exists():
    known = {(ex.module, ex.id) for ex in ALL}
    for md in chapters():
        rel = md.relative_to(ROOT)
        for module, exercise in commands(md.read_text(encoding="utf-8")):
            assert (module, exercise) in known, \
                f"{rel} grades {exercise} with test_{module}.py, which has no such exercise"
        for path, pyobject in includes(md):
            if EXERCISES not in path.parents:
                continue
            assert path.is_file(), f"{rel} includes {path}, which does not exist"
            assert pyobject in includable(path), \
                f"{rel} includes {path.relative_to(ROOT)} without a :pyobject: it defines"


@pytest.mark.parametrize("exercise", ALL, ids=str)
def test_each_exercise_is_translated_into_catalan(exercise):
    po = CATALAN / "chapters" / chapter_of(exercise).with_suffix(".po").name
    assert po.is_file(), f"{po.relative_to(ROOT)} is missing: run `make po` and translate it"
    command = f"pytest exercises/test_{exercise.module}.py -m {exercise.id}"
    entries = [e for e in parse_po(po.read_text(encoding="utf-8")) if command in e.msgid]
    assert entries, (f"{po.relative_to(ROOT)} has no entry with `{command}`: "
                     f"run `make po`, then translate the new entries")
    for entry in entries:
        assert entry.translated and not entry.fuzzy and entry.msgstrs[0] != entry.msgid, \
            f"{po.relative_to(ROOT)}: translate {entry.msgid!r}"
        assert command in entry.msgstrs[0], \
            f"{po.relative_to(ROOT)}: the Catalan sentence must keep the command `{command}`"


def test_every_exercise_the_catalan_book_names_exists():
    known = {(ex.module, ex.id) for ex in ALL}
    for po in sorted(CATALAN.rglob("*.po")):
        for entry in parse_po(po.read_text(encoding="utf-8")):
            for found in commands(" ".join(entry.msgstrs)):
                assert found in known, f"{po.relative_to(ROOT)} names unknown exercise {found[1]}"
