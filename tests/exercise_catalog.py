"""The exercises that exercises/ holds, read from the source of its graders.

Shared by the tests that prove the graders and the test that checks the book refers to every
exercise. Reading the source (instead of importing it) means a chapter writer only adds files:
every ``@pytest.mark.exercise("chNN.name")`` in ``exercises/test_chNN_topic.py`` is found.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"
SOLUTIONS = EXERCISES / "solutions"


@dataclass(frozen=True, order=True)
class Exercise:
    id: str       # "ch02.numerical_gradient": the chapter, then the function the learner writes
    module: str   # "ch02_derivatives": exercises/ch02_derivatives.py, graded by test_ch02_derivatives.py

    @property
    def chapter(self) -> str:
        return self.id.split(".")[0]

    @property
    def function(self) -> str:
        return self.id.split(".", 1)[1]

    def __str__(self) -> str:
        return self.id


def exercises() -> list[Exercise]:
    """Every exercise named by a ``pytest.mark.exercise(...)`` in a grader, sorted by id."""
    found = set()
    for grader in sorted(EXERCISES.glob("test_ch*.py")):
        module = grader.stem.removeprefix("test_")
        for node in ast.walk(ast.parse(grader.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "exercise" and ast.unparse(node.func.value) == "pytest.mark"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.add(Exercise(node.args[0].value, module))
    return sorted(found)


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
