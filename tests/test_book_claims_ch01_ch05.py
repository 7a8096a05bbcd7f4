"""The numbers that chapters 1 to 5 rely on, recomputed with the library.

Each test repeats a small computation of a chapter and asserts the direction and size of the
claim its text makes, so that a change to minigrad or to a chapter that breaks the claim fails
here, not silently in the prose. (Chapter 5's other claims and chapter 7's are in
test_book_claims_ch05_ch07.py.)
"""
import numpy as np
import pytest

import minigrad
from book_claims_helpers import chapter_namespace, descend, load_solution


def films():
    """Chapter 1's twelve films, drawn as the chapter draws them."""
    rng = np.random.default_rng(0)
    x = np.round(rng.uniform(1, 10, size=12), 1)
    y = np.round(3 * x + 8 + rng.normal(0, 3, size=12), 1)
    return x, y, rng


def test_ch01_random_search_is_wasted_inside_the_narrow_valley():
    """Chapter 1: 12/30 nudges go downhill at first, 6/270 afterwards; the valley is narrow."""
    x, y, rng = films()
    loss = lambda w, b: float(np.mean((w * x + b - y) ** 2))
    w = b = 0.0
    accepted = []
    for _ in range(300):
        new_w, new_b = w + rng.normal(0, 0.5), b + rng.normal(0, 0.5)
        accepted.append(loss(new_w, new_b) < loss(w, b))
        if accepted[-1]:
            w, b = new_w, new_b
    assert (sum(accepted[:30]), sum(accepted[30:])) == (12, 6)
    # The loss's curvatures across and along the valley (eigenvalues of its Hessian) differ
    # by a factor of more than 100: the contours are long, narrow ellipses.
    hessian = 2 * np.array([[np.mean(x ** 2), np.mean(x)], [np.mean(x), 1.0]])
    low, high = np.linalg.eigvalsh(hessian)
    assert high / low > 100


def test_ch01_most_nudges_are_wasted_at_the_bottom_not_only_by_the_narrow_valley():
    """Chapter 1, over ten seeds, nudges of 0.5: outside the contour L = 10 the search keeps
    0.34 ± 0.15 of its nudges on the map of (w, b) and 0.49 ± 0.06 on the round map of centred and
    scaled inputs; inside it both keep 0.036 ± 0.012; the first search makes 233 of its 300 trials
    inside the contour, where 0.82 ± 0.13 of its rejections happen (0.70 ± 0.09 on the round map)."""
    x, y, _ = films()

    def bands(inputs, seed):
        nudges = np.random.default_rng(seed)
        loss = lambda w, b: float(np.mean((w * inputs + b - y) ** 2))
        w = b = 0.0
        before, kept = [], []
        for _ in range(300):
            new_w, new_b = w + nudges.normal(0, 0.5), b + nudges.normal(0, 0.5)
            before.append(loss(w, b))
            kept.append(loss(new_w, new_b) < loss(w, b))
            if kept[-1]:
                w, b = new_w, new_b
        inside, kept = np.array(before) < 10, np.array(kept)
        return (kept[~inside].mean(), kept[inside].mean(), inside.sum(),
                (inside & ~kept).sum() / (~kept).sum())

    narrow = np.array([bands(x, seed) for seed in range(10)])
    round_ = np.array([bands((x - x.mean()) / x.std(), seed) for seed in range(10)])
    assert narrow.mean(0)[[0, 1, 3]] == pytest.approx([0.34, 0.036, 0.82], abs=0.005)
    assert round(narrow.mean(0)[2]) == 233
    assert narrow.std(0)[[0, 1, 3]] == pytest.approx([0.15, 0.012, 0.13], abs=0.005)
    assert round_.mean(0)[[0, 1, 3]] == pytest.approx([0.49, 0.036, 0.70], abs=0.005)
    assert round(round_.mean(0)[2]) == 166
    assert round_.std(0)[[0, 1, 3]] == pytest.approx([0.06, 0.012, 0.09], abs=0.005)
    # The round map has no narrow valley: its loss's two curvatures are equal.
    centred = (x - x.mean()) / x.std()
    hessian = 2 * np.array([[np.mean(centred ** 2), np.mean(centred)], [np.mean(centred), 1.0]])
    np.testing.assert_allclose(np.linalg.eigvalsh(hessian), [2.0, 2.0])
    # Exercise 1.1's answer: along the floor of the valley, b falls by the mean advertising, 5.7.
    assert round(x.mean(), 1) == 5.7


