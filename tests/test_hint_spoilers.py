"""A grader's hint teaches; it does not hand over the answer (issue 16).

A failing exercise shows its hint next to the expected and the returned values. A hint that
holds the reference solution's key expression turns the exercise into copying it. FORBIDDEN
names, per hint, the expressions a solution is built on: none may appear in the hint, in either
language. Each must also appear in the reference solution, so the list names real answers
rather than strings that no hint would ever contain (the check would then be one that cannot
fail).
"""

from __future__ import annotations

import importlib

import pytest

from exercise_catalog import SOLUTIONS

# (grader module, hint key): expressions of exercises/solutions/<solution> that give it away.
FORBIDDEN = {
    ("test_ch01_learning", "intercept"): ("ch01_learning", ["mean_y - w * mean_x"]),
    ("test_ch01_learning", "fit"): ("ch01_learning", ["improve(w, b, xs, ys, step)", "step /= 2"]),
    ("test_ch02_derivatives", "central"): ("ch02_derivatives", ["(f(up) - f(down)) / (2 * h)",
                                                                "list(x)"]),
    ("test_ch02_derivatives", "sin_local"): ("ch02_derivatives", ["cos("]),
    ("test_ch02_derivatives", "sin_chain"): ("ch02_derivatives", ["cos("]),
    ("test_ch02_engine", "**"): ("ch02_engine", ["out * math.log(a)"]),
    ("test_ch02_engine", "hypot"): ("ch02_engine", ["a / out"]),
    ("test_ch02_engine", "softplus"): ("ch02_engine", ["1.0 - math.exp(-out)"]),
    ("test_ch02_engine", "silu"): ("ch02_engine", ["out * (1.0 - sigmoid)"]),
    ("test_ch02_engine", "levels_depth"): ("ch02_engine", ["1 + max("]),
    ("test_ch02_engine", "levels_count"): ("ch02_engine", ["1 + max(", "level[root] + 1"]),
    ("test_ch02_engine", "levels_blowup"): ("ch02_engine", ["p not in level"]),
    ("test_ch02_engine", "seed"): ("ch02_engine", ["{root: 1.0}"]),
    ("test_ch02_engine", "accumulate"): ("ch02_engine", ["grad.get(parent, 0.0) + local"]),
    ("test_ch02_engine", "gradients"): ("ch02_engine", ["grad.get(parent, 0.0) + local",
                                                        "reversed(levels(root))"]),
    ("test_ch02_engine", "reverse"): ("ch02_engine", ["reversed(levels(root))"]),
    ("test_ch02_engine", "unreached"): ("ch02_engine", ["grad.get(v, 0.0)"]),
    ("test_ch02_engine", "loop"): ("ch02_engine", ["[p.grad for p in model.parameters()]"]),
    ("test_ch02_engine", "again"): ("ch02_engine", ["model.zero_grad()"]),
    ("test_ch02_engine", "loss_value"): ("ch02_engine", ["* (1.0 / len(points))",
                                                         "1.0 if label == 1 else -1.0"]),
    ("test_ch03_perceptron", "logistic"): ("ch03_perceptron", ["f * (1 - f)"]),
    ("test_ch03_perceptron", "update"): ("ch03_perceptron", ["target - "]),
    ("test_ch03_perceptron", "rescale"): ("ch03_perceptron", ["new_lr / lr"]),
    ("test_ch03_perceptron", "train"): ("ch03_perceptron", ["[0.0] * len(X[0])",
                                                            "mistakes.append(wrong)"]),
    ("test_ch04_forward", "collapse_weights"): ("ch04_forward", ["w2 * w[i]"]),
    ("test_ch04_forward", "collapse_bias"): ("ch04_forward", ["w2 * b"]),
    ("test_ch05_backprop", "delta_output"): ("ch05_backprop", ["y_k - y_hat", "(1 - a ** 2)"]),
    ("test_ch05_backprop", "delta_hidden"): ("ch05_backprop", ["(1 - a ** 2)", "(1 - "]),
    ("test_ch05_backprop", "delta_bias"): ("ch05_backprop", ["learning_rate * d_j for"]),
    ("test_ch06_tensors", "shape"): ("ch06_tensors", ["keepdims=True"]),
    ("test_ch06_tensors", "lse_stable"): ("ch06_tensors", ["keepdims=True"]),
    ("test_ch06_tensors", "lse_masked"): ("ch06_tensors", ["np.isfinite(m)", "np.where("]),
    ("test_ch06_tensors", "lse_shape"): ("ch06_tensors", ["np.squeeze("]),
    ("test_ch06_tensors", "sm_shape"): ("ch06_tensors", ["keepdims=True"]),
    ("test_ch06_tensors", "sm_values"): ("ch06_tensors", ["probs * (grad - ", "(grad * probs).sum("]),
    ("test_ch06_tensors", "sm_jacobian"): ("ch06_tensors", ["probs * (grad - ", "(grad * probs).sum("]),
    ("test_ch06_engine", "div_shape"): ("ch06_engine", ["unbroadcast(grad / "]),
    ("test_ch06_engine", "div_values"): ("ch06_engine", ["-grad * x / y ** 2", "y ** 2"]),
    ("test_ch06_engine", "quad_shape"): ("ch06_engine", [".T @ rows", "x @ a.T + x @ a"]),
    ("test_ch06_engine", "quad_values"): ("ch06_engine", ["x @ a.T + x @ a"]),
    ("test_ch07_engine", "ce_finite"): ("ch07_engine", ["keepdims=True"]),
    ("test_ch07_engine", "ce_loss"): ("ch07_engine", ["label_smoothing / n_classes",
                                                      "1 - label_smoothing"]),
    ("test_ch07_engine", "ce_ignored"): ("ch07_engine", ["* kept[:, None]"]),
    ("test_ch07_engine", "ce_grad"): ("ch07_engine", ["* kept[:, None] - q", "grad / count"]),
    ("test_ch07_engine", "linear_out"): ("ch07_engine", ["x @ weight.T"]),
    ("test_ch07_engine", "lr_value"): ("ch07_engine", ["(1.0 + momentum)", "eigvalsh"]),
    ("test_ch07_engine", "ratio_value"): ("ch07_engine", ["** step", "math.sqrt(1 - beta2"]),
    ("test_ch07_training", "accum_params"): ("ch07_training", ["(len(xb) / n)", "islice("]),
    ("test_ch07_training", "epoch_loss"): ("ch07_training", ["len(xb)"]),
    ("test_ch07_training", "priors"): ("ch07_training", ["/ seen[kept]", "priors[kept] @"]),
    ("test_ch08_convolution", "shape"): ("ch08_convolution", ["// stride + 1"]),
    ("test_ch08_convolution", "pool_shape"): ("ch08_convolution", ["// stride + 1"]),
    ("test_ch08_convolution", "pool_values"): ("ch08_convolution", [".max()"]),
    ("test_ch08_convolution", "rf_stride_one"): ("ch08_convolution", ["(k - 1) * jump", "jump *= s"]),
    ("test_ch08_convolution", "rf_strides"): ("ch08_convolution", ["(k - 1) * jump", "jump *= s"]),
    ("test_ch08_engine", "pair"): ("ch08_engine", ["padding:padding + "]),
    ("test_ch08_engine", "dweight"): ("ch08_engine", ["d * (kh - 1) + 1", "::d, ::d", ".sum(axis=0)"]),
    ("test_ch08_engine", "dx"): ("ch08_engine", ["d * p:", "+= dcols"]),
    ("test_ch09_autoencoders", "errors_values"): ("ch09_autoencoders", ["s ** 2", "cumsum("]),
    ("test_ch09_autoencoders", "errors_mean_only"): ("ch09_autoencoders", ["(n * d)"]),
    ("test_ch09_autoencoders", "errors_shape"): ("ch09_autoencoders", ["lost[:len(s)]"]),
    ("test_ch09_autoencoders", "mask_count"): ("ch09_autoencoders", ["argsort(", "put_along_axis"]),
    ("test_ch09_autoencoders", "mask_independent"): ("ch09_autoencoders", ["argsort("]),
    ("test_ch09_autoencoders", "flag_values"): ("ch09_autoencoders", ["[::-1][m]"]),
    ("test_ch09_autoencoders", "flag_m"): ("ch09_autoencoders", ["math.floor("]),
    ("test_ch09_autoencoders", "ae_tied"): ("ch09_autoencoders", ["@ layer.weight"]),
    ("test_ch09_autoencoders", "ae_count"): ("ch09_autoencoders", ["reversed(self.linears())"]),
    ("test_ch10_language", "negation_scope"): ("ch10_language", ['"not_" + token',
                                                                 "CLAUSE_END.split("]),
    ("test_ch10_language", "neutralize_perpendicular"): ("ch10_language", ["(v @ g) * g",
                                                                           "np.linalg.norm(g)"]),
    ("test_ch10_language", "neutralize_nearest"): ("ch10_language", ["(v @ g) * g"]),
    ("test_ch10_language", "bag_cosine"): ("ch10_language", ["math.sqrt(n_u * n_v)"]),
    ("test_ch10_language", "analogy_miss"): ("ch10_language", ["- 2 * length_ab * length_cd",
                                                               "math.sqrt(max(squared"]),
    ("test_ch11_transfer", "flags"): ("ch11_transfer", ["l > n_frozen"]),
    ("test_ch11_transfer", "layers"): ("ch11_transfer", ["recurse=False", "model.modules()"]),
    ("test_ch11_transfer", "lr"): ("ch11_transfer", ["decay ** (len(layers) - l)", "len(layers)"]),
    ("test_ch11_transfer", "between"): ("ch11_transfer", ["** t"]),
    ("test_ch12_limits", "fnr"): ("ch12_limits", ["members & sick"]),
    ("test_ch12_limits", "fpr"): ("ch12_limits", ["members & ~sick"]),
    ("test_ch13_attention", "mask_shape"): ("ch13_attention", ["np.tril", "[:, None, :]"]),
    ("test_ch13_attention", "mask_future"): ("ch13_attention", ["np.tril"]),
    ("test_ch13_attention", "mask_padding"): ("ch13_attention", ["np.arange(size) < lengths",
                                                                 "[:, None, :]"]),
    ("test_ch13_attention", "mask_self"): ("ch13_attention", ["np.tril"]),
    ("test_ch13_attention", "mask_past"): ("ch13_attention", ["causal & real_keys"]),
    ("test_ch13_attention", "mask_padded_queries"): ("ch13_attention", ["np.arange(size) < lengths",
                                                                        "[:, None, :]"]),
    ("test_ch13_attention", "mask_refuse"): ("ch13_attention", ["(lengths < 1) | (lengths > size)"]),
    ("test_ch13_attention", "weights_finite"): ("ch13_attention", ["keepdims=True"]),
    ("test_ch13_attention", "weights_masked"): ("ch13_attention", ["np.where("]),
    ("test_ch13_attention", "limit_flat"): ("ch13_attention", ["mask / mask.sum("]),
    ("test_ch13_attention", "limit_sharp"): ("ch13_attention", ["scores == top"]),
    ("test_ch13_attention", "rescaled_positive"): ("ch13_attention", ["np.sign(m)"]),
    ("test_ch13_attention", "rescaled_negative"): ("ch13_attention", ["np.sign(m)", "(y - bias)"]),
    ("test_ch13_attention", "peak_scaled"): ("ch13_attention", [".max(axis=-1).mean()"]),
    ("test_ch13_attention", "peak_unscaled"): ("ch13_attention", ["q * math.sqrt(d)"]),
    ("test_ch13_attention", "step_cache_shape"): ("ch13_attention", ["np.vstack("]),
    ("test_ch13_attention", "step_cache_kept"): ("ch13_attention", ["np.vstack("]),
    ("test_ch13_attention", "step_cache_new"): ("ch13_attention", ['h @ p["Wk"]', 'h @ p["Wv"]']),
    ("test_ch13_attention", "step_later"): ("ch13_attention", [
        'attention_weights((h @ p["Wq"])[None, :], cache["k"])', "[None, :]"]),
    ("test_ch13_attention", "sample_greedy"): ("ch13_attention", ["np.argmax("]),
    ("test_ch13_attention", "schedule_warmup"): ("ch13_attention", ["(step + 1) / warmup_steps"]),
    ("test_ch13_attention", "schedule_start"): ("ch13_attention", ["step - warmup_steps"]),
    ("test_ch13_attention", "schedule_monotone"): ("ch13_attention", ["math.pi * t"]),
    ("test_ch13_attention", "schedule_end"): ("ch13_attention", ["total_steps - warmup_steps"]),
    ("test_ch13_attention", "schedule_shape"): ("ch13_attention", ["(1 + math.cos(math.pi * t)) / 2",
                                                                   "math.pi * t"]),
}


def squeezed(text: str) -> str:
    """Without spaces, in lower case, one kind of quote: `f*(1-f)` is the answer `f * (1 - f)`."""
    return "".join(text.split()).lower().replace("'", '"')


@pytest.mark.parametrize("grader, key", sorted(FORBIDDEN), ids=lambda v: str(v))
def test_the_hint_does_not_give_the_solution_away(grader, key):
    hints = importlib.import_module(grader).HINTS
    solution, expressions = FORBIDDEN[grader, key]
    code = squeezed((SOLUTIONS / f"{solution}.py").read_text(encoding="utf-8"))
    for expression in expressions:
        assert squeezed(expression) in code, (solution, expression)  # a real answer, still
        for language, hint in hints[key].items():
            assert squeezed(expression) not in squeezed(hint), (grader, key, language, expression)
