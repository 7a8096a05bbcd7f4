"""What the learner reads: a failure explained in words, failures folded, the grading table.

``Exercise`` is one exercise's record during a run; ``Words`` turns message keys into the run's
language; the functions below write text from them and know nothing about pytest's hooks.
"""

from __future__ import annotations

import textwrap
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import feedback, messages
from .catalog import Named
from .grading import GradingFailure

# Worst first: an exercise takes the worst status among its tests.
STATUSES = ("error", "timeout", "failed", "not_attempted", "partial", "passed")
ALSO_FAILED_LINES = 3  # later failures of an exercise shown in one line each; the rest counted
WIDTH = 96


@dataclass
class Exercise(Named):
    """One exercise of the run: where it is, what it is worth, how each of its tests went."""
    id: str
    points: int
    module: str                 # "ch02_derivatives": the file the learner writes
    grader: str                 # "exercises/test_ch02_derivatives.py", as typed
    tests: dict[str, str] = field(default_factory=dict)    # node id -> status
    collected: int = 0          # tests the grader has for it
    selected: int = 0           # tests this run selected (-k, --deselect: fewer)
    by_node_id: bool = False    # its grader was given as a node id (file::test): maybe fewer
    stub_hint: str | None = None
    timed_out_skips: int = 0    # tests skipped after a timeout
    blocked: str | None = None  # a status that makes the exercise's other tests pointless

    @property
    def complete(self) -> bool:
        """Whether this run graded every test of the exercise: else, passing is no result."""
        return self.selected == self.collected and not self.by_node_id

    @property
    def status(self) -> str:
        status = min(self.tests.values(), key=STATUSES.index)
        return "partial" if status == "passed" and not self.complete else status

    def result(self) -> dict[str, Any]:
        """The exercise's line of the JSON report."""
        status = self.status
        return {"chapter": self.chapter, "points": self.points, "module": self.module,
                "grader": self.grader, "tests": self.tests, "stub_hint": self.stub_hint,
                "status": status, "earned": self.points if status == "passed" else 0,
                "complete": self.complete}


@dataclass
class Words:
    lang: str

    def __call__(self, key: str, **fields: Any) -> str:
        return messages.text(self.lang, key, **fields)

    def count(self, key: str, n: int, **fields: Any) -> str:
        return messages.count_text(self.lang, key, n, **fields)

    def pick(self, value: Any) -> str:
        """Words given in both languages, in this one; a value, exactly (``repr``), so that a
        missing `return` shows up as None and 0.1 + 0.2 as 0.30000000000000004, except that a
        large array or list is summarised."""
        return value[self.lang] if isinstance(value, dict) else feedback.summary(value, self.lang)


def block(say: Words, title: str, fields: list[tuple[str, str | None]]) -> str:
    """A title, then aligned 'label: value' lines; long values wrap under their column."""
    fields = [(say(label), value) for label, value in fields if value is not None]
    width = max((len(label) for label, _ in fields), default=0) + 2
    lines = textwrap.wrap(title, WIDTH)
    for label, value in fields:
        wrapped = textwrap.wrap(value, WIDTH - width - 2) or [""]
        lines.append(f"  {label + ':':<{width}}{wrapped[0]}")
        lines += [" " * (width + 2) + rest for rest in wrapped[1:]]
    return "\n".join(lines)


def short(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 1] + "…"


def error_line(error: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(error), error)).strip()


# What makes two failures of an exercise the same, the failure in one line, and its hint.
Brief = tuple[Any, str | None, str | None]


def wrong_answer(say: Words, exercise: str, error: GradingFailure) -> tuple[str, Brief]:
    expected, got = say.pick(error.expected), say.pick(error.got)
    hint = say.pick(error.hint)
    notes = [("note", say.pick(note)) for note in feedback.notes(error.got, error.expected)]
    text = block(say, say("wrong", exercise=exercise),
                 [("tried", error.tried), ("expected", expected), ("got", got), *notes,
                  ("hint", hint)])
    details = f"{say('got')} {short(got, 60)}, {say('expected')} {short(expected, 60)}"
    if error.tried is not None:
        details = f"{say('tried')} {short(error.tried, 100)} → {details}"
    return text, ((error.tried, expected, got), details, hint)


