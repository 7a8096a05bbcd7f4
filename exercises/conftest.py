"""The grading plugin: turns pytest into a patient teacher for the exercises in this folder.

Graders (``test_chNN_topic.py``) use two fixtures:

* ``submission`` — the module being graded, loaded afresh for every test from
  ``exercises/chNN_topic.py`` (the learner's stubs), or from
  ``exercises/solutions/`` with ``--solutions``, or from ``--submission-dir DIR``.
* ``grade`` — ``grade.trying("code that was run")`` records the input, then
  ``grade.close(got, expected, hint=...)`` / ``grade.check(ok, expected=..., got=..., hint=...)``
  fail with *tried / expected / got / hint*. A hint is ``{"en": "...", "ca": "..."}``; so is an
  expected or got value described in words rather than given as a value.

Each grader test carries ``@pytest.mark.exercise("chNN.name", points=1)``; the
plugin also marks it ``chNN`` and ``chNN.name`` so ``-m chNN.name`` selects it.
Feedback is in English, or Catalan with ``--lang ca`` / ``MINIGRAD_LANG=ca``: an exercise's
first failure in full and its later ones in a line each; after a timeout, the exercise's other
tests are skipped; an untouched stub is "not attempted yet", with the hint its
``raise NotImplementedError("...")`` gives; the grading table comes last.
"""

from __future__ import annotations

import importlib.util
import json
import math
import numbers
import os
import re
import sys
import textwrap
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
GRADING_TIMEOUT = 10.0  # seconds per test; `--timeout N` or @pytest.mark.timeout(N) overrides it
EXERCISE_ID = re.compile(r"^(ch\d{2})\.[a-z_][a-z0-9_]*$")
# Worst first: an exercise takes the worst status among its tests.
STATUSES = ("error", "timeout", "failed", "not_attempted", "passed")
# pytest's own default for -r: a grading run drops its list of FAILED/ERROR node ids, which would
# come after the grading table and repeat what the table says.
PYTEST_DEFAULT_REPORTCHARS = "fE"
ALSO_FAILED_LINES = 3  # later failures of an exercise shown in one line each; the rest counted

MESSAGES = {
    "en": {
        "passed": "passed", "failed": "failed", "not_attempted": "not attempted yet",
        "timeout": "timed out", "error": "could not load",
        "tried": "tried", "expected": "expected", "got": "got", "hint": "hint",
        "error_label": "error", "where": "where", "line": "line",
        "wrong": "{exercise}: not right yet.",
        "crashed": "{exercise}: your code raised an error.",
        "crash_hint": "Read the last line of the error: it says what went wrong, and 'where' "
                      "shows the line of your code that raised it.",
        "not_attempted_msg": "{exercise}: not attempted yet. `{function}` in {file} still raises "
                             "NotImplementedError: replace that line with your code.",
        "timeout_msg": "{exercise}: your code was still running after {seconds:g} s and was "
                       "stopped. It is probably an infinite loop: a `while` whose condition never "
                       "becomes false, or a function that keeps calling itself.",
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
        "no_timeout": "pytest-timeout is not installed: an infinite loop will not be stopped. "
                      "Run `make test` to set up .venv, then grade with .venv's pytest.",
    },
    "ca": {
        "passed": "superat", "failed": "no superat", "not_attempted": "per fer",
        "timeout": "temps esgotat", "error": "no s'ha pogut carregar",
        "tried": "s'ha provat", "expected": "s'esperava", "got": "s'ha obtingut", "hint": "pista",
        "error_label": "error", "where": "on", "line": "línia",
        "wrong": "{exercise}: encara no és correcte.",
        "crash_hint": "Llegeix l'última línia de l'error: diu què ha fallat, i 'on' indica la "
                      "línia del teu codi que l'ha provocat.",
        "crashed": "{exercise}: el teu codi ha provocat un error.",
        "not_attempted_msg": "{exercise}: encara per fer. `{function}`, a {file}, encara "
                             "llança NotImplementedError: substitueix aquesta línia pel teu "
                             "codi.",
        "timeout_msg": "{exercise}: el teu codi encara s'executava al cap de {seconds:g} s i "
                       "s'ha aturat. Segurament és un bucle infinit: un `while` la condició del "
                       "qual no deixa mai de ser certa, o una funció que no para de cridar-se a "
                       "si mateixa.",
        "missing": "{exercise}: {file} no té `{function}`. Mantén el nom i els paràmetres de "
                   "l'esquelet i escriu el teu codi a dins.",
        "not_loaded": "No s'ha pogut carregar {file}, i per tant no se'n pot corregir cap "
                      "exercici. Corregeix això primer:",
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
        "no_timeout": "pytest-timeout no està instal·lat: un bucle infinit no s'aturarà. "
                      "Executa `make test` per preparar .venv i corregeix amb el pytest de .venv.",
    },
}

