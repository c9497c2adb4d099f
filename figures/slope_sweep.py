"""Sweeping the slope

Hold the intercept at its best value b* = {b_best:.3f} and vary only the slope m. Left: lines
of three slopes through the seven points, each named along it: too flat, best and too steep;
the red bars are the errors of the steepest one. Right: the cost
J as a function of the slope alone, a parabola; each line on the left is the dot at its slope
on it, the two lines that miss by as much either way alike in colour, as they cost the same.
Its bottom, starred, is the best slope, m* = {m_best:.3f}, where
J* = {j_best}; the slopes {m_lo:.3f} (too flat) and {m_hi:.3f} (too steep), equally far on
either side, both cost J = {j_lo}.

Alt: Left, seven points with three straight lines through a common intercept, each labelled
along it with its slope: one too flat, one through the middle of the points, one too steep, with
red dashed vertical bars from each point to the steep line. Right, a U-shaped curve of J
against m with two matching dots high on its arms, labelled too flat and too steep, and a
star at its bottom, m = {m_best:.3f}.
"""

import numpy as np

from gdcore import data, regression
from gdviz import mpl as gm
from gdviz import numbers, views
from gdviz import theme as th

#: Where each line's name sits: its left end (x) and its side (1 above the line, −1 below),
#: clear of the points and the error bars (which end on the steep line, from below).
LINE_LABELS = {"too steep": (2.08, 1), "best": (2.08, -1), "too flat": (3.55, -1)}
#: The right panel's room round the parabola: PAD of the slope window on either side, and the
#: cost axis's top TOP_PAD times the window's highest cost, so the curve's ends stand inside
#: the plot, clear of the spine and of the frame's edge.
PAD, TOP_PAD = 0.06, 1.12


#: The key of the red bars: what they are (each point's error) and whose (the steep line's).
ERRORS_KEY = r"errors $r_i$ of the too steep line"


def _slopes():
    x, y = data.regression_points()
    m_best, b_best = regression.least_squares(x, y)
    return x, y, m_best, b_best, [m_best + d for d in data.SLOPE_SWEEP.offsets]


def facts() -> dict:
    x, y, m_best, b_best, slopes = _slopes()
    lo, hi = slopes[0], slopes[-1]
    return dict(b_best=b_best, m_best=m_best,
                j_best=numbers.cost(regression.cost(m_best, b_best, x, y)),
                m_lo=lo, m_hi=hi, j_lo=numbers.cost(regression.cost(lo, b_best, x, y)))


def _colours(theme, slopes, m_best):
    """The best slope in the 'good' colour (a good fit); the two slopes equally far on either
    side, which cost the same, alike in the model's ink (theme.model)."""
    return [theme.good if m == m_best else theme.model for m in slopes]


def make_figure(theme):
    x, y, m_best, b_best, slopes = _slopes()
    colours = _colours(theme, slopes, m_best)
    fig, (ax, jx) = gm.subplots(theme, 1, 2, height=2.6)

    # Left: the lines at b = b*, the steep one with its errors as red bars.
    gm.style_axes(ax, theme)
    xs = np.array(views.X_RANGE)
    names = dict(zip(slopes, ("too flat", "best", "too steep")))
    for m, c in zip(slopes, colours):
        ax.plot(xs, regression.predict(m, b_best, xs), color=c, zorder=2,
                linewidth=1.8 if m == m_best else 1.3, label=f"$m = {m:.3f}$, {names[m]}")
    m_err = slopes[-1]
    pred = regression.predict(m_err, b_best, x)
    ax.vlines(x, y, pred, **theme.residual(), label=ERRORS_KEY)
    gm.scatter_points(ax, theme, x, y, zorder=5)
    gm.data_view(ax)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    ax.set_title(th.title(f"three slopes, $b = b^{{\\!*}} = {b_best:.3f}$"))
    # each line named on it, along it, in its colour, where no point or bar is; the key holds
    # the errors alone
    for m, c in zip(slopes, colours):
        at, side = LINE_LABELS[names[m]]
        ax.annotate(f"$m = {m:.3f}$, {names[m]}", (at, regression.predict(m, b_best, at)),
                    xytext=(0, 3 * side), textcoords="offset points", ha="left",
                    va="bottom" if side > 0 else "top", color=c, fontsize=theme.small_size,
                    rotation=np.degrees(np.arctan(m)), rotation_mode="anchor",
                    transform_rotates_text=True, gid=f"name-{names[m]}",
                    path_effects=gm.halo(theme))
    gm.optimizer_legend(ax, theme, handles=[ax.collections[0]])

    # Right: J against the slope at b = b*, the three slopes as dots, the bottom marked.
    gm.style_axes(jx, theme)
    ms = np.linspace(*data.SLOPE_SWEEP.window(m_best), 201)
    jx.plot(ms, regression.cost(ms, b_best, x, y), color=theme.text, linewidth=1.3, zorder=2)
    for m, c in zip(slopes, colours):
        if m != m_best:
            jm = regression.cost(m, b_best, x, y)
            # the house mark of a point on the curve (gd-regression's current-point dot, its
            # size and its ring of the page), in the ink of the line it stands for
            jx.plot([m], [jm], gid=f"point-{names[m]}",
                    **{**theme.marker("current"), "color": c, "markerfacecolor": c})
            # the dot named as its line is on the left, on the outer side of its arm
            jx.annotate(names[m], (m, jm), xytext=(-7 if m < m_best else 7, 0),
                        textcoords="offset points", ha="right" if m < m_best else "left",
                        va="center", color=c, fontsize=theme.small_size,
                        gid=f"dot-{names[m]}")
    j_best = regression.cost(m_best, b_best, x, y)
    jx.plot([m_best], [j_best], label="best slope", gid="minimum", **theme.marker("minimum"))
    j_text = numbers.cost(j_best, "mathtext")
    jx.annotate(f"best slope $m^{{\\!*}} = {m_best:.3f}$\n$J^{{\\!*}} = {j_text}$",
                (m_best, j_best),
                xytext=(0, 26), textcoords="offset points", ha="center", va="bottom",
                fontsize=theme.small_size, color=theme.text,
                arrowprops=dict(arrowstyle="-", color=theme.muted, linewidth=0.7,
                                shrinkA=0, shrinkB=4))
    lo, hi = data.SLOPE_SWEEP.window(m_best)
    jx.set_xlim(lo - PAD * (hi - lo), hi + PAD * (hi - lo))
    # the floor a little below J = 0, so the star at the bottom stands clear of the spine
    top = float(regression.cost(np.array([lo, hi]), b_best, x, y).max())
    jx.set_ylim(-0.06 * top, TOP_PAD * top)
    jx.set_xlabel(th.AXIS_LABELS["slope"])
    jx.set_ylabel(th.AXIS_LABELS["cost"])
    jx.set_title(th.title(r"cost against the slope, $b = b^{\!*}$"))
    return fig


if __name__ == "__main__":
    gm.main(__file__)