def test_ch01_smaller_nudges_are_kept_more_often_but_go_less_far():
    """Chapter 1, over five seeds: after trial 30, nudges of 0.5, 0.1 and 0.02 are kept 12.6,
    79.2 and 129.0 times of 270; the first two sizes end in the valley (inside the contours
    L = 8 and L = 10), the smallest never enters it (beyond the contour L = 50)."""
    x, y, _ = films()
    loss = lambda w, b: float(np.mean((w * x + b - y) ** 2))

    def search(size, seed):
        nudges = np.random.default_rng(seed)
        w = b = 0.0
        late = 0
        for trial in range(300):
            new_w, new_b = w + nudges.normal(0, size), b + nudges.normal(0, size)
            if loss(new_w, new_b) < loss(w, b):
                w, b = new_w, new_b
                late += trial >= 30
        return late, loss(w, b)

    large, middle, small = (np.array([search(size, seed) for seed in range(5)])
                            for size in (0.5, 0.1, 0.02))
    assert [runs[:, 0].mean() for runs in (large, middle, small)] == pytest.approx(
        [12.6, 79.2, 129.0])
    assert large[:, 1].max() < 8 and middle[:, 1].max() < 10 and small[:, 1].min() > 50
    assert small[:, 1].mean() == pytest.approx(140.3, abs=0.05)



def test_ch01_exercise_1_3_coordinate_search_wins_by_halving_its_step():
    """Exercise 1.3's answer, with the reference fit_line: 200 rounds compute 800 new losses and
    end at w = 3.2255, b = 5.9572, 5.7e-9 above L* = 7.682; the chapter's first random search ends
    at L = 7.69, 0.003 above L*, and its five searches with ε = 0.5 0.003 to 0.018 above it; after
    300 losses (75 rounds) fit_line is 0.0056 above L*, within that range; given 800 trials, the
    five random searches still end 0.0004 to 0.0033 above L*."""
    x, y, rng = films()
    loss = lambda w, b: float(np.mean((w * x + b - y) ** 2))
    w_best, b_best = np.polyfit(x, y, 1)
    L_best = loss(w_best, b_best)
    assert round(L_best, 3) == 7.682

    solution = load_solution("ch01_learning")
    original, scored = solution.mean_squared_error, []
    solution.mean_squared_error = lambda w, b, xs, ys: scored.append((w, b)) or original(w, b, xs, ys)
    w, b = solution.fit_line(x.tolist(), y.tolist(), 200, 1.0)
    solution.mean_squared_error = original
    # Five losses per round: the current line's, already scored in the round before (or the
    # start), and four new ones, those of its nudges.
    assert len(scored) == 5 * 200
    assert all(scored[5 * r] in scored[:5 * r] for r in range(1, 200))
    assert (round(w, 4), round(b, 4)) == (3.2255, 5.9572)
    assert round(loss(w, b) - L_best, 10) == 5.7e-9
    w75, b75 = solution.fit_line(x.tolist(), y.tolist(), 75, 1.0)
    assert round(loss(w75, b75) - L_best, 4) == 0.0056

    # The chapter's first search (its rng, after the films) and its five searches of ε = 0.5.
    w_r = b_r = 0.0
    for _ in range(300):
        new_w, new_b = w_r + rng.normal(0, 0.5), b_r + rng.normal(0, 0.5)
        if loss(new_w, new_b) < loss(w_r, b_r):
            w_r, b_r = new_w, new_b
    assert round(loss(w_r, b_r), 2) == 7.69 and round(loss(w_r, b_r) - L_best, 3) == 0.003

    def search(seed, trials):
        nudges = np.random.default_rng(seed)
        w_s = b_s = 0.0
        for _ in range(trials):
            new_w, new_b = w_s + nudges.normal(0, 0.5), b_s + nudges.normal(0, 0.5)
            if loss(new_w, new_b) < loss(w_s, b_s):
                w_s, b_s = new_w, new_b
        return loss(w_s, b_s) - L_best

    gaps_300 = [search(seed, 300) for seed in range(5)]
    gaps_800 = [search(seed, 800) for seed in range(5)]
    assert (round(min(gaps_300), 3), round(max(gaps_300), 3)) == (0.003, 0.018)
    assert min(gaps_300) < loss(w75, b75) - L_best < max(gaps_300)
    assert (round(min(gaps_800), 4), round(max(gaps_800), 4)) == (0.0004, 0.0033)


