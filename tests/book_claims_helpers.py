"""What the tests of the book's claims (tests/test_book_claims_*.py) share.

Each of those tests repeats a small computation of a chapter and asserts the direction and size
of the claim its text makes, so that a change to minigrad or to a chapter that breaks the claim
fails there, not silently in the prose.
"""
import re
from pathlib import Path

import numpy as np

from minigrad.data import load_digits, train_test_split

CHAPTERS = Path(__file__).resolve().parents[1] / "book" / "chapters"


def digits_split(seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The digits as rows of 64 pixels, split 80/20 as chapters 7-9 split them:
    X_train, X_test, y_train, y_test."""
    images, labels = load_digits()
    X = images.reshape(len(images), 64)
    return train_test_split(X, labels, test_size=0.2, seed=seed)


def chapter_namespace(name: str) -> dict:
    """The variables left by running every code cell of a book chapter, in order (figures drawn
    off screen): for claims that rest on data written in the chapter itself."""
    import matplotlib
    matplotlib.use("Agg")
    source = (CHAPTERS / name).read_text()
    namespace = {}
    for cell in re.findall(r"^```\{code-cell\} python3\n(.*?)^```$", source, re.S | re.M):
        if cell.startswith("---\n"):          # the figure's YAML header
            cell = cell.split("---\n", 2)[2]
        cell = re.sub(r"\A(:\w+:.*\n)+", "", cell)   # short options, such as :tags: [hide-input]
        exec(compile(cell, name, "exec"), namespace)
    import matplotlib.pyplot as plt
    plt.close("all")      # the chapter's figures are not needed, and they would pile up
    return namespace


def load_solution(module: str):
    """The reference solution exercises/solutions/<module>.py, loaded as a module: for claims
    that the chapter's exercise answers quote."""
    import importlib.util
    from exercise_catalog import SOLUTIONS

    spec = importlib.util.spec_from_file_location(f"{module}_solution", SOLUTIONS / f"{module}.py")
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


def descend(network, loss_of, rate: float, steps: int) -> None:
    """Chapter 5's full-batch gradient descent on a scalar-engine network: ``steps`` steps of
    ``p.data -= rate * p.grad`` on the loss ``loss_of(network)``."""
    for _ in range(steps):
        loss = loss_of(network)
        network.zero_grad()
        loss.backward()
        for p in network.parameters():
            p.data -= rate * p.grad
