"""The memory conv2d and max_pool2d reuse between steps (minigrad.allocator.reusable): reused
only when nothing else holds it, so results kept by the user are never overwritten."""

import numpy as np

import minigrad as mg
import minigrad.functional as F
from minigrad.allocator import reusable


def test_reusable_hands_out_the_same_memory_only_when_it_is_free():
    shape = (3, 5, 7)  # a shape no other test asks for
    a = reusable(shape, np.float32)
    address = a.ctypes.data
    del a
    b = reusable(shape, np.float32)
    assert b.ctypes.data == address                    # nothing held it: the same memory
    assert reusable(shape, np.float32).ctypes.data != address  # `b` holds it: new memory
    view = b[1:]
    del b
    assert reusable(shape, np.float32).ctypes.data != address  # a view keeps its base in use
    assert view.ctypes.data == address + 35 * 4       # and the view is left as it was


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