def test_ch02_exercise_2_1_central_and_one_sided_errors_of_a_cube():
    """Exercise 2.1's answer, with the reference numerical_gradient: for x³ at 1, h = 0.5 gives
    3.25 (central) and 4.75 (one-sided), errors 0.25 and 1.75, exactly h² and 3h + h²; h = 0.25
    gives errors 0.0625 and 0.8125."""
    solution = load_solution("ch02_derivatives")
    cube = lambda x: x[0] ** 3
    for h, central_error, one_sided_error in ((0.5, 0.25, 1.75), (0.25, 0.0625, 0.8125)):
        central, = solution.numerical_gradient(cube, [1.0], h)
        one_sided = (cube([1.0 + h]) - cube([1.0])) / h
        assert central - 3 == pytest.approx(central_error, abs=1e-12) == h ** 2
        assert one_sided - 3 == pytest.approx(one_sided_error, abs=1e-12) == 3 * h + h ** 2
    assert solution.numerical_gradient(cube, [1.0], 0.5) == [3.25]
    assert (4.75 - 3) / (3.25 - 3) == 7

def test_ch02_central_difference_has_a_flat_floor_from_one_millionth_to_1e_4():
    """Chapter 2: on a dense grid of h, the central difference's error is about 1e-11 (median per
    decade), a little over 1e-10 at worst, from 1e-6 to 1e-4, and about ten times larger between
    1e-7 and 1e-6; the backward gradient and the estimate at h = 1e-6 share nine decimals."""
    ns = chapter_namespace("02-derivatives.md")
    u_of_w = ns["u_of_w"]
    exact = 0.5 * (1 - np.tanh(1.3 * 0.5 + 0.2) ** 2)           # du/dw of u = tanh(0.5 w + 0.2)
    hs = np.logspace(-7, -4, 3001)
    error = np.array([abs((u_of_w(1.3 + h) - u_of_w(1.3 - h)) / (2 * h) - exact) for h in hs])
    decades = [error[(hs >= 10.0 ** low) & (hs < 10.0 ** (low + 1))] for low in (-7, -6, -5)]
    medians = [np.median(decade) for decade in decades]
    assert 5e-12 < medians[1] < 2e-11 and 5e-12 < medians[2] < 2e-11       # "about 1e-11"
    assert max(decades[1].max(), decades[2].max()) < 3e-10                  # "a little over 1e-10"
    assert medians[0] > 5 * max(medians[1:])                               # "about ten times larger"
    assert round(ns["w"].grad, 9) == round(ns["central"], 9)


def test_ch03_one_update_does_not_always_fix_its_example():
    """Exercise 3.1's answer: from w = (-5), b = 0, the input x = (1) with y = 1 and rate 1 has
    z = -5, then -3 after one update, -1 after two, and fires (z = 1) only after three."""
    solution = load_solution("ch03_perceptron")
    weights, bias, sums = [-5.0], 0.0, []
    while not solution.perceptron_predict(weights, bias, [1.0]):
        weights, bias = solution.perceptron_update(weights, bias, [1.0], 1, 1.0)
        sums.append(weights[0] + bias)
    assert sums == [-3.0, -1.0, 1.0]


