"""Argument checks shared by the modules: each raises ValueError naming the argument."""

from __future__ import annotations

import math

import numpy as np


def positive(name: str, value: float) -> float:
    """Return value as float if it is finite and > 0, else raise ValueError naming it."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a positive number, got {value!r}") from None
    if not math.isfinite(v) or v <= 0:
        raise ValueError(f"{name} must be a positive number, got {value!r}")
    return v


def unit_interval(name: str, value: float) -> float:
    """Return value as float if 0 <= value < 1, else raise ValueError naming it."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number in [0, 1), got {value!r}") from None
    if not (0.0 <= v < 1.0):
        raise ValueError(f"{name} must be in [0, 1), got {value!r}")
    return v


def positive_int(name: str, value: int, minimum: int = 1) -> int:
    """Return value if it is an int >= minimum, else raise ValueError naming it."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return int(value)


def vector(name: str, value, size: int | None = None) -> np.ndarray:
    """Return value as a 1-D float64 array (of the given size), else raise ValueError naming it."""
    a = np.asarray(value, dtype=np.float64)
    if a.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array, got shape {a.shape}")
    if size is not None and a.shape[0] != size:
        raise ValueError(f"{name} must have {size} entries, got {a.shape[0]}")
    return a


def same_length(xname: str, x, yname: str, y) -> tuple[np.ndarray, np.ndarray]:
    """Return x, y as 1-D float arrays of equal, non-zero length, else raise ValueError."""
    x = vector(xname, x)
    y = vector(yname, y)
    if x.shape != y.shape:
        raise ValueError(
            f"{xname} and {yname} must have the same length, got {x.size} and {y.size}"
        )
    if x.size == 0:
        raise ValueError(f"{xname} must not be empty")
    return x, y


def frozen(a) -> np.ndarray:
    """A read-only float64 copy of an array argument (frozen settings and states hold these)."""
    a = np.array(a, dtype=np.float64)
    a.setflags(write=False)
    return a
