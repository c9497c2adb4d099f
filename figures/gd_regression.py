"""Gradient descent on the regression cost

Plain gradient descent on J(m, b) with the raw data, from the poor start m = {m0:g}, b = {b0:g}
(J = {j0}), learning rate α = {lr:g} (the limit for this data is {limit:.4f}), {steps} steps.
Top: the line at iterations {schedule}, spaced evenly on a log scale. Bottom left: the path of
(m, b) over the contours of J: a few large steps across the steep walls of the valley, then a
long slide along its nearly flat floor to the minimum. Bottom right: J at every iteration (both
axes logarithmic), the same iterations marked; it falls quickly at first, then slowly, to
{jend} against the least-squares minimum {jbest}.

Alt: Top, six small plots of the seven points with a straight line: at iteration 0 the line is
steep and far above the points; it swings below them, then turns slowly until it runs through
them at the last iteration. Bottom left, a contour map of J with a path that first zig-zags
across the valley and then follows the valley floor to the minimum, marked by a green star;
a hollow ring marks the start. Bottom right, a falling curve of J against the step number
on log axes, with the same six iterations marked, the first by a hollow ring.
"""

import functools

import numpy as np
from matplotlib.colors import LogNorm

from gdcore import data, regression
from gdcore.cost_descent import COST_DESCENT
from gdviz import mpl as gm
from gdviz import numbers, views
from gdviz import theme as th
from gdviz.colors import mix

#: Decimals of every cost J of the figure, its caption and alt text (panels, the minimum J*):
#: one number of places, enough for J* = 0.0090 and the last step's 0.0091 to differ
#: (13.8610 … 0.0091, not 13.861 beside 0.0090).
J_PLACES = 4


def run():
    """The descent of this figure (and of the gd-regression scene): a descent.Trajectory."""
    return COST_DESCENT.run()


def schedule() -> np.ndarray:
    """The iterations shown: log-spaced over the run."""
    return COST_DESCENT.schedule()


def facts() -> dict:
    x, y = data.regression_points()
    traj = run()
    sched = schedule()
    d = COST_DESCENT
    j = functools.partial(numbers.text, places=J_PLACES)
    return dict(m0=d.start[0], b0=d.start[1], j0=j(traj.losses[0]), lr=d.lr_good,
                limit=COST_DESCENT.max_stable_rate, steps=numbers.count(COST_DESCENT.steps),
                schedule=", ".join(numbers.count(t) for t in sched[:-1])
                + f" and {numbers.count(sched[-1])}",
                jend=j(traj.losses[-1]),
                jbest=j(regression.cost(*regression.least_squares(x, y), x, y)))


def ramp(theme, k: int) -> list:
    """k colours from faint to the full accent: early iterations faint, the last one solid."""
    return [tuple(c) for c in mix(theme.background, theme.accent, np.linspace(0.45, 1.0, k))]