def test_ch03_from_zero_weights_the_learning_rate_only_scales_the_weights():
    """Exercise 3.4's text: from zero weights, AND, OR and XOR trained at the rates 0.25, 1 and 8
    make the same mistakes and end with weights in proportion to the rate; at 0.1, AND does not
    (rounding tips a weighted sum that should be exactly 0)."""
    train = load_solution("ch03_perceptron").train_perceptron
    X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
    for targets in ([0, 0, 0, 1], [0, 1, 1, 1], [0, 1, 1, 0]):
        w1, b1, mistakes = train(X, targets, 20, 1.0)
        for lr in (0.25, 8.0):
            w, b, m = train(X, targets, 20, lr)
            assert m == mistakes and w == [lr * v for v in w1] and b == lr * b1
    assert train(X, [0, 0, 0, 1], 20, 0.1)[2] != train(X, [0, 0, 0, 1], 20, 1.0)[2]


def test_ch03_xor_from_zero_weights_goes_round_one_loop():
    """Exercise 3.2's answer: on XOR from zero weights at rate 1, epoch 1 ends at w = (-1, 0),
    b = -1, epoch 2 and every later one at w = (-1, 0), b = 0, each epoch after 2 with 4
    mistakes; the solution's xor_loop says so."""
    solution = load_solution("ch03_perceptron")
    X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
    ends = [solution.train_perceptron(X, [0, 1, 1, 0], n, 1.0) for n in range(1, 31)]
    assert ends[0][:2] == ([-1.0, 0.0], -1.0)
    assert all(end[:2] == ([-1.0, 0.0], 0.0) for end in ends[1:])
    assert ends[-1][2][:2] == [3, 3] and set(ends[-1][2][2:]) == {4}
    assert solution.xor_loop() == (2, [-1.0, 0.0], 0.0, 4)



def test_ch03_the_and_trace_stops_on_a_line_through_one_of_its_points():
    """Chapter 3's AND trace, run by minigrad's Perceptron: 2, 3, 3, 2 and 1 mistakes, none in the
    sixth epoch, ending at w = (2, 1), b = -3, whose line passes through (1, 1) (z = 0), so that
    (1, 0.99) no longer fires; the weights chosen by hand keep every z at least 0.5 from 0."""
    ns = chapter_namespace("03-perceptron.md")
    assert ns["and_mistakes"] == [2, 3, 3, 2, 1, 0]
    w = ns["p"].linear.weight.data[0].tolist()
    b = float(ns["p"].linear.bias.data[0])
    assert (w, b) == ([2.0, 1.0], -3.0)
    assert w[0] * 1 + w[1] * 1 + b == 0 and round(w[0] * 1 + w[1] * 0.99 + b, 9) == -0.01
    assert min(abs(x1 + x2 - 1.5) for x1, x2 in ns["X"]) == 0.5


def test_ch03_at_rate_0_1_and_stops_after_three_epochs():
    """Exercise 3.4's answer on 0.1: AND from zero weights makes 2, 3 and 3 mistakes and then none,
    because after epoch 3 the input (1, 0) has a weighted sum of order -1e-17 where exact
    arithmetic gives 0; it ends at w = (0.2, 0.1) and a bias of about -0.2."""
    train = load_solution("ch03_perceptron").train_perceptron
    X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
    w, b, mistakes = train(X, [0, 0, 0, 1], 20, 0.1)
    assert mistakes == [2, 3, 3] + [0] * 17
    assert w == pytest.approx([0.2, 0.1], abs=1e-12) and b == pytest.approx(-0.2, abs=1e-12)
    w3, b3, _ = train(X, [0, 0, 0, 1], 3, 0.1)
    assert -1e-16 < w3[0] + b3 < -1e-18          # (1, 0): exactly 0 at rate 1, a mistake there
    assert train(X, [0, 0, 0, 1], 3, 1.0)[0][0] + train(X, [0, 0, 0, 1], 3, 1.0)[1] == 0


def test_ch03_the_logistic_derivative_rounds_to_zero_from_about_36_74():
    """Exercise 3.3's answer: sigma(z)(1 - sigma(z)) is exactly 0 in float64 from z = 53 ln 2
    (about 36.74) on, where the true derivative is about e^-z (8.5e-17 at z = 37); for negative z
    it stays about e^z (8.5e-17 at z = -37) until e^z underflows, near -745; adding 8.5e-17 to 1
    leaves 1; at z = 10 the derivative is already 4.5e-5."""
    import math
    derivative = load_solution("ch03_perceptron").logistic_derivative
    edge = 53 * math.log(2)
    assert round(edge, 2) == 36.74
    assert derivative(edge + 1e-6) == 0.0 and derivative(edge - 1e-3) > 0 and derivative(37) == 0.0
    true_37 = math.exp(-37) / (1 + math.exp(-37)) ** 2
    assert 8.4e-17 < true_37 < 8.6e-17
    assert derivative(-37) == pytest.approx(true_37, rel=1e-12)
    assert derivative(-744) > 0 and derivative(-746) == 0.0
    assert 1.0 + true_37 == 1.0
    assert 4.5e-5 < derivative(10) < 4.55e-5

