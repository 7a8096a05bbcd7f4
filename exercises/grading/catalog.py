"""The exercises that the graders in exercises/ declare, read from their source (not imported).

A chapter writer only adds files: every ``@pytest.mark.exercise("chNN.name", points=N)`` in
``exercises/test_chNN_topic.py`` is found.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

EXERCISES = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, order=True)
class Exercise:
    id: str       # "ch02.numerical_gradient": the chapter, then the function the learner writes
    module: str   # "ch02_derivatives": exercises/ch02_derivatives.py, graded by test_ch02_derivatives.py
    points: int = 1

    @property
    def chapter(self) -> str:
        return self.id.split(".")[0]

    @property
    def function(self) -> str:
        return self.id.split(".", 1)[1]

    def __str__(self) -> str:
        return self.id


def exercises(folder: Path = EXERCISES) -> list[Exercise]:
    """Every exercise named by a ``pytest.mark.exercise(...)`` in a grader, sorted by id."""
    found = set()
    for grader in sorted(folder.glob("test_ch*.py")):
        module = grader.stem.removeprefix("test_")
        for node in ast.walk(ast.parse(grader.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "exercise" and ast.unparse(node.func.value) == "pytest.mark"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                points = next((k.value.value for k in node.keywords if k.arg == "points"
                               and isinstance(k.value, ast.Constant)), 1)
                found.add(Exercise(node.args[0].value, module, points))
    return sorted(found)
