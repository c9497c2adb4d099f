"""Feature scaling

The same data, the same starting line and the same number of gradient-descent steps ({steps}),
once with the raw inputs x and once with the standardised inputs z = (x − μ)/σ
(μ = {mu:.3f}, σ = {sd:.3f}). Left: with raw x the bowl of J is a long, narrow valley; its
curvature differs {cond_raw:.0f}-fold between the steepest and the flattest direction. Even at a
rate close to the limit (α = {lr_raw:.3f}) each step bounces across the valley while the path
creeps along its floor: after {steps} steps J = {j_raw:.3f}. Right: with standardised z the bowl
is round (curvature ratio {cond_scaled:.0f}); the gradient points at the minimum, and the path
(α = {lr_scaled:g}) runs straight to it: J = {j_scaled:.4f}, the least-squares minimum.

Alt: Two contour maps with a descent path of {steps} steps each. Left, elongated ellipses and a
path that zig-zags from side to side of the valley, far from the minimum at the end. Right,
concentric circles and a straight path from the start to the minimum at the centre.
"""

from matplotlib.colors import LogNorm

from gdcore import data, regression
from gdcore import training_procedure as procedure
from gdviz import mpl as gm
from gdviz import views


def facts() -> dict:
    fs = procedure.FEATURE_SCALING.run()
    x, _ = data.regression_points()
    _, mu, sd = regression.standardize(x)
    return dict(steps=fs.raw.trajectory.steps, mu=mu, sd=sd, cond_raw=fs.raw.condition,
                cond_scaled=fs.scaled.condition, lr_raw=fs.raw.lr, lr_scaled=fs.scaled.lr,
                j_raw=fs.raw.trajectory.losses[-1], j_scaled=fs.scaled.trajectory.losses[-1])


def _panel(ax, theme, run, title, xlabel, ylabel):
    M, B, J = run.grid
    lv = views.contour_levels(J)
    cs = ax.contourf(M, B, J, levels=lv, cmap=theme.surface_cmap, norm=LogNorm(lv[0], lv[-1]),
                     alpha=0.75)
    cs.set_rasterized(True)
    ax.contour(M, B, J, levels=lv, colors=theme.background, linewidths=0.35, alpha=0.6)
    pts = run.trajectory.points
    ax.plot(pts[:, 0], pts[:, 1], color=theme.accent, linewidth=1.0, marker="o", markersize=2.8,
            zorder=3, label=f"{run.trajectory.steps} steps, $\\alpha = {run.lr:.3g}$", gid="path")
    ax.plot(*pts[0], "o", color=theme.text, markersize=4.5, zorder=4, label="start")
    ax.plot(*run.optimum, "*", color=theme.good, markersize=10, markeredgecolor=theme.background,
            markeredgewidth=0.6, zorder=5, label="minimum", gid="minimum")
    ax.set_xlim(M.min(), M.max())
    ax.set_ylim(B.min(), B.max())
    for axis, (lo, hi) in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
        axis.set_ticks([t for t in axis.get_ticklocs() if lo <= t <= hi])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    traj = run.trajectory
    ax.text(0.03, 0.03, f"after {traj.steps} steps: $J = {traj.losses[-1]:.4f}$",
            transform=ax.transAxes, ha="left", va="bottom", fontsize=theme.small_size,
            color=theme.text, bbox=dict(boxstyle="round,pad=0.3", fc=theme.background,
                                        ec="none", alpha=0.85))
    ax.legend(loc="upper right")


def make_figure(theme):
    fs = procedure.FEATURE_SCALING.run()
    fig, (ax, sx) = gm.subplots(theme, 1, 2, height=3.3)
    _panel(ax, theme, fs.raw, f"raw $x$: elongated bowl\ncurvature ratio {fs.raw.condition:.0f}",
           "$m$", "$b$")
    _panel(sx, theme, fs.scaled,
           f"standardised $z$: round bowl\ncurvature ratio {fs.scaled.condition:.0f}",
           "$m'$ (slope on $z$)", "$b'$")
    sx.set_aspect("equal")
    return fig


if __name__ == "__main__":
    gm.main(__file__)