def test_ch04_the_wage_network_bends_at_24_and_25_years_outside_tech():
    """Exercise 4.3's answer: along education, the wage network bends at 24 and 25 years outside
    tech and at 9 and 10 in tech, with the slopes 0, 2 and 12; ReLU(x) - ReLU(-x) has no kink."""
    kinks = load_solution("ch04_forward").relu_kinks
    assert kinks([2.0, 1.0], [-50.0, -24.0], [5.0, 2.0]) == ([24.0, 25.0], [0.0, 2.0, 12.0])
    assert kinks([2.0, 1.0], [-50.0 + 30, -24.0 + 15], [5.0, 2.0]) == ([9.0, 10.0], [0.0, 2.0, 12.0])
    assert kinks([1.0, -1.0], [0.0, 0.0], [1.0, -1.0]) == ([], [1.0])


def test_ch04_the_sigmoid_network_moves_least_in_each_of_five_draws():
    """Chapter 4: over seeds 0-4 the sigmoid network's output moves by 0.66 at most, those of the
    tanh and ReLU networks (same weights) by 1.35 or more; the ratio of the sigmoid network's move
    to the tanh network's, 0.07 to 0.26, stays above the 1/16 of the steepest slopes."""
    ranges = chapter_namespace("04-forward-propagation.md")["ranges"]
    assert max(ranges["sigmoid"]) < 0.7
    assert min(ranges["tanh"] + ranges["relu"]) > 1.3
    ratios = np.array(ranges["sigmoid"]) / np.array(ranges["tanh"])
    assert 1 / 16 < ratios.min() < 0.075 and 0.255 < ratios.max() < 0.265   # "0.07 to 0.26"



def test_ch04_the_linear_fit_pays_8_3_a_year_and_misses_both_groups():
    """Chapter 4's least-squares line: about 8.3 a year (8.27), a negative wage (about -1.1) for a
    non-tech worker with 12 years; fig-wages-linear's alt text: the orange line is above all the
    tech workers from 12 to 15 years, among them at 16 and 17, below them all from 18 to 20; the
    blue line ends above the non-tech workers of 20 years."""
    X, y = minigrad.data.make_wages(200, noise=2.0, seed=0)
    education, tech = X[:, 0], X[:, 1]
    A = np.column_stack([np.ones(len(X)), education, tech])
    (intercept, per_year, tech_bonus), *_ = np.linalg.lstsq(A, y, rcond=None)
    assert abs(per_year - 8.3) < 0.05 and -1.5 < intercept + 12 * per_year < 0

    def side(job, year):
        dots = y[(tech == job) & (education == year)]
        line = intercept + per_year * year + tech_bonus * job
        return 1 if line > dots.max() else -1 if line < dots.min() else 0
    assert [side(1, year) for year in range(12, 21)] == [1, 1, 1, 1, 0, 0, -1, -1, -1]
    assert side(0, 20) == 1


def test_ch04_the_sigmoid_network_is_a_rescaled_tanh_network():
    """Chapter 4: fig-activation-shapes' alt text (seed 0: ReLU falls from about -3 to -8.5, tanh
    stays between about -0.9 and -2.3, the sigmoid near -3.9), and tanh(z) = 2 sigma(2z) - 1: the
    sigmoid network with its weights doubled or quadrupled and its biases shifted computes the tanh
    network, so the sigmoid network's small moves come from the scale of its weights."""
    ns = chapter_namespace("04-forward-propagation.md")
    shapes = ns["shapes"]
    assert -3.4 < shapes["relu"].max() < -2.9 and -8.7 < shapes["relu"].min() < -8.2
    assert shapes["relu"][-1] == shapes["relu"].min()
    assert -1.0 < shapes["tanh"].max() < -0.8 and -2.4 < shapes["tanh"].min() < -2.1
    assert -4.0 < shapes["sigmoid"].min() and shapes["sigmoid"].max() < -3.75
    rescaled = [ns["rescaled"]([float(t)]).data for t in ns["inputs"]]
    assert np.allclose(rescaled, ns["outputs"]("tanh", 0, ns["inputs"]), atol=1e-9)
    assert np.ptp(rescaled) > 1.3          # as much as the tanh network moves (1.35 at seed 0)


