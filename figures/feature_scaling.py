"""Feature scaling

The same data, the same starting line and the same number of gradient-descent steps ({steps}),
once with the raw inputs x and once with the standardised inputs z = (x − μ)/σ
(μ = {mu:.3f}, σ = {sd:.3f}). Left: with raw x the bowl of J is a long, narrow valley; its
curvature differs {cond_raw:.0f}-fold between the steepest and the flattest direction. Even at a
rate close to the limit (α = {lr_raw:.3f}) each step bounces across the valley while the path
creeps along its floor: after {steps} steps J = {j_raw:.4f}. Right: with standardised z the bowl
is round (curvature ratio {cond_scaled:.0f}); the gradient points at the minimum, and the path
(α = {lr_scaled:g}) runs straight to it: J = {j_scaled:.4f}, the least-squares minimum.

Alt: Two contour maps with a descent path of {steps} steps each, its dots darker with time.
Left, elongated ellipses and a path that starts up the valley and zig-zags from side to side of
it while creeping along its floor, far from the minimum at the end. Right,
concentric circles and a straight path from the start to the minimum at the centre.
"""

import matplotlib.colors as mcolors
import numpy as np

from gdcore import data, regression
from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import numbers as nb
from gdviz import theme as th


def facts() -> dict:
    fs = procedure.FEATURE_SCALING.run()
    x, _ = data.regression_points()
    _, mu, sd = regression.standardize(x)
    return dict(steps=fs.raw.trajectory.steps, mu=mu, sd=sd, cond_raw=fs.raw.condition,
                cond_scaled=fs.scaled.condition, lr_raw=fs.raw.lr, lr_scaled=fs.scaled.lr,
                j_raw=fs.raw.trajectory.losses[-1], j_scaled=fs.scaled.trajectory.losses[-1])


def _panel(ax, theme, run, title, xlabel, ylabel):
    M, B, J = run.grid
    gm.contour_map(ax, theme, M, B, J)
    pts = run.trajectory.points
    ax.plot(pts[:, 0], pts[:, 1], color=theme.accent, linewidth=0.9, zorder=3, gid="path",
            label=f"{run.trajectory.steps} steps, " + nb.hyper(r"\alpha", run.lr, "mathtext"))
    # steps shaded by time: early steps pale, late steps full accent
    shade = mcolors.LinearSegmentedColormap.from_list("time", [theme.background, theme.accent])
    ax.scatter(pts[1:, 0], pts[1:, 1], c=np.linspace(0.35, 1.0, len(pts) - 1), cmap=shade,
               vmin=0, vmax=1, s=9, edgecolors=theme.accent, linewidths=0.4, zorder=4,
               gid="steps")
    ax.plot(*pts[0], **theme.marker("start"), label="start")
    ax.plot(*run.optimum, **theme.marker("minimum"), label="minimum", gid="minimum")
    ax.set_xlim(M.min(), M.max())
    ax.set_ylim(B.min(), B.max())
    for axis, (lo, hi) in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
        axis.set_ticks([t for t in axis.get_ticklocs() if lo <= t <= hi])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    traj = run.trajectory
    ax.text(0.03, 0.03, f"after {traj.steps} steps: $J = {nb.latex(traj.losses[-1], places=4)}$",
            transform=ax.transAxes, ha="left", va="bottom", fontsize=theme.small_size,
            color=theme.text, bbox=dict(boxstyle="round,pad=0.3", fc=theme.background,
                                        ec="none", alpha=0.85))
    gm.optimizer_legend(ax, theme, "map")


def make_figure(theme):
    fs = procedure.FEATURE_SCALING.run()
    fig, (ax, sx) = gm.subplots(theme, 1, 2, height=3.3)
    _panel(ax, theme, fs.raw, f"raw $x$: elongated bowl\ncurvature ratio {fs.raw.condition:.0f}",
           th.AXIS_LABELS["slope"], th.AXIS_LABELS["intercept"])
    _panel(sx, theme, fs.scaled,
           f"standardised $z$: round bowl\ncurvature ratio {fs.scaled.condition:.0f}",
           th.AXIS_LABELS["slope on z"], th.AXIS_LABELS["intercept on z"])
    sx.set_aspect("equal")
    return fig


if __name__ == "__main__":
    gm.main(__file__)