EXERCISE_KEY = pytest.StashKey[str]()
STATE_KEY = pytest.StashKey[dict]()


class GradingFailure(AssertionError):
    """A wrong answer, with everything the learner needs to see why."""

    def __init__(self, tried: str | None, expected: Any, got: Any, hint: dict[str, str]) -> None:
        super().__init__(f"expected {expected!r}, got {got!r}")
        self.tried, self.expected, self.got, self.hint = tried, expected, got, hint


class SubmissionNotLoaded(Exception):
    """The module to grade is missing or Python cannot run it (e.g. a SyntaxError)."""


class Grader:
    """What a grader test uses to compare the learner's answer with the expected one."""

    def __init__(self) -> None:
        self.tried: str | None = None

    def trying(self, code: str) -> None:
        """Record the call about to be made, shown if it fails, raises or never returns."""
        self.tried = code

    def check(self, ok: bool, *, expected: Any, got: Any, hint: dict[str, str]) -> None:
        _validate_hint(hint)
        for words in (expected, got):
            if isinstance(words, dict):
                _validate_hint(words)
        if not ok:
            raise GradingFailure(self.tried, expected, got, hint)

    def close(self, got: Any, expected: float, *, hint: dict[str, str],
              rel: float = 1e-7, abs: float = 1e-9) -> None:
        """Fail unless ``got`` is a real number within ``abs + rel·|expected|`` of ``expected``."""
        _validate_hint(hint)
        if isinstance(got, bool) or not isinstance(got, numbers.Real):
            raise GradingFailure(self.tried, expected, got,
                                 {lang: MESSAGES[lang]["not_a_number"] for lang in MESSAGES})
        if not math.isclose(float(got), expected, rel_tol=rel, abs_tol=abs):
            raise GradingFailure(self.tried, expected, got, hint)


def _validate_hint(text: dict[str, str]) -> None:
    # Checked on every call, so running the solutions proves that all the words are bilingual.
    if not isinstance(text, dict) or any(not text.get(lang) for lang in MESSAGES):
        raise TypeError(f"a grader's words must be {{'en': ..., 'ca': ...}}, got {text!r}")


# --- options, language, target -----------------------------------------------------------------
def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("minigrad", "minigrad exercise grading")
    group.addoption("--solutions", action="store_true",
                    help="grade the reference solutions in exercises/solutions/ instead of your code")
    group.addoption("--lang", choices=sorted(MESSAGES), default=None,
                    help="language of hints and summary (default: $MINIGRAD_LANG, else en)")
    group.addoption("--submission-dir", default=None, metavar="DIR",
                    help="grade the chNN_topic.py modules found in DIR (used to prove the graders)")
    group.addoption("--grading-report", default=None, metavar="FILE",
                    help="also write every exercise's result to FILE as JSON")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "exercise(id, points=1): the exercise a grader test belongs to, e.g. "
                   "exercise('ch02.numerical_gradient'); select one with -m ch02.numerical_gradient")
    # Under CI=1 (GitHub, Codespaces) pytest copies each failure's whole message into the short
    # summary; a grading run drops that summary (unless -r asks for it), and even then the lines
    # stay one line each: the grading table already says what failed.
    config.option.force_short_summary = True
    has_timeout = config.pluginmanager.hasplugin("timeout")
    if not has_timeout:  # e.g. `-p no:timeout`: a grader's @pytest.mark.timeout is then inert
        config.addinivalue_line("markers", "timeout(seconds): needs pytest-timeout")
    lang = config.getoption("lang", default=None) or os.environ.get("MINIGRAD_LANG", "en")
    lang = lang.lower()[:2]
    solutions = config.getoption("solutions", default=False)
    chosen = config.getoption("submission_dir", default=None)
    if solutions and chosen:
        raise pytest.UsageError("use either --solutions or --submission-dir, not both")
    target = HERE / "solutions" if solutions else Path(chosen).resolve() if chosen else HERE
    config.stash[STATE_KEY] = {"lang": lang if lang in MESSAGES else "en", "target": target,
                               "solutions": solutions, "exercises": {},
                               "unloadable": set(), "has_timeout": has_timeout,
                               "blocked": {}}  # exercise -> {"status", "skipped"}