def make_figure(theme):
    x, y = data.regression_points()
    m_best, b_best = regression.least_squares(x, y)
    j_best = regression.cost(m_best, b_best, x, y)
    traj = run()
    sched = schedule()
    colours = ramp(theme, len(sched))
    pts, losses = traj.points, traj.losses

    fig = gm.new_figure(theme, height=4.5)
    outer = fig.add_gridspec(2, 1, height_ratios=(1, 1.75))
    top = outer[0].subgridspec(1, len(sched))
    bottom = outer[1].subgridspec(1, 2)

    # Top: the line at the scheduled iterations, one small panel each.
    xs = np.array(views.X_RANGE)
    first = None
    for k, (t, c) in enumerate(zip(sched, colours)):
        ax = fig.add_subplot(top[k], sharey=first)
        first = first or ax
        gm.style_axes(ax, theme)
        m, b = pts[t]
        ax.plot(xs, regression.predict(m, b, xs), color=c, linewidth=1.6, zorder=3,
                gid=f"line-{t}")
        gm.scatter_points(ax, theme, x, y, s=12, zorder=4)
        ax.set_xlim(*views.X_RANGE)
        ax.set_ylim(0.5, 3.5)
        ax.set_xticks([2, 5])
        # a count with its thousands separator ({,}: mathtext must not space the comma); a
        # phantom comma each side gives every first line the comma's depth, so 1,000 sits on
        # the same baseline as the other panels' counts
        t_tex = numbers.count(t).replace(",", "{,}")
        j_tex = numbers.latex(losses[t], places=J_PLACES)
        ax.set_title(f"$\\phantom{{,}}t = {t_tex}\\phantom{{,}}$\n$J = {j_tex}$",
                     fontsize=theme.small_size,
                     linespacing=1.3)
        ax.set_xlabel("$x$", labelpad=0)
        if k:
            ax.tick_params(labelleft=False)
        else:
            ax.set_ylabel("$y$")

    # Bottom left: the path over the contours of J.
    cx = fig.add_subplot(bottom[0])
    M, B, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    lv = views.contour_levels(J)
    cs = cx.contourf(M, B, J, levels=lv, cmap=theme.surface_cmap, norm=LogNorm(lv[0], lv[-1]),
                     alpha=0.75)
    cs.set_rasterized(True)
    cx.contour(M, B, J, levels=lv, colors=theme.background, linewidths=0.35, alpha=0.6)
    cx.plot(pts[:, 0], pts[:, 1], color=theme.accent, linewidth=1.2, zorder=3,
            label="descent path", gid="path")
    # the start as the house start ring; the later scheduled iterations in their ramp colours
    cx.plot(*pts[0], gid="start", **theme.marker("start"))
    cx.scatter(pts[sched[1:], 0], pts[sched[1:], 1], s=26, c=colours[1:], edgecolors=theme.text,
               linewidths=0.6, zorder=4, gid="iterations")
    cx.plot([m_best], [b_best], label="minimum", gid="minimum", **theme.marker("minimum"))
    cx.annotate("start", pts[0], xytext=(-6, 4), textcoords="offset points", ha="right",
                va="bottom", fontsize=theme.small_size, color=theme.text)
    cx.set_xlim(*views.M_RANGE)
    cx.set_ylim(*views.B_RANGE)
    cx.set_xlabel(th.AXIS_LABELS["slope"])
    cx.set_ylabel(th.AXIS_LABELS["intercept"])
    cx.set_title(th.title(f"path of $(m, b)$, $\\alpha = {COST_DESCENT.lr_good:g}$"))
    gm.optimizer_legend(cx, theme, "map")

    # Bottom right: J per iteration, log axes (iteration 0 on the linear stretch of symlog).
    jx = fig.add_subplot(bottom[1])
    gm.style_axes(jx, theme)
    it = np.arange(len(losses))
    jx.plot(it, losses, color=theme.accent, linewidth=1.4, zorder=2, gid="cost")
    jx.plot(0, losses[0], gid="start-cost", **theme.marker("start"))
    jx.scatter(sched[1:], losses[sched[1:]], s=26, c=colours[1:], edgecolors=theme.text,
               linewidths=0.6, zorder=4, gid="iterations-cost")
    jx.axhline(j_best, color=theme.good, linestyle="--", linewidth=0.9, zorder=1)
    j_tex = numbers.latex(j_best, places=J_PLACES)
    jx.text(1.5, j_best * 1.15, f"least-squares minimum $J^{{\\!*}} = {j_tex}$",
            ha="left", va="bottom", fontsize=theme.small_size, color=theme.text)
    gm.cost_per_iteration_axes(jx, COST_DESCENT.steps, j_best / 1.6, float(losses.max()) * 1.6)
    jx.set_xlim(left=-0.3)  # the whole start ring at t = 0, clear of the left spine
    jx.set_title(th.title("cost per step"))
    return fig


if __name__ == "__main__":
    gm.main(__file__)
