"""Proof that the exercise graders grade (issue 6).

For every exercise found in ``exercises/``: its grader passes the reference solution, reports
the untouched stub as "not attempted yet" (with the hint its stub raises), and fails every wrong
solution kept in ``tests/wrong_solutions/``. Plus the grading plugin's own promises: feedback in
Catalan, an infinite loop stopped once per exercise with a readable message, a file Python
cannot load explained once, one full failure per exercise (later ones in a line), the grading
table last, grading without pytest-timeout, and a plain ``pytest`` at the root that leaves the
graders alone.

Each grading run is a separate ``pytest`` process, as a learner runs it; the runs go in
parallel, and each writes the plugin's JSON report (``--grading-report``) that the tests read.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from exercise_catalog import EXERCISES, ROOT, SOLUTIONS, exercises, string_constant, top_level_functions

from grading.stub_hints import STUB_HINTS  # noqa: E402 - exercise_catalog puts it on the path

ALL = exercises()
WRONG = sorted((Path(__file__).resolve().parent / "wrong_solutions").glob("*.py"))
# Ways around the grader (a switched-off function reached another way, a model without the
# structure asked for): each must fail like a wrong solution.
CHEATS = sorted((Path(__file__).resolve().parent / "cheats").glob("*.py"))


def stub_raise(exercise) -> ast.Raise | None:
    """The stub function's only statement (after its docstring, if any), if it is a raise."""
    tree = ast.parse((EXERCISES / f"{exercise.module}.py").read_text(encoding="utf-8"))
    function = next((node for node in tree.body if isinstance(node, ast.FunctionDef)
                     and node.name == exercise.function), None)
    if function is None:
        return None
    body = function.body[1:] if ast.get_docstring(function) is not None else function.body
    return body[0] if len(body) == 1 and isinstance(body[0], ast.Raise) else None


def stub_is_untouched(exercise) -> bool:
    """The stub's function only raises NotImplementedError (after its docstring, if any)."""
    statement = stub_raise(exercise)
    return statement is not None and "NotImplementedError" in ast.unparse(statement)


def stub_hint(exercise) -> str | None:
    """The hint of ``raise NotImplementedError("hint")`` in an untouched stub."""
    exc = stub_raise(exercise).exc
    if (isinstance(exc, ast.Call) and len(exc.args) == 1 and not exc.keywords
            and isinstance(exc.args[0], ast.Constant) and isinstance(exc.args[0].value, str)):
        return exc.args[0].value
    return None


@pytest.fixture
def untouched_stubs() -> None:
    """A learner's clone holds their work in the stubs: skip there; CI requires them untouched."""
    touched = [ex.id for ex in ALL if not stub_is_untouched(ex)]
    if touched and not os.environ.get("MINIGRAD_REQUIRE_STUBS"):
        pytest.skip(f"the stubs of {touched} hold your work: the graders are proven on the "
                    f"untouched stubs of a clean clone")
    assert not touched, (f"commit the stubs of {touched} untouched: each exercise's body is "
                         f"`raise NotImplementedError(\"a one-line hint\")`")