def _msg(config: pytest.Config, key: str, **fields: Any) -> str:
    return MESSAGES[config.stash[STATE_KEY]["lang"]][key].format(**fields)


def _count_msg(config: pytest.Config, key: str, n: int, **fields: Any) -> str:
    """``key_one`` or ``key_many``, for a count of ``n`` things."""
    return _msg(config, f"{key}_one" if n == 1 else f"{key}_many", n=n, **fields)


def _submission_path(config: pytest.Config, grader: Path) -> Path:
    """``test_ch02_x.py`` grades ``ch02_x.py`` in the target folder."""
    return config.stash[STATE_KEY]["target"] / (grader.stem.removeprefix("test_") + ".py")


def _shown(config: pytest.Config, path: Path) -> str:
    """A path as the learner typed it: relative to the repository when possible."""
    try:
        return str(path.relative_to(config.rootpath))
    except ValueError:
        return str(path)


# --- collection: validate markers, add selection markers and timeouts -------------------------
@pytest.hookimpl(tryfirst=True)  # before pytest's own -m/-k deselection sees the items
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    state = config.stash[STATE_KEY]
    for item in items:
        if item.path.resolve().parent != HERE or not item.path.name.startswith("test_"):
            continue  # e.g. `pytest tests exercises` also collects the project's tests
        marks = list(item.iter_markers("exercise"))
        if len(marks) != 1 or len(marks[0].args) != 1 or not EXERCISE_ID.match(marks[0].args[0]):
            raise pytest.UsageError(f"{item.nodeid}: a grader needs exactly one "
                                    f"@pytest.mark.exercise('chNN.function_name', points=N)")
        exercise, points = marks[0].args[0], marks[0].kwargs.get("points", 1)
        chapter = exercise.split(".")[0]
        if exercise not in state["exercises"]:
            known = {info["chapter"] for info in state["exercises"].values()}
            for name in {exercise} | ({chapter} - known):
                config.addinivalue_line("markers", f"{name}: the graders of {name}")
            state["exercises"][exercise] = {
                "chapter": chapter, "points": points, "tests": {},
                "module": item.path.stem.removeprefix("test_"), "grader": _shown(config, item.path)}
        if state["exercises"][exercise]["points"] != points:
            raise pytest.UsageError(f"{exercise}: its tests declare different points; "
                                    f"declare them once, e.g. on a class of tests")
        item.stash[EXERCISE_KEY] = exercise
        for name in (chapter, exercise):
            item.add_marker(name)  # a str marker: pytest looks up the name registered above
        if (state["has_timeout"] and item.get_closest_marker("timeout") is None
                and config.getoption("timeout", default=None) is None):
            item.add_marker(pytest.mark.timeout(GRADING_TIMEOUT))


def pytest_collection_finish(session: pytest.Session) -> None:
    config = session.config
    state = config.stash[STATE_KEY]
    if not state["has_timeout"] and any(EXERCISE_KEY in item.stash for item in session.items):
        # Said before any test runs: after an infinite loop, nothing else would be printed.
        tr = config.pluginmanager.get_plugin("terminalreporter")
        if tr is not None:
            tr.write_line(_msg(config, "no_timeout"), yellow=True, bold=True)


@pytest.hookimpl(tryfirst=True)  # before the fixtures: a skipped test does not load the module
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Once a test of an exercise has timed out, the exercise's other tests would too: skip them."""
    exercise = item.stash.get(EXERCISE_KEY, None)
    blocked = item.config.stash[STATE_KEY]["blocked"].get(exercise)
    if blocked is not None:
        blocked["skipped"] += 1
        pytest.skip(_msg(item.config, "skip_reason", status=_msg(item.config, blocked["status"])))


