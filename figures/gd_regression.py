"""Gradient descent on the regression cost

Plain gradient descent on J(m, b) with the raw data, from the poor start m = {m0:g}, b = {b0:g}
(J = {j0}), learning rate α = {lr:g} (the limit for this data is {limit:.3f}), {steps} steps.
Top: the line after steps {schedule}, spaced evenly on a log scale (step 0's runs off the
top of its panel at once, cut at its edge as every panel cuts its line: it runs on far above
the points). Bottom left: the path of
(m, b) over the contours of J: the first steps swing across the steep walls of the valley and
back (each step's end a dot, the long steps arrows; a window enlarges
where they end, as much in m as in b, so the valley keeps its shape, and draws the shorter
steps there as arrows too), then a long slide along its nearly flat floor to
the minimum, where the run's end, a hollow square, frames the minimum's star. Bottom right: J
at every step (both axes logarithmic), the same steps marked; it falls quickly at first, then
slowly, to {jend} after its {steps} steps, against the least-squares minimum {jbest}.

Alt: Top, six small plots of the seven points with a straight line: at step 0 the line is steep
and far above the points, running off the top of its panel at once; it swings below them, then
turns slowly until it runs through them at the last step. Bottom left, a contour map of J with a
path that zig-zags across the valley (an arrow left, then shorter steps back to the right and
left again, drawn as arrows in the enlarged window) and then follows the valley floor to the
minimum, marked by a star framed by a hollow square, the run's end there; a hollow ring marks
the start, and dots labelled with their step mark the steps of the top row (on the map's colour,
the level lines stopping short of the labels); a framed window in the empty upper-right corner,
joined by two thin lines to a small frame on the path, enlarges the end of the zig-zag, where
steps 3 and 15 lie, the level lines in it as steep as on the map. Bottom right, a falling curve
of J against the step number on log axes, with the same six steps marked, the first by a hollow
ring and the last by a hollow square.
"""

import numpy as np

from gdcore import data, regression
from gdcore.cost_descent import COST_DESCENT
from gdviz import mpl as gm
from gdviz import numbers, views
from gdviz import theme as th

#: Significant figures of every cost J of the figure, its caption and alt text (panels, the
#: minimum J*): the book's one rule for costs (numbers.COST_SIG), across the three decades J
#: spans here.
J_SIGNIFICANT = numbers.COST_SIG


#: How far under the least cost J* the cost axis runs (a factor): room for J*'s name under its
#: line, clear of the axis.
J_FLOOR = 2.6


def j_text(v: float, medium: str = "text") -> str:
    """A cost of this figure for people: J_SIGNIFICANT significant figures."""
    return numbers.significant(v, J_SIGNIFICANT, medium)



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
    j = j_text
    return dict(m0=d.start[0], b0=d.start[1], j0=j(traj.losses[0]), lr=d.lr_good,
                limit=COST_DESCENT.max_stable_rate, steps=numbers.count(COST_DESCENT.steps),
                schedule=", ".join(numbers.count(t) for t in sched[:-1])
                + f" and {numbers.count(sched[-1])}",
                jend=j(traj.losses[-1]),
                jbest=j(regression.cost(*regression.least_squares(x, y), x, y)))


#: The zig-zag's steps drawn as arrows on the map: its first, long jump across the valley;
#: the next ones, near the shortest step that carries a head (gm.MIN_HEAD_STEP) on the page,
#: are drawn as arrows in the window that enlarges them.
JUMPS = 1


def band_colour(bands, j: float):
    """The fill of the filled contours' band (a QuadContourSet) in which the cost j lies."""
    k = int(np.clip(np.searchsorted(bands.levels, j) - 1, 0, len(bands.levels) - 2))
    return tuple(bands.get_facecolor()[k])


def in_zoom(p) -> bool:
    """Whether (m, b) lies in the window that enlarges the zig-zag (views.ZOOM_M, ZOOM_B)."""
    return (views.ZOOM_M[0] <= p[0] <= views.ZOOM_M[1]
            and views.ZOOM_B[0] <= p[1] <= views.ZOOM_B[1])


