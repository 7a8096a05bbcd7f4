"""gradcheck itself: it must catch a wrong gradient and say where."""

import numpy as np
import pytest

from minigrad import Tensor, gradcheck

# No numpy RuntimeWarning may escape an operation: it would be an unreported inf or nan.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def wrong_square(x):
    # forward x², backward claims 3x instead of 2x
    return Tensor.from_op(x.data ** 2, (x,), lambda g: (g * 3 * x.data,), "wrong_square")


def test_gradcheck_catches_a_wrong_backward_and_names_the_entry():
    x = Tensor(np.array([[0.0, 1.0], [2.0, -3.0]]), requires_grad=True)
    with pytest.raises(AssertionError, match=r"input 0 \(shape \(2, 2\)\), entry \(1, 1\).*analytic.*-9.*numerical.*-6"):
        gradcheck(wrong_square, x)


def test_gradcheck_accepts_right_gradients_and_skips_constants():
    x = Tensor(np.array([1.0, 2.0]), requires_grad=True)
    c = Tensor(np.array([3.0, 4.0]))
    assert gradcheck(lambda a, b: a * b, x, c)


def test_gradcheck_names_the_op_that_returns_a_gradient_of_the_wrong_shape():
    # A slip in a custom op: the gradient of b is transposed, (4, 3) where b is (3, 4).
    def transposed(a, b):
        return Tensor.from_op(a.data * b.data, (a, b), lambda g: (g * b.data, (g * a.data).T), "transposed")
    a, b = Tensor(np.ones((3, 4)), requires_grad=True), Tensor(np.ones((3, 4)), requires_grad=True)
    with pytest.raises(AssertionError, match=r"transposed.*input 1 has shape \(4, 3\).*shape \(3, 4\)"):
        gradcheck(transposed, a, b)


def test_gradcheck_refuses_float32_and_no_grad_inputs():
    with pytest.raises(ValueError, match=r"input 1 is float32.*float64: "
                                         r"Tensor\(x, dtype=np.float64, requires_grad=True\)"):
        gradcheck(lambda a, b: a * b, Tensor(np.ones(1), requires_grad=True),
                  Tensor([1.0], requires_grad=True))
    with pytest.raises(ValueError, match="requires grad"):
        gradcheck(lambda a: a * 2, Tensor(np.ones(2)))
