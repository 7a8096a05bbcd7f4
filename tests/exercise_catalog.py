"""The exercises that exercises/ holds, read from the source of its graders.

Shared by the tests that prove the graders and the test that checks the book refers to every
exercise. The reading itself is the grading package's (``exercises/grading/catalog.py``, which
``python -m exercises.grade_class`` uses too); this module adds what only the tests need.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"
SOLUTIONS = EXERCISES / "solutions"
sys.path.insert(0, str(EXERCISES))  # the grading package, as the graders import it

from grading.catalog import Exercise, exercises  # noqa: E402

__all__ = ["EXERCISES", "Exercise", "ROOT", "SOLUTIONS", "exercises", "string_constant",
           "top_level_functions"]


def top_level_functions(path: Path) -> set[str]:
    """Names of the functions a module defines at its top level (read, not imported)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


def string_constant(path: Path, name: str) -> str | None:
    """The value of ``NAME = "..."`` at the top level of a module, if it has one."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if (isinstance(node, ast.Assign) and [ast.unparse(t) for t in node.targets] == [name]
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
            return node.value.value
    return None
