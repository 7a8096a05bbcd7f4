"""A teacher grades a class with one command (``python -m exercises.grade_class``): three fake
students (every reference solution, one chapter's, nothing) give the expected gradebook."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys

from exercise_catalog import ROOT, SOLUTIONS, exercises


def test_a_class_of_three_gives_the_expected_gradebook(tmp_path):
    submissions = tmp_path / "submissions"
    full, partial, missing = (submissions / name for name in ("anna", "biel", "carla"))
    shutil.copytree(SOLUTIONS, full, ignore=shutil.ignore_patterns("__pycache__"))
    partial.mkdir()
    all_exercises = exercises()
    first = all_exercises[0].module
    shutil.copy(SOLUTIONS / f"{first}.py", partial)
    (partial / "notes.txt").write_text("not a submission")
    missing.mkdir()
    out = tmp_path / "gradebook.csv"
    env = {k: v for k, v in os.environ.items() if k not in ("MINIGRAD_LANG", "PYTEST_ADDOPTS")}
    done = subprocess.run([sys.executable, "-m", "exercises.grade_class", str(submissions),
                           "--out", str(out), "--lang", "ca"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    rows = list(csv.reader(out.open(encoding="utf-8")))
    total = sum(ex.points for ex in all_exercises)
    n = len(all_exercises)
    assert rows[0] == ["alumne", *(ex.id for ex in all_exercises), "punts", "punts màxims",
                       "exercicis superats"]
    assert rows[1] == ["anna", *(str(ex.points) for ex in all_exercises), str(total), str(total),
                       f"{n}/{n}"]
    firsts = [ex for ex in all_exercises if ex.module == first]
    assert rows[2] == ["biel", *(str(ex.points) if ex.module == first else "no lliurat"
                                 for ex in all_exercises),
                       str(sum(ex.points for ex in firsts)), str(total), f"{len(firsts)}/{n}"]
    assert rows[3] == ["carla", *["no lliurat"] * n, "0", str(total), f"0/{n}"]
    feedback = tmp_path / "gradebook_feedback"
    assert "Tots els exercicis corregits estan superats" in (feedback / "anna.txt").read_text()
    assert "superat" in (feedback / "biel.txt").read_text()
    assert (feedback / "carla.txt").read_text().strip() == "no lliurat"
