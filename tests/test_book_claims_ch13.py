"""The count baselines that chapter 13 relies on, recomputed from the chapter's own cells (the
pattern of book_claims_helpers.py): only the cells up to the n-gram table run, since the
transformers that follow take minutes to train."""
import re

import numpy as np

from book_claims_helpers import CHAPTERS


def counting_namespace() -> dict:
    """The variables left by chapter 13's cells up to and including its n-gram table."""
    import matplotlib
    matplotlib.use("Agg")
    source = (CHAPTERS / "13-attention-and-transformers.md").read_text()
    namespace = {}
    for cell in re.findall(r"^```\{code-cell\} python3\n(.*?)^```$", source, re.S | re.M):
        if cell.startswith("---\n"):
            cell = cell.split("---\n", 2)[2]
        exec(compile(cell, "13-attention-and-transformers.md", "exec"), namespace)
        if "ngram_losses" in namespace:
            return namespace
    raise AssertionError("chapter 13 has no cell that fills ngram_losses")


def test_ch13_longer_contexts_help_a_table_of_counts_up_to_three_characters():
    """"A second character of context takes off about another 0.4 to 0.6 nat ... with α = 0.1
    the 4-gram takes off more than another 0.2 nat, down to the lowest loss of the table. A
    fourth character makes every model worse again, on every split": on the five splits of
    both languages; and the figure's 4-gram lines lie "near 1.6"."""
    ns = counting_namespace()
    losses, splits = ns["ngram_losses"], ns["SPLITS"]
    for lang in ("en", "ca"):
        for alpha in (1.0, 0.1):
            second = np.subtract(losses[lang, alpha, 2], losses[lang, alpha, 3])
            assert np.all((0.35 < second) & (second < 0.65)), (lang, alpha, second)
            assert np.all(np.subtract(losses[lang, alpha, 5], losses[lang, alpha, 4]) > 0)
        third = np.subtract(losses[lang, 0.1, 3], losses[lang, 0.1, 4])
        assert np.all(third > 0.2), (lang, third)
        best = min(losses, key=lambda key: np.mean(losses[key]) if key[0] == lang else np.inf)
        assert best == (lang, 0.1, 4)
        assert len(losses[best]) == len(splits) == 5
        assert 1.45 < losses[best][0] < 1.75            # b = 9, the figure's line
        # The n = 2, α = 1 row is the chapter's bigram model on every split.
        ids, V = ns["vocab"][lang].encode(ns["texts"][lang]), len(ns["vocab"][lang])
        for b, loss in zip(splits, losses[lang, 1.0, 2]):
            assert abs(ns["bigram_loss"](*ns["split"](ids, held_out=b), V) - loss) < 1e-9


def test_ch13_exercise_13_7_the_peak_weight_with_and_without_the_scale():
    """Exercise 13.7's dropdown: its means ± standard deviations over the seeds 0 to 9,
    "above 0.9 on every seed" at d = 1024 unscaled, "0.06 at most" of spread, each unscaled step
    larger than it up to d = 256, and on each seed the unscaled peak above the scaled one from
    d = 4 on (the reference solution, run as the exercise asks)."""
    import importlib.util
    path = CHAPTERS.parents[1] / "exercises" / "solutions" / "ch13_attention.py"
    spec = importlib.util.spec_from_file_location("ch13_solution", path)
    solution = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(solution)
    peak_weight = solution.peak_weight
    dims, seeds = (1, 4, 16, 64, 256, 1024), range(10)
    peaks = {scaled: np.array([[peak_weight(d, s, scaled) for d in dims] for s in seeds])
             for scaled in (True, False)}
    source = " ".join((CHAPTERS / "13-attention-and-transformers.md").read_text().split())
    for scaled in (True, False):
        cells = [f"{m:.2f} ± {s:.2f}" for m, s in zip(peaks[scaled].mean(0), peaks[scaled].std(0))]
        series = ", ".join(cells[:-1]) + " and " + cells[-1]
        assert f"{series} with{'' if scaled else 'out'} " in source, (scaled, series)
    assert np.all(peaks[False][:, -1] > 0.9)
    spread = max(peaks[True].std(0).max(), peaks[False].std(0).max())
    assert spread < 0.065
    assert np.all(np.diff(peaks[False].mean(0))[:4] > spread)
    assert np.all(peaks[False][:, 1:] > peaks[True][:, 1:])
    assert np.all((0.18 < peaks[True].mean(0)) & (peaks[True].mean(0) < 0.26))
    assert 3.5 < peaks[True].mean() * 16 < 4.1
