"""Shared geometry of the regression-cost pictures: windows, grid, camera, start and rates.

The still figures (figures/mse_surface.py, gd_regression.py, learning_rates.py, ...) and the
Manim scenes of the same targets read these, so a figure and its animation frame the cost
J(m, b) the same way and run the same descent. Pure constants and tiny functions: nothing here
draws, and every number that is not a framing choice comes from gdcore.
"""

from __future__ import annotations

import math

import numpy as np

from gdcore import data, regression

# ------------------------------------------------------------------ the window of J(m, b)

#: The slope and intercept windows of every cost picture (FIGURES.md: m ∈ [−2, 4], b ∈ [−6, 8]).
M_RANGE: tuple[float, float] = (-2.0, 4.0)
B_RANGE: tuple[float, float] = (-6.0, 8.0)

#: Grid points per axis for contour maps and heat maps (regression.cost_grid's size).
GRID_SIZE = 200

#: Grid points per axis for 3-D surfaces (coarser: a shaded mesh, rasterised anyway).
SURFACE_GRID_SIZE = 70

#: Number of log-spaced contour levels between the grid's smallest and largest J.
CONTOUR_LEVELS = 16

#: The 3-D camera: elevation and azimuth in degrees (matplotlib's view_init convention; Manim
#: scenes convert with phi = 90° − elevation, theta = azimuth). The m axis runs across the
#: front and b into the depth, so the long valley of J runs away from the viewer as a trough
#: between its two rising walls.
VIEW_ELEV = 30.0
VIEW_AZIM = -60.0

#: The x window of the line-over-points panels (the data's x lie in [2.4, 5.0]).
X_RANGE: tuple[float, float] = (2.0, 5.5)

# ------------------------------------------------------------------ gradient descent

#: A poor start (m, b): a steep line far above the points, well off the floor of J's valley, so
#: the descent first drops across the valley (the steep direction of J) and then crawls along
#: its floor (the shallow direction): both phases of an ill-conditioned bowl are visible.
START: tuple[float, float] = (3.0, -4.0)

#: Steps of every full-batch run of gd-regression, learning-rates and cost-heatmap.
STEPS = 1000

#: Frames of the log-spaced schedule (descent.log_schedule) at which the line is shown.
SCHEDULE_FRAMES = 6

_X, _Y = data.regression_points()

#: 2/λ_max of J's Hessian on the raw data (≈ 0.1371): plain descent diverges above it.
MAX_STABLE_RATE: float = regression.max_stable_rate(_X)

#: The good rate: 3/4 of the stability limit, rounded down to two decimals (0.10). Across the
#: valley each step multiplies the error by |1 − α λ_max| ≈ 0.46, so the first zig-zags die
#: out within a few steps; along the floor it is the fastest of the three rates and reaches the
#: minimum (to 1 % in J) within STEPS.
LR_GOOD: float = math.floor(0.75 * MAX_STABLE_RATE * 100) / 100

#: Too small: a tenth of the good rate (0.01). The steep direction still settles, but along the
#: floor each step shrinks the error by only α λ_min ≈ 0.05 %: after STEPS steps it has crawled
#: about a third of the way down the valley and J is still some 30 times its minimum.
LR_SMALL: float = round(LR_GOOD / 10, 4)

#: Too large: the first two-decimal rate above the stability limit (0.14 > 0.1371). Across
#: the valley |1 − α λ_max| ≈ 1.04 > 1: each step overshoots further than the last, the path
#: zig-zags ever wider and the run diverges (descent.Trajectory.diverged).
LR_LARGE: float = math.ceil(MAX_STABLE_RATE * 100) / 100

#: The three rates of learning-rates, in the order they are shown.
LEARNING_RATES: tuple[tuple[str, float], ...] = (
    ("too small", LR_SMALL),
    ("good", LR_GOOD),
    ("too large", LR_LARGE),
)

# ------------------------------------------------------------------ the slope sweep (b = b*)

#: Half-width of the slope window of slope-sweep, centred on the best slope m*.
SWEEP_HALF_WIDTH = 0.25

#: The slopes drawn as lines in slope-sweep, as offsets from m* (the last one gets error bars).
SWEEP_OFFSETS: tuple[float, ...] = (-0.15, 0.0, 0.15)


def contour_levels(J, count: int = CONTOUR_LEVELS) -> np.ndarray:
    """`count` log-spaced levels from the smallest positive J of the grid to its largest."""
    J = np.asarray(J, dtype=np.float64)
    return np.geomspace(float(J[J > 0].min()), float(J.max()), count)


def sweep_window(m_best: float) -> tuple[float, float]:
    """The slope window of slope-sweep around the best slope m_best."""
    return m_best - SWEEP_HALF_WIDTH, m_best + SWEEP_HALF_WIDTH
