"""Data sets: the chapter's 7 regression points, noisy sine samples, a small 2-D data set
for network training, and the index bookkeeping of splits and k-fold cross-validation."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._arguments import positive, positive_int

_X = (2.4, 2.8, 3.2, 3.6, 4.0, 4.2, 5.0)
_Y = (1.7, 1.85, 1.79, 1.95, 2.1, 2.0, 2.7)

#: The three candidate lines (m, b) of the regression section: f(x) = m x + b.
CANDIDATES = ((0.92, -1.0), (-0.11, 2.5), (0.52, 0.1))
#: The candidate whose errors the residuals still and scene show: the middle one, a nearly flat
#: line through the cloud, whose errors change sign from point to point.
RESIDUALS_CANDIDATE = 1


@dataclass(frozen=True)
class SlopeSweep:
    """The slope-sweep still: J(m, b*) over a window of slopes centred on the best slope m*,
    and a few slopes drawn as lines, as offsets from m*."""

    half_width: float
    offsets: tuple[float, ...]

    def window(self, m_best: float) -> tuple[float, float]:
        """The slope window around the best slope m_best."""
        return m_best - self.half_width, m_best + self.half_width


SLOPE_SWEEP = SlopeSweep(
    # ±0.25 around m*: J(m, b*) rises from its minimum (0.009) to about 50 times it at the
    # window's edges, a clear parabola.
    half_width=0.25,
    # Too shallow, best, too steep: symmetric about m*, so their costs on the parabola match in
    # pairs (the last one gets error bars).
    offsets=(-0.15, 0.0, 0.15),
)


def regression_points() -> tuple[np.ndarray, np.ndarray]:
    """The 7 points (x_i, y_i) of the linear-regression example, as two float64 arrays."""
    return np.array(_X, dtype=np.float64), np.array(_Y, dtype=np.float64)


def noisy_sine(n: int = 10, noise: float = 0.25, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """n samples y = sin(2πx) + ε, ε ~ N(0, noise²), x evenly spread over [0, 1] with jitter.

    x is sorted; the same seed gives the same samples.
    """
    n = positive_int("n", n)
    noise = float(noise)
    if noise < 0:
        raise ValueError(f"noise must be >= 0, got {noise!r}")
    rng = np.random.default_rng(seed)
    x = np.sort((np.arange(n) + rng.uniform(0.1, 0.9, n)) / n)
    y = np.sin(2 * np.pi * x) + rng.normal(0.0, noise, n)
    return x, y


def sine(x) -> np.ndarray:
    """The noise-free target sin(2πx)."""
    return np.sin(2 * np.pi * np.asarray(x, dtype=np.float64))


def two_moons(n: int = 200, noise: float = 0.15, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved half circles in the plane, a non-linear two-class problem.

    Class 0: (cos t, sin t); class 1: (1 − cos t, 0.5 − sin t), t ~ U[0, π], plus N(0, noise²).
    Returns X of shape (n, 2) and targets Y of shape (n, 1) with values 0.0 or 1.0.
    """
    n = positive_int("n", n, 2)
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % 2
    t = rng.uniform(0.0, np.pi, n)
    X = np.where(
        labels[:, None] == 0,
        np.stack([np.cos(t), np.sin(t)], axis=1),
        np.stack([1.0 - np.cos(t), 0.5 - np.sin(t)], axis=1),
    )
    X = X + rng.normal(0.0, noise, X.shape)
    return X, labels.astype(np.float64)[:, None]


def split_indices(n: int, fractions=(0.6, 0.2, 0.2), seed: int = 0) -> tuple[np.ndarray, ...]:
    """Shuffle range(n) (seeded) and cut it into consecutive parts of the given fractions.

    Fractions must be positive and sum to 1; the cuts fall at round(n · cumulative fraction),
    so each part has f·n indices to within one. Typical: (0.8, 0.2) train/test,
    (0.6, 0.2, 0.2) train/validation/test.
    """
    n = positive_int("n", n)
    fr = [positive("fractions", f) for f in fractions]
    if len(fr) < 2 or abs(sum(fr) - 1.0) > 1e-9:
        raise ValueError(
            f"fractions must be at least two positive numbers summing to 1, got {fractions!r}"
        )
    perm = np.random.default_rng(seed).permutation(n)
    cuts = np.round(np.cumsum(fr)[:-1] * n).astype(int)
    parts = tuple(np.split(perm, cuts))
    if any(p.size == 0 for p in parts):
        raise ValueError(f"n={n} is too small for fractions {fractions!r}: a part would be empty")
    return parts


def kfold_indices(n: int, k: int = 5, seed: int | None = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    """k-fold cross-validation: k pairs (train, held_out) of index arrays.

    The (seeded, or unshuffled with seed=None) order is cut into k folds whose sizes differ by at
    most one; round i holds out fold i and trains on the other k − 1.
    """
    n = positive_int("n", n)
    k = positive_int("k", k, 2)
    if k > n:
        raise ValueError(f"k must be at most n={n}, got {k}")
    order = np.arange(n) if seed is None else np.random.default_rng(seed).permutation(n)
    folds = np.array_split(order, k)
    return [
        (np.sort(np.concatenate([f for j, f in enumerate(folds) if j != i])), np.sort(folds[i]))
        for i in range(k)
    ]