# --- fixtures ----------------------------------------------------------------------------------
@pytest.fixture
def submission(request: pytest.FixtureRequest) -> ModuleType:
    """The module this grader file grades, loaded afresh so that no test sees another's state."""
    config = request.config
    path = _submission_path(config, request.path)
    if not path.is_file():
        raise SubmissionNotLoaded(_msg(config, "no_file", file=_shown(config, path)))
    state = config.stash[STATE_KEY]
    if path in state["unloadable"]:  # already explained in full by an earlier test
        raise SubmissionNotLoaded(_msg(config, "still_not_loaded", file=_shown(config, path)))
    name = f"_graded_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # some Python features (dataclasses, pickle) look modules up here
    try:
        spec.loader.exec_module(module)
    except Exception as error:
        state["unloadable"].add(path)
        detail = "".join(traceback.format_exception_only(type(error), error)).rstrip()
        title = _block(config, _msg(config, "not_loaded", file=_shown(config, path)), [])
        raise SubmissionNotLoaded(title + "\n" + textwrap.indent(detail, "  ")) from None
    return module


@pytest.fixture
def grade() -> Grader:
    return Grader()


# --- reports: readable failures, the status of each test ---------------------------------------
@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
    report = yield
    exercise = item.stash.get(EXERCISE_KEY, None)
    if exercise is None or report.skipped:
        return report
    state = item.config.stash[STATE_KEY]
    status = "passed"
    if report.failed:
        status, text, brief = _explain(item, exercise, call.excinfo)
        if text is not None:
            report.longrepr = text
        report.minigrad_status = status
        if brief is not None:  # the summary shows an exercise's first failure in full only
            report.minigrad_brief = (exercise, *brief)
        if status == "timeout":
            state["blocked"].setdefault(exercise, {"status": status, "skipped": 0})
    tests = state["exercises"][exercise]["tests"]
    if report.failed or report.when == "call":
        previous = tests.get(item.nodeid, "passed")
        tests[item.nodeid] = min(previous, status, key=STATUSES.index)
    return report


# What makes two failures of an exercise the same, the failure in one line, and its hint.
Brief = tuple[Any, str | None, str | None]


def _explain(item: pytest.Item, exercise: str, excinfo: pytest.ExceptionInfo
             ) -> tuple[str, str | None, Brief | None]:
    """A failed test's status, the message to show instead of a traceback (None: keep it), and
    its brief (None: a failure that is never folded into another)."""
    config, error = item.config, excinfo.value
    grader = item.funcargs.get("grade")
    tried = grader.tried if grader else None
    path = _submission_path(config, item.path)
    file, where = _shown(config, path), _where(config, excinfo, path)
    if isinstance(error, SubmissionNotLoaded):
        return "error", str(error), None
    if isinstance(error, NotImplementedError) and where is not None:
        function, hint = excinfo.traceback[-1].name, str(error).strip() or None
        if hint and function == exercise.split(".", 1)[1]:
            config.stash[STATE_KEY]["exercises"][exercise]["stub_hint"] = hint
        return "not_attempted", _block(config, _msg(config, "not_attempted_msg", exercise=exercise,
                                                    function=function, file=file),
                                       [("hint", hint)]), None
    if isinstance(error, GradingFailure):
        lang = config.stash[STATE_KEY]["lang"]
        expected, got = _value_text(error.expected, lang), _value_text(error.got, lang)
        text = _block(config, _msg(config, "wrong", exercise=exercise),
                      [("tried", error.tried), ("expected", expected), ("got", got),
                       ("hint", error.hint[lang])])
        details = (f"{_msg(config, 'got')} {_short(got, 60)}, "
                   f"{_msg(config, 'expected')} {_short(expected, 60)}")
        if error.tried is not None:
            details = f"{_msg(config, 'tried')} {_short(error.tried, 100)} → {details}"
        return "failed", text, ((error.tried, expected, got), details, error.hint[lang])
    if isinstance(error, pytest.fail.Exception) and str(error).startswith("Timeout (>"):
        seconds = float(re.search(r"[\d.]+", str(error)).group())
        return "timeout", _block(config, _msg(config, "timeout_msg", exercise=exercise,
                                              seconds=seconds),
                                 [("tried", tried), ("where", where)]), ("timeout", None, None)
    if isinstance(error, AttributeError) and isinstance(getattr(error, "obj", None), ModuleType) \
            and error.obj.__name__.startswith("_graded_"):
        text = _block(config, _msg(config, "missing", exercise=exercise,
                                   function=error.name, file=file), [])
        return "failed", text, (text, None, None)
    if where is not None:  # raised inside the learner's code: show it without pytest's traceback
        kind = "".join(traceback.format_exception_only(type(error), error)).strip()
        text = _block(config, _msg(config, "crashed", exercise=exercise),
                      [("tried", tried), ("error_label", kind), ("where", where),
                       ("hint", _msg(config, "crash_hint"))])
        details = f"{_short(kind.splitlines()[-1], 100)} ({_msg(config, 'where')}: {where})"
        if tried is not None:
            details = f"{_msg(config, 'tried')} {_short(tried, 100)} → {details}"
        return "failed", text, ((kind, where), details, None)
    return "failed", None, None  # the grader itself failed: pytest's full report is what helps


