"""Chapter 8's claim about pooling and shifts, recomputed with the library.

Kept apart from test_book_claims_ch08.py, same pattern (book_claims_helpers.py): repeat the
chapter's small computation and assert the numbers its prose quotes.
"""
import numpy as np

import minigrad.functional as F
from minigrad import Tensor
from minigrad.data import load_digits


def relative_change(maps: np.ndarray) -> np.ndarray:
    """For each digit, |moved - original| / |original| summed over its maps (first half: originals)."""
    a, b = np.split(maps, 2)
    return np.abs(a - b).sum(axis=(1, 2, 3)) / np.abs(a).sum(axis=(1, 2, 3))


def test_ch08_pooling_reduces_but_does_not_remove_a_one_pixel_shift():
    """Chapter 8: moving every digit one pixel to the right changes its horizontal-edge map by
    45-88% (66% on average) and its 2 x 2 max-pooled map by 18-77% (46%), less for 1,778 of 1,797."""
    images, _ = load_digits()
    digits = images[:, None]
    moved = np.zeros_like(digits)
    moved[..., 1:] = digits[..., :-1]
    horizontal = np.array([[1.5, 1.5, 1.5], [0.0, 0.0, 0.0], [-1.5, -1.5, -1.5]], dtype=np.float32)
    edges = F.conv2d(Tensor(np.concatenate([digits, moved])), Tensor(horizontal[None, None]), padding=1)
    c_edges = relative_change(edges.data)
    c_pooled = relative_change(F.max_pool2d(edges, 2).data)
    assert round(c_edges.mean(), 2) == 0.66 and round(c_pooled.mean(), 2) == 0.46
    assert (round(c_edges.min(), 2), round(c_edges.max(), 2)) == (0.45, 0.88)
    assert (round(c_pooled.min(), 2), round(c_pooled.max(), 2)) == (0.18, 0.77)
    assert np.sum(c_pooled < c_edges) == 1778
