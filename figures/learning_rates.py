"""Three learning rates

The same gradient descent as before, from the same start, with three learning rates. Too small
(α = {lr_small:g}): every step is safe but tiny, and after {steps} steps the path has crawled
only part of the way along the valley floor; J is still {j_small:.3f}. Good (α = {lr_good:g}):
the path crosses the valley in a few steps and slides down it to J = {j_good:.4f}. Too large
(α = {lr_large:g}, above the limit 2/λ_max = {limit:.4f} of this data): each step overshoots the
far wall of the valley by more than the last, the path zig-zags ever wider, and the run diverges:
at step {div_at} the cost has reached {j_div:.1e}.

Alt: Top, three contour maps of the same long valley, each with a descent path from the same
start. Left, a short path that turns into the valley and stops far from the minimum. Middle, a
path that reaches the minimum. Right, a red path that zig-zags across the valley with growing
swings until it leaves the map. Bottom, the cost per iteration of the three runs on log axes: the
small rate falls slowly, the good one reaches the minimum, the large one climbs without bound.
"""

import numpy as np
from matplotlib.colors import LogNorm
from matplotlib.ticker import NullLocator

from gdcore import data, descent, regression
from gdcore.cost_descent import COST_DESCENT
from gdviz import mpl as gm
from gdviz import views


def runs() -> list[tuple[str, float, descent.Trajectory]]:
    """(name, rate, trajectory) of each of the three rates, in COST_DESCENT.learning_rates order."""
    trs = COST_DESCENT.run_learning_rates()
    return [(name, lr, trs[name]) for name, lr in COST_DESCENT.learning_rates]


def facts() -> dict:
    (_, small, ts), (_, good, tg), (_, large, tl) = runs()
    return dict(lr_small=small, lr_good=good, lr_large=large, steps=COST_DESCENT.steps,
                limit=COST_DESCENT.max_stable_rate, j_small=ts.losses[-1], j_good=tg.losses[-1],
                div_at=tl.diverged_at, j_div=tl.losses[-1])


def colours(theme) -> dict:
    """One colour per rate: quiet for too small, the accent for good, the error red for too
    large (it diverges)."""
    return {"too small": theme.muted, "good": theme.accent, "too large": theme.error}


def label(name: str, lr: float, traj) -> str:
    """The legend and title text of a run: its verdict and rate, and 'diverged' if it did."""
    out = f"{name}, $\\alpha = {lr:g}$"
    if traj.diverged:
        out += f": diverged at step {traj.diverged_at}"
    return out


def _sci(v: float) -> str:
    """1.1e+12 as mathtext 1.1 \\times 10^{12}."""
    mant, exp = f"{v:.1e}".split("e")
    return rf"{mant} \times 10^{{{int(exp)}}}"


def make_figure(theme):
    x, y = data.regression_points()
    m_best, b_best = regression.least_squares(x, y)
    cols = colours(theme)
    results = runs()
    M, B, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    lv = views.contour_levels(J)

    fig = gm.new_figure(theme, height=4.6)
    gs = fig.add_gridspec(2, 3, height_ratios=(1.25, 1))
    for k, (name, lr, traj) in enumerate(results):
        ax = fig.add_subplot(gs[0, k])
        cs = ax.contourf(M, B, J, levels=lv, cmap=theme.surface_cmap,
                         norm=LogNorm(lv[0], lv[-1]), alpha=0.6)
        cs.set_rasterized(True)
        ax.contour(M, B, J, levels=lv, colors=theme.background, linewidths=0.3, alpha=0.6)
        pts = traj.points
        if traj.diverged:  # draw up to the first point off the map: the rest is far away
            off = ((pts[:, 0] < views.M_RANGE[0]) | (pts[:, 0] > views.M_RANGE[1])
                   | (pts[:, 1] < views.B_RANGE[0]) | (pts[:, 1] > views.B_RANGE[1]))
            pts = pts[: int(np.argmax(off)) + 1] if off.any() else pts
        ax.plot(pts[:, 0], pts[:, 1], color=cols[name], linewidth=0.4 if traj.diverged else 0.8,
                marker="o", markersize=2.6 if traj.diverged else 2.2, zorder=3,
                gid=f"path-{name}")
        ax.plot(*pts[0], "o", color=theme.text, markersize=4, zorder=4)
        ax.plot([m_best], [b_best], "*", color=theme.good, markersize=9,
                markeredgecolor=theme.background, markeredgewidth=0.5, zorder=5)
        ax.set_xlim(*views.M_RANGE)
        ax.set_ylim(*views.B_RANGE)
        ax.set_xlabel("$m$")
        if k == 0:
            ax.set_ylabel("$b$")
        else:
            ax.tick_params(labelleft=False)
        ax.set_title(f"{name}\n$\\alpha = {lr:g}$", fontsize=theme.font_size, color=cols[name]
                     if name != "too small" else theme.text)
        verdict = (f"leaves the map at step {len(pts) - 1}\ndiverged at step {traj.diverged_at}"
                   if traj.diverged
                   else f"after {traj.steps} steps\n$J = {traj.losses[-1]:.3g}$")
        ax.text(0.96, 0.96, verdict, transform=ax.transAxes, ha="right", va="top",
                fontsize=theme.small_size, color=theme.error if traj.diverged else theme.text,
                bbox=dict(boxstyle="round,pad=0.3", fc=theme.background, ec="none",
                          alpha=0.85))

    # Bottom: J per iteration for the three rates.
    jx = fig.add_subplot(gs[1, :])
    gm.style_axes(jx, theme)
    for name, lr, traj in results:
        it = np.arange(len(traj.losses))
        jx.plot(it, traj.losses, color=cols[name], linewidth=1.4, label=label(name, lr, traj),
                gid=f"cost-{name}")
        if traj.diverged:
            jx.annotate(f"$J = {_sci(traj.losses[-1])}$ at step {traj.diverged_at}: diverged",
                        (0.985, 0.6), xycoords="axes fraction", ha="right", va="center",
                        fontsize=theme.small_size, color=cols[name])
    j_best = regression.cost(m_best, b_best, x, y)
    jx.axhline(j_best, color=theme.good, linestyle="--", linewidth=0.9, zorder=1,
               label=f"minimum $J^{{\\!*}} = {j_best:.4f}$")
    # The diverging run leaves through the top: the view stops at the start's cost × 10⁴.
    gm.cost_per_iteration_axes(jx, COST_DESCENT.steps, j_best / 2,
                               float(results[0][2].losses[0]) * 1e4)
    jx.yaxis.set_minor_locator(NullLocator())
    jx.legend(loc="upper left", fontsize=theme.small_size)
    return fig


if __name__ == "__main__":
    gm.main(__file__)
