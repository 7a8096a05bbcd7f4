"""The grading package's feedback, in-process: values at a readable size, notes that fit the
mistake (type, shape, which element, how close), captured output capped, words bilingual."""

from __future__ import annotations

import numpy as np
import pytest

import exercise_catalog  # noqa: F401 - puts the grading package on the path
from grading import feedback, messages
from grading.grading import Grader, GradingFailure
from grading.report import Words, wrong_answer


def english(notes):
    for note in notes:
        messages.validate(note)  # every note in every language
    return " ".join(note["en"] for note in notes)


def test_a_large_array_is_summarised_and_a_small_one_shown_exactly():
    big = np.arange(200, dtype=float).reshape(10, 20)
    text = feedback.summary(big)
    assert text == "array of shape (10, 20), dtype float64: [0.0, 1.0, 2.0, ..., 197.0, 198.0, 199.0]"
    assert feedback.summary(np.array([0.5, 1.5])) == "array([0.5, 1.5])"
    assert feedback.summary(list(range(100))).startswith("list of 100 items: [0, 1, 2, ...")
    # The Catalan grader describes them in Catalan.
    assert feedback.summary(list(range(100)), "ca").startswith("llista de 100 elements: [0, 1, 2, ...")
    assert feedback.summary(tuple(range(100)), "ca").startswith("tupla de 100 elements: [0, 1,")
    assert feedback.summary(np.zeros((30, 30)), "ca").startswith("array de forma (30, 30), dtype float64: [")


def test_the_first_wrong_element_is_named():
    expected = np.zeros((4, 5))
    got = expected.copy()
    got[2, 3], got[3, 0] = 1.0, 2.0
    assert "2 of 20 elements differ; the first is at [2, 3]: 1.0 where 0.0 was expected" in \
        english(feedback.notes(got, expected))


def test_a_near_miss_is_told_it_is_close_and_why():
    expected = np.linspace(1, 2, 30)
    float32 = english(feedback.notes(expected.astype(np.float32), expected))
    assert "Close: off by a relative" in float32 and "float32" in float32, float32
    rounded = english(feedback.notes(expected * (1 + 3e-6), expected))
    assert "Close" in rounded and "float32" not in rounded, rounded
    assert "Close" not in english(feedback.notes(expected * 1.1, expected))
    assert "Close" in english(feedback.notes(2.000004, 2.0))


@pytest.mark.parametrize("got, word", [
    ([0.0, 1.0], "This is a list: return a numpy array"),
    ((0.0, 1.0), "This is a tuple: return a numpy array"),
    (np.array([True, False]), "True/False values"),
    (np.zeros(3), "Shape (3,) where (2,) was expected"),
])
def test_the_same_type_rule_for_every_array_result(got, word):
    assert word in english(feedback.notes(got, np.array([0.0, 1.0])))


def test_bool_or_array_where_a_number_is_expected():
    assert "is a bool (True/False), not a number" in english(feedback.notes(True, 1))
    assert "array holding one number" in english(feedback.notes(np.array([3.0]), 3.0))


def test_grade_close_refuses_a_bool_and_the_failure_shows_notes():
    grade = Grader()
    with pytest.raises(GradingFailure) as failure:
        grade.close(True, 1.0, hint={"en": "h", "ca": "p"})
    text, _ = wrong_answer(Words("en"), "ch00.x", failure.value)
    assert "Return a number" in text and "note:" in text and "bool" in text, text
    catalan, _ = wrong_answer(Words("ca"), "ch00.x", failure.value)
    assert "nota:" in catalan and "booleà" in catalan, catalan


def test_captured_output_keeps_its_first_lines():
    text = "\n".join(f"line {i}" for i in range(100))
    kept, cut = feedback.capped(text)
    assert cut == 100 - feedback.OUTPUT_LINES and kept.endswith(f"line {feedback.OUTPUT_LINES - 1}")
    assert feedback.capped("short\n") == ("short\n", 0)


def test_the_wrong_element_of_a_returned_tuple_is_named():
    text = english(feedback.notes((2.0, 5.5), (2.0, 5.0)))
    assert "element [1] of what you returned: 5.5 where 5.0 was expected" in text, text
    assert "3 values returned where 2" in english(feedback.notes([1, 2, 3], (1, 2)))


def test_a_list_fails_every_array_result_the_same_way():
    grade = Grader()
    with pytest.raises(GradingFailure) as failure:
        grade.array_shape([[1.0]], (1, 1), hint={"en": "h", "ca": "p"})
    assert "not a numpy array" in failure.value.got["en"], failure.value.got