def make_figure(theme):
    x, y = data.regression_points()
    m_best, b_best = regression.least_squares(x, y)
    j_best = regression.cost(m_best, b_best, x, y)
    traj = run()
    sched = schedule()
    pts, losses = traj.points, traj.losses

    fig = gm.new_figure(theme, height=4.5)
    outer = fig.add_gridspec(2, 1, height_ratios=(1, 1.75))
    top = outer[0].subgridspec(1, len(sched))
    bottom = outer[1].subgridspec(1, 2)

    # Top: the line at the scheduled iterations, one small panel each.
    xs = np.array(views.X_RANGE)
    first = None
    for k, t in enumerate(sched):
        ax = fig.add_subplot(top[k], sharey=first)
        first = first or ax
        gm.style_axes(ax, theme)
        m, b = pts[t]
        ax.plot(xs, regression.predict(m, b, xs), color=theme.model, linewidth=1.6, zorder=3,
                gid=f"line-{t}")
        gm.scatter_points(ax, theme, x, y, s=12, zorder=4)
        gm.data_view(ax)
        # a count with its thousands separator ({,}: mathtext must not space the comma); a
        # phantom comma each side gives every first line the comma's depth, so 1,000 sits on
        # the same baseline as the other panels' counts
        t_tex = numbers.count(t).replace(",", "{,}")
        j_tex = j_text(losses[t], "latex")
        ax.set_title(f"$\\phantom{{,}}t = {t_tex}\\phantom{{,}}$\n$J = {j_tex}$",
                     fontsize=theme.small_size,
                     linespacing=1.3)
        ax.set_xlabel("$x$", labelpad=1.5)
        if k:
            ax.tick_params(labelleft=False)
        else:
            ax.set_ylabel("$y$")

    # Bottom left: the path over the house cost map, each early step shown.
    cx = fig.add_subplot(bottom[0])
    M, B, J = regression.cost_grid(x, y, views.M_RANGE, views.B_RANGE, views.GRID_SIZE)
    bands = gm.contour_map(cx, theme, M, B, J)
    gm.descent_path(cx, theme, pts, jumps=JUMPS, steps=3,
                    label=views.run_name(COST_DESCENT.lr_good))
    cx.plot(*pts[0], gid="start", label="start", **theme.marker("start"))
    # the steps of the top row after the zig-zag (t = 3 ends its third arrow), labelled; those
    # inside the zig-zag's window are marked in its enlargement
    zoomed = [t for t in sched[1:-1] if in_zoom(pts[t])]
    outside = [t for t in sched[1:-1] if t not in zoomed]
    cx.plot(pts[outside, 0], pts[outside, 1], gid="iterations", **theme.marker("current"))
    for t in outside:
        # the level lines run close there: each label on a halo of the band it stands on,
        # so the lines stop short of its letters and the map's colour stays round them
        # (the band at the label's middle: digits half an em wide, the map's points per unit
        # of m from its cell's width)
        per_pt = np.ptp(views.M_RANGE) / (fig.get_figwidth() * 72 * cx.get_position().width)
        mid = pts[t, 0] + per_pt * (6 + 0.25 * theme.small_size * len(str(t)))
        ground = band_colour(bands, regression.cost(mid, pts[t, 1], x, y))
        cx.annotate(f"${t}$", pts[t], xytext=(6, 0), textcoords="offset points", ha="left",
                    va="center", fontsize=theme.small_size, color=theme.text, gid=f"t-{t}",
                    path_effects=gm.halo(theme, ground=ground))
    zoom = cx.inset_axes(views.ZOOM_AT, xlim=views.ZOOM_M, ylim=views.ZOOM_B,
                         xticks=[], yticks=[], gid="zoom")
    gm.inset_map(zoom, cx, theme, M, B, J)  # the map's colours: one colour, one J in both
    gm.descent_path(zoom, theme, pts, jumps=3, steps=6, gid="zoom-path")
    for arrow in zoom.texts:  # the steps that start or end outside the window: cut at its edge
        arrow.arrow_patch.set_clip_box(zoom.bbox)
        arrow.arrow_patch.set_clip_on(True)
    zoom.plot(*pts[0], gid="zoom-start", **theme.marker("start"))
    zoom.plot(pts[zoomed, 0], pts[zoomed, 1], gid="zoom-iterations", **theme.marker("current"))
    # each label in a gap: t = 3 left, over the first two arrows running just under it, t = 15
    # right (the path goes on up and left); the step alone, as the main panel writes 62, 250
    for t in zoomed:
        zoom.annotate(f"{t}", pts[t], xytext=(-5, 1) if t == 3 else (6, 0),
                      textcoords="offset points", ha="right" if t == 3 else "left",
                      va="bottom" if t == 3 else "center", fontsize=theme.small_size,
                      color=theme.text, gid=f"zoom-t-{t}")
    # the window, its frame and two leaders (gm.zoom_inset), both leaders from the window's
    # right side (the rule's line from its upper left corner would run over step 62's dot,
    # just above it): its lower right corner to the zoom's, its upper right one to the zoom's
    # lower left
    gm.zoom_inset(zoom, cx, theme, corners=(((1, 0), (1, 0)), ((1, 1), (0, 0))))
    # the run stops at the minimum: its end square at its last point, hollow, framing the star
    cx.plot([m_best], [b_best], label="minimum", gid="minimum", **theme.marker("minimum"))
    gm.end_at(cx, theme, tuple(pts[-1]), theme.end(), star_xy=(m_best, b_best), label="end")
    gm.map_ticks(cx)  # the map's window, ticked every 2, both ends labelled
    cx.set_xlabel(th.AXIS_LABELS["slope"])
    cx.set_ylabel(th.AXIS_LABELS["intercept"])
    cx.set_title(th.title("path of $(m, b)$"))  # α is the legend's, with the run's name
    # one key for the figure, in one strip centred under it (the map's marks and its run)
    handles, names = cx.get_legend_handles_labels()
    fig.legend(handles, names, loc="outside lower center", ncols=len(handles), frameon=False)

    # Bottom right: J per iteration, log axes (iteration 0 on the linear stretch of symlog).
    jx = fig.add_subplot(bottom[1])
    gm.style_axes(jx, theme)
    it = np.arange(len(losses))
    jx.plot(it, losses, color=theme.accent, linewidth=1.4, zorder=2, gid="cost")
    jx.plot(0, losses[0], gid="start-cost", **theme.marker("start"))
    jx.plot(sched[1:-1], losses[sched[1:-1]], gid="iterations-cost", **theme.marker("current"))
    jx.plot(sched[-1], losses[sched[-1]], gid="end-cost", **theme.end())
    # the least cost: a dotted level in ink, as in every figure (the minimum is ink)
    jx.axhline(j_best, **theme.line("reference", color=theme.least_cost, linewidth=0.9, zorder=1,
                                     gid="j-star"))
    j_tex = j_text(j_best, "latex")
    # named under the line, where no curve runs (the cost curve comes down onto the line from
    # above: over the line, the curve's last decade crossed the words), from the first step's
    # tick, so they end well short of the end square on the line at the last step; the cost
    # axis reaches J_FLOOR under J* to hold them
    jx.text(0.0, j_best / 1.12, f"least-squares minimum $J^{{\\!*}} = {j_tex}$",
            ha="left", va="top", fontsize=theme.small_size, color=theme.text,
            gid="j-star-name", path_effects=gm.halo(theme))
    gm.cost_per_iteration_axes(jx, COST_DESCENT.steps, j_best / J_FLOOR, float(losses.max()) * 1.6)
    jx.set_xlim(left=-0.3)  # the whole start ring at t = 0, clear of the left spine
    jx.set_title(th.title("cost per step"))
    return fig


if __name__ == "__main__":
    gm.main(__file__)
