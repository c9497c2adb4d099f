"""Run an optimizer: on a gradient function, or on a regression data set in full batch,
mini-batches or single samples. The result is a Trajectory that stops cleanly where the run
diverges (a non-finite value, or a value beyond a bound) instead of filling up with inf and nan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import regression
from ._arguments import positive, positive_int, same_length, vector
from .optimizers import Optimizer


@dataclass(frozen=True)
class Trajectory:
    """points (k+1, d): θ_0 … θ_k; losses (k+1,) or None; k = steps taken.

    diverged is True when the run stopped early; diverged_at is the step t at which θ_t (or its
    loss) was non-finite (then not stored) or beyond the bound (stored), and reason says which.
    Every stored value is finite.
    """

    points: np.ndarray
    losses: np.ndarray | None
    diverged: bool
    steps_requested: int
    diverged_at: int | None = None
    reason: str = ""

    @property
    def steps(self) -> int:
        """The number of steps actually taken (len(points) − 1)."""
        return len(self.points) - 1

    @property
    def final(self) -> np.ndarray:
        """The last stored point."""
        return self.points[-1]


def _freeze(a):
    if a is not None:
        a.setflags(write=False)
    return a


def run(
    optimizer: Optimizer,
    grad_fn: Callable[[np.ndarray], np.ndarray],
    start,
    steps: int,
    loss_fn: Callable[[np.ndarray], float] | None = None,
    bound: float = 1e6,
    loss_bound: float = 1e12,
) -> Trajectory:
    """θ_{t+1} = optimizer.step(θ_t, ∇J(θ_t)) for t = 0 … steps − 1, from θ_0 = start.

    Stops early, with diverged=True, at the first θ (or loss) that is non-finite (not stored) or
    whose largest |component| exceeds bound (or whose loss exceeds loss_bound; stored).
    """
    theta = vector("start", start).copy()
    steps = positive_int("steps", steps, 0)
    bound = positive("bound", bound)
    state = optimizer.init(theta)
    points = np.empty((steps + 1, theta.size))
    losses = np.empty(steps + 1) if loss_fn is not None else None
    points[0] = theta
    if losses is not None:
        losses[0] = loss_fn(theta)
    stored, at, reason = steps, None, ""
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(1, steps + 1):
            g = np.asarray(grad_fn(theta), dtype=np.float64)
            if np.all(np.isfinite(g)):
                theta, state = optimizer.step(theta, g, state)
                value = loss_fn(theta) if loss_fn is not None else 0.0
            if not (np.all(np.isfinite(g)) and np.all(np.isfinite(theta)) and np.isfinite(value)):
                stored, at, reason = k - 1, k, f"non-finite value at step {k}"
                break
            points[k] = theta
            if losses is not None:
                losses[k] = value
            if np.max(np.abs(theta)) > bound or value > loss_bound:
                stored, at, reason = k, k, f"beyond the bound at step {k}"
                break
    pts = _freeze(points[: stored + 1].copy())
    ls = _freeze(losses[: stored + 1].copy()) if losses is not None else None
    return Trajectory(pts, ls, at is not None, steps, at, reason)


def run_regression(
    optimizer: Optimizer,
    x,
    y,
    start,
    steps: int,
    batch_size: int | None = None,
    seed: int = 0,
    bound: float = 1e6,
) -> Trajectory:
    """Descent on the regression cost J(m, b) with θ = (m, b).

    batch_size None (or n) is full-batch gradient descent; 1 is stochastic (single samples);
    anything between is mini-batch. Each epoch visits every point once, in a fresh seeded order,
    one batch per step (the last batch of an epoch holds the remainder when bs does not divide
    n). losses[t] is J(θ_t) on all the data, whatever the batch.
    """
    x, y = same_length("x", x, "y", y)
    n = x.size
    bs = n if batch_size is None else positive_int("batch_size", batch_size)
    if bs > n:
        raise ValueError(f"batch_size must be at most the number of points ({n}), got {bs}")
    rng = np.random.default_rng(seed)
    batches: list[np.ndarray] = []

    def next_batch() -> np.ndarray:
        if not batches:
            order = rng.permutation(n) if bs < n else np.arange(n)
            batches.extend(order[i : i + bs] for i in range(0, n, bs))
        return batches.pop(0)

    def grad_fn(theta):
        idx = next_batch()
        return np.array(regression.gradient(theta[0], theta[1], x[idx], y[idx]))

    def loss_fn(theta):
        return regression.cost(theta[0], theta[1], x, y)

    return run(optimizer, grad_fn, start, steps, loss_fn=loss_fn, bound=bound)


def log_schedule(steps: int, frames: int) -> np.ndarray:
    """About `frames` distinct step indices in [0, steps], log-spaced: dense early, sparse late."""
    steps = positive_int("steps", steps, 1)
    frames = positive_int("frames", frames, 2)
    idx = np.unique(np.round(np.geomspace(1, steps + 1, frames)).astype(int) - 1)
    return idx
