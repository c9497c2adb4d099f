"""Timings of gdcore's hot paths, printed as a small table with the goals beside them.

    python bench/gdcore_bench.py

1. regression.cost on a 1000×1000 (m, b) grid, through the data's sums, against a naive
   broadcast over the points; best of several repeats.
2. A 10,000-step descent.run of each of the seven optimizers on the Rosenbrock surface.

Timing is informative only: nothing here fails when a goal is missed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from gdcore import descent, optimizers, regression
from gdcore.data import regression_points
from gdcore.surfaces import rosenbrock

GRID_SIZE = 1000
GRID_GOAL_MS = 10.0
RUN_STEPS = 10_000
RUN_GOAL_S = 0.2
START = (-1.5, 2.0)

# Rates that keep each optimizer stable on Rosenbrock from START (the timing does not depend
# much on the rate, as long as the run does not stop early).
OPTIMIZERS = [
    optimizers.sgd(1e-4),
    optimizers.momentum(1e-4, 0.9),
    optimizers.nesterov(1e-4, 0.9),
    optimizers.adagrad(0.1),
    optimizers.adadelta(1.0),
    optimizers.rmsprop(1e-3),
    optimizers.adam(1e-2),
]


def best_of(fn: Callable[[], object], repeats: int) -> tuple[float, object]:
    """The smallest wall time of `repeats` calls of fn (seconds), and the last result."""
    best, out = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def mark(ok: bool) -> str:
    return "yes" if ok else "NO"


def bench_grid(repeats: int = 7) -> None:
    x, y = regression_points()
    M, B = np.meshgrid(np.linspace(-2.0, 4.0, GRID_SIZE), np.linspace(-6.0, 8.0, GRID_SIZE))

    def ours():
        return regression.cost(M, B, x, y)

    def naive():
        return ((y[None, None, :] - (M[..., None] * x + B[..., None])) ** 2).mean(-1) / 2

    t_ours, j_ours = best_of(ours, repeats)
    t_naive, j_naive = best_of(naive, max(2, repeats // 2))
    agree = float(np.max(np.abs(j_ours - j_naive)))

    print(f"regression.cost on a {GRID_SIZE}×{GRID_SIZE} (m, b) grid, best of {repeats}")
    print(f"  {'method':<24}{'ms':>10}{'goal':>10}{'met':>6}")
    print(
        f"  {'ours (via sums)':<24}{t_ours * 1e3:>10.2f}{'< 10':>10}"
        f"{mark(t_ours * 1e3 < GRID_GOAL_MS):>6}"
    )
    print(f"  {'naive broadcast':<24}{t_naive * 1e3:>10.2f}{'':>10}{'':>6}")
    print(f"  speed-up naive/ours: {t_naive / t_ours:.1f}×   max |difference|: {agree:.1e}")
    print()


def bench_runs(repeats: int = 3) -> None:
    print(f"descent.run, {RUN_STEPS:,} steps on Rosenbrock from {START}, best of {repeats}")
    print(
        f"  {'optimizer':<12}{'s':>9}{'steps/s':>12}{'goal':>9}{'met':>6}"
        f"{'final f':>12}{'stopped':>9}"
    )
    for opt in OPTIMIZERS:

        def go(opt=opt):
            return descent.run(opt, rosenbrock.grad, START, RUN_STEPS)

        t, traj = best_of(go, repeats)
        steps = traj.steps
        f_final = rosenbrock.value(traj.final)
        print(
            f"  {opt.name:<12}{t:>9.3f}{steps / t:>12,.0f}{'< 0.2':>9}"
            f"{mark(t < RUN_GOAL_S):>6}{f_final:>12.3g}{'yes' if traj.diverged else 'no':>9}"
        )
    print()


def main() -> None:
    print(f"numpy {np.__version__}")
    print()
    bench_grid()
    bench_runs()


if __name__ == "__main__":
    main()
