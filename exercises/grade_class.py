"""Grade a class: every student's submission, each in its own process and folder, into one CSV.

    python -m exercises.grade_class SUBMISSIONS --out gradebook.csv --lang ca

SUBMISSIONS holds one folder per student with any of their ``chNN_topic.py`` files; a file a
student did not hand in is "not submitted". Every student is graded by a fresh ``pytest``
process in a temporary folder of its own, holding copies of the graders, of minigrad and of that
student's files (all read before any student's code runs), so that a student's code cannot
change another's files, the graders or the library; each process has a time limit
(``--time-limit``) besides the limit on each test. Writes the gradebook (one row per student,
one column per exercise with the points earned, then the totals) and, in the feedback folder
(``--feedback``, default: beside the gradebook), each student's grading report in the language
chosen.
"""

from __future__ import annotations

import argparse
import csv
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from grading import catalog, messages  # noqa: E402 - beside this file, like the graders' imports

WORDS = {
    "en": {"student": "student", "points": "points", "max_points": "max points",
           "passed": "exercises passed", "not_submitted": "not submitted",
           "stopped": "Grading was stopped after {seconds:g} s: the code ran too long.",
           "done": "{student}: {points}/{total} points",
           "written": "Gradebook: {csv}; feedback for each student in {folder}"},
    "ca": {"student": "alumne", "points": "punts", "max_points": "punts màxims",
           "passed": "exercicis superats", "not_submitted": "no lliurat",
           "stopped": "La correcció s'ha aturat al cap de {seconds:g} s: el codi trigava massa.",
           "done": "{student}: {points}/{total} punts",
           "written": "Llibre de notes: {csv}; comentaris de cada alumne a {folder}"},
}


def graders_only(folder: str, names: list[str]) -> set[str]:
    """What the copy of exercises/ leaves out: caches everywhere, and at its top the solutions and
    the stubs (ch*.py: the student's files replace them). grading/ch13_hints.py and the like stay."""
    top = Path(folder) == HERE
    return {name for name in names if name == "__pycache__"
            or (top and (name == "solutions" or fnmatch.fnmatch(name, "ch*.py")))}


def read_submissions(folder: Path, modules: set[str]) -> dict[str, dict[str, str]]:
    """student -> {module: source}, read at once, before any student's code runs."""
    return {student.name: {path.stem: path.read_text(encoding="utf-8", errors="replace")
                           for path in sorted(student.glob("ch*.py")) if path.stem in modules}
            for student in sorted(folder.iterdir()) if student.is_dir()}


def grade_student(files: dict[str, str], lang: str, time_limit: float) -> tuple[dict, str]:
    """One student's results (the plugin's JSON report) and their feedback text."""
    if not files:
        return {}, ""
    with tempfile.TemporaryDirectory(prefix="minigrad-grading-") as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "minigrad", work / "minigrad",
                        ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(HERE, work / "exercises", ignore=graders_only)
        submission = work / "submission"
        submission.mkdir()
        for module, source in files.items():
            (submission / f"{module}.py").write_text(source, encoding="utf-8")
        graders = [str(work / "exercises" / f"test_{module}.py") for module in sorted(files)]
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("PYTEST_", "MINIGRAD_")) and key not in ("CI",)}
        env["PYTHONPATH"] = str(work)  # this copy of minigrad, not the one installed
        command = [sys.executable, "-m", "pytest", *graders, "--submission-dir", str(submission),
                   "--lang", lang, "--grading-report", str(work / "report.json"),
                   "--rootdir", str(work), "-p", "no:cacheprovider", "-p", "no:hypothesispytest",
                   "-q", "--color=no"]
        try:
            done = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True,
                                  timeout=time_limit, stdin=subprocess.DEVNULL)
            output = done.stdout + done.stderr
        except subprocess.TimeoutExpired:
            return {}, WORDS[lang]["stopped"].format(seconds=time_limit)
        report = work / "report.json"
        results = json.loads(report.read_text())["exercises"] if report.exists() else {}
        return results, output.replace(str(work) + os.sep, "")


def gradebook_rows(students: dict[str, dict], exercises: list[catalog.Exercise], lang: str
                   ) -> list[list[str]]:
    """The header, then one row per student: points per exercise (or "not submitted")."""
    words = WORDS[lang]
    rows = [[words["student"], *(ex.id for ex in exercises), words["points"],
             words["max_points"], words["passed"]]]
    total = sum(ex.points for ex in exercises)
    for student, (files, results) in students.items():
        cells, points, passed = [], 0, 0
        for ex in exercises:
            result = results.get(ex.id)
            if ex.module not in files:
                cells.append(words["not_submitted"])
            else:
                earned = result["earned"] if result else 0
                points += earned
                passed += bool(result) and result["status"] == "passed"
                cells.append(str(earned))
        rows.append([student, *cells, str(points), str(total), f"{passed}/{len(exercises)}"])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m exercises.grade_class",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("submissions", type=Path, help="one folder per student")
    parser.add_argument("--out", type=Path, default=Path("gradebook.csv"), help="the CSV to write")
    parser.add_argument("--feedback", type=Path, default=None,
                        help="folder for each student's feedback (default: OUT's name + _feedback)")
    parser.add_argument("--lang", choices=messages.LANGS, default="en")
    parser.add_argument("--time-limit", type=float, default=600.0, metavar="SECONDS",
                        help="the most one student's grading may take (default 600)")
    args = parser.parse_args(argv)
    exercises = catalog.exercises(HERE)
    submissions = read_submissions(args.submissions, {ex.module for ex in exercises})
    feedback = args.feedback or args.out.with_name(args.out.stem + "_feedback")
    feedback.mkdir(parents=True, exist_ok=True)
    students = {}
    for student, files in submissions.items():
        results, text = grade_student(files, args.lang, args.time_limit)
        text = text or WORDS[args.lang]["not_submitted"] + "\n"
        students[student] = (files, results)
        (feedback / f"{student}.txt").write_text(text, encoding="utf-8")
    rows = gradebook_rows(students, exercises, args.lang)
    with args.out.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(rows)
    for row in rows[1:]:
        print(WORDS[args.lang]["done"].format(student=row[0], points=row[-3], total=row[-2]))
    print(WORDS[args.lang]["written"].format(csv=args.out, folder=feedback))
    return 0


if __name__ == "__main__":
    sys.exit(main())
