"""Chapter 1 exercises: learning a line from examples, by trial and improvement.

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch01_learning.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch01_learning.py    # comentaris en català

Plain Python is enough: lists of numbers, loops and arithmetic.
"""

from __future__ import annotations


def mean_squared_error(w: float, b: float, xs: list[float], ys: list[float]) -> float:
    """The loss of the line y_hat = w·x + b on the examples (xs[i], ys[i]): given, not an exercise.

    The chapter's mean squared error, written with a loop; ``improve`` below uses it.
    (L'error quadràtic mitjà del capítol, escrit amb un bucle; ja està fet.)
    """
    total = 0.0
    for x, y in zip(xs, ys):
        total += (w * x + b - y) ** 2
    return total / len(xs)


def best_intercept(w: float, xs: list[float], ys: list[float]) -> float:
    """The intercept b that gives the line y_hat = w·x + b, of the fixed slope w, its smallest loss.

    Derive it on paper, then return it exactly (to many decimals): no search, no trial and
    improvement. It is the floor of the valley on the chapter's map, for this w.
    (L'ordenada a l'origen b que fa mínima la pèrdua amb el pendent w fix; dedueix-la.)
    """
    raise NotImplementedError("with w fixed, L is a curve in b alone: which curve, lowest where?")


def improve(w: float, b: float, xs: list[float], ys: list[float], step: float
            ) -> tuple[float, float]:
    """One round of trial and improvement: the best of (w, b) and its four nudges.

    Try the five lines (w, b), (w + step, b), (w - step, b), (w, b + step) and
    (w, b - step), and return the (w, b) whose mean squared error is the smallest.
    When no nudge is strictly better, return (w, b) unchanged.
    (Prova els quatre retocs de mida ``step`` i retorna la millor de les cinc rectes.)
    """
    raise NotImplementedError("score the 5 lines with mean_squared_error; a tie keeps (w, b)")


def fit_line(xs: list[float], ys: list[float], rounds: int = 200, step: float = 1.0
             ) -> tuple[float, float]:
    """Learn w and b from the examples, starting from w = b = 0.

    Call ``improve`` ``rounds`` times. Whenever a round changes nothing, halve ``step``:
    the line is already the best within reach of this step, so try finer nudges.
    Return the final (w, b).
    (Comença a w = b = 0, crida ``improve`` ``rounds`` vegades i parteix ``step`` per la
    meitat cada cop que una ronda no canvia res.)
    """
    raise NotImplementedError("call improve() `rounds` times; halve step when (w, b) did not move")