def test_ch04_exercise_answers_sigmoid_squeezes_and_no_linear_network_fits():
    """Exercises 4.1 and 4.2's answers: with the sigmoid, the wage network's table is 0.00001,
    6.82 / 0.00003, 6.95 (a raise of about 0.14 in tech, 0.00002 outside), every output between 0
    and 5 + 2 = 7; without activations its 9 parameters collapse into the 3 of
    12 x1 + 180 x2 - 298, and a linear model that fits 0, 0 outside tech and 26 at 12 years in tech
    predicts 26, not 38, at 13."""
    import math
    solution = load_solution("ch04_forward")
    W, B, V = [[2.0, 30.0], [1.0, 15.0]], [-50.0, -24.0], [5.0, 2.0]
    sigmoid = lambda z: 1 / (1 + math.exp(-z))
    table = {(x1, x2): solution.forward([x1, x2], W, B, V, 0.0, sigmoid) for x1 in (12, 13) for x2 in (0, 1)}
    assert round(table[12, 0], 5) == 0.00001 and round(table[13, 0], 5) == 0.00003
    assert round(table[12, 1], 2) == 6.82 and round(table[13, 1], 2) == 6.95
    assert round(table[13, 1] - table[12, 1], 2) == 0.14 and round(table[13, 0] - table[12, 0], 5) == 0.00002
    assert all(0 < v < 7 for v in table.values())
    assert solution.forward([40.0, 1.0], W, B, V, 0.0, sigmoid) < 7
    assert sum(len(w) for w in W) + len(B) + len(V) + 1 == 9
    assert solution.collapse_linear(W, B, V, 0.0) == ([12.0, 180.0], -298.0)
    # b + 12 w1 = 0, b + 13 w1 = 0 and b + 12 w1 + w2 = 26 leave one answer at (13, 1):
    (b, w1, w2) = np.linalg.solve([[1, 12, 0], [1, 13, 0], [1, 12, 1]], [0, 0, 26])
    assert round(b + 13 * w1 + w2, 9) == 26

def descend_line(x, y, learning_rate, steps=200):
    """Chapter 5: gradient descent on the line's mean squared error from w = b = 0; L - L*."""
    w_best, b_best = np.polyfit(x, y, 1)
    loss = lambda w, b: float(np.mean((w * x + b - y) ** 2))
    w = b = 0.0
    gaps = [loss(w, b) - loss(w_best, b_best)]
    for _ in range(steps):
        error = w * x + b - y
        w, b = w - learning_rate * np.mean(2 * error * x), b - learning_rate * np.mean(2 * error)
        gaps.append(loss(w, b) - loss(w_best, b_best))
    return np.array(gaps)


def test_ch05_chapter_1s_line_needs_scaled_inputs():
    """Chapter 5: unscaled, eta = 0.024 diverges and 0.023 is still 0.17 above L* after 200 steps
    (7.0e-7 after 800), while exercise 1.3's coordinate search, with 800 losses, gets to 5.7e-9;
    scaled, 46 steps (eta = 0.1) or 1 (0.5)."""
    x, y, _ = films()
    assert descend_line(x, y, 0.024)[-1] > 1e12
    assert abs(descend_line(x, y, 0.023)[-1] - 0.17) < 0.005
    solution = load_solution("ch01_learning")
    w, b = solution.fit_line(x.tolist(), y.tolist(), 200, 1.0)
    w_best, b_best = np.polyfit(x, y, 1)
    assert abs(w - w_best) < 1e-3 and abs(b - b_best) < 1e-3
    # At matched losses computed (200 rounds of four nudges = 800 steps) the search is ahead:
    # 5.7e-9 against 7.0e-7; 1600 steps of gradient descent pass it (7.8e-14).
    L_best = np.mean((w_best * x + b_best - y) ** 2)
    search_gap = np.mean((w * x + b - y) ** 2) - L_best
    assert round(search_gap, 10) == 5.7e-9
    assert descend_line(x, y, 0.023, 800)[-1] > 100 * search_gap > 1e4 * descend_line(x, y, 0.023, 1600)[-1]
    scaled = (x - x.mean()) / x.std()
    assert np.argmax(descend_line(scaled, y, 0.1) < 1e-6) == 46
    assert np.argmax(descend_line(scaled, y, 0.5) < 1e-6) == 1