def grader_tests(exercise) -> tuple[str, list[str]]:
    """The class of tests that grades ``exercise`` and the names of its test methods."""
    tree = ast.parse((EXERCISES / f"test_{exercise.module}.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any(
                f"exercise({exercise.id!r}" in ast.unparse(d).replace('"', "'")
                for d in node.decorator_list):
            return node.name, [f.name for f in node.body
                               if isinstance(f, ast.FunctionDef) and f.name.startswith("test_")]
    raise AssertionError(f"no class of tests marked exercise({exercise.id!r})")


def wrong_module(path: Path) -> str:
    """``ch02_derivatives__sign_error.py`` stands in for ``ch02_derivatives.py``."""
    return path.stem.split("__")[0]


@dataclass
class Job:
    args: list[str]
    lang: str | None = None                                 # MINIGRAD_LANG, if set
    files: dict[str, str] = field(default_factory=dict)     # module -> source to grade instead
    grading: bool = True                                    # grade exercises/ (else: plain pytest)
    paths: list[str] = field(default_factory=list)          # what to grade, if not exercises/
    without_minigrad: bool = False                          # as from outside .venv
    ci: bool = False                                        # CI=1: pytest prints long summaries


@dataclass
class Run:
    returncode: int
    output: str
    report: dict | None

    def statuses(self) -> dict[str, str]:
        assert self.report is not None, f"no grading report:\n{self.output}"
        return {ex: r["status"] for ex, r in self.report["exercises"].items()}


def run(job: Job, tmp: Path) -> Run:
    cmd = [sys.executable, "-m", "pytest", *job.args]
    if job.grading:  # graders do not use hypothesis: skipping its plugin halves the start-up
        cmd += [*(job.paths or [str(EXERCISES)]), "--grading-report", str(tmp / "report.json"),
                "-p", "no:hypothesispytest"]
    if job.files:
        for module, source in job.files.items():
            (tmp / f"{module}.py").write_text(source, encoding="utf-8")
        cmd += ["--submission-dir", str(tmp)]
    env = {k: v for k, v in os.environ.items()
           if k not in ("MINIGRAD_LANG", "PYTEST_ADDOPTS", "PYTEST_TIMEOUT", "CI", "BUILD_NUMBER")}
    if job.ci:
        env["CI"] = "1"
    if job.lang:
        env["MINIGRAD_LANG"] = job.lang
    cwd = ROOT
    if job.without_minigrad:  # a `minigrad` that cannot be imported comes first on the path
        cwd = tmp / "elsewhere"
        cwd.mkdir()
        (cwd / "minigrad.py").write_text("raise ImportError('No module named minigrad')\n")
        env.pop("PYTHONPATH", None)
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    report = tmp / "report.json"
    # Messages wrap at the terminal width: compare text with single spaces.
    return Run(done.returncode, " ".join((done.stdout + done.stderr).split()),
               json.loads(report.read_text()) if report.exists() else None)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    first = ALL[0]
    # `except Exception` in the loop: the time limit is not an Exception the learner can catch.
    LOOP = (f"def {first.function}(*args, **kwargs):\n    while True:\n        try:\n"
            f"            pass\n        except Exception:\n            pass\n")
    jobs = {
        "solutions": Job(["--solutions"]),
        "stubs": Job([]),
        "stubs in Catalan": Job([], lang="ca"),
        "infinite loop": Job(["-m", first.id, "--grading-timeout", "1"], files={first.module: LOOP}),
        "name error": Job(["-m", first.id], files={
            first.module: f"def {first.function}(*args, **kwargs):\n    return undefined_name\n"}),
        "without pytest-timeout": Job(["-m", first.id, "--grading-timeout", "1", "-p", "no:timeout"],
                                      files={first.module: LOOP}),
        "unloadable": Job(["-m", first.chapter], files={first.module: "def broken(:\n"}),
        "unloadable on CI": Job(["-m", first.chapter], files={first.module: "def broken(:\n"},
                                ci=True),
        "plain pytest": Job(["--collect-only", "-q"], grading=False),
        "misspelt selection": Job(["-m", first.id + "x", "--solutions"]),
        "wrong in Catalan": Job(["-m", string_constant(WRONG[0], "EXERCISE"), "--lang", "ca"],
                                files={wrong_module(WRONG[0]): WRONG[0].read_text()}),
    }
    cls, tests = grader_tests(first)
    grader = f"exercises/test_{first.module}.py"
    jobs["one test by -k"] = Job(["--solutions", "-m", first.id, "-k", tests[0]])
    jobs["one test by node id"] = Job(["--solutions"], paths=[f"{grader}::{cls}::{tests[0]}"])
    jobs["without minigrad"] = Job([], without_minigrad=True)
    jobs["seed given"] = Job(["-m", first.id, "--solutions", "--grading-seed", "7"])
    jobs["printing loop"] = Job(["-m", first.id, "--grading-timeout", "1"], files={
        first.module: f"def {first.function}(*args, **kwargs):\n    while True:\n"
                      f"        print('still here')\n"})
    jobs["prints a lot"] = Job(["-m", first.id], files={
        first.module: f"def {first.function}(*args, **kwargs):\n    for i in range(500):\n"
                      f"        print('line', i)\n"})
    for path in WRONG + CHEATS:
        jobs[path.name] = Job(["-m", string_constant(path, "EXERCISE") or "EXERCISE-missing"],
                              files={wrong_module(path): path.read_text()})
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {name: pool.submit(run, job, tmp_path_factory.mktemp("grading"))
                   for name, job in jobs.items()}
        return {name: future.result() for name, future in futures.items()}


def test_exercises_are_found_and_complete(runs):
    assert ALL, "no @pytest.mark.exercise('chNN.name') found in exercises/test_ch*.py"
    for ex in ALL:
        assert re.fullmatch(r"ch\d\d\.[a-z_][a-z0-9_]*", ex.id), ex
        assert ex.module.startswith(ex.chapter + "_"), f"{ex} is graded in test_{ex.module}.py"
        for folder in (EXERCISES, SOLUTIONS):
            path = folder / f"{ex.module}.py"
            assert path.is_file() and ex.function in top_level_functions(path), \
                f"{ex}: {path.relative_to(ROOT)} must define {ex.function}()"
    # What the source names is exactly what the plugin grades.
    assert sorted(runs["solutions"].statuses()) == [ex.id for ex in ALL]


def test_every_grader_passes_against_the_solutions(runs):
    result = runs["solutions"]
    assert result.statuses() == {ex.id: "passed" for ex in ALL}, result.output
    assert result.returncode == 0, result.output


def test_untouched_stubs_are_reported_as_not_attempted(runs, untouched_stubs):
    result = runs["stubs"]
    assert result.statuses() == {ex.id: "not_attempted" for ex in ALL}, result.output
    assert result.returncode == 1, "untouched stubs must not pass\n" + result.output
    assert "not attempted yet" in result.output
    # Counted in the summary, not dumped as failures with tracebacks.
    assert "NotImplementedError" not in result.output and "FAILURES" not in result.output, \
        result.output
    # The hint each stub raises is reported, and the next exercise to do shows it.
    hints = {ex.id: stub_hint(ex) for ex in ALL}
    assert {ex: r.get("stub_hint") for ex, r in result.report["exercises"].items()} == hints
    next_up = next(iter(result.report["exercises"]))
    assert f"hint: {hints[next_up]}" in result.output, result.output


def test_every_stub_raises_with_a_hint(untouched_stubs):
    for ex in ALL:
        hint = stub_hint(ex)
        assert hint and hint == " ".join(hint.split()) and len(hint) <= 80, (
            f"{ex}: the stub raises NotImplementedError(\"...\") with a short one-line hint "
            f"that helps to start, e.g. \"central difference: at which two points is f "
            f"evaluated, how far apart?\"")


def test_minigrad_lang_gives_catalan_feedback(runs, untouched_stubs):
    result = runs["stubs in Catalan"]
    output = result.output
    assert "per fer" in output and "capítol" in output and "exercicis superats" in output, output
    assert "not attempted" not in output and "chapter" not in output, output
    next_up = next(iter(result.report["exercises"]))
    assert f"pista: {STUB_HINTS[next_up]['ca']}" in output, output  # the stub's hint, in Catalan
    english = [ex.id for ex in ALL if " ".join(stub_hint(ex).split()) in output]
    assert not english, f"English stub hints in a Catalan run: {english}\n{output}"
    assert {ex: r["stub_hint"] for ex, r in result.report["exercises"].items()} == {
        ex.id: STUB_HINTS[ex.id]["ca"] for ex in ALL}


# Stubs that are part of another exercise, with a hint of their own: "chNN.function" -> module.
PART_STUBS = {"ch07.linear": "ch07_engine"}


def test_every_stub_hint_exists_in_every_language(untouched_stubs):
    assert sorted(set(STUB_HINTS) - set(PART_STUBS)) == [ex.id for ex in ALL], "one entry per exercise"
    for key, module in PART_STUBS.items():
        part = type("Part", (), {"module": module, "function": key.split(".", 1)[1]})
        assert STUB_HINTS[key]["en"] == stub_hint(part), f"{key}: the stub's hint, word for word"
        assert STUB_HINTS[key]["ca"] and STUB_HINTS[key]["ca"] != STUB_HINTS[key]["en"], key
    for ex in ALL:
        assert STUB_HINTS[ex.id]["en"] == stub_hint(ex), (
            f"{ex}: exercises/grading/stub_hints.py must hold the stub's hint word for word")
        assert STUB_HINTS[ex.id]["ca"] and STUB_HINTS[ex.id]["ca"] != stub_hint(ex), ex


@pytest.mark.parametrize("path", WRONG + CHEATS, ids=lambda p: p.stem)
def test_wrong_solution_fails_its_grader(runs, path):
    exercise = string_constant(path, "EXERCISE")
    assert exercise in [ex.id for ex in ALL], f"{path.name}: EXERCISE = 'chNN.name' of an exercise"
    function = exercise.split(".", 1)[1]
    assert function in top_level_functions(path), f"{path.name} must define {function}()"
    result = runs[path.name]
    # -m selects the one exercise; it must be rejected by its grader (not unloadable, not absent).
    assert result.statuses() == {exercise: "failed"}, f"{path.name} was accepted:\n{result.output}"
    for label in ("tried:", "hint:"):
        assert label in result.output, result.output
    # The first failure in full; the exercise's later failures in a line each, or counted.
    assert result.output.count("tried:") == 1, result.output


def test_every_exercise_has_a_wrong_solution():
    covered = {string_constant(path, "EXERCISE") for path in WRONG}
    missing = [ex.id for ex in ALL if ex.id not in covered]
    assert not missing, (f"add a plausible wrong solution for {missing} as "
                         f"tests/wrong_solutions/<module>__<mistake>.py with EXERCISE = '<id>'")


def test_lang_option_gives_catalan_failure_messages(runs):
    output = runs["wrong in Catalan"].output
    for label in ("s'ha provat:", "pista:", "no superat", "capítol"):
        assert label in output, output
    assert output.count("s'ha provat:") == 1, output


def test_an_error_repeated_by_every_test_is_shown_once(runs):
    result, first = runs["name error"], ALL[0]
    assert result.statuses() == {first.id: "failed"}, result.output
    assert result.output.count("NameError") == 1, result.output
    others = number_of_tests(runs, first) - 1
    assert others >= 2, f"{first} needs three tests or more to prove this"
    assert f"{others} more tests failed the same way." in result.output, result.output


def number_of_tests(runs, exercise) -> int:
    """How many tests grade ``exercise`` (all of them ran, and passed, on the solutions)."""
    return len(runs["solutions"].report["exercises"][exercise.id]["tests"])


def test_an_infinite_loop_is_stopped_once_per_exercise(runs):
    result, first = runs["infinite loop"], ALL[0]
    assert result.statuses() == {first.id: "timeout"}, result.output
    # One timeout (--timeout 1: one second) stops the exercise: its other tests are skipped.
    assert result.output.count("still running after 1 s") == 1, result.output
    assert "probably an infinite loop" in result.output, result.output
    assert re.search(rf"{first.module}\.py, line [2-6]: (while True|try|pass|except)", result.output), \
        result.output
    assert "Timeout (>" not in result.output and "Traceback" not in result.output, result.output
    others = number_of_tests(runs, first) - 1
    assert others >= 2, f"{first} needs three tests or more to prove this"
    assert (f"{others} more tests of this exercise were skipped: same problem (timed out)."
            in result.output), result.output
    assert f"1 failed, {others} skipped" in result.output, result.output


@pytest.mark.parametrize("job", ["unloadable", "unloadable on CI"])
def test_a_file_python_cannot_load_is_explained_once(runs, job):
    result = runs[job]
    assert set(result.statuses().values()) == {"error"}, result.output
    assert result.output.count("SyntaxError") == 1, result.output
    assert "could not be loaded (the reason is shown above)" in result.output, result.output


@pytest.mark.parametrize("job", ["solutions", "name error", "unloadable on CI"])
def test_the_grading_table_is_the_last_thing_printed(runs, job):
    output = runs[job].output
    assert "short test summary info" not in output, output
    # The table, its last line (all passed, or what to do next), then pytest's count of tests.
    assert re.search(r"(Well done!|`\)\.) =+ [^=]+ in [\d.]+s[^=]* =+$", output), output


def test_a_total_row_when_more_than_one_chapter_is_graded(runs):
    exercises = runs["solutions"].report["exercises"]
    n, points = len(exercises), sum(r["points"] for r in exercises.values())
    assert f"total {n}/{n} {points}/{points}" in runs["solutions"].output, runs["solutions"].output
    one_chapter = runs["name error"].output
    assert not re.search(r"\btotal \d+/\d+ \d+/\d+", one_chapter), one_chapter


def test_the_time_limit_is_the_plugins_own(runs):
    # Without pytest-timeout (or with it) the plugin stops an infinite loop itself, and knows a
    # timeout by its exception, not by the text of another plugin's message.
    result, first = runs["without pytest-timeout"], ALL[0]
    assert "INTERNALERROR" not in result.output, result.output
    assert result.statuses() == {first.id: "timeout"}, result.output
    assert result.output.count("still running after 1 s") == 1, result.output


def test_plain_pytest_at_the_root_does_not_collect_the_graders(runs):
    output = runs["plain pytest"].output
    assert "tests/test_exercise_graders.py" in output, output  # it did collect the project's tests
    assert "exercises/" not in output, output


def test_a_selection_that_matches_no_exercise_lists_the_exercises(runs):
    output, first = runs["misspelt selection"].output, ALL[0]
    assert "No exercise was selected" in output and first.id + "," in output, output



@pytest.mark.parametrize("job", ["one test by -k", "one test by node id"])
def test_a_partial_run_says_so_and_never_passes(runs, job):
    result, first = runs[job], ALL[0]
    assert result.statuses() == {first.id: "partial"}, result.output
    assert result.report["complete"] is False, result.report
    assert result.report["exercises"][first.id]["earned"] == 0, result.report
    assert "partial run is not a grade" in result.output, result.output
    assert "Well done" not in result.output and "passed 1/" not in result.output, result.output


def test_a_cheat_of_every_kind_is_kept(runs):
    kinds = {path.stem.split("__")[1] for path in CHEATS}
    assert {"unbroadcast_from_shapes", "softmax_after_reload", "cosine_fresh_import",
            "similarity_from_the_registry", "decoder_reads_the_input",
            "forward_skips_the_code"} <= kinds, kinds


def test_cases_are_drawn_anew_each_run_unless_a_seed_is_given(runs):
    given = runs["seed given"]
    assert given.report["seed"] == 7 and "--grading-seed 7" in given.output, given.output
    seeds = {runs[job].report["seed"] for job in ("solutions", "stubs", "name error")}
    assert len(seeds) > 1, seeds  # three runs, three seeds drawn from a million
    import grading
    grading.RUN.seed = 7
    first = grading.rng(1).random(3), grading.random(1).random()
    assert np.array_equal(grading.rng(1).random(3), first[0]) and grading.random(1).random() == first[1]
    grading.RUN.seed = 8
    assert not np.array_equal(grading.rng(1).random(3), first[0])


def test_heavy_printing_is_told_apart_from_an_infinite_loop(runs):
    printing, silent = runs["printing loop"].output, runs["infinite loop"].output
    assert "It had printed" in printing and "printing that much is slow" in printing, printing
    assert "probably an infinite loop" in silent and "It had printed" not in silent, silent


def test_captured_output_is_capped(runs):
    output = runs["prints a lot"].output
    assert "line 0" in output and "line 499" not in output, output
    assert "more lines not shown" in output, output


def test_outside_the_venv_pytest_says_how_to_set_up(runs):
    result = runs["without minigrad"]
    assert result.returncode != 0 and result.report is None, result.output
    assert "`make exercises`, then `source .venv/bin/activate`" in result.output, result.output
    assert "Traceback" not in result.output, result.output
