"""How the pictures frame what they show: windows, grid sizes, camera and contour levels.

The still figures (figures/mse_surface.py, gd_regression.py, learning_rates.py, ...) and the
Manim scenes of the same targets read these, so a figure and its animation frame the cost
J(m, b) the same way. Framing choices only: the experiments (starts, steps, rates) and every
number drawn come from gdcore (e.g. gdcore.cost_descent.COST_DESCENT).
"""

from __future__ import annotations

import numpy as np

from gdviz import numbers

# ------------------------------------------------------------------ the window of J(m, b)

#: The slope and intercept windows of every cost picture (FIGURES.md: m ∈ [−2, 4], b ∈ [−6, 8]).
M_RANGE: tuple[float, float] = (-2.0, 4.0)
B_RANGE: tuple[float, float] = (-6.0, 8.0)

#: The ticks of every picture of J(m, b), flat map and 3-D surface alike: m by 2, b by 4, and
#: the surface's J from 0 (the floor the valley nearly touches) by 100. The same numbers as
#: the scenes' 3-D axes (gdviz.cost_surface_scene.TICKS).
M_TICKS: tuple[float, ...] = (-2.0, 0.0, 2.0, 4.0)
B_TICKS: tuple[float, ...] = (-4.0, 0.0, 4.0, 8.0)
J_TICKS: tuple[float, ...] = (0.0, 100.0, 200.0)
#: The flat map of J(m, b) (cost-heatmap, gd-regression, mse-surface, nonconvex-loss): one
#: tick rule on both axes, every MAP_TICK_STEP from each window's lower end to its upper end,
#: so both ends carry a number (b: −6 … 8; gdviz.mpl.map_ticks).
MAP_TICK_STEP: float = 2.0


def map_ticks(lo: float, hi: float, step: float = MAP_TICK_STEP) -> tuple[float, ...]:
    """The flat map's ticks over [lo, hi]: every `step` from lo, hi included."""
    n = int(round((hi - lo) / step))
    return tuple(float(lo + k * step) for k in range(n + 1))

#: The zig-zag of gd-regression's first steps (m from 3 across to 1.1 and back, b within
#: −4.5…−4.0), its end shown enlarged in a window of its map: at the map's scale its steps
#: (and steps 3 and 15, 0.3 apart in b) lie within a few points of each other. ZOOM_AT: the
#: window's place on the map (axes fraction x, y, width, height), over the empty high-cost
#: corner, clear of the path. The window is a true enlargement, ZOOM times in m and in b alike
#: (the map's own proportions, so the valley's level lines keep their slope): ZOOM_M, steps
#: 2 to 30 where the zig-zag turns into the valley floor, sets it, and ZOOM_B is as tall as
#: the window's place then holds, from ZOOM_B_FLOOR.
ZOOM_AT: tuple[float, float, float, float] = (0.48, 0.62, 0.49, 0.28)
ZOOM_M: tuple[float, float] = (1.30, 2.00)
ZOOM: float = ZOOM_AT[2] * (M_RANGE[1] - M_RANGE[0]) / (ZOOM_M[1] - ZOOM_M[0])
ZOOM_B_FLOOR = -4.50
ZOOM_B: tuple[float, float] = (ZOOM_B_FLOOR,
                               ZOOM_B_FLOOR + ZOOM_AT[3] * (B_RANGE[1] - B_RANGE[0]) / ZOOM)

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

#: The one view of the seven points (regression-data, candidate-lines, residuals, slope-sweep,
#: gd-regression; gdviz.mpl.data_view sets it): the points' y lie in [1.7, 2.7]; the window
#: holds the lines drawn over them where they cross the points (the slope sweep's lines from
#: 1.18 to 3.48, the residual segments), so one reader's eye finds the points at the same
#: place in every panel. Ticks: x by 1, y by 0.5, each number in the house's tick form
#: (numbers.tick: 1, 1.5, 2). gd-regression's panel takes this x window and a y window taken
#: down from this one (its LINE_Y_RANGE), to hold its descent's first lines, far below it.
Y_RANGE: tuple[float, float] = (1.0, 3.5)
X_TICKS: tuple[float, ...] = (2.0, 3.0, 4.0, 5.0)
Y_TICKS: tuple[float, ...] = (1.0, 1.5, 2.0, 2.5, 3.0, 3.5)

# ------------------------------------------------------------------ the regularisation fits

#: The y window of the degree-9 ridge fits (still and animation): the sine's ±1 with room for
#: the weakly penalised fits' swings; the unpenalised fit leaves it and is cut at its edges.
FIT_Y_RANGE: tuple[float, float] = (-2.5, 2.5)
#: The ten noisy samples of sin(2πx) and the sine they were drawn from, one style wherever
#: they are drawn (overfitting-poly, regularization): the training dots (gm.scatter_points'
#: area and edge width) and the dotted true curve, wide enough that its dots read as a curve
#: on either page, at full strength.
SAMPLE_DOT = {"s": 30, "linewidths": 0.8}
TRUE_CURVE_WIDTH = 1.7
#: Points of page colour round each dot of the true curve (its dots keep their gaps), which
#: lies over the fit and the held-out samples: where it runs on a close fit its dots read on
#: the ink line instead of melting into it, and through the samples' cloud as a chain of its
#: own, never as more of their texture.
TRUE_CURVE_RING = 0.6


def run_name(lr: float) -> str:
    """The name of a plain gradient-descent run in a key (cost-heatmap and gd-regression draw
    the same run and name it alike)."""
    return f"gradient descent, $\\alpha = {lr:g}$"


def contour_levels(Z, count: int = CONTOUR_LEVELS, log: bool = True) -> np.ndarray:
    """The one contour-level rule of every map, still or animated: `count` levels from the
    grid's smallest (positive, when log) value to its largest, log-spaced or evenly spaced.
    The first and last level are exactly those two values."""
    Z = np.asarray(Z, dtype=np.float64)
    if log:
        return np.geomspace(float(np.nanmin(Z[Z > 0])), float(np.nanmax(Z)), count)
    return np.linspace(float(np.nanmin(Z)), float(np.nanmax(Z)), count)


#: The flat grids of guesses (sampling-grid-2d, sampling-grid-3d's left panel): the frame's
#: margin round the unit square of weights, a fraction of its side, ticked 0.0, 0.5, 1.0.
#: sampling-grid-2d's dense grid widens it a little, to whole pixels between its dots.
GRID_MARGIN = 0.068


def guesses_title(bins: int, dims: int, count: int) -> str:
    """One title for every grid of guesses: its bins per axis multiplied out, '10 × 10 = 100
    guesses', so the count's growth with each added weight reads in the title."""
    return " × ".join([str(bins)] * dims) + f" = {numbers.count(count)} guesses"
