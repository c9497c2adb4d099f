"""Test functions for optimizers, each with a vectorised value and an analytic gradient.

A 2-D surface takes arrays x, y (any broadcastable shapes) for its value, and a point
θ = (x, y) for its gradient, which is what descent.run expects. `bumpy` is one-dimensional.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Surface:
    """A test function: f(x, y) vectorised, ∇f at a point, its minimum and a plotting window.

    The chapter reads a 2-D surface as a cost J(w₁, w₂) of two weights: its formula (what a
    reader sees) is written in w_1 and w_2, the code's x and y."""

    name: str
    formula: str  # LaTeX, for titles and legends: in w_1, w_2 (1-D: w)
    f: Callable[..., np.ndarray]
    grad_xy: Callable[..., tuple]
    minimum: tuple[float, ...] | None
    window: tuple[tuple[float, float], ...]

    def __call__(self, *xy):
        """f at coordinates (broadcasting)."""
        return self.f(*(np.asarray(c, dtype=np.float64) for c in xy))

    def value(self, theta) -> float:
        """f(θ) for a point θ (1-D array)."""
        return float(self.f(*np.asarray(theta, dtype=np.float64)))

    def grad(self, theta) -> np.ndarray:
        """∇f(θ) for a point θ (1-D array)."""
        return np.array(self.grad_xy(*np.asarray(theta, dtype=np.float64)), dtype=np.float64)

    def grid(self, size: int = 300, window=None):
        """(X, Y, Z) on a size×size grid over `window` (default the surface's own; 2-D)."""
        (x0, x1), (y0, y1) = self.window if window is None else window
        X, Y = np.meshgrid(np.linspace(x0, x1, size), np.linspace(y0, y1, size))
        return X, Y, self.f(X, Y)

    def tangent(self, point, *offsets) -> np.ndarray:
        """The tangent line or plane at `point`: f(p) + Σ_i ∂f/∂θ_i(p) d_i at the offsets
        d_i from p (one array per coordinate, broadcasting)."""
        g = self.grad(point)
        return self.value(point) + sum(gi * np.asarray(d, dtype=np.float64)
                                       for gi, d in zip(g, offsets, strict=True))


def _beale(x, y):
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2


def _beale_grad(x, y):
    a, b, c = 1.5 - x + x * y, 2.25 - x + x * y**2, 2.625 - x + x * y**3
    dx = 2 * a * (y - 1) + 2 * b * (y**2 - 1) + 2 * c * (y**3 - 1)
    dy = 2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y**2
    return dx, dy


beale = Surface(
    "Beale",
    r"(1.5 - w_1 + w_1 w_2)^2 + (2.25 - w_1 + w_1 w_2^2)^2 + (2.625 - w_1 + w_1 w_2^3)^2",
    _beale,
    _beale_grad,
    (3.0, 0.5),
    ((-4.5, 4.5), (-4.5, 4.5)),
)

#: Curvatures of the long valley: f = (A x² + C y²) / 2, a condition number of C/A = 50.
VALLEY_A, VALLEY_C = 0.1, 5.0

valley = Surface(
    "long valley",
    r"\frac{1}{2}(0.1\,w_1^2 + 5\,w_2^2)",
    lambda x, y: 0.5 * (VALLEY_A * x**2 + VALLEY_C * y**2),
    lambda x, y: (VALLEY_A * x, VALLEY_C * y),
    (0.0, 0.0),
    ((-10.0, 2.0), (-2.5, 2.5)),
)

saddle = Surface(
    "saddle",
    r"w_1^2 - w_2^2",
    lambda x, y: x**2 - y**2,
    lambda x, y: (2 * x, -2 * y),
    None,
    ((-1.5, 1.5), (-1.5, 1.5)),
)

rosenbrock = Surface(
    "Rosenbrock",
    r"(1 - w_1)^2 + 100\,(w_2 - w_1^2)^2",
    lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2,
    lambda x, y: (-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)),
    (1.0, 1.0),
    ((-2.0, 2.0), (-1.0, 3.0)),
)


#: bumpy's constant term: 1.2 lifts its deepest minimum to J ≈ 0.10, so that the curve, a cost
#: (half a mean of squares elsewhere in the chapter), is positive everywhere.
BUMPY_LIFT = 1.2


def _bumpy(x):
    return 0.12 * x**2 - 0.5 * x - 0.6 * np.cos(2.5 * x) + BUMPY_LIFT


def _bumpy_grad(x):
    return (0.24 * x - 0.5 + 1.5 * np.sin(2.5 * x),)


bumpy = Surface(
    "bumpy loss",
    r"0.12\,w^2 - 0.5\,w - 0.6\cos(2.5\,w) + 1.2",
    _bumpy,
    _bumpy_grad,
    None,  # set below: the deepest of its local minima
    ((-4.0, 4.0),),
)


def local_minima_1d(surface: Surface = bumpy, size: int = 200_001) -> np.ndarray:
    """The local minima of a 1-D surface inside its window, refined by Newton steps on f'.

    Found as the sign changes of f' from − to + on a fine grid.
    """
    (lo, hi), = surface.window
    x = np.linspace(lo, hi, size)
    d = surface.grad_xy(x)[0]
    idx = np.where((d[:-1] < 0) & (d[1:] >= 0))[0]
    roots = []
    for i in idx:
        a, b = x[i], x[i + 1]
        for _ in range(60):  # bisection on f'
            m = 0.5 * (a + b)
            if surface.grad_xy(m)[0] < 0:
                a = m
            else:
                b = m
        roots.append(0.5 * (a + b))
    return np.array(roots)


_mins = local_minima_1d(bumpy)
bumpy = Surface(
    bumpy.name, bumpy.formula, bumpy.f, bumpy.grad_xy,
    (float(_mins[np.argmin(_bumpy(_mins))]),), bumpy.window,
)

SURFACES = {s.name: s for s in (beale, valley, saddle, rosenbrock, bumpy)}
