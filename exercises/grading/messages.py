"""Every word the grading plugin prints, in English and Catalan.

A text is a ``str.format`` template; graders give their own words as ``{"en": ..., "ca": ...}``.
"""

from __future__ import annotations

from typing import Any

LANGS = ("en", "ca")

MESSAGES = {
    "en": {
        "passed": "passed", "failed": "failed", "not_attempted": "not attempted yet",
        "timeout": "timed out", "error": "could not load", "partial": "partly graded",
        "tried": "tried", "expected": "expected", "got": "got", "hint": "hint",
        "error_label": "error", "where": "where", "line": "line", "note": "note",
        "wrong": "{exercise}: not right yet.",
        "crashed": "{exercise}: your code raised an error.",
        "crash_hint": "Read the last line of the error: it says what went wrong, and 'where' "
                      "shows the line of your code that raised it.",
        "not_attempted_msg": "{exercise}: not attempted yet. `{function}` in {file} still raises "
                             "NotImplementedError: replace that line with your code.",
        "timeout_msg": "{exercise}: your code was still running after {seconds:g} s and was "
                       "stopped. It is probably an infinite loop: a `while` whose condition never "
                       "becomes false, or a function that keeps calling itself.",
        "timeout_printing": "{exercise}: your code was still running after {seconds:g} s and was "
                            "stopped. It had printed {lines} lines by then: printing that much "
                            "is slow. Remove the print calls inside loops (or print far less), "
                            "then grade again; if it still times out, look for a loop that "
                            "never ends.",
        "missing": "{exercise}: {file} has no `{function}`. Keep the name and the parameters of "
                   "the stub, and write your code inside it.",
        "not_loaded": "{file} could not be loaded, so none of its exercises can be graded. "
                      "Fix this first:",
        "still_not_loaded": "{file} could not be loaded (the reason is shown above).",
        "no_file": "{file} does not exist.",
        "not_a_number": "Return a number (a float). Did you forget `return`?",
        "title_learner": "minigrad: grading your exercises",
        "title_solutions": "minigrad: grading the reference solutions",
        "exercise": "exercise", "result": "result", "points": "points",
        "chapter": "chapter", "exercises_passed": "exercises passed",
        "all_passed": "Every graded exercise passes. Well done!",
        "none_selected": "No exercise was selected. The exercises here are: {exercises}. "
                         "Select one with -m and its full name, e.g. `-m {example}`.",
        "start_with": "Next: {function} in {file} (grade only it with "
                      "`pytest {grader} -m {exercise}`).",
        "total": "total",
        "also_failed": "also failed: {details}",
        "same_way_one": "1 more test failed the same way.",
        "same_way_many": "{n} more tests failed the same way.",
        "more_failed_one": "1 more test failed too.",
        "more_failed_many": "{n} more tests failed too.",
        "skip_reason": "same problem as above: {status}",
        "skipped_one": "1 more test of this exercise was skipped: same problem ({status}).",
        "skipped_many": "{n} more tests of this exercise were skipped: same problem ({status}).",
        "output_cut": "... {n} more lines not shown",
        "seed": "Random cases drawn with --grading-seed {seed} (give it to grade the same cases "
                "again).",
        "partial_run": "This run selected only some tests of {exercises} (with -k, --deselect "
                       "or a test's name): a partial run is not a grade. Grade a whole exercise "
                       "with `pytest {grader} -m {exercise}`.",
    },
    "ca": {
        "passed": "superat", "failed": "no superat", "not_attempted": "per fer",
        "timeout": "temps esgotat", "error": "no s'ha pogut carregar",
        "partial": "corregit en part",
        "tried": "s'ha provat", "expected": "s'esperava", "got": "s'ha obtingut", "hint": "pista",
        "error_label": "error", "where": "on", "line": "línia", "note": "nota",
        "wrong": "{exercise}: encara no és correcte.",
        "crash_hint": "Llegeix l'última línia de l'error: diu què ha fallat, i «on» indica la "
                      "línia del teu codi que l'ha provocat.",
        "crashed": "{exercise}: el teu codi ha provocat un error.",
        "not_attempted_msg": "{exercise}: encara per fer. `{function}`, a {file}, encara "
                             "llança NotImplementedError: substitueix aquesta línia pel teu "
                             "codi.",
        "timeout_msg": "{exercise}: el teu codi encara s'executava al cap de {seconds:g} s i "
                       "s'ha aturat. Segurament és un bucle infinit: un `while` la condició del "
                       "qual no deixa mai de ser certa, o una funció que no para de cridar-se a "
                       "si mateixa.",
        "timeout_printing": "{exercise}: el teu codi encara s'executava al cap de {seconds:g} s "
                            "i s'ha aturat. Fins llavors havia escrit {lines} línies: escriure "
                            "tant és lent. Treu els print de dins dels bucles (o escriu-ne "
                            "molt menys) i torna a corregir; si encara s'esgota el temps, "
                            "busca un bucle que no s'acaba mai.",
        "missing": "{exercise}: {file} no té `{function}`. Mantén el nom i els paràmetres de "
                   "l'esquelet i escriu el teu codi a dins.",
        "not_loaded": "No s'ha pogut carregar {file}, i per tant no se'n pot corregir cap "
                      "exercici. Arregla això primer:",
        "still_not_loaded": "No s'ha pogut carregar {file} (el motiu es mostra més amunt).",
        "no_file": "{file} no existeix.",
        "not_a_number": "Retorna un nombre (un float). Potser t'has oblidat el `return`?",
        "title_learner": "minigrad: correcció dels teus exercicis",
        "title_solutions": "minigrad: correcció de les solucions de referència",
        "exercise": "exercici", "result": "resultat", "points": "punts",
        "chapter": "capítol", "exercises_passed": "exercicis superats",
        "all_passed": "Tots els exercicis corregits estan superats. Molt bé!",
        "none_selected": "No s'ha seleccionat cap exercici. Els exercicis d'aquí són: "
                         "{exercises}. Tria'n un amb -m i el nom complet, per exemple "
                         "`-m {example}`.",
        "start_with": "Següent pas: {function}, a {file} (corregeix només aquest exercici "
                      "amb `pytest {grader} -m {exercise} --lang ca`).",
        "total": "total",
        "also_failed": "també ha fallat: {details}",
        "same_way_one": "1 prova més ha fallat de la mateixa manera.",
        "same_way_many": "{n} proves més han fallat de la mateixa manera.",
        "more_failed_one": "1 prova més també ha fallat.",
        "more_failed_many": "{n} proves més també han fallat.",
        "skip_reason": "el mateix problema que a dalt: {status}",
        "skipped_one": "S'ha omès 1 prova més d'aquest exercici pel mateix problema ({status}).",
        "skipped_many": "S'han omès {n} proves més d'aquest exercici pel mateix problema "
                        "({status}).",
        "output_cut": "... {n} línies més que no es mostren",
        "seed": "Casos aleatoris generats amb --grading-seed {seed} (torna a indicar aquesta "
                "llavor per corregir els mateixos casos).",
        "partial_run": "Aquesta execució només ha seleccionat algunes proves de {exercises} "
                       "(amb -k, --deselect o el nom d'una prova): una correcció parcial no és "
                       "una nota. Corregeix un exercici sencer amb `pytest {grader} -m "
                       "{exercise} --lang ca`.",
    },
}


def text(lang: str, key: str, **fields: Any) -> str:
    """The message ``key`` in ``lang``, filled in."""
    return MESSAGES[lang][key].format(**fields)


def count_text(lang: str, key: str, n: int, **fields: Any) -> str:
    """``key_one`` or ``key_many``, for a count of ``n`` things."""
    return text(lang, f"{key}_one" if n == 1 else f"{key}_many", n=n, **fields)


def both(key: str, **fields: Any) -> dict[str, str]:
    """The message ``key`` in every language, as a grader's words are given."""
    return {lang: text(lang, key, **fields) for lang in LANGS}


def validate(words: Any) -> None:
    """Refuse words that are not given in every language."""
    # Checked on every call, so running the solutions proves that all the words are bilingual.
    if not isinstance(words, dict) or any(not words.get(lang) for lang in LANGS):
        raise TypeError(f"a grader's words must be {{'en': ..., 'ca': ...}}, got {words!r}")