def test_ch05_exercise_5_1s_answer_the_valley_sets_the_number_of_steps():
    """Exercise 5.1's answer, with the reference gradient_descent_step on chapter 1's films from
    w = b = 0: with eta = 0.023, L - L* first falls below 1e-6 after 783 steps, where
    0.17 after 200 steps and eta * lambda_min (1 - 0.990 per step, 0.980 in the loss) predict
    about 200 + 600 = 800; with 0.0232, closer to 2 / lambda_max, 1,617 steps, because across the
    valley a step multiplies the distance by -0.994 (-0.977 at 0.023). No stable rate removes more
    than 2 lambda_min / lambda_max = 0.0101 of the way per step (ratio about 200); on the scaled
    inputs the same 1e-6 takes 46 steps with eta = 0.1 and 1 with 0.5."""
    x, y, _ = films()
    step = load_solution("ch05_backprop").gradient_descent_step
    w_best, b_best = np.polyfit(x, y, 1)

    def steps_to(inputs, rate, target=1e-6, most=3000):
        loss = lambda w, b: float(np.mean((w * inputs + b - y) ** 2))
        best = loss(*np.polyfit(inputs, y, 1))
        w = b = 0.0
        gaps = [loss(w, b) - best]
        while gaps[-1] >= target and len(gaps) <= most:
            w, b = step(w, b, inputs.tolist(), y.tolist(), rate)
            gaps.append(loss(w, b) - best)
        return len(gaps) - 1, gaps

    low, high = np.linalg.eigvalsh(2 * np.array([[np.mean(x ** 2), np.mean(x)], [np.mean(x), 1.0]]))
    n, gaps = steps_to(x, 0.023)
    assert n == 783 and round(gaps[200], 2) == 0.17
    shrink = 1 - 0.023 * low
    assert round(shrink, 3) == 0.990 and round(shrink ** 2, 3) == 0.980
    more = np.log(0.17 / 1e-6) / (-2 * np.log(0.990))
    assert round(more, -2) == 600 and n < 200 + more < 1.03 * n
    assert steps_to(x, 0.0232)[0] == 1617 and 0.0232 < 2 / high
    assert round(1 - 0.0232 * high, 3) == -0.994 and round(1 - 0.023 * high, 3) == -0.977
    assert round(2 * low / high, 4) == 0.0101 and round(high / low, -2) == 200
    scaled = (x - x.mean()) / x.std()
    assert steps_to(scaled, 0.1)[0] == 46 and steps_to(scaled, 0.5)[0] == 1


def test_ch05_gradients_vanish_through_sigmoids_over_five_seeds():
    """Chapter 5: over five seeds, ten sigmoid layers shrink the first layer's gradient 17,000 to
    520,000 times; with tanh and ReLU the first layer is at most ~6 times smaller than the last,
    and the layers stay within a factor of 25."""
    from minigrad import data
    from minigrad.scalar_nn import MLP

    points, labels = data.make_moons(20, noise=0.1, seed=0)
    for name in ("sigmoid", "tanh", "relu"):
        for seed in range(5):
            minigrad.manual_seed(seed)
            deep = MLP(2, [8] * 10 + [1], activation=name)
            loss = sum((deep([float(a), float(b)]) - (1.0 if c else -1.0)) ** 2
                       for (a, b), c in zip(points, labels)) / len(labels)
            loss.backward()
            sizes = [np.mean([abs(w.grad) for n in layer.neurons for w in n.w])
                     for layer in deep.layers]
            if name == "sigmoid":
                assert 1.5e4 < sizes[-1] / sizes[0] < 6e5
            else:
                assert sizes[-1] / sizes[0] < 6.5 and max(sizes) / min(sizes) < 26


