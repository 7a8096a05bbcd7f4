"""The pytest plugin that turns pytest into a patient teacher for the exercises.

``pytest_configure`` registers one ``GradingPlugin`` per run: it holds the run's exercises and
implements the hooks, in the order pytest calls them: collection (validate each grader's
``@pytest.mark.exercise``, add the ``-m`` markers and the time limit), each test (skip what a
timeout made pointless, run under the time limit, explain a failure in words), and the end
(fold repeated failures, the grading table last, the JSON report).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import secrets
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator

import pytest

from . import feedback, grading, limits, messages, report
from .grading import Grader, GradingFailure, SubmissionNotLoaded
from .limits import ExerciseTimeout
from .report import Exercise, Words
from .stub_hints import STUB_HINTS

EXERCISES = Path(__file__).resolve().parents[1]   # exercises/: the graders and the stubs
EXERCISE_ID = re.compile(r"^(ch\d{2})\.[a-z_][a-z0-9_]*$")
GRADED_PREFIX = "_graded_"
# pytest's own default for -r: a grading run drops its list of FAILED/ERROR node ids, which would
# come after the grading table and repeat what the table says.
PYTEST_DEFAULT_REPORTCHARS = "fE"
PRINTING_A_LOT = 10_000  # lines printed before a timeout that make printing its likely cause
EXERCISE_KEY = pytest.StashKey[str]()
LIMIT_KEY = pytest.StashKey[float]()   # the test's time limit, in seconds
PLUGIN_KEY = pytest.StashKey["GradingPlugin"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("minigrad", "minigrad exercise grading")
    group.addoption("--solutions", action="store_true",
                    help="grade the reference solutions in exercises/solutions/ instead of your code")
    group.addoption("--lang", choices=messages.LANGS, default=None,
                    help="language of hints and summary (default: $MINIGRAD_LANG, else en)")
    group.addoption("--submission-dir", default=None, metavar="DIR",
                    help="grade the chNN_topic.py modules found in DIR (used to prove the graders)")
    group.addoption("--grading-report", default=None, metavar="FILE",
                    help="also write every exercise's result to FILE as JSON")
    group.addoption("--grading-timeout", type=float, default=None, metavar="SECONDS",
                    help=f"stop a test of an exercise after SECONDS (default "
                         f"{limits.DEFAULT_SECONDS:g}, or the grader's @pytest.mark.timeout)")
    group.addoption("--grading-seed", type=int, default=None, metavar="N",
                    help="draw the random cases from seed N (default: $MINIGRAD_GRADING_SEED, "
                         "else a new seed each run, printed with the table)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "exercise(id, points=1): the exercise a grader test belongs to, e.g. "
                   "exercise('ch02.numerical_gradient'); select one with -m ch02.numerical_gradient")
    if not config.pluginmanager.hasplugin("timeout"):
        config.addinivalue_line("markers", "timeout(seconds): the time limit of a grader's test")
    plugin = GradingPlugin(config)
    config.stash[PLUGIN_KEY] = plugin
    config.pluginmanager.register(plugin, "minigrad-grading")


class GradingPlugin:
    """One grading run: its settings, its exercises, and the hooks that grade them."""

    def __init__(self, config: pytest.Config) -> None:
        lang = (config.getoption("lang") or os.environ.get("MINIGRAD_LANG", "en")).lower()[:2]
        grading.RUN.lang = lang if lang in messages.LANGS else "en"
        self.say = Words(grading.RUN.lang)
        seed = config.getoption("grading_seed")
        if seed is None:
            seed = int(os.environ.get("MINIGRAD_GRADING_SEED") or secrets.randbelow(10 ** 6))
        grading.RUN.seed = seed
        self.config = config
        self.solutions = config.getoption("solutions")
        chosen = config.getoption("submission_dir")
        if self.solutions and chosen:
            raise pytest.UsageError("use either --solutions or --submission-dir, not both")
        self.target = (EXERCISES / "solutions" if self.solutions
                       else Path(chosen).resolve() if chosen else EXERCISES)
        self.exercises: dict[str, Exercise] = {}
        self.unloadable: set[Path] = set()
        # Under CI=1 (GitHub, Codespaces) pytest copies each failure's whole message into the
        # short summary; a grading run drops that summary (unless -r asks for it), and even then
        # the lines stay one line each: the grading table already says what failed.
        config.option.force_short_summary = True

    # --- paths ------------------------------------------------------------------------------
    def submission_path(self, grader: Path) -> Path:
        """``test_ch02_x.py`` grades ``ch02_x.py`` in the target folder."""
        return self.target / (grader.stem.removeprefix("test_") + ".py")

    def shown(self, path: Path) -> str:
        """A path as the learner typed it: relative to the repository when possible."""
        try:
            return str(path.relative_to(self.config.rootpath))
        except ValueError:
            return str(path)

    # --- collection -------------------------------------------------------------------------
    @pytest.hookimpl(tryfirst=True)  # before pytest's own -m/-k deselection sees the items
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        # A grader named with a node id (test_chNN_x.py::TestY) collects only what it names.
        named = {Path(arg.split("::")[0]).resolve() for arg in self.config.args if "::" in arg}
        for item in items:
            if item.path.resolve().parent != EXERCISES or not item.path.name.startswith("test_"):
                continue  # e.g. `pytest tests exercises` also collects the project's tests
            exercise = self._exercise_of(item)
            exercise.collected += 1
            exercise.by_node_id |= item.path.resolve() in named
            item.stash[EXERCISE_KEY] = exercise.id
            for name in (exercise.chapter, exercise.id):
                item.add_marker(name)  # a str marker: pytest looks up the name registered
            self._set_time_limit(item)

    def _exercise_of(self, item: pytest.Item) -> Exercise:
        marks = list(item.iter_markers("exercise"))
        if len(marks) != 1 or len(marks[0].args) != 1 or not EXERCISE_ID.match(marks[0].args[0]):
            raise pytest.UsageError(f"{item.nodeid}: a grader needs exactly one "
                                    f"@pytest.mark.exercise('chNN.function_name', points=N)")
        name, points = marks[0].args[0], marks[0].kwargs.get("points", 1)
        if name not in self.exercises:
            chapters = {ex.chapter for ex in self.exercises.values()}
            for marker in {name} | ({name.split(".")[0]} - chapters):
                self.config.addinivalue_line("markers", f"{marker}: the graders of {marker}")
            self.exercises[name] = Exercise(name, points, item.path.stem.removeprefix("test_"),
                                            self.shown(item.path))
        exercise = self.exercises[name]
        if exercise.points != points:
            raise pytest.UsageError(f"{name}: its tests declare different points; "
                                    f"declare them once, e.g. on a class of tests")
        return exercise

    def _set_time_limit(self, item: pytest.Item) -> None:
        # The grader's @pytest.mark.timeout(N), else --grading-timeout (or pytest-timeout's
        # --timeout), else the default. The limit is ours (limits.py): a marker timeout(0) put
        # first keeps pytest-timeout, if installed, from timing the same test again.
        marker = item.get_closest_marker("timeout")
        option = self.config.getoption("grading_timeout")
        if option is None:
            option = self.config.getoption("timeout", default=None)
        seconds = (float(marker.args[0]) if marker is not None and marker.args
                   else float(option) if option is not None else limits.DEFAULT_SECONDS)
        item.stash[LIMIT_KEY] = seconds
        item.add_marker(pytest.mark.timeout(0), append=False)

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        for item in session.items:
            if EXERCISE_KEY in item.stash:
                self.exercises[item.stash[EXERCISE_KEY]].selected += 1

    # --- each test --------------------------------------------------------------------------
    @pytest.hookimpl(wrapper=True, tryfirst=True)  # before the fixtures load the module
    def pytest_runtest_setup(self, item: pytest.Item) -> Iterator[None]:
        exercise = self.exercises.get(item.stash.get(EXERCISE_KEY, None))
        if exercise is not None and exercise.blocked is not None:
            # An exercise whose test timed out would time out again: skip its other tests.
            exercise.timed_out_skips += 1
            pytest.skip(self.say("skip_reason", status=self.say(exercise.blocked)))
        with limits.time_limit(item.stash.get(LIMIT_KEY, 0)):
            return (yield)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Iterator[None]:
        with limits.time_limit(item.stash.get(LIMIT_KEY, 0)):
            return (yield)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo
                                  ) -> Iterator[pytest.TestReport]:
        test_report = yield
        exercise = self.exercises.get(item.stash.get(EXERCISE_KEY, None))
        if exercise is None or test_report.skipped:
            return test_report
        status = "passed"
        if test_report.failed:
            self._cap_output(test_report)
            status, text, brief = self._explain(item, exercise, call.excinfo, test_report)
            if text is not None:
                test_report.longrepr = text
            test_report.minigrad_status = status
            if brief is not None:  # the summary shows an exercise's first failure in full only
                test_report.minigrad_brief = (exercise.id, *brief)
            if status == "timeout" and exercise.blocked is None:
                exercise.blocked = status
        if test_report.failed or test_report.when == "call":
            previous = exercise.tests.get(item.nodeid, "passed")
            exercise.tests[item.nodeid] = min(previous, status, key=report.STATUSES.index)
        return test_report

    def _cap_output(self, test_report: pytest.TestReport) -> None:
        """Keep the first lines of what the test printed: the rest would bury the feedback."""
        sections = []
        for title, content in test_report.sections:
            if title.startswith("Captured"):
                kept, cut = feedback.capped(content)
                if cut:
                    content = kept + "\n" + self.say("output_cut", n=cut) + "\n"
            sections.append((title, content))
        test_report.printed_lines = sum(content.count("\n") for title, content
                                        in test_report.sections if title.startswith("Captured"))
        test_report.sections = sections

    def _explain(self, item: pytest.Item, exercise: Exercise, excinfo: pytest.ExceptionInfo,
                 test_report: pytest.TestReport) -> tuple[str, str | None, report.Brief | None]:
        """A failed test's status, the message to show instead of a traceback (None: keep
        it), and its brief (None: a failure that is never folded into another)."""
        say, error = self.say, excinfo.value
        grader = item.funcargs.get("grade")
        tried = grader.tried if grader else None
        path = self.submission_path(item.path)
        file, where = self.shown(path), self._where(excinfo, path)
        if isinstance(error, SubmissionNotLoaded):
            return "error", str(error), None
        if isinstance(error, NotImplementedError) and where is not None:
            function, hint = excinfo.traceback[-1].name, str(error).strip() or None
            known = STUB_HINTS.get(f"{exercise.chapter}.{function}", {})
            if hint and known.get("en") == hint:  # the stub's hint, in the learner's language
                hint = known[say.lang]
            if hint and function == exercise.function:
                exercise.stub_hint = hint
            return "not_attempted", report.block(
                say, say("not_attempted_msg", exercise=exercise.id, function=function, file=file),
                [("hint", hint)]), None
        if isinstance(error, GradingFailure):
            return "failed", *report.wrong_answer(say, exercise.id, error)
        if isinstance(error, ExerciseTimeout):
            # Printing a lot is slow too: then that is the first thing to change.
            lines = test_report.printed_lines
            key = "timeout_printing" if lines >= PRINTING_A_LOT else "timeout_msg"
            text = report.block(say, say(key, exercise=exercise.id, seconds=error.seconds,
                                         lines=lines),
                                [("tried", tried), ("where", where)])
            return "timeout", text, ("timeout", None, None)
        if isinstance(error, AttributeError) and isinstance(getattr(error, "obj", None),
                                                            ModuleType) \
                and error.obj.__name__.startswith(GRADED_PREFIX):
            text = report.block(say, say("missing", exercise=exercise.id, function=error.name,
                                         file=file), [])
            return "failed", text, (text, None, None)
        if where is not None:  # raised in the learner's code: shown without pytest's traceback
            return "failed", *report.crash(say, exercise.id, error, tried, where)
        return "failed", None, None  # the grader itself failed: pytest's full report helps

    def _where(self, excinfo: pytest.ExceptionInfo, path: Path) -> str | None:
        """'file, line N: code' of the innermost frame in the graded module ``path``, if any."""
        for entry in reversed(excinfo.traceback):
            if Path(entry.path).resolve() == path:
                code = str(entry.statement).strip().splitlines()[0]
                return f"{self.shown(path)}, {self.say('line')} {entry.lineno + 1}: {code}"
        return None

    def pytest_report_teststatus(self, report: pytest.TestReport) -> Any:
        # Its own category, so unattempted exercises are counted, not dumped as failures.
        if getattr(report, "minigrad_status", None) == "not_attempted" and report.when == "call":
            word = self.say("not_attempted")
            return word, "N", word.upper()
        return None

    # --- the end: the summary table and the JSON report --------------------------------------
    def graded(self) -> list[Exercise]:
        return [ex for ex in self.exercises.values() if ex.tests]

    @pytest.hookimpl(wrapper=True, tryfirst=True)  # around pytest's own: FAILURES first, table last
    def pytest_terminal_summary(self, terminalreporter: Any) -> Iterator[None]:
        tr, graded = terminalreporter, self.graded()
        failed = tr.stats.get("failed")
        if graded and failed:
            # pytest prints stats["failed"] under FAILURES: leave out the failures folded into
            # an exercise's first one while it does, and put them back to count them.
            folded = report.fold_failures(self.say, failed, self.exercises)
            tr.stats["failed"] = [r for r in failed if id(r) not in folded]
        if graded and self.config.option.reportchars == PYTEST_DEFAULT_REPORTCHARS:
            tr.reportchars = tr.reportchars.replace("f", "").replace("E", "")
        try:
            return (yield)
        finally:
            if failed is not None:
                tr.stats["failed"] = failed
            self._write_summary(tr, graded)

    def _write_summary(self, tr: Any, graded: list[Exercise]) -> None:
        if not graded:
            if self.exercises:  # collected, but -m/-k kept none: most likely a misspelt name
                names = sorted(self.exercises)
                tr.write_line(self.say("none_selected", exercises=", ".join(names),
                                       example=names[0]), yellow=True)
            return
        title = self.say("title_solutions" if self.solutions else "title_learner")
        report.write_table(self.say, tr, title, graded, self.target, self.shown,
                           self.say("seed", seed=grading.RUN.seed))

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        path = self.config.getoption("grading_report")
        if path:
            graded = self.graded()
            Path(path).write_text(json.dumps(
                {"language": self.say.lang, "target": str(self.target), "seed": grading.RUN.seed,
                 "complete": all(ex.complete for ex in graded),
                 "exercises": {ex.id: ex.result() for ex in graded}}, indent=2))


# --- fixtures ------------------------------------------------------------------------------------
@pytest.fixture
def submission(request: pytest.FixtureRequest) -> ModuleType:
    """The module this grader file grades, loaded afresh so that no test sees another's state."""
    plugin = request.config.stash[PLUGIN_KEY]
    path = plugin.submission_path(request.path)
    if not path.is_file():
        raise SubmissionNotLoaded(plugin.say("no_file", file=plugin.shown(path)))
    if path in plugin.unloadable:  # already explained in full by an earlier test
        raise SubmissionNotLoaded(plugin.say("still_not_loaded", file=plugin.shown(path)))
    name = GRADED_PREFIX + path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # some Python features (dataclasses, pickle) look modules up here
    try:
        spec.loader.exec_module(module)
    except Exception as error:
        plugin.unloadable.add(path)
        title = report.block(plugin.say, plugin.say("not_loaded", file=plugin.shown(path)), [])
        raise SubmissionNotLoaded(title + "\n" + textwrap.indent(report.error_line(error), "  ")
                                  ) from None
    return module


@pytest.fixture
def grade() -> Grader:
    return Grader()