def crash(say: Words, exercise: str, error: BaseException, tried: str | None, where: str
          ) -> tuple[str, Brief]:
    kind = error_line(error)
    text = block(say, say("crashed", exercise=exercise),
                 [("tried", tried), ("error_label", kind), ("where", where),
                  ("hint", say("crash_hint"))])
    details = f"{short(kind.splitlines()[-1], 100)} ({say('where')}: {where})"
    if tried is not None:
        details = f"{say('tried')} {short(tried, 100)} → {details}"
    return text, ((kind, where), details, None)


def fold_failures(say: Words, failed: list[Any], exercises: dict[str, Exercise]) -> set[int]:
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
            first["lines"].append(say("also_failed", details=details))
            if new_hint:  # a different nudge: worth its own line
                first["hints"].add(hint)
                first["lines"].append(f"  {say('hint')}: {hint}")
        else:
            first["more"] += 1
    for exercise, first in firsts.items():
        lines = list(first["lines"])
        if first["same"]:
            lines.append(say.count("same_way", first["same"]))
        if first["more"]:
            lines.append(say.count("more_failed", first["more"]))
        record = exercises[exercise]
        if record.timed_out_skips:
            lines.append(say.count("skipped", record.timed_out_skips, status=say(record.blocked)))
        if lines:
            report = first["report"]
            report.longrepr = "\n".join([str(report.longrepr)] + [
                textwrap.fill(line, WIDTH, initial_indent="  ",
                              subsequent_indent=" " * (len(line) - len(line.lstrip()) + 6))
                for line in lines])
    return folded


def write_table(say: Words, tr: Any, title: str, exercises: list[Exercise], target: Path,
                shown: Any, seed: str) -> None:
    """The grading table, per exercise then per chapter, the seed of the cases, and what to
    do next."""
    tr.write_sep("=", title, bold=True)
    results = {ex.id: ex.result() for ex in exercises}
    rows = [(say("exercise"), say("result"), say("points"))]
    rows += [(ex, say(r["status"]), f"{r['earned']}/{r['points']}") for ex, r in results.items()]
    chapters: dict[str, list[dict]] = {}
    for r in results.values():
        chapters.setdefault(r["chapter"], []).append(r)
    if len(chapters) > 1:
        chapters[say("total")] = list(results.values())
    table = [(say("chapter"), say("exercises_passed"), say("points"))]
    table += [(ch, f"{sum(r['status'] == 'passed' for r in rs)}/{len(rs)}",
               f"{sum(r['earned'] for r in rs)}/{sum(r['points'] for r in rs)}")
              for ch, rs in chapters.items()]
    for lines in (rows, table):
        widths = [max(len(row[i]) for row in lines) + 3 for i in range(3)]
        for n, row in enumerate(lines):
            bold = n == 0 or (lines is table and len(chapters) > 1 and n == len(lines) - 1)
            tr.write_line("".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip(),
                          bold=bold)
        tr.write_line("")
    tr.write_line(seed)
    partial = [ex for ex in exercises if not ex.complete]
    if partial:
        tr.write_line(textwrap.fill(say("partial_run", exercises=", ".join(ex.id for ex in partial),
                                        grader=partial[0].grader, exercise=partial[0].id), WIDTH),
                      yellow=True)
    pending = [ex for ex in exercises if ex.status not in ("passed", "partial")]
    if not pending:
        if not partial:
            tr.write_line(say("all_passed"), green=True)
        return
    first = pending[0]
    tr.write_line(say("start_with", function=first.function,
                      file=shown(target / f"{first.module}.py"), grader=first.grader,
                      exercise=first.id))
    if first.status == "not_attempted" and first.stub_hint:
        tr.write_line(textwrap.fill(f"{say('hint')}: {first.stub_hint}", WIDTH,
                                    initial_indent="  ", subsequent_indent="    "))
