"""The data term against the L2 penalty

A linear model y ≈ w₁x₁ + w₂x₂ with two correlated inputs ({n} seeded samples). The ellipses are
the contours of the data term, the mean squared error (1/n)‖y − Xw‖², centred on its
least-squares optimum ({w1:.2f}, {w2:.2f}); the dashed circles are the contours of the penalty
‖w‖², centred on the origin. The regularised cost adds the two, weighted by λ, and its minimiser
(orange path) is where an ellipse touches a circle, drawn for λ = 1: the bold ellipse and the
solid circle through its minimiser meet there without crossing. As λ grows from 0 to {lam_max:g}
the path of these touching points slides from the data's optimum to the origin. Right: the same
path, one weight at a time, against λ on a log scale; the dots mark λ = {labelled} in both
panels.

Alt: A square plot over the weights w1 and w2. Tilted, elongated ellipses centre on a point at
({w1:.2f}, {w2:.2f}) labelled "data optimum"; dashed circles centre on the origin. An orange
curve starts at the data optimum and bends towards the origin; dots on it are labelled with
growing values of λ, the largest ones sitting next to the origin. At the dot for λ = 1 a bold
ellipse and a solid black circle around the origin just touch. A second plot shows the two
weights against λ: w1 falls from {w1:.2f} and w2 rises from {w2:.2f}, and both level off at 0.
"""

import matplotlib.patches
import numpy as np

from gdcore import training_procedure as procedure
from gdviz import equations
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
    return {"n": N, "w1": pc.w_ls[0], "w2": pc.w_ls[1], "lam_max": pc.lams[-1],
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
    lo, hi = float(pc.data_term.min()), float(pc.data_term.max())
    levels = lo + (hi - lo) * np.geomspace(0.004, 0.6, 9)
    cs = ax.contour(pc.W1, pc.W2, pc.data_term, levels=levels, colors=theme.data,
                    linewidths=0.8, alpha=0.9)
    cs.set_gid("data-term")
    # circles of radius 0.5, 1, …, 2.5: each a full arc in the window, no corner fragments
    pen = ax.contour(pc.W1, pc.W2, pc.penalty, levels=(0.5 * np.arange(1, 6)) ** 2,
                     colors=theme.muted, linewidths=0.75, linestyles=[(0, (4, 3))])
    pen.set_gid("penalty")
    # at λ = TANGENT the minimiser is where the data term's ellipse touches the penalty circle
    t = rows[LABELLED.index(TANGENT)]
    wt = pc.path[t]
    touch = ax.contour(pc.W1, pc.W2, pc.data_term, levels=[pc.data_at(wt)], colors=theme.data,
                       linewidths=1.8, zorder=3)
    touch.set_gid("tangent-ellipse")
    ax.add_patch(matplotlib.patches.Circle((0, 0), float(np.hypot(*wt)), fill=False,
                                           edgecolor=theme.text, linewidth=1.4, zorder=3,
                                           gid="tangent-circle"))
    ax.axhline(0, color=theme.grid, linewidth=0.7, zorder=0)
    ax.axvline(0, color=theme.grid, linewidth=0.7, zorder=0)

    ax.plot(pc.path[:, 0], pc.path[:, 1], color=theme.accent, linewidth=2.0, zorder=4,
            gid="path")
    ax.plot(*pc.w_ls, marker="*", markersize=12, color=theme.data,
            markeredgecolor=theme.background, zorder=6, linestyle="none", gid="data-optimum")
    ax.annotate("data optimum\n" + r"($\lambda = 0$)", xy=pc.w_ls, xytext=(0, -9),
                textcoords="offset points", ha="center", va="top",
                fontsize=theme.small_size, color=theme.text, bbox=_backing(theme), zorder=7)
    ax.plot([0], [0], marker="P", markersize=8, color=theme.muted,
            markeredgecolor=theme.background, zorder=6, linestyle="none")
    ax.annotate("penalty optimum\n(the origin)", xy=(0, 0), xytext=(0, -9),
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
    for xy, text, color in ((DATA_LABEL_AT, "data term (MSE)", theme.data),
                            (PENALTY_LABEL_AT, r"penalty $\|w\|^2$", theme.muted)):
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
