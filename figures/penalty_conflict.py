"""The cost against the L2 penalty

A linear model y ≈ w₁x₁ + w₂x₂ with two correlated inputs ({n} seeded samples). The shaded map
is the cost J = (1/2n)‖y − Xw‖², its ellipses centred on its least-squares minimum, the star at
({w1}, {w2}); the dashed circles are the contours of the penalty ‖w‖², centred on the origin
(its own minimum, a star too). The regularised cost J_λ = J + (λ/2)‖w‖² (both weights
penalised: the model has no intercept) has its minimiser (orange path) where an ellipse touches a
circle, drawn for λ = 1: the bold ellipse and the solid circle through its minimiser meet there
without crossing. As λ grows from 0 to {lam_max:g} the path of these touching points slides from
the minimum of J to the origin. Right: the same path, one weight at a time, against λ on a log
scale; the dots mark λ = {labelled} in both panels.

Alt: A square cost map over the weights w1 and w2, its tilted, elongated ellipses shaded darkest
around a star at ({w1}, {w2}) labelled "minimum of J"; dashed circles centre on a second
star at the origin. An orange curve starts at the first star and bends towards the origin; dots
on it are labelled with growing values of λ, the largest ones sitting next to the origin. At the
dot for λ = 1 a bold blue ellipse and a solid circle around the origin just touch. A second plot
shows the two weights against λ: w1 falls from {w1} and w2 rises from {w2}, and both
level off at 0.
"""

import matplotlib.patches
import numpy as np

from gdcore import training_procedure as procedure
from gdviz import equations, numbers
from gdviz import mpl as gm
from gdviz import theme as th

N = 50  # samples of the two-input regression
LABELLED = (0.1, 1.0, 10.0)  # λ values marked on the path (all on gdcore's grid)
TANGENT = 1.0  # the labelled λ whose touching ellipse and circle are drawn


def conflict():
    return procedure.penalty_conflict(n=N)


def labelled_rows(pc) -> list[int]:
    """Row of pc.path for each labelled λ."""
    return [int(np.flatnonzero(np.isclose(pc.lams, lam, rtol=1e-9, atol=0))[0])
            for lam in LABELLED]


def facts() -> dict:
    pc = conflict()
    lams = [f"{pc.lams[r]:g}" for r in labelled_rows(pc)]
    return {"n": N, "w1": numbers.text(pc.w_ls[0], places=2),
            "w2": numbers.text(pc.w_ls[1], places=2), "lam_max": pc.lams[-1],
            "labelled": ", ".join(lams[:-1]) + " and " + lams[-1]}


def _backing(theme) -> dict:
    """A box in the background colour behind a label on the map: no line runs through it."""
    return dict(boxstyle="round,pad=0.15", facecolor=theme.background, edgecolor="none",
                alpha=0.9)


# Where each λ label sits relative to its dot (offset in points, horizontal alignment).
LABEL_AT = {0.1: ((6, 3), "left", "bottom"), 1.0: ((2, 7), "left", "bottom"),
            10.0: ((-3, 7), "right", "bottom")}
WINDOW = ((-1.0, 2.6), (-1.7, 1.2))  # (w1, w2) limits: the data optimum, the path, the origin
DATA_LABEL_AT, PENALTY_LABEL_AT = (1.55, 0.75), (-0.55, 0.95)  # direct labels of the contours


