"""Gradient descent on the regression cost J(m, b): the one definition of its runs.

The gd-regression, cost-heatmap and learning-rates stills and their animations all
run plain, full-batch gradient descent on J(m, b) of the chapter's seven points
(data.regression_points) from one start, for one number of steps, at one of three learning rates
set against the stability limit; descent-3d runs the same descent from a start high on
the wall (DESCENT_3D). The settings live here, each with its reason, and so do the
runs, so a still and its animation always draw the same path.

    good = COST_DESCENT.run()                      # the gd-regression run (the good rate)
    runs = COST_DESCENT.run_learning_rates()       # {"too small": Trajectory, ...}
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace

import numpy as np

from . import data, descent, regression
from .optimizers import sgd


@dataclass(frozen=True)
class CostDescent:
    """Plain descent on J(m, b) from `start` for `steps` steps, at one of three rates."""

    start: tuple[float, float]
    steps: int
    max_stable_rate: float
    lr_small: float
    lr_good: float
    lr_large: float
    schedule_frames: int
    shown_steps: int
    plot_decades: int

    @property
    def growth_factor(self) -> float:
        """|1 − α h_max| at the large rate: the factor by which each step multiplies the
        distance across the valley (the steep direction of J). Above 1: the run diverges."""
        lam = float(np.linalg.eigvalsh(regression.hessian(data.regression_points()[0]))[-1])
        return abs(1.0 - self.lr_large * lam)

    def across_valley(self, traj: descent.Trajectory) -> np.ndarray:
        """The signed distance of each point of a run from the minimum along the steep
        eigenvector of J's Hessian (the direction across the valley)."""
        x, y = data.regression_points()
        steep = np.linalg.eigh(regression.hessian(x))[1][:, -1]
        return (np.asarray(traj.points) - np.array(regression.least_squares(x, y))) @ steep

    def plot_top(self, traj: descent.Trajectory) -> float:
        """The top of the cost-per-iteration view: plot_decades powers of ten above the decade
        of the start's cost (10⁵ for J = 13.9), a power of ten so the view ends on a tick."""
        return 10.0 ** (math.floor(math.log10(float(traj.losses[0]))) + self.plot_decades)

    def leaves_plot(self, traj: descent.Trajectory) -> int | None:
        """The first step whose cost is above plot_top (None if the run stays below it)."""
        over = np.flatnonzero(np.asarray(traj.losses) > self.plot_top(traj))
        return int(over[0]) if over.size else None

    @property
    def learning_rates(self) -> tuple[tuple[str, float], ...]:
        """(label, rate) of the three rates of learning-rates, in the order they are shown."""
        return (("too small", self.lr_small), ("good", self.lr_good),
                ("too large", self.lr_large))

    def run(self, lr: float | None = None) -> descent.Trajectory:
        """Plain full-batch SGD on J(m, b) at `lr` (default: the good rate)."""
        return _run(self, self.lr_good if lr is None else lr)

    def run_learning_rates(self) -> dict[str, descent.Trajectory]:
        """label -> the run at that rate, in learning_rates order."""
        return {label: self.run(lr) for label, lr in self.learning_rates}

    def schedule(self):
        """The steps at which the line is shown (descent.log_schedule of schedule_frames)."""
        return descent.log_schedule(self.steps, self.schedule_frames)


#: 2/h_max on the raw data (≈ 0.1371), h_max the largest eigenvalue of J's Hessian (its steepest
#: curvature; not λ, the regularisation strength): plain descent diverges above it.
_LIMIT = regression.max_stable_rate(data.regression_points()[0])
#: 3/4 of the stability limit, rounded down to two decimals (0.10).
_GOOD = math.floor(0.75 * _LIMIT * 100) / 100

COST_DESCENT = CostDescent(
    # A poor start (m, b): a steep line far above the points, well off the floor of J's valley,
    # so the descent first drops across the valley (the steep direction of J) and then crawls
    # along its floor (the shallow direction): both phases of an ill-conditioned bowl show.
    start=(3.0, -4.0),
    # 1000 steps: at the good rate the run reaches the minimum (to 1 % in J); at the small
    # rate it is still visibly short of it.
    steps=1000,
    max_stable_rate=_LIMIT,
    # Too small: a tenth of the good rate (0.01). The steep direction still settles, but along
    # the floor each step shrinks the error by only α λ_min ≈ 0.05 %: after the steps it has
    # crawled about a third of the way down the valley and J is still some 30 times its minimum.
    lr_small=round(_GOOD / 10, 4),
    # Good: 3/4 of the stability limit (0.10). Across the valley each step multiplies the error
    # by |1 − α h_max| ≈ 0.46, so the first zig-zags die out within a few steps; along the floor
    # it is the fastest of the three rates.
    lr_good=_GOOD,
    # Too large: the first two-decimal rate above the stability limit (0.14 > 0.1371). Across
    # the valley |1 − α h_max| ≈ 1.042 > 1: each step overshoots further than the last, the path
    # zig-zags ever wider and the run diverges (descent.Trajectory.diverged).
    lr_large=math.ceil(_LIMIT * 100) / 100,
    # 6 frames of a log-spaced schedule: the fast start and the slow crawl both get frames.
    schedule_frames=6,
    # The large rate's first 8 steps are shown one at a time: 8 swings from wall to wall, each
    # |1 − α h_max| ≈ 1.042 times the last, enough to see the growth before the fast-forward
    # (the path leaves the map at step 16).
    shown_steps=8,
    # The cost-per-iteration view spans 4 decades above the start's cost: the good run's fall
    # to J* and the large run's climb both fit, and the climb leaves the top near step 110.
    plot_decades=4,
)

#: The mountain climber of descent-3d (still and video): the same descent (rate, steps), from a
#: start high on the surface's wall, so that the ball's fall is what the 3-D view shows.
DESCENT_3D = replace(
    COST_DESCENT,
    # (3.5, 2): up the wall of the high-m side, where J ≈ 83, two fifths of the window's highest
    # cost (≈ 212); the run from (3, −4) starts at J ≈ 14, on the valley floor. At the good rate
    # the first step crosses the valley to m ≈ −1.24 and every later one stays inside the drawn
    # window (m ∈ [−2, 4], b ∈ [−6, 8]: views.M_RANGE, B_RANGE), so the ball never leaves the
    # surface; from higher starts such as (3.5, 6) the first step lands at m ≈ −2.7, off it.
    start=(3.5, 2.0),
)


@functools.lru_cache(maxsize=16)
def _run(settings: CostDescent, lr: float) -> descent.Trajectory:
    """CostDescent.run, once per settings and rate (a Trajectory is frozen: its arrays are
    read-only, so every caller may share one)."""
    x, y = data.regression_points()
    return descent.run_regression(sgd(lr), x, y, settings.start, settings.steps)
