"""Feedback that fits the mistake: values shown at a readable size, and notes on how a wrong
answer differs from the expected one (its type, its shape, which element, how close).

Every function here returns words in every language (``{"en": ..., "ca": ...}``).
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

SHOWN_IN_FULL = 24      # an array with more elements is summarised
EDGE_VALUES = 3         # the first and last values of a summarised array
NEAR = 1e-4             # a relative difference below this is a near miss
OUTPUT_LINES = 30       # captured output shown per failed test


def _words(en: str, ca: str) -> dict[str, str]:
    return {"en": en, "ca": ca}


# A summary's words in each language: a large array, then a long list or tuple of n items.
_ARRAY = {"en": "array of shape {}", "ca": "array de forma {}"}
_ITEMS = {"en": {list: "list of {} items", tuple: "tuple of {} items"},
          "ca": {list: "llista de {} elements", tuple: "tupla de {} elements"}}


def summary(value: Any, lang: str = "en") -> str:
    """``repr(value)``, except a large array or list: its shape, dtype and first and last
    values, described in ``lang`` ("en" or "ca")."""
    if isinstance(value, np.ndarray) and value.size > SHOWN_IN_FULL:
        flat = value.ravel()
        edges = ", ".join(_number(v) for v in flat[:EDGE_VALUES]) + ", ..., " + \
            ", ".join(_number(v) for v in flat[-EDGE_VALUES:])
        return f"{_ARRAY[lang].format(value.shape)}, dtype {value.dtype}: [{edges}]"
    if isinstance(value, (list, tuple)) and len(value) > SHOWN_IN_FULL:
        kind = _ITEMS[lang][list if isinstance(value, list) else tuple]
        head = ", ".join(repr(v) for v in value[:EDGE_VALUES])
        tail = ", ".join(repr(v) for v in value[-EDGE_VALUES:])
        return f"{kind.format(len(value))}: [{head}, ..., {tail}]"
    return repr(value)


def _number(v: Any) -> str:
    return repr(v.item()) if isinstance(v, np.generic) else repr(v)


def _is_number(v: Any) -> bool:
    return isinstance(v, (numbers.Real, np.number)) and not isinstance(v, (bool, np.bool_))


def notes(got: Any, expected: Any) -> list[dict[str, str]]:
    """What the learner should know about how ``got`` differs from ``expected``."""
    if isinstance(expected, dict) or isinstance(got, dict):
        return []  # described in words by the grader
    if isinstance(expected, np.ndarray):
        return _array_notes(got, expected)
    if isinstance(expected, (tuple, list)) and isinstance(got, (tuple, list)):
        return _element_notes(got, expected)
    if _is_number(expected):
        if isinstance(got, (bool, np.bool_)):
            return [_words(f"{got} is a bool (True/False), not a number: return the number "
                           f"itself (e.g. a count or a float), not a comparison.",
                           f"{got} és un booleà (True/False), no un nombre: retorna el nombre "
                           f"(per exemple un recompte o un float), no una comparació.")]
        if isinstance(got, np.ndarray) and got.size == 1:
            return [_words("This is an array holding one number: return the number itself "
                           "(float(...) or .item()).",
                           "Això és un array amb un sol nombre: retorna el nombre "
                           "(float(...) o .item()).")]
        if _is_number(got):
            return _near(np.array(float(got)), np.array(float(expected)))
    return []


def _element_notes(got: Any, expected: Any) -> list[dict[str, str]]:
    """Which returned element is wrong, for a tuple or list of results such as (w, b)."""
    if len(got) != len(expected):
        return [_words(f"{len(got)} values returned where {len(expected)} were expected.",
                       f"S'han retornat {len(got)} valors on se n'esperaven {len(expected)}.")]
    for i, (g, e) in enumerate(zip(got, expected)):
        same = (_is_number(g) and _is_number(e) and abs(float(g) - float(e))
                <= 1e-9 * (1 + abs(float(e)))) or (type(g) is type(e) and _equal(g, e))
        if not same:
            return [_words(f"The first wrong value is element [{i}] of what you returned: "
                           f"{summary(g)} where {summary(e)} was expected.",
                           f"El primer valor incorrecte és l'element [{i}] del que has "
                           f"retornat: {summary(g, 'ca')} on s'esperava {summary(e, 'ca')}.")]
    return []


def _equal(a: Any, b: Any) -> bool:
    try:
        return bool(np.array_equal(a, b)) if isinstance(a, np.ndarray) else bool(a == b)
    except (TypeError, ValueError):
        return False


def _array_notes(got: Any, expected: np.ndarray) -> list[dict[str, str]]:
    if isinstance(got, (list, tuple)):
        return [_words(f"This is a {type(got).__name__}: return a numpy array "
                       f"(np.array(...) of it, or build it with numpy).",
                       f"Això és un {type(got).__name__}: retorna un array de numpy "
                       f"(aplica-hi np.array(...) o construeix-lo amb numpy).")]
    if not isinstance(got, np.ndarray):
        return []
    if got.dtype == bool and expected.dtype != bool:
        return [_words("The array holds True/False values: numbers were expected. Did you "
                       "return a comparison (==, <) instead of the values?",
                       "L'array conté valors True/False, però s'esperaven nombres. Potser has "
                       "retornat una comparació (==, <) en lloc dels valors?")]
    if got.shape != expected.shape:
        return [_words(f"Shape {got.shape} where {expected.shape} was expected.",
                       f"Forma {got.shape} on s'esperava {expected.shape}.")]
    if not (np.issubdtype(got.dtype, np.number) and np.issubdtype(expected.dtype, np.number)):
        return []
    result = [] if got.size <= 1 else _first_difference(got, expected)
    return result + _near(got, expected)


def _first_difference(got: np.ndarray, expected: np.ndarray) -> list[dict[str, str]]:
    with np.errstate(all="ignore"):
        wrong = ~np.isclose(got.astype(float), expected.astype(float), rtol=1e-9, atol=1e-12,
                            equal_nan=True)
    if not wrong.any():
        return []
    index = tuple(int(i) for i in np.argwhere(wrong)[0])
    where = f"[{', '.join(map(str, index))}]"
    n, total = int(wrong.sum()), wrong.size
    g, e = _number(got[index]), _number(expected[index])
    return [_words(f"{n} of {total} elements differ; the first is at {where}: {g} where {e} "
                   f"was expected.",
                   f"{n} de {total} elements són diferents; el primer és a {where}: {g} on "
                   f"s'esperava {e}.")]


def _near(got: np.ndarray, expected: np.ndarray) -> list[dict[str, str]]:
    """A near miss: right up to a small relative difference, with its likely cause."""
    got64, expected64 = got.astype(float), expected.astype(float)
    if not (np.all(np.isfinite(got64)) and np.all(np.isfinite(expected64))):
        return []
    scale = np.maximum(np.abs(expected64), 1e-300)
    relative = float(np.max(np.abs(got64 - expected64) / scale)) if got.size else 0.0
    if relative == 0.0 or relative >= NEAR:
        return []
    if got.dtype == np.float32:
        why_en = ("Your result is float32 (a Tensor's .data is float32): compute in float64, "
                  "e.g. with np.asarray(x, dtype=float).")
        why_ca = ("El teu resultat és float32 (el .data d'un Tensor és float32): calcula en "
                  "float64, per exemple amb np.asarray(x, dtype=float).")
    else:
        why_en = ("A rounding, a step size or an approximate formula (e.g. a finite difference "
                  "instead of the exact expression) can cause it.")
        why_ca = ("Un arrodoniment, una mida de pas o una fórmula aproximada (per exemple una "
                  "diferència finita en lloc de l'expressió exacta) en poden ser la causa.")
    return [_words(f"Close: off by a relative {relative:.1e}, more than allowed. {why_en}",
                   f"Gairebé: hi ha una diferència relativa de {relative:.1e}, més gran que la "
                   f"que s'admet. {why_ca}")]


def capped(text: str, lines: int = OUTPUT_LINES) -> tuple[str, int]:
    """``text`` cut to its first ``lines`` lines, and how many lines were left out."""
    all_lines = text.splitlines()
    if len(all_lines) <= lines:
        return text, 0
    return "\n".join(all_lines[:lines]), len(all_lines) - lines