def test_ch05_descent_first_passes_the_coordinate_search_after_about_1040_steps():
    """Chapter 5: with eta = 0.023 from w = b = 0, L - L* first falls below the search's 5.7e-9
    (200 rounds, 800 losses) at n = 1041, about 1.3 times 800."""
    x, y, _ = films()
    solution = load_solution("ch01_learning")
    w, b = solution.fit_line(x.tolist(), y.tolist(), 200, 1.0)
    w_best, b_best = np.polyfit(x, y, 1)
    search_gap = np.mean((w * x + b - y) ** 2) - np.mean((w_best * x + b_best - y) ** 2)
    passes = int(np.argmax(descend_line(x, y, 0.023, 1600) < search_gap))
    assert 1030 <= passes <= 1050 and round(passes / 800, 1) == 1.3


def test_ch05_chapter_4s_own_wage_network_rescaled_keeps_or_kills_its_neurons():
    """Chapter 5: chapter 4's weights, rewritten for scaled education and wages, start at
    L = 511.4; 300 steps with eta = 0.01 reach L = 53.7 with both neurons off for the 45 workers
    outside tech; with 0.1 and 0.5 both neurons die for all 100 workers and L = Var(y) = 904.8."""
    from minigrad import data
    from minigrad.scalar_nn import MLP

    X, y = data.make_wages(100, noise=2.0, seed=0)
    education, wages = X[:, 0].astype(float), y.astype(float)
    m, s, mean, std = education.mean(), education.std(), wages.mean(), wages.std()
    inputs = [[(a - m) / s, float(b)] for a, b in X]
    targets = [(t - mean) / std for t in wages]

    def network():
        net = MLP(2, [2, 1], activation="relu")
        for neuron, (w1, w2), b in zip(net.layers[0].neurons, [(2, 30), (1, 15)], [-50, -24]):
            neuron.w[0].data, neuron.w[1].data, neuron.b.data = w1 * s, w2, b + w1 * m
        out = net.layers[1].neurons[0]
        out.w[0].data, out.w[1].data, out.b.data = 5 / std, 2 / std, -mean / std
        return net

    def loss(net):
        return sum((net(x) - t) ** 2 for x, t in zip(inputs, targets)) / len(targets)

    def switched_on(net, xs):
        return [sum(n(x).data > 0 for x in xs) for n in net.layers[0].neurons]

    outside = [x for x in inputs if x[1] == 0]
    assert len(outside) == 45 and abs(loss(network()).data * std ** 2 - 511.4) < 0.05
    for rate in (0.01, 0.1, 0.5):
        net = network()
        descend(net, loss, rate, 300)
        final = loss(net).data * std ** 2
        if rate == 0.01:
            assert abs(final - 53.7) < 0.05 and switched_on(net, outside) == [0, 0]
        else:
            assert switched_on(net, inputs) == [0, 0] and abs(final - std ** 2) < 0.05
            assert abs(std ** 2 - 904.8) < 0.05


def test_ch05_pixels_between_0_and_1_still_make_a_narrow_valley():
    """Chapter 5: on the 52 digit pixels with std > 0.05, lambda_max/lambda_min of a linear
    model's least squares is 3.0e4 as they are, 2.6e3 centred and 143 standardised."""
    from minigrad.data import load_digits

    pixels = load_digits()[0].reshape(-1, 64).astype(float)
    pixels = pixels[:, pixels.std(axis=0) > 0.05]

    def ratio(inputs):
        design = np.column_stack([inputs, np.ones(len(inputs))])
        eigenvalues = np.linalg.eigvalsh(design.T @ design / len(design))
        return eigenvalues[-1] / eigenvalues[0]

    centred = pixels - pixels.mean(axis=0)
    assert pixels.shape[1] == 52
    assert round(ratio(pixels), -3) == 3.0e4 and round(ratio(centred), -2) == 2.6e3
    assert round(ratio(centred / pixels.std(axis=0))) == 143
