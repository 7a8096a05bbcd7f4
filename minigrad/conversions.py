"""What a tensor is and how it becomes something else: shape, dtype, numbers, arrays, lists.

PyTorch's names (``x.size()``, ``x.dim()``, ``x.numel()``, ``x.item()``, ``x.float()``,
``x.to(...)``), and the Python protocols that let a one-element tensor stand for a number
(``float(x)``, ``int(x)``, ``f"{x:.3f}"``, ``if x:``, ``range(x)``). These are methods of
:class:`~minigrad.tensor.Tensor`, written once in this mixin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .dtypes import as_dtype

if TYPE_CHECKING:
    from .tensor import Tensor

# numpy's operators on (array, Tensor) are the Tensor's reflected ones: array - x is x.__rsub__(array).
_REFLECTED = {np.add: "__radd__", np.subtract: "__rsub__", np.multiply: "__rmul__",
              np.true_divide: "__rtruediv__", np.matmul: "__rmatmul__", np.equal: "__eq__",
              np.not_equal: "__ne__", np.less: "__gt__", np.less_equal: "__ge__",
              np.greater: "__lt__", np.greater_equal: "__le__"}
CPU_ONLY = "minigrad runs on the CPU only; see the appendix 'From minigrad to PyTorch and Keras'"


def check_device(device: Any) -> None:
    """Accept ``None``, ``"cpu"`` (or "cpu:0") and refuse any other device with a clear error."""
    if device is not None and str(device).split(":")[0] != "cpu":
        raise RuntimeError(f"device {str(device)!r}: {CPU_ONLY}")


class device:
    """``minigrad.device("cpu")``, PyTorch's device object; any other device is refused."""

    def __init__(self, type: str = "cpu") -> None:
        check_device(str(type))
        self.type = "cpu"

    def __str__(self) -> str:
        return self.type

    def __repr__(self) -> str:
        return f"device(type={self.type!r})"

    def __eq__(self, other: object) -> bool:
        return str(other).split(":")[0] == self.type

    __hash__ = object.__hash__


_Device = device  # ``to(..., device=...)`` takes a parameter of that name


