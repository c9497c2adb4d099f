"""Shared geometry of the regression-cost pictures: windows, grid, camera, start and rates.

The still figures (figures/mse_surface.py, gd_regression.py, learning_rates.py, ...) and the
Manim scenes of the same targets read these, so a figure and its animation frame the cost
J(m, b) the same way and run the same descent. Pure constants and tiny functions: nothing here
draws, and every number that is not a framing choice comes from gdcore.
"""

from __future__ import annotations

import numpy as np

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

# ------------------------------------------------------------------ the slope sweep (b = b*)

#: Half-width of the slope window of slope-sweep, centred on the best slope m*.
SWEEP_HALF_WIDTH = 0.25

#: The slopes drawn as lines in slope-sweep, as offsets from m* (the last one gets error bars).
SWEEP_OFFSETS: tuple[float, ...] = (-0.15, 0.0, 0.15)


# ------------------------------------------------------------------ the regularisation fits

#: The y window of the degree-9 ridge fits (still and animation): the sine's ±1 with room for
#: the weakly penalised fits' swings; the unpenalised fit leaves it and is cut at its edges.
FIT_Y_RANGE: tuple[float, float] = (-2.5, 2.5)


def contour_levels(J, count: int = CONTOUR_LEVELS) -> np.ndarray:
    """`count` log-spaced levels from the smallest positive J of the grid to its largest."""
    J = np.asarray(J, dtype=np.float64)
    return np.geomspace(float(J[J > 0].min()), float(J.max()), count)


def sweep_window(m_best: float) -> tuple[float, float]:
    """The slope window of slope-sweep around the best slope m_best."""
    return m_best - SWEEP_HALF_WIDTH, m_best + SWEEP_HALF_WIDTH
