"""transformer: one Adam step of chapter 13's tiny GPT, batch 32 of 32 characters, float32.

    token + position embeddings (80 characters, 48 features) → 2 × [LayerNorm → 4-head causal
    self-attention → + ; LayerNorm → Linear(48→192) → GELU(tanh) → Linear(192→48) → +]
    → LayerNorm → Linear(48→80) → cross-entropy of the next character

The model is written once, below, against the names minigrad and PyTorch share (``nn.Module``,
``nn.MultiheadAttention``, ``nn.LayerNorm``, ...), and built with each library's ``nn``; both
start from the same weights and train on the same batch. ``tests/test_benchmarks.py`` checks
that they take the same step and that chapter 13 still contains the lines in ``BOOK``.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from .harness import Candidate, Suite, Target, optional_import, training_step

VOCAB, CONTEXT, D_MODEL, HEADS, LAYERS, LR = 80, 32, 48, 4, 2, 1e-2

# Lines of chapter 13 that fix the model timed here: if the chapter changes, so must this file.
BOOK = ("13-attention-and-transformers.md", [
    "self.attn = nn.MultiheadAttention(d_model, heads, batch_first=True)",
    "self.mlp = nn.Sequential(nn.Linear(d_model, 4 * d_model), nn.GELU(approximate=\"tanh\"),",
    "x = x + self.attn(h, h, h, attn_mask=causal, need_weights=False)[0]",
    "return x + self.mlp(self.ln2(x))",
    "x = self.token(ids) + self.position(np.arange(ids.shape[1]))",
    "return self.head(self.ln(self.blocks(x)))",
    "CONTEXT, D_MODEL, HEADS, LAYERS = 32, 48, 4, 2",
])


def gpt(nn: Any, future: Callable[[int], Any], arange: Callable[[int], Any]) -> Any:
    """The chapter's model for a library's ``nn``, with that library's ``arange`` and ``future(t)``,
    the (t, t) causal mask, True above the diagonal (PyTorch's ``nn.MultiheadAttention`` convention)."""
    class Block(nn.Module):
        def __init__(self, d_model: int, heads: int) -> None:
            super().__init__()
            self.ln1 = nn.LayerNorm(d_model)
            self.attn = nn.MultiheadAttention(d_model, heads, batch_first=True)
            self.ln2 = nn.LayerNorm(d_model)
            self.mlp = nn.Sequential(nn.Linear(d_model, 4 * d_model), nn.GELU(approximate="tanh"),
                                     nn.Linear(4 * d_model, d_model))

        def forward(self, x: Any) -> Any:
            h = self.ln1(x)
            x = x + self.attn(h, h, h, attn_mask=future(x.shape[1]), need_weights=False)[0]
            return x + self.mlp(self.ln2(x))

    class TinyGPT(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.token = nn.Embedding(VOCAB, D_MODEL)
            self.position = nn.Embedding(CONTEXT, D_MODEL)
            self.blocks = nn.Sequential(*[Block(D_MODEL, HEADS) for _ in range(LAYERS)])
            self.ln = nn.LayerNorm(D_MODEL)
            self.head = nn.Linear(D_MODEL, VOCAB)

        def forward(self, ids: Any) -> Any:
            x = self.token(ids) + self.position(arange(ids.shape[1]))
            return self.head(self.ln(self.blocks(x)))
    return TinyGPT()


def problem(batch: int = 32, seed: int = 0) -> tuple[np.ndarray, np.ndarray, dict]:
    """A batch of character ids, the next characters, and the weights of a minigrad model."""
    import minigrad
    from minigrad import nn
    rng = np.random.default_rng(seed)
    ids = rng.integers(0, VOCAB, (batch, CONTEXT + 1))
    minigrad.manual_seed(seed)
    weights = gpt(nn, _future, np.arange).state_dict()
    return ids[:, :-1], ids[:, 1:], weights


def _future(t: int) -> np.ndarray:
    return np.triu(np.ones((t, t), bool), 1)


def next_character_loss(cross_entropy: Callable) -> Callable:
    """The loss of logits (N, T, V) against the next characters (N·T,)."""
    return lambda logits, targets: cross_entropy(logits.reshape(-1, VOCAB), targets)


def minigrad_step(ids: np.ndarray, targets: np.ndarray, weights: dict) -> Candidate:
    from minigrad import functional as F
    from minigrad import nn, optim
    model = gpt(nn, _future, np.arange)
    model.load_state_dict(weights)
    optimizer = optim.Adam(model.parameters(), lr=LR)
    return training_step("minigrad", model, next_character_loss(F.cross_entropy), optimizer, ids,
                         targets.reshape(-1), lambda p: p.data)


def torch_step(ids: np.ndarray, targets: np.ndarray, weights: dict, skipped: dict) -> Candidate | None:
    torch = optional_import("torch", skipped, "PyTorch")
    if torch is None:
        return None
    future = torch.from_numpy(_future(CONTEXT))
    model = gpt(torch.nn, lambda t: future[:t, :t], torch.arange)
    model.load_state_dict({k: torch.from_numpy(np.asarray(v)) for k, v in weights.items()})
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    return training_step("PyTorch", model, next_character_loss(torch.nn.functional.cross_entropy),
                         optimizer, torch.from_numpy(ids), torch.from_numpy(targets.reshape(-1)),
                         lambda p: p.detach().numpy())


def suite(batch: int = 32) -> Suite:
    ids, targets, weights = problem(batch)
    skipped: dict = {}
    candidates = [torch_step(ids, targets, weights, skipped), minigrad_step(ids, targets, weights)]
    return Suite(
        "transformer", f"chapter 13's tiny GPT ({LAYERS} blocks, d_model {D_MODEL}, {HEADS} heads), "
        f"batch {batch} × {CONTEXT} characters, Adam, float32",
        reference="PyTorch" if "PyTorch" not in skipped else "minigrad",
        candidates=[c for c in candidates if c is not None], skipped=skipped,
        targets=[Target("minigrad", "PyTorch", 1.2, "transformer: minigrad ≤ 1.2 × PyTorch")])