class ConversionOps:
    """The conversions of ``Tensor`` (``x.item()``, ``x.size(0)``, ``x.long()``, ``float(x)``...)."""

    __slots__ = ()

    shape = property(lambda self: self.data.shape)
    ndim = property(lambda self: self.data.ndim)
    dtype = property(lambda self: self.data.dtype)
    device = property(lambda self: device("cpu"), doc="Always the CPU: ``device(type='cpu')``.")
    T = property(lambda self: self.permute(tuple(reversed(range(self.ndim)))),
                 doc="All dims reversed (the transpose of a matrix).")

    def size(self, dim: int | None = None) -> tuple | int:
        """The shape, as PyTorch's ``x.size()``; ``x.size(d)`` is the length of axis ``d``."""
        if dim is None:
            return self.data.shape
        if not -self.ndim <= dim < max(self.ndim, 1) or self.ndim == 0:
            raise IndexError(f"size: dim {dim} does not fit a tensor of shape {self.shape}")
        return self.data.shape[dim]

    def dim(self) -> int:
        return self.data.ndim

    def numel(self) -> int:
        """The number of entries."""
        return self.data.size

    def numpy(self) -> np.ndarray:
        """The data as a numpy array (the same memory, as in PyTorch)."""
        return self.data

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> np.ndarray:
        """So that numpy functions take tensors: ``np.asarray(x)``, ``np.abs(p.grad)``."""
        if dtype is not None and np.dtype(dtype) != self.data.dtype:
            return self.data.astype(dtype)
        return self.data.copy() if copy else self.data

    def __array_ufunc__(self, ufunc: np.ufunc, method: str, *inputs: Any, **kwargs: Any) -> Any:
        """numpy with tensors. ``array * x`` (numpy's operators) is the Tensor operation, so it
        stays in the graph; any other use (``np.abs(x)``, ``array -= p.grad``) works on the data
        and gives arrays, like numpy functions on PyTorch tensors."""
        name = _REFLECTED.get(ufunc)
        if name and method == "__call__" and "out" not in kwargs and len(inputs) == 2 and inputs[1] is self:
            return getattr(self, name)(inputs[0])
        plain = tuple(x.data if isinstance(x, ConversionOps) else x for x in inputs)
        if "out" in kwargs:
            kwargs["out"] = tuple(x.data if isinstance(x, ConversionOps) else x for x in kwargs["out"])
        return getattr(ufunc, method)(*plain, **kwargs)

    def __array_function__(self, func: Any, types: Any, args: tuple, kwargs: dict) -> Any:
        """numpy functions (``np.all(x == 0)``, ``np.sum(x)``, ``np.testing``) on a tensor's data.
        Without this, numpy would call the tensor's own ``all``/``sum`` with numpy-only
        arguments (``out=``) that PyTorch's signatures do not take."""
        def plain(a: Any) -> Any:
            if isinstance(a, ConversionOps):
                return a.data
            if isinstance(a, (list, tuple)):
                return type(a)(plain(x) for x in a)
            return a
        return func(*plain(args), **{k: plain(v) for k, v in kwargs.items()})

    def tolist(self) -> Any:
        return self.data.tolist()

    def item(self) -> float | int | bool:
        if self.data.size != 1:
            raise ValueError(f"item: only one-element tensors can become a number, shape is {self.shape}")
        return self.data.item()

    def clone(self) -> Tensor:
        """A copy of the data that stays in the graph (its gradient flows back to ``self``)."""
        return self.from_op(self.data.copy(), (self,), lambda g: (g,), "clone")

    def detach(self) -> Tensor:
        """The same data, cut off from the graph (no gradient flows through it)."""
        return type(self)(self.data)

    # --- changing the dtype: float to float keeps the gradient, to integers drops it ---------
    def to(self, *args: Any, dtype: Any = None, device: Any = None) -> Tensor:
        """``x.to(minigrad.float64)``, ``x.to("cpu")``, ``x.to(other)`` (its dtype), as in PyTorch."""
        for a in args:
            if isinstance(a, ConversionOps):
                dtype = a.dtype
            elif isinstance(a, _Device) or isinstance(a, str) and a.split(":")[0] in (
                    "cpu", "cuda", "mps", "xla", "meta"):
                device = a
            else:
                dtype = a
        check_device(device)
        return self if dtype is None else self._cast(as_dtype(dtype))

    def cpu(self) -> Tensor:
        return self

    def float(self) -> Tensor:
        return self._cast(np.dtype(np.float32))

    def double(self) -> Tensor:
        return self._cast(np.dtype(np.float64))

    def long(self) -> Tensor:
        return self._cast(np.dtype(np.int64))

    def int(self) -> Tensor:
        return self._cast(np.dtype(np.int32))

    def bool(self) -> Tensor:
        return self._cast(np.dtype(np.bool_))

    def type(self, dtype: Any = None) -> str | Tensor:
        """No argument: the type's name ("minigrad.FloatTensor"); with a dtype: ``to(dtype)``."""
        if dtype is None:
            names = {"float32": "Float", "float64": "Double", "float16": "Half", "int64": "Long",
                     "int32": "Int", "int16": "Short", "int8": "Char", "uint8": "Byte", "bool": "Bool"}
            return f"minigrad.{names[self.dtype.name]}Tensor"
        return self.to(dtype)

    def _cast(self, dtype: np.dtype) -> Tensor:
        if dtype == self.data.dtype:
            return self
        with np.errstate(over="raise", invalid="raise"):
            try:
                data = self.data.astype(dtype)
            except FloatingPointError:
                raise OverflowError(f"to {dtype.name}: the values of a {self.dtype} tensor (shape {self.shape}) "
                                    f"do not fit {dtype.name}") from None
        if dtype.kind != "f":  # an integer or bool result cannot carry a gradient
            return type(self)(data)
        # The engine casts the gradient back to the input's dtype when it accumulates it.
        return self.from_op(data, (self,), lambda g: (g,), f"to {dtype.name}")

    # --- a one-element tensor stands for a number ----------------------------------------------
    def _number(self, what: str) -> Any:
        if self.data.size != 1:
            raise TypeError(f"{what}: only a one-element tensor can be converted, shape is {self.shape}")
        return self.data.item()

    def __bool__(self) -> bool:
        if self.data.size != 1:
            raise RuntimeError(f"bool: the truth value of a tensor with {self.data.size} values "
                               f"(shape {self.shape}) is ambiguous; use .any() or .all()")
        return bool(self.data.item())

    def __float__(self) -> float:
        return float(self._number("float"))

    def __int__(self) -> int:
        return int(self._number("int"))

    def __index__(self) -> int:
        if self.data.dtype.kind not in "iub":
            raise TypeError(f"index: only integer tensors can be used as an index, got {self.dtype}")
        return int(self._number("index"))

    def __format__(self, spec: str) -> str:
        return format(self.data.item(), spec) if self.data.size == 1 and spec else repr(self)

    def __len__(self) -> int:
        if self.data.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return len(self.data)

    def __repr__(self) -> str:
        body = np.array2string(self.data, precision=4, separator=", ", prefix="Tensor(")
        extra = ", requires_grad=True" if self.requires_grad else ""
        if self.data.dtype != np.float32:
            extra = f", dtype={self.data.dtype}" + extra
        return f"Tensor({body}{extra})"