def make_figure(theme):
    pc = conflict()
    rows = labelled_rows(pc)
    fig, (ax, side) = gm.subplots(theme, 1, 2, height=3.3, width=1.0,
                                  gridspec_kw=dict(width_ratios=(1.25, 1.0)))
    gm.style_axes(ax, theme, grid=False)
    # the cost J as every cost map of the chapter is drawn (theme.cost_map)
    cs = gm.contour_map(ax, theme, pc.W1, pc.W2, pc.cost)
    cs.set_gid("data-term")
    # circles of radius 0.5, 1, …, 2.5: each a full arc in the window, no corner fragments
    pen = ax.contour(pc.W1, pc.W2, pc.penalty, levels=(0.5 * np.arange(1, 6)) ** 2,
                     colors=theme.text, linewidths=0.7, linestyles=[(0, (4, 3))])
    pen.set_gid("penalty")
    # at λ = TANGENT the minimiser is where an ellipse of J touches the penalty circle
    t = rows[LABELLED.index(TANGENT)]
    wt = pc.path[t]
    touch = ax.contour(pc.W1, pc.W2, pc.cost, levels=[pc.cost_at(wt)], colors=theme.data,
                       linewidths=1.8, zorder=3)
    touch.set_gid("tangent-ellipse")
    ax.add_patch(matplotlib.patches.Circle((0, 0), float(np.hypot(*wt)), fill=False,
                                           edgecolor=theme.text, linewidth=1.4, zorder=3,
                                           gid="tangent-circle"))

    ax.plot(pc.path[:, 0], pc.path[:, 1], color=theme.accent, linewidth=2.0, zorder=4,
            gid="path")
    ax.plot(*pc.w_ls, **theme.marker("minimum"), gid="data-optimum")
    ax.annotate("minimum of $J$\n" + r"($\lambda = 0$)", xy=pc.w_ls, xytext=(0, -9),
                textcoords="offset points", ha="center", va="top",
                fontsize=theme.small_size, color=theme.text, bbox=_backing(theme), zorder=7)
    ax.plot([0], [0], **theme.marker("minimum"), gid="penalty-optimum")
    ax.annotate("minimum of the penalty\n(the origin)", xy=(0, 0), xytext=(0, -9),
                textcoords="offset points", ha="center", va="top",
                fontsize=theme.small_size, color=theme.text, bbox=_backing(theme), zorder=7)
    ax.plot(pc.path[rows, 0], pc.path[rows, 1], "o", color=theme.accent, markersize=5,
            markeredgecolor=theme.background, zorder=5, linestyle="none")
    for r, lam in zip(rows, LABELLED):
        off, ha, va = LABEL_AT[lam]
        ax.annotate(rf"$\lambda = {pc.lams[r]:g}$", xy=pc.path[r], xytext=off, gid="lambda",
                    textcoords="offset points", ha=ha, va=va, fontsize=theme.small_size,
                    color=theme.text, bbox=_backing(theme), zorder=7)
    ax.set_aspect("equal")
    ax.set_xlim(*WINDOW[0])
    ax.set_ylim(*WINDOW[1])
    ax.set_xticks(np.arange(-1.0, WINDOW[0][1] + 0.01, 0.5))
    ax.set_yticks(np.arange(-1.5, WINDOW[1][1] + 0.01, 0.5))
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    ax.set_title(equations.mathtext("l2-penalty"), fontsize=theme.font_size)
    for xy, text, color in ((DATA_LABEL_AT, "cost $J$", theme.text),
                            (PENALTY_LABEL_AT, r"penalty $\|w\|^2$", theme.text)):
        ax.text(*xy, text, ha="center", va="center", fontsize=theme.small_size, color=color,
                bbox=_backing(theme), zorder=7)

    # The same path, weight by weight, against λ (λ = 0 on the left edge of the log axis).
    gm.style_axes(side, theme)
    pos = pc.lams > 0
    for k, (ls, name) in enumerate(((None, "$w_1$"), ((0, (5, 2)), "$w_2$"))):
        side.plot(pc.lams[pos], pc.path[pos, k], color=theme.accent, linewidth=1.6,
                          linestyle=ls or "-", label=name, gid=f"w{k + 1}")
        side.plot(pc.lams[rows], pc.path[rows, k], "o", color=theme.accent, markersize=4.5,
                  markeredgecolor=theme.background, zorder=5, linestyle="none")
    side.axhline(0, color=theme.muted, linewidth=0.7, zorder=1)
    side.set_xscale("log")
    lmin, lmax = pc.lams[pos].min(), pc.lams.max()
    side.set_xlim(lmin / 2, lmax * 2)
    side.set_xticks(10.0 ** np.arange(np.log10(lmin), np.log10(lmax) + 0.5))
    side.set_xlabel(r"penalty strength $\lambda$")
    side.set_ylabel("weight at the minimiser")
    side.legend(loc="upper right")
    side.set_title(th.title("the minimiser, weight by weight"), fontsize=theme.font_size)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