def _short(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _where(config: pytest.Config, excinfo: pytest.ExceptionInfo, path: Path) -> str | None:
    """'file, line N: code' of the innermost frame in the graded module ``path``, if any."""
    for entry in reversed(excinfo.traceback):
        if Path(entry.path).resolve() == path:
            code = str(entry.statement).strip().splitlines()[0]
            return f"{_shown(config, path)}, {_msg(config, 'line')} {entry.lineno + 1}: {code}"
    return None


def _value_text(value: Any, lang: str) -> str:
    # Words come as {"en": ..., "ca": ...}; values are shown exactly, so a missing `return`
    # shows up as None and 0.1 + 0.2 as 0.30000000000000004.
    return value[lang] if isinstance(value, dict) else repr(value)


def _block(config: pytest.Config, title: str, fields: list[tuple[str, str | None]]) -> str:
    """A title, then aligned 'label: value' lines; long values wrap under their column."""
    fields = [(_msg(config, label), value) for label, value in fields if value is not None]
    width = max((len(label) for label, _ in fields), default=0) + 2
    lines = textwrap.wrap(title, 96)
    for label, value in fields:
        wrapped = textwrap.wrap(value, 96 - width - 2) or [""]
        lines.append(f"  {label + ':':<{width}}{wrapped[0]}")
        lines += [" " * (width + 2) + rest for rest in wrapped[1:]]
    return "\n".join(lines)


def pytest_report_teststatus(report: pytest.TestReport, config: pytest.Config) -> Any:
    # Its own category, so unattempted exercises are counted, not dumped as failures.
    if getattr(report, "minigrad_status", None) == "not_attempted" and report.when == "call":
        word = _msg(config, "not_attempted")
        return word, "N", word.upper()
    return None


# --- the summary table and the JSON report -----------------------------------------------------
def _results(config: pytest.Config) -> dict[str, dict]:
    """Per exercise that ran: chapter, points, status and what to show next."""
    results = {}
    for exercise, info in config.stash[STATE_KEY]["exercises"].items():
        if info["tests"]:
            status = min(info["tests"].values(), key=STATUSES.index)
            results[exercise] = {**info, "status": status,
                                 "earned": info["points"] if status == "passed" else 0}
    return results


@pytest.hookimpl(wrapper=True, tryfirst=True)  # around pytest's own: FAILURES first, table last
def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> Any:
    tr, results = terminalreporter, _results(config)
    failed = tr.stats.get("failed")
    if results and failed:
        # pytest prints stats["failed"] under FAILURES: leave out the failures folded into an
        # exercise's first one while it does, and put them back to count them in its last line.
        folded = _fold_failures(config, failed)
        tr.stats["failed"] = [report for report in failed if id(report) not in folded]
    if results and config.option.reportchars == PYTEST_DEFAULT_REPORTCHARS:
        tr.reportchars = tr.reportchars.replace("f", "").replace("E", "")
    try:
        return (yield)
    finally:
        if failed is not None:
            tr.stats["failed"] = failed
        _write_summary(config, tr, results)


def _fold_failures(config: pytest.Config, failed: list[pytest.TestReport]) -> set[int]:
    """Show each exercise's first failure in full, with its later ones in a line each below it.

    A later failure identical to one shown is only counted, and so are those beyond
    ALSO_FAILED_LINES, unless their hint is one not shown yet. Returns the ids of the reports
    folded into an earlier one."""
    firsts: dict[str, dict] = {}
    folded = set()
    for report in failed:
        brief = getattr(report, "minigrad_brief", None)
        if brief is None:
            continue
        exercise, key, details, hint = brief
        if exercise not in firsts:
            firsts[exercise] = {"report": report, "keys": {key}, "hints": {hint}, "lines": [],
                                "same": 0, "more": 0}
            continue
        first = firsts[exercise]
        folded.add(id(report))
        new_hint = hint is not None and hint not in first["hints"]
        if key in first["keys"] or details is None:
            first["same"] += 1
        elif len(first["lines"]) < ALSO_FAILED_LINES or new_hint:
            first["keys"].add(key)
            first["lines"].append(_msg(config, "also_failed", details=details))
            if new_hint:  # a different nudge: worth its own line
                first["hints"].add(hint)
                first["lines"].append(f"  {_msg(config, 'hint')}: {hint}")
        else:
            first["more"] += 1
    blocked = config.stash[STATE_KEY]["blocked"]
    for exercise, first in firsts.items():
        lines = list(first["lines"])
        if first["same"]:
            lines.append(_count_msg(config, "same_way", first["same"]))
        if first["more"]:
            lines.append(_count_msg(config, "more_failed", first["more"]))
        if blocked.get(exercise, {}).get("skipped"):
            lines.append(_count_msg(config, "skipped", blocked[exercise]["skipped"],
                                    status=_msg(config, blocked[exercise]["status"])))
        if lines:
            report = first["report"]
            report.longrepr = "\n".join([str(report.longrepr)] + [
                textwrap.fill(line, 96, initial_indent="  ",
                              subsequent_indent=" " * (len(line) - len(line.lstrip()) + 6))
                for line in lines])
    return folded


def _write_summary(config: pytest.Config, tr: Any, results: dict[str, dict]) -> None:
    state = config.stash[STATE_KEY]
    if not results:
        if state["exercises"]:  # collected, but -m/-k kept none: most likely a misspelt name
            names = sorted(state["exercises"])
            tr.write_line(_msg(config, "none_selected", exercises=", ".join(names),
                               example=names[0]), yellow=True)
        return
    tr.write_sep("=", _msg(config, "title_solutions" if state["solutions"] else "title_learner"),
                 bold=True)
    rows = [(_msg(config, "exercise"), _msg(config, "result"), _msg(config, "points"))]
    rows += [(ex, _msg(config, r["status"]), f"{r['earned']}/{r['points']}")
             for ex, r in results.items()]
    chapters: dict[str, list[dict]] = {}
    for r in results.values():
        chapters.setdefault(r["chapter"], []).append(r)
    if len(chapters) > 1:
        chapters[_msg(config, "total")] = list(results.values())
    table = [(_msg(config, "chapter"), _msg(config, "exercises_passed"), _msg(config, "points"))]
    table += [(ch, f"{sum(r['status'] == 'passed' for r in rs)}/{len(rs)}",
               f"{sum(r['earned'] for r in rs)}/{sum(r['points'] for r in rs)}")
              for ch, rs in chapters.items()]
    for block in (rows, table):
        widths = [max(len(row[i]) for row in block) + 3 for i in range(3)]
        for n, row in enumerate(block):
            bold = n == 0 or (block is table and len(chapters) > 1 and n == len(block) - 1)
            tr.write_line("".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip(),
                          bold=bold)
        tr.write_line("")
    pending = [(ex, r) for ex, r in results.items() if r["status"] != "passed"]
    if not pending:
        tr.write_line(_msg(config, "all_passed"), green=True)
        return
    exercise, r = pending[0]
    tr.write_line(_msg(config, "start_with", function=exercise.split(".", 1)[1],
                       file=_shown(config, state["target"] / f"{r['module']}.py"),
                       grader=r["grader"], exercise=exercise))
    if r["status"] == "not_attempted" and r.get("stub_hint"):
        tr.write_line(textwrap.fill(f"{_msg(config, 'hint')}: {r['stub_hint']}", 96,
                                    initial_indent="  ", subsequent_indent="    "))


def pytest_sessionfinish(session: pytest.Session) -> None:
    path = session.config.getoption("grading_report", default=None)
    if path:
        state = session.config.stash[STATE_KEY]
        Path(path).write_text(json.dumps({"language": state["lang"], "target": str(state["target"]),
                                          "exercises": _results(session.config)}, indent=2))
