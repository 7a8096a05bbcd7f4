"""The memory conv2d and max_pool2d reuse between steps (minigrad.allocator.reusable): reused
only when nothing else holds it, so results kept by the user are never overwritten."""

import numpy as np

import minigrad as mg
import minigrad.functional as F
from minigrad import allocator
from minigrad.allocator import reusable


def test_reusable_hands_out_the_same_memory_only_when_it_is_free():
    shape = (3, 5, 7, 200)  # a shape no other test asks for, above allocator.SMALL
    a = reusable(shape, np.float32)
    address = a.ctypes.data
    del a
    b = reusable(shape, np.float32)
    assert b.ctypes.data == address                    # nothing held it: the same memory
    assert reusable(shape, np.float32).ctypes.data != address  # `b` holds it: new memory
    view = b[1:]
    del b
    assert reusable(shape, np.float32).ctypes.data != address  # a view keeps its base in use
    assert view.ctypes.data == address + 35 * 200 * 4  # and the view is left as it was
    small = reusable((3, 5), np.float32)
    del small  # a small array is never kept: malloc's free lists serve those well
    assert all(key[0] != (3, 5) for key in allocator._spare)


def test_several_arrays_of_one_shape_are_in_use_at_once():
    shape = (4, 5, 7, 200)
    held = [reusable(shape, np.float32) for _ in range(3)]
    assert len({a.ctypes.data for a in held}) == 3      # three users, three arrays
    addresses = {a.ctypes.data for a in held}
    del held
    again = [reusable(shape, np.float32) for _ in range(3)]
    assert {a.ctypes.data for a in again} == addresses   # all three free again: the same memory


def test_kept_results_of_products_and_elementwise_ops_are_not_overwritten():
    """Large results (matmul, linear, +, *, GELU) come from reused memory: what a user keeps
    between steps, results or gradients, must stay as it was."""
    rng = np.random.default_rng(2)
    w = mg.Tensor(rng.standard_normal((300, 200)).astype(np.float32), requires_grad=True)
    kept, copies, grads = [], [], []
    for step in range(3):
        x = mg.Tensor(rng.standard_normal((128, 200)).astype(np.float32), requires_grad=True)
        h = F.gelu(F.linear(x, w), approximate="tanh")
        y = (h * h + h) @ mg.Tensor(np.ones((300, 1), np.float32))
        y.sum().backward()
        kept.append(h)
        copies.append(h.data.copy())
        grads.append((x, x.grad.data.copy()))
    for h, c in zip(kept, copies):
        assert np.array_equal(h.data, c)
    for x, g in grads:
        assert np.array_equal(x.grad.data, g)
        x2 = mg.Tensor(x.data.copy(), requires_grad=True)
        h2 = F.gelu(F.linear(x2, mg.Tensor(w.data)), approximate="tanh")
        ((h2 * h2 + h2) @ mg.Tensor(np.ones((300, 1), np.float32))).sum().backward()
        np.testing.assert_allclose(x2.grad.data, g, rtol=1e-5, atol=1e-5)


def test_kept_conv_and_pool_results_are_not_overwritten_by_later_steps():
    rng = np.random.default_rng(0)
    w = mg.Tensor(rng.standard_normal((4, 2, 3, 3)).astype(np.float32), requires_grad=True)
    xs = [mg.Tensor(rng.standard_normal((3, 2, 8, 8)).astype(np.float32), requires_grad=True)
          for _ in range(3)]
    outs, grads = [], []
    for x in xs:  # same shapes every time: every call asks for the same buffers
        y = F.max_pool2d(F.conv2d(x, w, padding=1), 2)
        y.sum().backward()
        outs.append(y.data.copy())
        grads.append(y)
    for x, y, kept in zip(xs, grads, outs):
        assert np.array_equal(y.data, kept)
    # the input gradients are the leaves' own arrays: three different ones, each still right
    assert len({id(x.grad.data) for x in xs}) == 3
    for x in xs:
        x2 = mg.Tensor(x.data.copy(), requires_grad=True)
        F.max_pool2d(F.conv2d(x2, w, padding=1), 2).sum().backward()
        assert np.array_equal(x2.grad.data, x.grad.data)


def test_two_graphs_in_flight_keep_their_own_columns():
    rng = np.random.default_rng(1)
    w = mg.Tensor(rng.standard_normal((2, 1, 3, 3)), requires_grad=True)
    x1, x2 = (mg.Tensor(rng.standard_normal((2, 1, 5, 5))) for _ in range(2))
    y1, y2 = F.conv2d(x1, w), F.conv2d(x2, w)   # both forwards before either backward
    y1.sum().backward()
    g1 = w.grad.data.copy()
    w.grad = None
    y2.sum().backward()
    ref = mg.Tensor(w.data.copy(), requires_grad=True)
    F.conv2d(x1, ref).sum().backward()
    assert np.allclose(g1, ref.grad.data)
    assert not np.allclose(g1, w.grad.data)


def test_importing_minigrad_leaves_the_allocator_alone():
    """No mallopt at import: minigrad.allocator.keep_freed_memory is the user's opt-in."""
    import subprocess
    import sys
    code = ("import ctypes, os\n"
            "os.environ.pop('GLIBC_TUNABLES', None)\n"
            "calls = []\n"
            "real = ctypes.CDLL\n"
            "class Spy:\n"
            "    def __init__(self, *a, **k): self._lib = real(*a, **k)\n"
            "    def __getattr__(self, name):\n"
            "        calls.append(name); return getattr(self._lib, name)\n"
            "ctypes.CDLL = Spy\n"
            "import minigrad, minigrad.functional, minigrad.nn\n"
            "assert 'mallopt' not in calls, calls\n"
            "minigrad.allocator.keep_freed_memory()\n"
            "import sys; assert 'mallopt' in calls or sys.platform != 'linux', calls\n")
    env = {k: v for k, v in __import__("os").environ.items()
           if not (k.startswith("MALLOC_") or k == "GLIBC_TUNABLES")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
